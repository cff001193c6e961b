import type { DocumentLabelValue } from '../documentLabels/judgmentFormat';
import type { ArticleSummary } from './metadataWire';

/**
 * (#21) The file list by metadata and document labels: filter by source and by a dimension's
 * value, sort by publication date (newest first), title, source or author. Articles whose
 * summary has not arrived yet, or that lack the field, go last in any metadata order.
 */
export type MetadataSort = '' | 'published' | 'title' | 'source' | 'author';

export interface MetadataFilter {
  source: string;
  /** `dimension` + LABEL_FILTER_SEPARATOR + value, or '' for any. */
  label: string;
  sort: MetadataSort;
}

export const EMPTY_METADATA_FILTER: MetadataFilter = { source: '', label: '', sort: '' };
export const LABEL_FILTER_SEPARATOR = '\u0000';

const collator = new Intl.Collator(['fa', 'en'], { numeric: true, sensitivity: 'base' });

function hasValue(value: DocumentLabelValue | undefined, wanted: string): boolean {
  if (value === undefined) return false;
  return Array.isArray(value) ? value.includes(wanted) : String(value) === wanted;
}

/** Whether the article passes the metadata filter (no summary yet: it passes only an empty filter). */
export function matchesMetadata(summary: ArticleSummary | undefined, filter: MetadataFilter): boolean {
  if (filter.source === '' && filter.label === '') return true;
  if (!summary) return false;
  if (filter.source !== '' && summary.metadata.source !== filter.source) return false;
  if (filter.label !== '') {
    const [dimension, value] = filter.label.split(LABEL_FILTER_SEPARATOR);
    if (!hasValue(summary.labels[dimension], value)) return false;
  }
  return true;
}

/** The order of a metadata sort, ids breaking ties; null for none (the list's own order). */
export function metadataOrder<T extends { id: string }>(sort: MetadataSort, summaries: Readonly<Record<string, ArticleSummary>>): ((a: T, b: T) => number) | null {
  if (sort === '') return null;
  return (a, b) => {
    const first = summaries[a.id]?.metadata[sort];
    const second = summaries[b.id]?.metadata[sort];
    if (first === undefined || second === undefined) return first === second ? collator.compare(a.id, b.id) : first === undefined ? 1 : -1;
    // ISO dates compare as text; newest first.
    const byField = sort === 'published' ? second.localeCompare(first) : collator.compare(first, second);
    return byField || collator.compare(a.id, b.id);
  };
}

/** Sources found in the summaries, sorted, for the filter's choices. */
export function sourcesOf(summaries: Readonly<Record<string, ArticleSummary>>): string[] {
  return [...new Set(Object.values(summaries).flatMap((summary) => (summary.metadata.source ? [summary.metadata.source] : [])))].sort(collator.compare);
}

/** Each dimension's values with how many articles have them, for the label filter and the statistics' bars. */
export function labelCounts(summaries: Readonly<Record<string, ArticleSummary>>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const summary of Object.values(summaries)) {
    for (const [dimension, value] of Object.entries(summary.labels)) {
      const values = counts.get(dimension) ?? new Map<string, number>();
      for (const one of Array.isArray(value) ? value : [String(value)]) values.set(one, (values.get(one) ?? 0) + 1);
      counts.set(dimension, values);
    }
  }
  return counts;
}
