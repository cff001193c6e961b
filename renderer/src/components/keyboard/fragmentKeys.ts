import { pieceIndexAt, piecesOf, wordAfter } from '../../../../shared/relations/fragmentOperations';
import { selectDomRange } from '../../dom/domPosition';
import { offsetOfBoundary } from '../../dom/selectionOffsets';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../../store/articleViewStore';
import { useDocumentStore } from '../../store/documentStore';
import { addFragmentToAnnotation, removeFragmentOf } from '../../store/flows/relations';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { sayWhyKeyDidNothing } from '../../store/window/keyHintStore';

/**
 * Discontinuous spans by keyboard (#20). G on the selected annotation holds it and selects the
 * word after it (Shift+arrows then adjust the selection); G with that text selected adds it as
 * one more fragment of the held annotation. Shift+G removes the selected annotation's fragment
 * under the caret, or its last one. Both are one undo step.
 */
function articleRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="article"]');
}

export function addFragmentByKey(): void {
  const { selectedAnnotationId, textSelection, article } = useArticleViewStore.getState();
  const holder = useRelationDraftStore.getState().fragmentHolderId;
  const root = articleRoot();
  if (!article || !root) return sayWhyKeyDidNothing('hintNoArticle');
  if (!canEditArticle()) return sayWhyKeyDidNothing('hintReadOnly');
  if (holder && textSelection && textSelection.end > textSelection.start) {
    relationDraftActions.holdForFragment(null);
    if (addFragmentToAnnotation(holder, textSelection)) {
      window.getSelection()?.removeAllRanges();
      articleViewActions.selectAnnotation(holder);
    }
    return;
  }
  const selected = useDocumentStore.getState().annotations.find((annotation) => annotation.id === selectedAnnotationId);
  const next = selected ? wordAfter(article.text, selected.end) : null;
  if (!selected || !next) return sayWhyKeyDidNothing('hintNoFragmentSelection');
  relationDraftActions.holdForFragment(selected.id);
  selectDomRange(root, next.start, next.end);
  articleViewActions.selectText(next);
}

export function removeFragmentByKey(): void {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  const selected = useDocumentStore.getState().annotations.find((annotation) => annotation.id === selectedAnnotationId);
  if (!selected) return sayWhyKeyDidNothing('hintNothingToDelete');
  if (piecesOf(selected).length < 2) return sayWhyKeyDidNothing('hintNoFragmentToRemove');
  const root = articleRoot();
  const caret = window.getSelection();
  const offset = root && caret?.anchorNode ? offsetOfBoundary(root, caret.anchorNode, caret.anchorOffset, 'start') : null;
  removeFragmentOf(selected.id, pieceIndexAt(selected, offset));
}
