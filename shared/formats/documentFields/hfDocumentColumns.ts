import type { DocumentLabelValue } from '../../documentLabels/judgmentFormat';
import type { DocumentOutput, ExportDimension } from '../exportTypes';
import { LABEL_COLUMN_PREFIX, type DocumentColumns } from './documentColumns';

/**
 * (#21) Hugging Face columns for an article's metadata and document labels, repeated on each of
 * its sentence rows, with their `datasets.Features` description for labels.json:
 * - a metadata field: `Value("string")`;
 * - a single-choice dimension the tag set declares: a `ClassLabel` of its values, the row
 *   holding the value's index (-1, ClassLabel's "no label", when absent or not a declared value);
 * - multiple choice: a list of strings; a scale: a number (`float64`); free text: a string;
 * - a dimension the tag set does not declare: its values as they are (a string, a list or a number).
 */
type Feature = Record<string, unknown>;
const STRING: Feature = { _type: 'Value', dtype: 'string' };

function featureOf(id: string, dimension: ExportDimension | undefined, outputs: readonly DocumentOutput[]): Feature {
  if (dimension?.kind === 'single') return { _type: 'ClassLabel', names: [...dimension.values] };
  if (dimension?.kind === 'multi') return { _type: 'Sequence', feature: STRING };
  if (dimension?.kind === 'scale') return { _type: 'Value', dtype: 'float64' };
  if (dimension?.kind === 'text') return STRING;
  const values = outputs.map((output) => output.documentLabels?.[id]).filter((value) => value !== undefined);
  if (values.some(Array.isArray)) return { _type: 'Sequence', feature: STRING };
  if (values.length > 0 && values.every((value) => typeof value === 'number')) return { _type: 'Value', dtype: 'float64' };
  return STRING;
}

export function hfDocumentFeatures(columns: DocumentColumns, dimensions: readonly ExportDimension[], outputs: readonly DocumentOutput[]): Record<string, Feature> {
  const features: Record<string, Feature> = {};
  for (const field of columns.metadata) features[field] = STRING;
  for (const id of columns.dimensions) features[LABEL_COLUMN_PREFIX + id] = featureOf(id, dimensions.find((dimension) => dimension.id === id), outputs);
  return features;
}

function cellOf(value: DocumentLabelValue | undefined, feature: Feature): DocumentLabelValue | null {
  if (feature._type === 'ClassLabel') return typeof value === 'string' ? (feature.names as string[]).indexOf(value) : -1;
  if (value === undefined) return feature._type === 'Sequence' ? [] : null;
  if (feature._type === 'Sequence') return Array.isArray(value) ? value : [String(value)];
  if (feature.dtype === 'float64') return typeof value === 'number' ? value : null;
  return Array.isArray(value) ? value.join('|') : String(value);
}

/** The article's cells, by column, in the features' order. */
export function hfDocumentCells(output: DocumentOutput, features: Record<string, Feature>): Record<string, DocumentLabelValue | null> {
  const cells: Record<string, DocumentLabelValue | null> = {};
  for (const [column, feature] of Object.entries(features)) {
    if (column.startsWith(LABEL_COLUMN_PREFIX)) cells[column] = cellOf(output.documentLabels?.[column.slice(LABEL_COLUMN_PREFIX.length)], feature);
    else cells[column] = output.metadata?.[column as keyof typeof output.metadata] ?? null;
  }
  return cells;
}
