import { useEffect } from 'react';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from '../../dom/rangesForOffsets';
import { revealRange } from '../../dom/scrollRangeIntoView';
import { usePaintedDocumentStore } from '../../store/paintedDocumentStore';
import { useSessionStore } from '../../store/sessionStore';
import { acceptSuggestion, refreshSuggestions, rejectSuggestion, useSuggestionStore } from '../../store/suggestionStore';
import { useTagAppearance } from './useTagAppearance';

const ALL = 'hashiye-suggestions';
const CURRENT = 'hashiye-suggestion-current';
const REFRESH_AFTER_SAVE_MS = 1500;

/** Suggestions are painted with the CSS Custom Highlight API: a dashed underline, never an element in the text. */
function paint(items: readonly Utf16Range[], current: number | null): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry) return;
  registry.delete(ALL);
  registry.delete(CURRENT);
  const root = document.querySelector<HTMLElement>('[data-testid="article"]');
  if (!root || items.length === 0) return;
  const ranges = rangesForOffsets(root, items);
  registry.set(ALL, new Highlight(...ranges));
  if (current !== null && ranges[current]) registry.set(CURRENT, new Highlight(ranges[current]));
}

/** Texts tagged elsewhere in the corpus that recur here untagged: accept (Enter or a tag key) or reject (Escape). */
export function SuggestionPanel() {
  const items = useSuggestionStore((state) => state.items);
  const current = useSuggestionStore((state) => state.current);
  const articleId = useSessionStore((state) => state.article?.id ?? null);
  const saveState = useSessionStore((state) => state.saveState);
  const language = useSessionStore((state) => state.language);
  // Only to repaint after an edit replaced the text nodes; that waits for the frame anyway.
  const annotations = usePaintedDocumentStore((state) => state.annotations);
  const appearance = useTagAppearance();
  const fa = language === 'fa';

  useEffect(() => {
    void refreshSuggestions();
  }, [articleId]);

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
  }, [items, current, annotations]);

  useEffect(() => {
    if (current === null) return;
    const root = document.querySelector<HTMLElement>('[data-testid="article"]');
    const item = items[current];
    if (!root || !item) return;
    const range = rangesForOffsets(root, [item])[0];
    if (range) revealRange(range);
  }, [current, items]);

  if (items.length === 0) return null;
  return (
    <section className="suggestion-panel" aria-label={fa ? 'پیشنهادها' : 'Suggestions'}>
      <h2>
        {fa ? 'پیشنهادها' : 'Suggestions'} <span className="count">{items.length}</span>
      </h2>
      <p className="hint-line">{fa ? 'Alt+N پیشنهاد بعدی · Enter پذیرش · Esc رد' : 'Alt+N next · Enter accept · Esc reject'}</p>
      <ul data-testid="suggestions">
        {items.slice(0, 200).map((item, index) => {
          const look = appearance(item.type);
          return (
            <li key={`${item.start}:${item.type}`} className={index === current ? 'suggestion current' : 'suggestion'} style={{ ['--tag-color' as string]: look.color }}>
              <button type="button" className="suggestion-text" onClick={() => useSuggestionStore.getState().set({ current: index })}>
                <span className="tag-chip">{look.label}</span> <bdi>{item.text}</bdi>
              </button>
              <button type="button" aria-label={fa ? `پذیرش ${item.text}` : `Accept ${item.text}`} onClick={() => acceptSuggestion(index)}>
                ✓
              </button>
              <button type="button" aria-label={fa ? `رد ${item.text}` : `Reject ${item.text}`} onClick={() => rejectSuggestion(index)}>
                ✗
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
