import { memo, useEffect, useRef } from 'react';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from '../../dom/rangesForOffsets';
import { paintInDrawnChunks } from '../article/chunks/drawnChunkHighlights';
import { revealRange } from '../../dom/scrollRangeIntoView';
import { spanOverlapTest } from '../../../../shared/text/spanOverlap';
import { useDocumentStore } from '../../store/documentStore';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { useArticleViewStore } from '../../store/articleViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useSaveStatusStore } from '../../store/saveStatusStore';
import { acceptSuggestion, refreshSuggestions, rejectSuggestion } from '../../store/flows/suggestions';
import { suggestionActions, useSuggestionStore } from '../../store/suggestionStore';
import { tagChipStyle } from './tagChipStyle';
import { useTagAppearance } from './useTagAppearance';
import { annotationCatalog } from '../../i18n/catalog/annotation';
import { formatNumber } from '../../i18n/formatNumber';
import { useCatalog } from '../../i18n/useCatalog';
import { useArticleRedraws } from '../article/useArticleRedraws';
import { useGrowingRows } from './growingRows';

const ALL = 'hashiye-suggestions';
const CURRENT = 'hashiye-suggestion-current';
const REFRESH_AFTER_SAVE_MS = 1500;
/** The longest a newly opened article waits for an idle moment before its suggestions are asked for. */
const SUGGESTIONS_AFTER_OPEN_MS = 1000;
/** The list shows at most this many suggestions (its count says how many there are). */
const MAX_ROWS = 200;

/** Suggestions are painted with the CSS Custom Highlight API: a dashed underline, never an element in the text; only near the view (#25). */
function paint(items: readonly Utf16Range[], current: number | null): void {
  paintInDrawnChunks({ all: ALL, current: CURRENT }, items, current);
}

/** Drops the suggestions an edit (a tag-all above all) has just covered. */
function dropCoveredSuggestions(): void {
  if (useSuggestionStore.getState().items.length === 0) return;
  suggestionActions.dropCovered(spanOverlapTest(useDocumentStore.getState().annotations));
}

/**
 * What follows every edit: covered suggestions dropped, suggestions refreshed after a save, the
 * dashed underlines painted again. Rendered apart from the list and drawing nothing, so a tagging
 * re-renders only this and never the list of up to 200 rows (15 % of a tagging's time, #25).
 */
function SuggestionUpkeep() {
  const items = useSuggestionStore((state) => state.items);
  const current = useSuggestionStore((state) => state.current);
  const articleId = useArticleViewStore((state) => state.article?.id ?? null);
  const saveState = useSaveStatusStore((state) => state.saveState);
  // Only to repaint after an edit replaced the text nodes; that waits for the frame anyway.
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  // And after the article's chunks drew or dropped their highlights (#25), which replaced text nodes.
  const redraws = useArticleRedraws(items.length > 0, articleId);

  useEffect(() => {
    // Another article's suggestions never stay painted over this one's text while it is asked for.
    if (useSuggestionStore.getState().articleId !== articleId) suggestionActions.clear();
    // Asked once the article is shown and the window idle: main's comparisons take seconds of
    // CPU on a long article, and asked at once they competed with the opening (#25: the 1 MB
    // article opened in 370 ms with them, 245 ms without, in the same quiet bench).
    const handle = requestIdleCallback(() => void refreshSuggestions(), { timeout: SUGGESTIONS_AFTER_OPEN_MS });
    return () => cancelIdleCallback(handle);
  }, [articleId]);

  // What an edit covered stops being suggested in the first idle moment, not after the save (#19).
  useEffect(() => {
    const handle = requestIdleCallback(dropCoveredSuggestions, { timeout: 200 });
    return () => cancelIdleCallback(handle);
  }, [annotations]);

  // Newly saved tags become suggestions elsewhere in the article.
  useEffect(() => {
    if (saveState !== 'saved') return;
    const timer = setTimeout(() => void refreshSuggestions(), REFRESH_AFTER_SAVE_MS);
    return () => clearTimeout(timer);
  }, [saveState, annotations]);

  useEffect(() => {
    // After the frame that shows an edit: painting never delays the highlight the user made.
    const handle = requestIdleCallback(() => paint(items, current), { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }, [items, current, annotations, redraws]);

  useEffect(() => {
    if (current === null) return;
    const root = document.querySelector<HTMLElement>('[data-testid="article"]');
    const item = items[current];
    if (!root || !item) return;
    const range = rangesForOffsets(root, [item])[0];
    if (range) revealRange(range);
  }, [current, items]);

  return null;
}

/** Texts tagged elsewhere in the corpus that recur here untagged: accept (Enter or a tag key) or reject (Escape). */
export function SuggestionPanel() {
  return (
    <>
      <SuggestionUpkeep />
      <SuggestionList />
    </>
  );
}

/** The list itself: re-rendered when the suggestions, the current one, the tag set or the language change, not on every edit (memo: nor when the window above re-renders). */
const SuggestionList = memo(function SuggestionList() {
  const items = useSuggestionStore((state) => state.items);
  const current = useSuggestionStore((state) => state.current);
  const articleId = useSuggestionStore((state) => state.articleId);
  const language = usePreferencesStore((state) => state.language);
  const appearance = useTagAppearance();
  const t = useCatalog(annotationCatalog);
  const panelRef = useRef<HTMLElement>(null);
  // (#25 heap) The pane shows a few rows: the rest of the 200 are drawn as it is scrolled towards them.
  const drawn = useGrowingRows(panelRef, Math.min(items.length, MAX_ROWS), current, articleId);

  if (items.length === 0) return null;
  return (
    <section ref={panelRef} className="suggestion-panel" aria-label={t('suggestions')}>
      <h2>
        {t('suggestions')} <span className="count">{formatNumber(items.length, language)}</span>
      </h2>
      <p className="hint-line">{t('suggestionKeysHint')}</p>
      <ul data-testid="suggestions">
        {items.slice(0, drawn).map((item, index) => {
          const look = appearance(item.type);
          return (
            <li key={`${item.start}:${item.type}`} className={index === current ? 'suggestion current' : 'suggestion'} style={{ ['--tag-color' as string]: look.color }}>
              <button type="button" className="suggestion-text" onClick={() => suggestionActions.select(index)}>
                <span className="tag-chip" style={tagChipStyle(look.color)}>
                  {look.label}
                </span> <bdi>{item.text}</bdi>
              </button>
              <button type="button" aria-label={t('accept', { text: item.text })} onClick={() => acceptSuggestion(index)}>
                ✓
              </button>
              <button type="button" aria-label={t('reject', { text: item.text })} onClick={() => rejectSuggestion(index)}>
                ✗
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
