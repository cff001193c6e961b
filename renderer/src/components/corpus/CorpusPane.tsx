import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildFileRows, corpusProgress, EMPTY_FILTER, type ArticleFilter } from '../../../../shared/model/articleListing';
import type { ArticleEntry, Corpus } from '../../../../shared/corpusWire';
import { ARTICLE_STATUSES } from '../../../../shared/articleStatuses';
import { statusLabels } from '../../i18n/messages';
import { useMessages } from '../../i18n/useMessages';
import { openArticle } from '../../store/flows/article';
import { useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useSaveStatusStore } from '../../store/saveStatusStore';
import { fileNameParts, visibleFileName } from '../../text/visibleFileName';
import { formatNumber } from '../../i18n/formatNumber';
import { PROBLEM_EXPLANATIONS } from './problemExplanations';
import { SkippedFiles } from './SkippedFiles';
import { problemText } from '../../i18n/problemMessages';
import { corpusCatalog } from '../../i18n/catalog/corpus';
import { useCatalog } from '../../i18n/useCatalog';
import { EMPTY_METADATA_FILTER, matchesMetadata, metadataOrder, type MetadataFilter, type MetadataSort } from '../../../../shared/metadata/metadataListing';
import { useMetadataStore } from '../../store/window/metadataStore';
import { loadSummaries } from '../../store/flows/judgments/metadata';
import { fillsInStatusesOf } from '../../store/flows/pendingStatuses';
import { MetadataFilters, MetadataSortOptions } from '../metadata/MetadataFilters';

const ROW_HEIGHT = 30;

