import { NO_ITEMS } from '../../store/emptyArrays';
import { useEffect, useRef } from 'react';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from '../../dom/rangesForOffsets';
import { selectDomRange } from '../../dom/domPosition';
import { scrollRangeIntoView } from '../../dom/scrollRangeIntoView';
import { tagAllHits } from '../../store/actions';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { searchArticle, useFindStore } from '../../store/findStore';
import { useSessionStore } from '../../store/sessionStore';

const HITS_HIGHLIGHT = 'hashiye-find-hits';
const CURRENT_HIGHLIGHT = 'hashiye-find-current';
const CONTEXT_LENGTH = 24;

function articleRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="article"]');
}

/** Paints hits with the CSS Custom Highlight API: no element is added to the article's text. */
function paintHits(hits: readonly Utf16Range[], current: number): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry) return;
  registry.delete(HITS_HIGHLIGHT);
  registry.delete(CURRENT_HIGHLIGHT);
  const root = articleRoot();
  if (!root || hits.length === 0) return;
  const ranges = rangesForOffsets(root, hits);
  registry.set(HITS_HIGHLIGHT, new Highlight(...ranges));
  if (ranges[current]) registry.set(CURRENT_HIGHLIGHT, new Highlight(ranges[current]));
}

export function FindBar() {
  const { open, query, wholeWords, hits, current, previewType, set } = useFindStore();
  const article = useSessionStore((state) => state.article);
  const language = useSessionStore((state) => state.language);
  const tagTypes = useSessionStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  // Only to repaint after an edit replaced the text nodes; that waits for the frame anyway.
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  const inputRef = useRef<HTMLInputElement>(null);
  const fa = language === 'fa';

  useEffect(() => {
    if (open) inputRef.current?.select();
  }, [open]);

  useEffect(() => {
    set({ hits: open ? searchArticle(article, query, wholeWords) : [], current: 0 });
  }, [open, article, query, wholeWords, set]);

  useEffect(() => {
    // After the frame that shows an edit: painting never delays the highlight the user made.
    const handle = requestIdleCallback(() => paintHits(open ? hits : [], current), { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }, [open, hits, current, annotations]);

  useEffect(() => () => paintHits([], 0), []);

  if (!open) return null;

  const step = (delta: number) => {
    if (hits.length === 0) return;
    const next = (current + delta + hits.length) % hits.length;
    set({ current: next });
    const root = articleRoot();
    const hit = hits[next];
    if (root && hit) {
      const [range] = rangesForOffsets(root, [hit]);
      if (range) void scrollRangeIntoView(range);
    }
  };

  const alreadyTagged = (type: string) =>
    hits.filter((hit) => annotations.some((annotation) => annotation.type === type && annotation.start === hit.start && annotation.end === hit.end)).length;

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        data-testid="find-input"
        aria-label={fa ? 'جست‌وجو در مقاله' : 'Find in article'}
        placeholder={fa ? 'جست‌وجو در مقاله…' : 'Find in article…'}
        value={query}
        dir="auto"
        onChange={(event) => set({ query: event.target.value, previewType: null })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            set({ open: false, previewType: null });
          }
        }}
      />
      <span className="find-count" data-testid="find-count" data-count={hits.length}>
        {hits.length === 0 ? (query ? (fa ? 'یافت نشد' : 'No hits') : '') : `${current + 1} / ${hits.length}`}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={hits.length === 0} aria-label={fa ? 'قبلی' : 'Previous'}>
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={hits.length === 0} aria-label={fa ? 'بعدی' : 'Next'}>
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
          useSessionStore.getState().set({ textSelection: { start: hit.start, end: hit.end }, selectedAnnotationId: null });
          root.focus();
        }}
      >
        {fa ? 'گزینش' : 'Select'}
      </button>
      <label className="toggle">
        <input type="checkbox" checked={wholeWords} onChange={(event) => set({ wholeWords: event.target.checked })} />
        {fa ? 'واژهٔ کامل' : 'Whole words'}
      </label>
      <label className="toggle">
        {fa ? `برچسب زدن به همهٔ ${hits.length} مورد:` : `Tag all ${hits.length} hits as:`}
        <select aria-label={fa ? 'برچسب برای همه' : 'Tag for all hits'} value={previewType ?? ''} disabled={hits.length === 0} onChange={(event) => set({ previewType: event.target.value || null })}>
          <option value="">—</option>
          {tagTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label[language]} ({type.id})
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-label={fa ? 'بستن جست‌وجو' : 'Close find'} onClick={() => set({ open: false, previewType: null })}>
        ×
      </button>
      {previewType && article ? (
        <div className="find-preview" role="dialog" aria-label={fa ? 'پیش‌نمایش برچسب‌زنی' : 'Tag-all preview'}>
          <p>
            {fa
              ? `${hits.length - alreadyTagged(previewType)} حاشیه‌نویسی تازه با برچسب ${previewType} افزوده می‌شود (${alreadyTagged(previewType)} مورد از پیش برچسب دارد).`
              : `${hits.length - alreadyTagged(previewType)} new ${previewType} annotations will be added (${alreadyTagged(previewType)} already tagged).`}
          </p>
          <ol className="kwic">
            {hits.slice(0, 200).map((hit) => (
              <li key={hit.start} dir="auto">
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
              set({ previewType: null });
            }}
          >
            {fa ? 'برچسب زدن به همه' : 'Tag all'}
          </button>
          <button type="button" onClick={() => set({ previewType: null })}>
            {fa ? 'انصراف' : 'Cancel'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
