import { NO_ITEMS } from '../../store/emptyArrays';
import { useEffect, useRef } from 'react';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from '../../dom/rangesForOffsets';
import { paintInDrawnChunks } from './chunks/drawnChunkHighlights';
import { selectDomRange } from '../../dom/domPosition';
import { scrollRangeIntoView } from '../../dom/scrollRangeIntoView';
import { tagAllHits } from '../../store/flows/editing';
import { partitionHitsByBoilerplate } from '../../store/flows/judgments/zoning';
import { useDocumentStore } from '../../store/documentStore';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { findActions, searchArticle, useFindStore } from '../../store/findStore';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { findCatalog } from '../../i18n/catalog/find';
import { useCatalog } from '../../i18n/useCatalog';
import { useArticleRedraws } from './useArticleRedraws';

const HITS_HIGHLIGHT = 'hashiye-find-hits';
const CURRENT_HIGHLIGHT = 'hashiye-find-current';
const CONTEXT_LENGTH = 24;

function articleRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="article"]');
}

/** Paints hits with the CSS Custom Highlight API: no element is added to the article's text; only near the view, and the current hit (#25). */
function paintHits(hits: readonly Utf16Range[], current: number): void {
  paintInDrawnChunks({ all: HITS_HIGHLIGHT, current: CURRENT_HIGHLIGHT }, hits, current);
}

export function FindBar() {
  const { open, query, wholeWords, hits, current, previewType } = useFindStore();
  const article = useArticleViewStore((state) => state.article);
  const language = usePreferencesStore((state) => state.language);
  const tagTypes = useCorpusViewStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  // Only to repaint after an edit replaced the text nodes; that waits for the frame anyway.
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  // And after chunks drew or dropped their highlights, which replaced the hits' text nodes.
  const redraws = useArticleRedraws(open && hits.length > 0, article);
  const inputRef = useRef<HTMLInputElement>(null);
  const t = useCatalog(findCatalog);
  const z = useCatalog(zonesCatalog);
  // Subscribed so that the preview follows a zone marked meanwhile; the split reads the store.
  useDocumentStore((state) => state.zones);

  useEffect(() => {
    if (open) inputRef.current?.select();
  }, [open]);

  useEffect(() => {
    findActions.showHits(open ? searchArticle(article, query, wholeWords) : []);
  }, [open, article, query, wholeWords]);

  useEffect(() => {
    // After the frame that shows an edit: painting never delays the highlight the user made.
    const handle = requestIdleCallback(() => paintHits(open ? hits : [], current), { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }, [open, hits, current, annotations, redraws]);

  useEffect(() => () => paintHits([], 0), []);

  if (!open) return null;

  const step = (delta: number) => {
    if (hits.length === 0) return;
    const next = (current + delta + hits.length) % hits.length;
    findActions.goToHit(next);
    const root = articleRoot();
    const hit = hits[next];
    if (root && hit) {
      const locate = () => rangesForOffsets(root, [hit])[0];
      const range = locate();
      if (range) void scrollRangeIntoView(range, locate);
    }
  };

  // (#21) Hits in boilerplate are shown but tag-all leaves them; the preview says how many.
  const { outside, inside } = previewType ? partitionHitsByBoilerplate(hits) : { outside: hits, inside: NO_ITEMS };
  const skipped = new Set(inside.map((hit) => hit.start));
  const alreadyTagged = (type: string) =>
    outside.filter((hit) => annotations.some((annotation) => annotation.type === type && annotation.start === hit.start && annotation.end === hit.end)).length;

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        data-testid="find-input"
        aria-label={t('findLabel')}
        placeholder={t('findPlaceholder')}
        value={query}
        dir="auto"
        onChange={(event) => findActions.changeQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            findActions.close();
          }
        }}
      />
      <span className="find-count" data-testid="find-count" data-count={hits.length}>
        {hits.length === 0 ? (query ? t('noHits') : '') : t('hitPosition', { current: current + 1, total: hits.length })}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={hits.length === 0} aria-label={t('previous')}>
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={hits.length === 0} aria-label={t('next')}>
        ↓
      </button>
      <button
        type="button"
        disabled={hits.length === 0}
        onClick={() => {
          const hit = hits[current];
          const root = articleRoot();
          if (!hit || !root) return;
          selectDomRange(root, hit.start, hit.end);
          articleViewActions.selectText({ start: hit.start, end: hit.end });
          root.focus();
        }}
      >
        {t('select')}
      </button>
      <label className="toggle">
        <input type="checkbox" checked={wholeWords} onChange={(event) => findActions.setWholeWords(event.target.checked)} />
        {t('wholeWords')}
      </label>
      <label className="toggle">
        {t('tagAllAs', { count: hits.length })}
        <select aria-label={t('tagForAll')} value={previewType ?? ''} disabled={hits.length === 0} onChange={(event) => findActions.previewTagAll(event.target.value || null)}>
          <option value="">—</option>
          {tagTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label[language]} ({type.id})
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-label={t('close')} onClick={() => findActions.close()}>
        ×
      </button>
      {previewType && article ? (
        <div className="find-preview" role="dialog" aria-label={t('previewLabel')}>
          <p>
            {t('previewSummary', {
              added: outside.length - alreadyTagged(previewType),
              type: tagTypes.find((type) => type.id === previewType)?.label[language] ?? previewType,
              already: alreadyTagged(previewType),
            })}
          </p>
          {inside.length > 0 ? (
            <p className="notice" data-testid="tag-all-skipped">
              {z('skippedInBoilerplate', { count: inside.length })}
            </p>
          ) : null}
          <ol className="kwic">
            {hits.slice(0, 200).map((hit) => (
              <li key={hit.start} dir="auto" className={skipped.has(hit.start) ? 'in-boilerplate' : undefined}>
                …{article.text.slice(Math.max(0, hit.start - CONTEXT_LENGTH), hit.start)}
                <mark>{article.text.slice(hit.start, hit.end)}</mark>
                {article.text.slice(hit.end, hit.end + CONTEXT_LENGTH)}…
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="primary"
            onClick={() => {
              tagAllHits(hits, previewType);
              findActions.previewTagAll(null);
            }}
          >
            {t('tagAll')}
          </button>
          <button type="button" onClick={() => findActions.previewTagAll(null)}>
            {t('cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