/** The corpus: progress, filters, and the articles as a folder tree (virtualized for big corpora). */
export function CorpusPane() {
  const corpus = useCorpusViewStore((state) => state.corpus);
  const currentId = useArticleViewStore((state) => state.article?.id ?? state.loadingArticleId);
  const language = usePreferencesStore((state) => state.language);
  const unsavedArticles = useSaveStatusStore((state) => state.unsavedArticles);
  // Articles whose edits are held in memory, not on disk (a failed save is never hidden).
  const unsaved = useMemo(() => new Set(unsavedArticles.map((entry) => entry.id)), [unsavedArticles]);
  const t = useMessages();
  const [filter, setFilter] = useState<ArticleFilter>(EMPTY_FILTER);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  // (#21) Metadata and document labels arrive after the listing, a page at a time (flows/judgments/metadata.ts).
  const [metaFilter, setMetaFilter] = useState<MetadataFilter>(EMPTY_METADATA_FILTER);
  const summaries = useMetadataStore((state) => state.summaries);
  // The listing the summaries were asked for: the same listing with its statuses filled in asks for none again (#25).
  const summarizedListing = useRef<Corpus | null>(null);
  useEffect(() => {
    if (!corpus) return;
    const previous = summarizedListing.current;
    summarizedListing.current = corpus;
    if (!fillsInStatusesOf(previous, corpus)) void loadSummaries(corpus.articles.map((entry) => entry.id));
  }, [corpus?.articles]); // eslint-disable-line react-hooks/exhaustive-deps -- a new listing, not every change of the corpus object
  // (#25) The rows depend on the summaries only while a metadata filter or sort is chosen: each page of them (20 for 10,000 articles) rebuilt all the rows.
  const rowSummaries = metaFilter.source === '' && metaFilter.label === '' && metaFilter.sort === '' ? null : summaries;
  const rows = useMemo(() => {
    if (!corpus) return [];
    if (rowSummaries === null) return buildFileRows(corpus.articles, filter, collapsed);
    const listed = metaFilter.source === '' && metaFilter.label === '' ? corpus.articles : corpus.articles.filter((entry) => matchesMetadata(rowSummaries[entry.id], metaFilter));
    return buildFileRows(listed, filter, collapsed, metadataOrder(metaFilter.sort, rowSummaries) ?? undefined);
  }, [corpus, filter, collapsed, metaFilter, rowSummaries]);
  const tags = useMemo(() => distinctSorted(corpus?.articles ?? [], (entry) => entry.tags), [corpus]);
  const assignees = useMemo(() => distinctSorted(corpus?.articles ?? [], (entry) => (entry.assignee ? [entry.assignee] : [])), [corpus]);
  const progress = useMemo(() => corpusProgress(corpus?.articles ?? []), [corpus]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const words = useCatalog(corpusCatalog);
  if (!corpus) return <nav className="corpus-pane">{t('noCorpus')}</nav>;
  const update = (change: Partial<ArticleFilter>) => setFilter((previous) => ({ ...previous, ...change }));
  const toggleFolder = (folder: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(folder)) next.delete(folder);
      else next.add(folder);
      return next;
    });

  return (
    <nav className="corpus-pane" aria-label={t('articles')}>
      <header className="pane-header">
        <h2 title={corpus.displayPath}>
          <bdi className="corpus-name">{corpus.name}</bdi>
        </h2>
        <progress max={Math.max(1, progress.total)} value={progress.finished} aria-label={words('corpusProgress')} />
        <p className="progress-text" data-testid="corpus-progress">
          {words('progressDone', { finished: progress.finished, total: progress.total })}
        </p>
        <SkippedFiles skipped={corpus.skipped ?? []} />
      </header>
      <div className="list-filters">
        <input className="filter" type="search" aria-label={words('filterByName')} placeholder={t('filter')} value={filter.text} onChange={(event) => update({ text: event.target.value })} />
        <select aria-label={words('filterByStatus')} value={filter.status} onChange={(event) => update({ status: event.target.value as ArticleFilter['status'] })}>
          <option value="">{words('allStatuses')}</option>
          <option value="unfinished">{words('unfinished')}</option>
          {ARTICLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabels[language][status]}
            </option>
          ))}
        </select>
        <select aria-label={words('filterByTag')} value={filter.tag} onChange={(event) => update({ tag: event.target.value })}>
          <option value="">{words('anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        {assignees.length > 0 ? (
          <select aria-label={words('filterByAssignee')} value={filter.assignee} onChange={(event) => update({ assignee: event.target.value })}>
            <option value="">{words('allAssignees')}</option>
            {assignees.map((assignee) => (
              <option key={assignee} value={assignee}>
                {assignee}
              </option>
            ))}
          </select>
        ) : null}
        <MetadataFilters filter={metaFilter} onChange={(change) => setMetaFilter((previous) => ({ ...previous, ...change }))} />
        <select
          aria-label={words('sort')}
          value={metaFilter.sort === '' ? filter.sort : `meta:${metaFilter.sort}`}
          onChange={(event) => {
            const value = event.target.value;
            if (value.startsWith('meta:')) setMetaFilter((previous) => ({ ...previous, sort: value.slice(5) as MetadataSort }));
            else {
              setMetaFilter((previous) => ({ ...previous, sort: '' }));
              update({ sort: value as ArticleFilter['sort'] });
            }
          }}
        >
          <option value="name">{words('byName')}</option>
          <option value="status">{words('byStatus')}</option>
          <option value="count">{words('byAnnotationCount')}</option>
          <MetadataSortOptions />
        </select>
      </div>
      <div className="file-scroller" ref={scrollRef}>
        <ul className="file-list" data-testid="file-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, ['--depth' as string]: String(row.depth) };
            if (row.kind === 'folder') {
              return (
                <li key={`folder:${row.folder}`} className="file-row" style={style}>
                  <button type="button" className="folder" aria-expanded={!row.collapsed} onClick={() => toggleFolder(row.folder)}>
                    <span aria-hidden="true">{row.collapsed ? (words('collapsedFolderArrow')) : '▾'}</span> <bdi>{visibleFileName(row.name)}</bdi>
                    <span className="file-count">{formatNumber(row.count, language)}</span>
                  </button>
                </li>
              );
            }
            const entry = row.article;
            // A problem of the annotation file is said in the user's language; main's words stay as the detail.
            const explanation = entry.problemKind ? PROBLEM_EXPLANATIONS[entry.problemKind] : undefined;
            const problem = entry.problem === null ? null : explanation ? `${t('problemTitle')}: ${t(explanation)} (${entry.problem})` : entry.problem;
            return (
              <li key={entry.id} className="file-row" style={style}>
                <button
                  type="button"
                  className={entry.id === currentId ? 'file current' : 'file'}
                  aria-current={entry.id === currentId ? 'page' : undefined}
                  data-status={entry.statusPending ? 'pending' : entry.status}
                  title={problem ?? visibleFileName(entry.id)}
                  onClick={() => void openArticle(entry.id)}
                >
                  <bdi className="file-name" dir="auto">
                    {fileNameParts(entry.name).map((part, index) =>
                      part.escaped ? (
                        <bdi key={index} dir="ltr" className="hidden-character">
                          {part.text}
                        </bdi>
                      ) : (
                        part.text
                      ),
                    )}
                  </bdi>
                  <FileStatus entry={entry} label={entry.statusPending ? words('statusPending') : statusLabels[language][entry.status]} />
                  <span className="file-count">{formatNumber(entry.annotationCount, language)}</span>
                  {unsaved.has(entry.id) ? (
                    <span className="file-unsaved" data-testid="file-unsaved" role="img" aria-label={t('unsaved')} title={t('unsaved')}>
                      ●
                    </span>
                  ) : null}
                  {entry.problem ? (
                    <span className="file-problem" data-testid="file-problem" data-problem-kind={entry.problemKind} aria-label={entry.userProblem ? problemText(entry.userProblem, language) : (problem ?? t('unreadable'))}>
                      ⚠
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/** The distinct values `of` the articles, sorted; one set filled in place (#25: a flatMap of 10,000 articles' tags built a 90,000-item array first). */
function distinctSorted(articles: readonly ArticleEntry[], of: (entry: ArticleEntry) => readonly string[]): string[] {
  const values = new Set<string>();
  for (const entry of articles) for (const value of of(entry)) values.add(value);
  return [...values].sort();
}

/** The status of a listed article; "…" while main has not read its annotation file (#25): the status follows. */
function FileStatus({ entry, label }: { entry: ArticleEntry; label: string }) {
  if (!entry.statusPending) return <span className={`file-status status-${entry.status}`}>{label}</span>;
  return (
    <span className="file-status status-pending" data-testid="file-status-pending" aria-label={label} title={label}>
      …
    </span>
  );
}
