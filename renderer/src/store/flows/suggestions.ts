import { addAnnotation, createAnnotationId } from '../../../../shared/model/annotationOperations';
import { spanOverlapTest } from '../../../../shared/text/spanOverlap';
import { api } from '../../api';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { usePreferencesStore } from '../preferencesStore';
import { suggestionActions, suggestionKey, useSuggestionStore } from '../suggestionStore';

/** Suggestions from main for the open article; accepting one makes it an annotation. */

/** Asks main for the open article's suggestions, dropping those rejected or now covered by an annotation. */
export async function refreshSuggestions(): Promise<void> {
  const article = useArticleViewStore.getState().article;
  if (!article || article.problem) {
    suggestionActions.clear();
    return;
  }
  let suggestions;
  try {
    ({ suggestions } = await api().article.suggestions({ id: article.id }));
  } catch {
    return;
  }
  if (useArticleViewStore.getState().article?.id !== article.id) return;
  const rejected = useSuggestionStore.getState().rejected.get(article.id) ?? new Set<string>();
  const overlapsAnnotation = spanOverlapTest(useDocumentStore.getState().annotations);
  const items = suggestions
    .map((suggestion) => ({ ...suggestion, start: article.converter.toUtf16(suggestion.start), end: article.converter.toUtf16(suggestion.end) }))
    .filter((suggestion) => !rejected.has(suggestionKey(suggestion)) && !overlapsAnnotation(suggestion.start, suggestion.end));
  suggestionActions.show(article.id, items);
}

/** Accepts a suggestion (as its type, or another): it becomes an annotation, undoable like any other. */
export function acceptSuggestion(index: number, type?: string): void {
  const suggestion = useSuggestionStore.getState().items[index];
  const { article } = useArticleViewStore.getState();
  if (!suggestion || !article || article.problem) return;
  const document = useDocumentStore.getState();
  const { annotations, id } = addAnnotation(
    document.annotations,
    { start: suggestion.start, end: suggestion.end, type: type ?? suggestion.type },
    { text: article.text, author: usePreferencesStore.getState().annotator, now: new Date().toISOString(), newId: () => createAnnotationId() },
  );
  documentActions.edit({ annotations, status: document.status === 'new' ? 'in-progress' : document.status });
  articleViewActions.selectAnnotationOnly(id);
  suggestionActions.remove(index);
}

export function rejectSuggestion(index: number): void {
  const articleId = useArticleViewStore.getState().article?.id;
  if (articleId) suggestionActions.reject(articleId, index);
}
