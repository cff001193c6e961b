import type { DocumentLabels, DocumentLabelValue } from '../../documentLabels/judgmentFormat';
import type { ExportDimension } from '../exportTypes';

/**
 * (#21) Document labels as Label Studio results on the whole text (no region): a choice or
 * several as a `choices` result, a scale as `rating`, free text as `textarea`, each named
 * (`from_name`) by its dimension id. Read back by `documentLabelsOfResults`, so an export imports
 * back with its labels. A dimension the tag set does not declare is written by its value's form.
 */
export interface DocumentLabelResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'choices' | 'rating' | 'textarea';
  value: { choices: string[] } | { rating: number } | { text: string[] };
}

function resultOf(dimensionId: string, value: DocumentLabelValue, kind: ExportDimension['kind'] | undefined, toName: string): DocumentLabelResult {
  const base = { id: `doc-${dimensionId}`, from_name: dimensionId, to_name: toName };
  if (typeof value === 'number') return { ...base, type: 'rating', value: { rating: value } };
  if (kind === 'text') return { ...base, type: 'textarea', value: { text: [String(value)] } };
  return { ...base, type: 'choices', value: { choices: Array.isArray(value) ? [...value] : [value] } };
}

export function documentLabelResults(labels: Readonly<DocumentLabels> | undefined, dimensions: readonly ExportDimension[] | undefined, toName: string): DocumentLabelResult[] {
  if (!labels) return [];
  return Object.entries(labels).map(([id, value]) => resultOf(id, value, dimensions?.find((dimension) => dimension.id === id)?.kind, toName));
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The labelling config's tags for the declared dimensions. */
export function documentLabelConfig(dimensions: readonly ExportDimension[] | undefined, toName: string): string[] {
  return (dimensions ?? []).flatMap((dimension) => {
    const name = escapeXml(dimension.id);
    if (dimension.kind === 'text') return [`  <TextArea name="${name}" toName="${toName}"/>`];
    if (dimension.kind === 'scale') return [`  <Rating name="${name}" toName="${toName}" maxRating="${dimension.values.length}"/>`];
    return [
      `  <Choices name="${name}" toName="${toName}" choice="${dimension.kind === 'multi' ? 'multiple' : 'single'}">`,
      ...dimension.values.map((value) => `    <Choice value="${escapeXml(value)}"/>`),
      '  </Choices>',
    ];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document labels in a task's results: `choices` (one choice a string, several a list),
 * `rating` (a number) and `textarea` (its text) results that name no region. Results without a
 * `from_name` or of another form are not document labels and are left to the span reader.
 */
export function documentLabelsOfResults(results: readonly unknown[]): DocumentLabels {
  const labels: DocumentLabels = {};
  for (const result of results) {
    if (!isRecord(result) || typeof result.from_name !== 'string' || result.from_name === '' || !isRecord(result.value)) continue;
    const value = result.value;
    if (value.start !== undefined || value.end !== undefined) continue;
    if (result.type === 'choices' && Array.isArray(value.choices) && value.choices.every((choice) => typeof choice === 'string')) {
      const choices = value.choices as string[];
      labels[result.from_name] = choices.length === 1 ? choices[0] : choices;
    } else if (result.type === 'rating' && typeof value.rating === 'number' && Number.isFinite(value.rating)) labels[result.from_name] = value.rating;
    else if (result.type === 'textarea' && Array.isArray(value.text) && value.text.every((line) => typeof line === 'string')) labels[result.from_name] = (value.text as string[]).join('\n');
  }
  return labels;
}
