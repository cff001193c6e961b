import { addAnnotation, addAnnotations, createAnnotationId, retagAnnotation, updateAnnotationDetails, type AnnotationDetailsChange } from '../../../../shared/model/annotationOperations';
import { partitionHitsByBoilerplate, selectionTouchesBoilerplate } from './judgments/zoning';
import type { ArticleStatus } from '../../../../shared/model/status';
import { api } from '../../api';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { useCorpusViewStore } from '../corpusViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { usePreferencesStore } from '../preferencesStore';
import { flushSave } from '../saving/autosave';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { deleteAnnotationWithLinks, linesRemovedWith } from './relations';

/**
 * The user's edits of the open article, shared by the keyboard, the menus and the mouse: each is
 * one step of the document's undo history (documentStore.ts), saved by autosave.
 */

function editContext() {
  const { article } = useArticleViewStore.getState();
  return { text: article?.text ?? '', author: usePreferencesStore.getState().annotator, now: new Date().toISOString(), newId: () => createAnnotationId() };
}

/** A new article becomes in progress with its first annotation. */
function statusAfterAdding(): ArticleStatus {
  const { status } = useDocumentStore.getState();
  return status === 'new' ? 'in-progress' : status;
}

/** Tags the current text selection; returns the new annotation's id. */
export function tagTextSelection(type: string): string | null {
  const range = useArticleViewStore.getState().textSelection;
  if (!range || range.end <= range.start || !canEditArticle()) return null;
  const { annotations, id } = addAnnotation(useDocumentStore.getState().annotations, { start: range.start, end: range.end, type }, editContext());
  documentActions.edit({ annotations, status: statusAfterAdding() });
  articleViewActions.selectAnnotation(id);
  window.getSelection()?.removeAllRanges();
  return id;
}

/** The answer to the boilerplate question: tag the range that was asked about after all. */
export function tagInBoilerplateAfterAll(): void {
  const pending = useArticleViewStore.getState().pendingBoilerplateTag;
  articleViewActions.answerBoilerplateTag();
  if (!pending) return;
  articleViewActions.selectText(pending.range);
  tagTextSelection(pending.type);
}

export function retagSelectedAnnotation(type: string): void {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  if (selectedAnnotationId) retagAnnotationById(selectedAnnotationId, type);
}

/** DESIGN.md's selection rule: a non-empty text selection wins, else retag the selected annotation. */
export function applyTag(type: string): void {
  const { textSelection } = useArticleViewStore.getState();
  // (#21) Inside boilerplate (left out of exports, statistics and agreement) a tag is most
  // likely a slip: it is asked about first, in the app's own modal (BoilerplateTagQuestion.tsx).
  if (textSelection && selectionTouchesBoilerplate()) {
    articleViewActions.askToTagInBoilerplate({ type, range: textSelection });
    return;
  }
  if (textSelection && textSelection.end > textSelection.start) tagTextSelection(type);
  else retagSelectedAnnotation(type);
}

/**
 * Deletes the selected annotation. In a brat corpus, deleting an entity also deletes the
 * relations, events and notes that refer to it: those lines are shown first, to confirm.
 */
export async function deleteSelectedAnnotation(): Promise<void> {
  const { selectedAnnotationId: id, article } = useArticleViewStore.getState();
  if (!id || !canEditArticle() || !article) return;
  if (useCorpusViewStore.getState().corpus?.mode === 'brat') {
    await flushSave();
    const { lines } = await api().annotations.previewDelete({ id: article.id, annotationId: id });
    if (lines.length > 1) {
      articleViewActions.askToDelete({ annotationId: id, lines });
      return;
    }
  } else {
    // Its relations and event roles go with it: they are listed first (#20).
    const lines = linesRemovedWith(id);
    if (lines.length > 0) {
      articleViewActions.askToDelete({ annotationId: id, lines });
      return;
    }
  }
  confirmDelete(id);
}

export function confirmDelete(id: string): void {
  // Relations and event roles that point at the deleted annotation go with it (and come back with undo).
  deleteAnnotationWithLinks(id);
}

export function undo(): void {
  if (canEditArticle()) documentActions.undo();
}

export function redo(): void {
  if (canEditArticle()) documentActions.redo();
}

/** "Tag all hits": one step on the document, so one undo removes them all. Hits in boilerplate are left untagged (#21). */
export function tagAllHits(hits: readonly Utf16Range[], type: string): number {
  const outside = partitionHitsByBoilerplate(hits).outside;
  if (!canEditArticle() || outside.length === 0) return 0;
  const { annotations, ids } = addAnnotations(useDocumentStore.getState().annotations, outside.map((hit) => ({ ...hit, type })), editContext());
  if (ids.length > 0) documentActions.edit({ annotations, status: statusAfterAdding() });
  return ids.length;
}

export function updateSelectedDetails(change: AnnotationDetailsChange): void {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  if (!selectedAnnotationId || !canEditArticle()) return;
  documentActions.edit({ annotations: updateAnnotationDetails(useDocumentStore.getState().annotations, selectedAnnotationId, change, editContext()) });
}

export function retagAnnotationById(id: string, type: string): void {
  if (!canEditArticle()) return;
  documentActions.edit({ annotations: retagAnnotation(useDocumentStore.getState().annotations, id, type, editContext()) });
}

export function setArticleStatus(status: ArticleStatus): void {
  if (!canEditArticle()) return;
  const document = useDocumentStore.getState();
  if (document.status !== status) documentActions.edit({ annotations: document.annotations, status });
}
