import { create } from 'zustand';
import { addAnnotation, createAnnotationId } from '../../../shared/model/annotationOperations';
import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';
import { spanOverlapTest } from '../../../shared/text/spanOverlap';
import { api } from '../api';
import { useDocumentStore } from './documentStore';
import { useSessionStore } from './sessionStore';

/** A suggestion in UTF-16 offsets of the open article. Never saved until accepted. */
export interface DocumentSuggestion {
  start: Utf16Offset;
  end: Utf16Offset;
  type: string;
  text: string;
  count: number;
}

interface SuggestionState {
  articleId: string | null;
  items: DocumentSuggestion[];
  current: number | null;
  /** Rejected in this session (by article): not suggested again until the app restarts. */
  rejected: Map<string, Set<string>>;
  set: (change: Partial<Omit<SuggestionState, 'set'>>) => void;
}

export const useSuggestionStore = create<SuggestionState>()((set) => ({
  articleId: null,
  items: [],
  current: null,
  rejected: new Map(),
  set: (change) => set(change),
}));

function suggestionKey(suggestion: { start: number; end: number; type: string }): string {
  return `${suggestion.start}:${suggestion.end}:${suggestion.type}`;
}

/** Asks main for the open article's suggestions, dropping those rejected or now covered by an annotation. */
export async function refreshSuggestions(): Promise<void> {
  const article = useSessionStore.getState().article;
  if (!article || article.problem) {
    useSuggestionStore.getState().set({ articleId: null, items: [], current: null });
    return;
  }
  let suggestions;
  try {
    ({ suggestions } = await api().article.suggestions({ id: article.id }));
  } catch {
    return;
  }
  if (useSessionStore.getState().article?.id !== article.id) return;
  const rejected = useSuggestionStore.getState().rejected.get(article.id) ?? new Set<string>();
  const overlapsAnnotation = spanOverlapTest(useDocumentStore.getState().annotations);
  const items = suggestions
    .map((suggestion) => ({ ...suggestion, start: article.converter.toUtf16(suggestion.start), end: article.converter.toUtf16(suggestion.end) }))
    .filter((suggestion) => !rejected.has(suggestionKey(suggestion)) && !overlapsAnnotation(suggestion.start, suggestion.end));
  const previous = useSuggestionStore.getState();
  const keepCurrent = previous.articleId === article.id && previous.current !== null ? items.findIndex((item) => suggestionKey(item) === suggestionKey(previous.items[previous.current as number] ?? { start: -1, end: -1, type: '' })) : -1;
  useSuggestionStore.getState().set({ articleId: article.id, items, current: keepCurrent >= 0 ? keepCurrent : null });
}

function removeItem(index: number): void {
  const state = useSuggestionStore.getState();
  const items = state.items.filter((_, position) => position !== index);
  state.set({ items, current: null });
}

/** Accepts a suggestion (as its type, or another): it becomes an annotation, undoable like any other. */
export function acceptSuggestion(index: number, type?: string): void {
  const state = useSuggestionStore.getState();
  const suggestion = state.items[index];
  const session = useSessionStore.getState();
  if (!suggestion || !session.article || session.article.problem) return;
  const document = useDocumentStore.getState();
  const { annotations, id } = addAnnotation(
    document.annotations,
    { start: suggestion.start, end: suggestion.end, type: type ?? suggestion.type },
    { text: session.article.text, author: session.annotator, now: new Date().toISOString(), newId: () => createAnnotationId() },
  );
  document.replace({ annotations, status: document.status === 'new' ? 'in-progress' : document.status });
  session.set({ selectedAnnotationId: id });
  removeItem(index);
}

export function rejectSuggestion(index: number): void {
  const state = useSuggestionStore.getState();
  const suggestion = state.items[index];
  const articleId = useSessionStore.getState().article?.id;
  if (!suggestion || !articleId) return;
  const rejected = new Map(state.rejected);
  rejected.set(articleId, new Set([...(rejected.get(articleId) ?? []), suggestionKey(suggestion)]));
  state.set({ rejected });
  removeItem(index);
}

/** Makes the next suggestion (in reading order) the current one. */
export function nextSuggestion(): DocumentSuggestion | null {
  const state = useSuggestionStore.getState();
  if (state.items.length === 0) return null;
  const current = state.current === null ? 0 : (state.current + 1) % state.items.length;
  state.set({ current });
  return state.items[current];
}

/** The suggestion at a document offset (a click on its text), made current. */
export function selectSuggestionAt(offset: number): boolean {
  const state = useSuggestionStore.getState();
  const index = state.items.findIndex((item) => item.start <= offset && offset < item.end);
  if (index === -1) return false;
  state.set({ current: index });
  return true;
}
