import { type RefObject, useEffect } from 'react';
import { trimRange } from '../../../../shared/anchoring/wordSnap';
import { selectionToOffsets } from '../../dom/selectionOffsets';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { relationDraftActions, useRelationDraftStore } from '../../store/relationDraftStore';
import { addFragmentToAnnotation, pickLinkTarget } from '../../store/flows/relations';

export const MARK = 'mark[data-annotation-id]';

/**
 * Hover (an annotation brings its arcs forward), clicks while linking (the clicked annotation is
 * the other end), and Ctrl+drag (the selected text becomes a fragment of the selected annotation).
 */
export function useArcPointer(rootRef: RefObject<HTMLElement | null>, redraw: () => void): void {
  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.closest<HTMLElement>('.article-scroller');
    if (!root || !scroller) return;
    const over = (event: MouseEvent) => relationDraftActions.hoverAnnotation((event.target as Element).closest<HTMLElement>(MARK)?.dataset.annotationId ?? null);
    const click = (event: MouseEvent) => {
      if (useRelationDraftStore.getState().draft?.stage !== 'picking') return;
      const id = (event.target as Element).closest<HTMLElement>(MARK)?.dataset.annotationId;
      if (id) pickLinkTarget(id);
    };
    const mouseUp = (event: MouseEvent) => {
      const selected = useArticleViewStore.getState().selectedAnnotationId;
      const text = useArticleViewStore.getState().article?.text;
      if (!(event.ctrlKey || event.metaKey) || !selected || !text) return;
      const raw = selectionToOffsets(root, window.getSelection());
      if (!raw) return;
      if (addFragmentToAnnotation(selected, trimRange(text, raw))) {
        // The article's own mouse-up then reads the selection; the annotation stays selected.
        setTimeout(() => {
          window.getSelection()?.removeAllRanges();
          articleViewActions.selectAnnotation(selected);
          redraw();
        }, 0);
      }
    };
    scroller.addEventListener('mouseover', over);
    scroller.addEventListener('click', click);
    scroller.addEventListener('mouseup', mouseUp, true);
    return () => {
      scroller.removeEventListener('mouseover', over);
      scroller.removeEventListener('click', click);
      scroller.removeEventListener('mouseup', mouseUp, true);
    };
  }, [rootRef, redraw]);
}
