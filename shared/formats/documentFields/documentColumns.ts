import type { DocumentLabelValue } from '../../documentLabels/judgmentFormat';
import { METADATA_FIELDS, type ArticleMetadata, type MetadataField } from '../../metadata/articleMetadata';
import type { DocumentOutput, ExportDimension, ExportFormatId } from '../exportTypes';

/**
 * (#21) What an export writes of an article as a whole, beside its spans: the metadata fields
 * (title, source, URL, publication date, author) and the document labels. Columns are named the
 * same in every tabular format: the metadata field names, then `label_` + each dimension id,
 * declared dimensions first in the tag set's order, then those only the files hold, sorted
 * (fixed contract: labels of an undeclared dimension are exported as they are).
 */
export const LABEL_COLUMN_PREFIX = 'label_';

export interface DocumentColumns {
  metadata: MetadataField[];
  dimensions: string[];
}

/** The columns the outputs need: metadata fields any of them has, dimensions declared or found. */
export function documentColumnsOf(outputs: readonly DocumentOutput[], declared: readonly ExportDimension[] = []): DocumentColumns {
  const metadata = METADATA_FIELDS.filter((field) => outputs.some((output) => output.metadata?.[field] !== undefined));
  const found = new Set(outputs.flatMap((output) => Object.keys(output.documentLabels ?? {})));
  const declaredIds = declared.map((dimension) => dimension.id);
  const extra = [...found].filter((id) => !declaredIds.includes(id)).sort();
  return { metadata, dimensions: [...declaredIds, ...extra] };
}

export function hasDocumentColumns(columns: DocumentColumns): boolean {
  return columns.metadata.length > 0 || columns.dimensions.length > 0;
}

/** The metadata an export carries: the fields with a value, or nothing. */
export function exportedMetadata(metadata: ArticleMetadata | undefined): { meta?: ArticleMetadata } {
  return metadata && Object.keys(metadata).length > 0 ? { meta: { ...metadata } } : {};
}

/** Dimensions in the document the tag set does not declare, for the report (fixed contract: kept, reported, exported). */
export function undeclaredDimensions(labels: Readonly<Record<string, DocumentLabelValue>> | undefined, declared: readonly ExportDimension[] | undefined): string[] {
  if (!labels || !declared) return [];
  const known = new Set(declared.map((dimension) => dimension.id));
  return Object.keys(labels).filter((id) => !known.has(id)).sort();
}

/**
 * Where each format puts an article's metadata and document labels, for the manifest; null for
 * the formats that have no place for them (brat's standoff and CoNLL's token lines), so the
 * manifest says they were left out rather than leaving the reader to wonder.
 */
export const DOCUMENT_FIELDS_PLACE: Readonly<Record<ExportFormatId, { metadata: string | null; documentLabels: string | null }>> = {
  brat: { metadata: null, documentLabels: null },
  conll: { metadata: null, documentLabels: null },
  jsonl: { metadata: 'meta', documentLabels: 'cats' },
  labelstudio: { metadata: 'data fields', documentLabels: 'choices, rating and textarea results named by dimension' },
  w3c: { metadata: 'dcterms terms on each target source', documentLabels: null },
  csv: { metadata: 'documents.csv columns', documentLabels: 'documents.csv label_<dimension> columns' },
  hf: { metadata: 'data.jsonl columns', documentLabels: 'data.jsonl label_<dimension> columns (document_features in labels.json)' },
};
