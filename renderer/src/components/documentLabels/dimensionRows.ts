import type { Dimension, DimensionInput, DimensionKind } from '../../../../shared/documentLabels/dimensions';

/**
 * (#21) A dimension as the editor holds it: its values as lines of text, `id | fa | en |
 * guideline` (keys kept from the tag set when a value keeps its id), so a lead can type or paste
 * a whole list at once.
 */
export interface DimensionRow {
  id: string;
  kind: DimensionKind;
  fa: string;
  en: string;
  guideline: string;
  level: 'ordinal' | 'interval';
  valuesText: string;
  /** Keys the tag set gives values by id, kept when the id stays. */
  keys: Record<string, string>;
}

export function toDimensionRows(dimensions: readonly Dimension[]): DimensionRow[] {
  return dimensions.map((dimension) => ({
    id: dimension.id,
    kind: dimension.kind,
    fa: dimension.label.fa,
    en: dimension.label.en,
    guideline: dimension.guideline,
    level: dimension.level,
    valuesText: dimension.values.map((value) => [value.id, value.label.fa, value.label.en, value.guideline].join(' | ').replace(/( \| )+$/, '')).join('\n'),
    keys: {},
  }));
}

export function emptyDimensionRow(position: number): DimensionRow {
  return { id: `dimension${position}`, kind: 'single', fa: '', en: '', guideline: '', level: 'ordinal', valuesText: '', keys: {} };
}

function parseValueLine(line: string) {
  const [id = '', fa = '', en = '', guideline = ''] = line.split('|').map((part) => part.trim());
  return { id, label: { ...(fa ? { fa } : {}), ...(en ? { en } : {}) }, ...(guideline ? { guideline } : {}) };
}

export type RowProblem = { key: 'badId' } | { key: 'duplicateDimension'; id: string } | { key: 'noValues'; id: string };

/** The rows as the tag set's `dimensions`, or the first problem with them. */
export function toDimensionInputs(rows: readonly DimensionRow[]): { dimensions: DimensionInput[] } | { problem: RowProblem } {
  const seen = new Set<string>();
  const dimensions: DimensionInput[] = [];
  for (const row of rows) {
    if (!/^[^\s]+$/.test(row.id)) return { problem: { key: 'badId' } };
    if (seen.has(row.id)) return { problem: { key: 'duplicateDimension', id: row.id } };
    seen.add(row.id);
    const values = row.valuesText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map(parseValueLine)
      .filter((value) => value.id !== '');
    if (row.kind !== 'text' && values.length === 0) return { problem: { key: 'noValues', id: row.id } };
    dimensions.push({
      id: row.id,
      kind: row.kind,
      label: { ...(row.fa ? { fa: row.fa } : {}), ...(row.en ? { en: row.en } : {}) },
      ...(row.guideline ? { guideline: row.guideline } : {}),
      ...(row.kind === 'text' ? {} : { values: [...new Map(values.map((value) => [value.id, value])).values()] }),
      ...(row.kind === 'scale' ? { level: row.level } : {}),
    });
  }
  return { dimensions };
}
