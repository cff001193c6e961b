import { addAnnotation, createAnnotationId } from '../../../../shared/model/annotationOperations';
import { spanOverlapTest } from '../../../../shared/text/spanOverlap';
import { api } from '../../api';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { suggestionActions, suggestionKey, useSuggestionStore, type DocumentSuggestion } from '../suggestionStore';
import { problemOf } from '../../ipcError';
import { problemText } from '../../i18n/problemMessages';
import { currentLanguage, usePreferencesStore } from '../preferencesStore';
import { windowActions } from '../window/windowStore';
import { usePretagStore } from '../window/pretagStore';

/**
 * Suggestions from main for the open article: texts tagged elsewhere in the corpus, and (#24)
 * the suggestions pre-annotation runs wrote into the article's annotator files. Accepting one
 * makes it an annotation (an ordinary, undoable edit of NAME.ann.json); rejecting a
 * pre-annotation suggestion is written back to its annotator file (`pretagRejected`).
 */

type WireSpan = { start: number; end: number; type: string; text: string };

async function fetchSuggestions(id: string): Promise<{ corpus: (WireSpan & { count: number })[]; pretag: (WireSpan & { as: string; id: string })[] } | null> {
  // Each source on its own: annotator files that cannot be read still leave the corpus suggestions.
  const [corpus, pretag] = await Promise.allSettled([api().article.suggestions({ id }), api().pretag.suggestions({ id })]);
  if (corpus.status === 'rejected' && pretag.status === 'rejected') return null;
  return { corpus: corpus.status === 'fulfilled' ? corpus.value.suggestions : [], pretag: pretag.status === 'fulfilled' ? pretag.value.suggestions : [] };
}

/** Asks main for the open article's suggestions, dropping those rejected or now covered by an annotation. */
export async function refreshSuggestions(): Promise<void> {
  const article = useArticleViewStore.getState().article;
  if (!article || article.problem) {
    suggestionActions.clear();
    return;
  }
  const fetched = await fetchSuggestions(article.id);
  if (fetched === null || useArticleViewStore.getState().article?.id !== article.id) return;
  const rejected = useSuggestionStore.getState().rejected.get(article.id) ?? new Set<string>();
  const overlapsAnnotation = spanOverlapTest(useDocumentStore.getState().annotations);
  const toUtf16 = <T extends WireSpan>(suggestion: T) => ({ ...suggestion, start: article.converter.toUtf16(suggestion.start), end: article.converter.toUtf16(suggestion.end) });
  const pretag: DocumentSuggestion[] = fetched.pretag.map(({ as, id, ...span }) => ({ ...toUtf16(span), count: 1, pretag: { as, id } }));
  // A span both sources suggest is shown once, as the run's: rejecting it then lasts.
  const pretagKeys = new Set(pretag.map(suggestionKey));
  const corpus: DocumentSuggestion[] = fetched.corpus.map(toUtf16).filter((suggestion) => !pretagKeys.has(suggestionKey(suggestion)));
  const items = [...corpus, ...pretag]
    .filter((suggestion) => !rejected.has(suggestionKey(suggestion)) && !overlapsAnnotation(suggestion.start, suggestion.end))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  suggestionActions.show(article.id, items);
}

/** Accepts a suggestion (as its type, or another): it becomes an annotation, undoable like any other. */
export function acceptSuggestion(index: number, type?: string): void {
  const suggestion = useSuggestionStore.getState().items[index];
  if (!suggestion) return;
  const id = addSuggestions([{ ...suggestion, type: type ?? suggestion.type }]);
  if (id === null) return;
  articleViewActions.selectAnnotationOnly(id);
  suggestionActions.remove(index);
}

