import { create } from 'zustand';
import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';

/** A suggestion in UTF-16 offsets of the open article. Never saved until accepted. */
export interface DocumentSuggestion {
  start: Utf16Offset;
  end: Utf16Offset;
  type: string;
  text: string;
  count: number;
  /** (#24) A pre-annotation run's suggestion: the annotator file it is in and its id there (a rejection is written back to that file). */
  pretag?: { as: string; id: string };
}

interface SuggestionState {
  articleId: string | null;
  items: DocumentSuggestion[];
  current: number | null;
  /** Rejected in this session (by article): not suggested again until the app restarts. */
  rejected: Map<string, Set<string>>;
}

export const useSuggestionStore = create<SuggestionState>()(() => ({
  articleId: null,
  items: [],
  current: null,
  rejected: new Map(),
}));

export function suggestionKey(suggestion: { start: number; end: number; type: string }): string {
  return `${suggestion.start}:${suggestion.end}:${suggestion.type}`;
}

/** The suggestions' own changes; asking main for them and accepting them are in flows/suggestions.ts. */
export const suggestionActions = {
  clear(): void {
    useSuggestionStore.setState({ articleId: null, items: [], current: null });
  },
  /** The article's suggestions as main found them now; the current one stays current if it is still there. */
  show(articleId: string, items: DocumentSuggestion[]): void {
    const previous = useSuggestionStore.getState();
    const currentKey = previous.articleId === articleId && previous.current !== null ? suggestionKey(previous.items[previous.current] ?? { start: -1, end: -1, type: '' }) : null;
    const keepCurrent = currentKey === null ? -1 : items.findIndex((item) => suggestionKey(item) === currentKey);
    useSuggestionStore.setState({ articleId, items, current: keepCurrent >= 0 ? keepCurrent : null });
  },
  select(index: number | null): void {
    useSuggestionStore.setState({ current: index });
  },
  /** An accepted or rejected suggestion leaves the list; none is current then. */
  remove(index: number): void {
    const items = useSuggestionStore.getState().items.filter((_, position) => position !== index);
    useSuggestionStore.setState({ items, current: null });
  },
  /** (#24) Several suggestions left the list at once (accepted or rejected together); none is current then. */
  removeMany(indices: ReadonlySet<number>): void {
    const items = useSuggestionStore.getState().items.filter((_, position) => !indices.has(position));
    useSuggestionStore.setState({ items, current: null });
  },
  /** Not suggested again in this article until the app restarts. */
  reject(articleId: string, index: number): void {
    const state = useSuggestionStore.getState();
    const suggestion = state.items[index];
    if (!suggestion) return;
    const rejected = new Map(state.rejected);
    rejected.set(articleId, new Set([...(rejected.get(articleId) ?? []), suggestionKey(suggestion)]));
    useSuggestionStore.setState({ rejected });
    suggestionActions.remove(index);
  },
  /** (#24) Several corpus suggestions rejected at once, not suggested again until the app restarts. */
  rejectMany(articleId: string, indices: ReadonlySet<number>): void {
    if (indices.size === 0) return;
    const state = useSuggestionStore.getState();
    const keys = state.items.flatMap((item, index) => (indices.has(index) ? [suggestionKey(item)] : []));
    const rejected = new Map(state.rejected);
    rejected.set(articleId, new Set([...(rejected.get(articleId) ?? []), ...keys]));
    useSuggestionStore.setState({ rejected });
    suggestionActions.removeMany(indices);
  },
  /** Drops the suggestions an edit (a tag-all above all) has just covered, keeping the current one where it still is. */
  dropCovered(isCovered: (start: number, end: number) => boolean): void {
    const state = useSuggestionStore.getState();
    const items = state.items.filter((item) => !isCovered(item.start, item.end));
    if (items.length === state.items.length) return;
    const currentItem = state.current === null ? null : state.items[state.current];
    const current = currentItem ? items.indexOf(currentItem) : -1;
    useSuggestionStore.setState({ items, current: current >= 0 ? current : null });
  },
  /** Makes the next suggestion (in reading order) the current one. */
  next(): DocumentSuggestion | null {
    const state = useSuggestionStore.getState();
    if (state.items.length === 0) return null;
    const current = state.current === null ? 0 : (state.current + 1) % state.items.length;
    useSuggestionStore.setState({ current });
    return state.items[current];
  },
  /** The suggestion at a document offset (a click on its text), made current; false when there is none. */
  selectAt(offset: number): boolean {
    const index = useSuggestionStore.getState().items.findIndex((item) => item.start <= offset && offset < item.end);
    if (index === -1) return false;
    useSuggestionStore.setState({ current: index });
    return true;
  },
};
