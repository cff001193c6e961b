import { useMemo } from 'react';
import { labelCounts, LABEL_FILTER_SEPARATOR, sourcesOf, type MetadataFilter, type MetadataSort } from '../../../../shared/metadata/metadataListing';
import { metadataCatalog } from '../../i18n/catalog/metadata';
import { useCatalog } from '../../i18n/useCatalog';
import { useMetadataStore } from '../../store/window/metadataStore';

const SORTS: { value: MetadataSort; key: 'byDate' | 'byTitle' | 'bySource' | 'byAuthor2' }[] = [
  { value: 'published', key: 'byDate' },
  { value: 'title', key: 'byTitle' },
  { value: 'source', key: 'bySource' },
  { value: 'author', key: 'byAuthor2' },
];

/** (#21) The file list's filters by source and by document-label value, and its sorts by metadata (offered beside the list's own). */
export function MetadataFilters({ filter, onChange }: { filter: MetadataFilter; onChange: (change: Partial<MetadataFilter>) => void }) {
  const t = useCatalog(metadataCatalog);
  const summaries = useMetadataStore((state) => state.summaries);
  const sources = useMemo(() => sourcesOf(summaries), [summaries]);
  const labels = useMemo(() => [...labelCounts(summaries)].flatMap(([dimension, values]) => [...values.keys()].sort().map((value) => ({ dimension, value }))), [summaries]);
  return (
    <>
      {sources.length > 0 ? (
        <select aria-label={t('filterBySource')} data-testid="filter-source" value={filter.source} onChange={(event) => onChange({ source: event.target.value })}>
          <option value="">{t('anySource')}</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      ) : null}
      {labels.length > 0 ? (
        <select aria-label={t('filterByLabel')} data-testid="filter-label" value={filter.label} onChange={(event) => onChange({ label: event.target.value })}>
          <option value="">{t('anyLabel')}</option>
          {labels.map(({ dimension, value }) => (
            <option key={`${dimension}:${value}`} value={`${dimension}${LABEL_FILTER_SEPARATOR}${value}`}>
              {t('labelOption', { dimension, value })}
            </option>
          ))}
        </select>
      ) : null}
    </>
  );
}

/** The metadata sorts, as options of the list's sort menu. */
export function MetadataSortOptions() {
  const t = useCatalog(metadataCatalog);
  return (
    <>
      {SORTS.map((sort) => (
        <option key={sort.value} value={`meta:${sort.value}`}>
          {t(sort.key)}
        </option>
      ))}
    </>
  );
}