/** The suggestions as annotations of the analyst's file, in one edit (one undo step); the last new id, or null. */
function addSuggestions(suggestions: readonly DocumentSuggestion[]): string | null {
  const { article } = useArticleViewStore.getState();
  if (!article || !canEditArticle() || suggestions.length === 0) return null;
  const document = useDocumentStore.getState();
  let annotations = document.annotations;
  let lastId: string | null = null;
  const options = { text: article.text, author: usePreferencesStore.getState().annotator, now: new Date().toISOString(), newId: () => createAnnotationId() };
  for (const suggestion of suggestions) {
    const added = addAnnotation(annotations, { start: suggestion.start, end: suggestion.end, type: suggestion.type }, options);
    annotations = added.annotations;
    lastId = added.id;
  }
  documentActions.edit({ annotations, status: document.status === 'new' ? 'in-progress' : document.status });
  return lastId;
}

/** Which suggestions a "many" decision takes: those of the current one's type, or all (of one source either way). */
export type SuggestionGroup = 'type' | 'all';

/** A suggestion's source: the pre-annotation run (its annotator, `as`) or, '', text tagged elsewhere in the corpus. */
function sourceOf(suggestion: DocumentSuggestion): string {
  return suggestion.pretag?.as ?? '';
}

/**
 * (#24) The source a "many" decision acts on, so that accepting all after a run takes that run's
 * suggestions and not the older corpus ones as well: the current suggestion's source; with none
 * current, the run the dialog last chose (its AS) when it has suggestions here, else any run's,
 * else the corpus's.
 */
function chosenSource(items: readonly DocumentSuggestion[], current: number | null): string {
  const currentItem = current === null ? undefined : items[current];
  if (currentItem) return sourceOf(currentItem);
  const lastRun = usePretagStore.getState().choices.as.trim();
  if (items.some((item) => item.pretag?.as === lastRun)) return lastRun;
  return items.find((item) => item.pretag)?.pretag?.as ?? '';
}

function indicesOf(group: SuggestionGroup): Set<number> {
  const { items, current } = useSuggestionStore.getState();
  const type = current === null ? null : items[current]?.type;
  if (group === 'type' && type == null) return new Set();
  const source = chosenSource(items, current);
  return new Set(items.flatMap((item, index) => (sourceOf(item) === source && (group === 'all' || item.type === type) ? [index] : [])));
}

/** (#24) Accepts every suggestion of the current one's type, or all of them, of one source (chosenSource): one edit, undone as one. */
export function acceptSuggestions(group: SuggestionGroup): number {
  const indices = indicesOf(group);
  const { items } = useSuggestionStore.getState();
  if (addSuggestions(items.filter((_, index) => indices.has(index))) === null) return 0;
  suggestionActions.removeMany(indices);
  return indices.size;
}

/** Rejects a suggestion: a pre-annotation one is marked in its annotator file, a corpus one until the app restarts. */
export function rejectSuggestion(index: number): void {
  void rejectIndices(new Set([index]));
}

/** (#24) Rejects every suggestion of the current one's type, or all of them, of one source (chosenSource). */
export function rejectSuggestions(group: SuggestionGroup): number {
  const indices = indicesOf(group);
  void rejectIndices(indices);
  return indices.size;
}

async function rejectIndices(indices: ReadonlySet<number>): Promise<void> {
  const articleId = useArticleViewStore.getState().article?.id;
  if (!articleId || indices.size === 0) return;
  const { items } = useSuggestionStore.getState();
  const chosen = items.filter((_, index) => indices.has(index));
  suggestionActions.rejectMany(articleId, new Set([...indices].filter((index) => !items[index]?.pretag)));
  const byAnnotator = new Map<string, string[]>();
  for (const suggestion of chosen) if (suggestion.pretag) byAnnotator.set(suggestion.pretag.as, [...(byAnnotator.get(suggestion.pretag.as) ?? []), suggestion.pretag.id]);
  if (byAnnotator.size === 0) return;
  const rejectedKeys = new Set(chosen.filter((suggestion) => suggestion.pretag).map(suggestionKey));
  suggestionActions.removeMany(new Set(useSuggestionStore.getState().items.flatMap((item, index) => (item.pretag && rejectedKeys.has(suggestionKey(item)) ? [index] : []))));
  try {
    for (const [as, ids] of byAnnotator) await api().pretag.reject({ id: articleId, as, ids });
  } catch (error) {
    windowActions.showNotice(problemText(problemOf(error), currentLanguage()));
    await refreshSuggestions();
  }
}
