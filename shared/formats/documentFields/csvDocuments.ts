import type { DocumentOutput, ExportDimension, ExportFile } from '../exportTypes';
import { documentColumnsOf, hasDocumentColumns, LABEL_COLUMN_PREFIX } from './documentColumns';

/**
 * (#21) CSV's `documents.csv` beside `annotations.csv`: one row per article with its metadata
 * and document labels (`article`, the metadata fields, `label_<dimension>`...). A multiple-choice
 * value is its choices joined with `|`; a scale is its number. Written when any article has one.
 */
export const DOCUMENTS_CSV_FILE = 'documents.csv';
export const MULTI_VALUE_SEPARATOR = '|';

export function csvDocumentsFile(outputs: readonly DocumentOutput[], dimensions: readonly ExportDimension[] | undefined, record: (fields: readonly string[]) => string): ExportFile | null {
  const columns = documentColumnsOf(outputs, dimensions ?? []);
  if (!hasDocumentColumns(columns) || outputs.every((output) => !output.metadata && !output.documentLabels)) return null;
  let content = record(['article', ...columns.metadata, ...columns.dimensions.map((id) => LABEL_COLUMN_PREFIX + id)]);
  for (const output of outputs) {
    const labels = output.documentLabels ?? {};
    const values = columns.dimensions.map((id) => {
      const value = labels[id];
      return value === undefined ? '' : Array.isArray(value) ? value.join(MULTI_VALUE_SEPARATOR) : String(value);
    });
    content += record([output.article, ...columns.metadata.map((field) => output.metadata?.[field] ?? ''), ...values]);
  }
  return { path: DOCUMENTS_CSV_FILE, content, role: 'schema' };
}
