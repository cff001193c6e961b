import type { Dimension } from './dimensions';
import type { DocumentLabels, DocumentLabelValue } from './judgmentFormat';

/**
 * Choosing a value of a dimension: a single choice or scale point replaces the dimension's
 * value (choosing it again clears it), a multiple-choice value is toggled in or out of the set.
 * The result is a new object; a dimension left empty is removed.
 */
export function chooseValue(labels: DocumentLabels, dimension: Dimension, valueId: string): DocumentLabels {
  const current = labels[dimension.id];
  if (dimension.kind === 'multi') {
    const set = Array.isArray(current) ? current : typeof current === 'string' ? [current] : [];
    const next = set.includes(valueId) ? set.filter((value) => value !== valueId) : [...set, valueId];
    return withValue(labels, dimension.id, next.length > 0 ? next : undefined);
  }
  const value: DocumentLabelValue = dimension.kind === 'scale' && Number.isFinite(Number(valueId)) ? Number(valueId) : valueId;
  return withValue(labels, dimension.id, current === value ? undefined : value);
}

/** Free text: an empty text removes the dimension's value. */
export function setText(labels: DocumentLabels, dimensionId: string, text: string): DocumentLabels {
  return withValue(labels, dimensionId, text.trim() === '' ? undefined : text);
}

export function withValue(labels: DocumentLabels, dimensionId: string, value: DocumentLabelValue | undefined): DocumentLabels {
  const next: DocumentLabels = { ...labels };
  if (value === undefined) delete next[dimensionId];
  else next[dimensionId] = value;
  return next;
}

/** Whether a value of a dimension is chosen in these labels. */
export function isChosen(labels: DocumentLabels, dimension: Dimension, valueId: string): boolean {
  const current = labels[dimension.id];
  if (Array.isArray(current)) return current.includes(valueId);
  return current !== undefined && String(current) === valueId;
}

/**
 * Labels the tag set does not account for: a dimension it does not declare, or a value a choice
 * dimension does not list. They are kept in the file and exported as they are; this names them.
 */
export function undeclaredLabels(labels: DocumentLabels, dimensions: readonly Dimension[]): { dimension: string; value: DocumentLabelValue }[] {
  const byId = new Map(dimensions.map((dimension) => [dimension.id, dimension]));
  return Object.entries(labels).flatMap(([id, value]) => {
    const dimension = byId.get(id);
    if (!dimension) return [{ dimension: id, value }];
    if (dimension.kind === 'text') return [];
    const known = new Set(dimension.values.map((candidate) => candidate.id));
    const values = Array.isArray(value) ? value : [String(value)];
    const unknown = values.filter((candidate) => !known.has(candidate));
    return unknown.length > 0 ? [{ dimension: id, value: Array.isArray(value) ? unknown : value }] : [];
  });
}

/** Whether two labels objects hold the same values (multiple choice compared as sets). */
export function sameLabelValue(a: DocumentLabelValue | undefined, b: DocumentLabelValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value) => b.includes(value));
  return a === b;
}

export function sameDocumentLabels(a: DocumentLabels, b: DocumentLabels): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameLabelValue(a[key], b[key])) return false;
  return true;
}
