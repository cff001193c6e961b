import { create } from 'zustand';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
import { useDocumentStore, type DocumentState } from './documentStore';
import { useArticleViewStore } from './articleViewStore';

/**
 * The annotations and the selection as the side panes show them: the same values as the
 * document and session stores, handed over once the frame that shows an edit in the article
 * has been painted. The article is what the analyst looks at when pressing a tag key; the
 * annotation list (10,000 rows, measured as they mount) follows a frame later instead of
 * holding that frame back, and so do the relations list and the selected annotation's links
 * (each a pass over the annotations: up to 100,000 of them, #17).
 */
export interface PaintedDocumentState {
  annotations: readonly DocumentAnnotation[];
  relations: DocumentState['relations'];
  selectedAnnotationId: string | null;
}

export const usePaintedDocumentStore = create<PaintedDocumentState>()(() => ({
  annotations: useDocumentStore.getState().annotations,
  relations: useDocumentStore.getState().relations,
  selectedAnnotationId: useArticleViewStore.getState().selectedAnnotationId,
}));

/** The panes catch up at the latest this long after an edit, even when the window is never idle or hidden. */
const LATEST_MS = 250;

let scheduled = false;

function handOver(): void {
  scheduled = false;
  const { annotations, relations } = useDocumentStore.getState();
  const selectedAnnotationId = useArticleViewStore.getState().selectedAnnotationId;
  const painted = usePaintedDocumentStore.getState();
  if (painted.annotations !== annotations || painted.relations !== relations || painted.selectedAnnotationId !== selectedAnnotationId) {
    usePaintedDocumentStore.setState({ annotations, relations, selectedAnnotationId });
  }
}

/**
 * In the first idle period after the next frame: that frame paints the edit in the article,
 * and a key pressed meanwhile is answered before the panes are brought up to date.
 */
function scheduleHandOver(): void {
  if (scheduled) return;
  scheduled = true;
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(latest);
    handOver();
  };
  const latest = setTimeout(once, LATEST_MS);
  requestAnimationFrame(() => requestIdleCallback(once, { timeout: LATEST_MS }));
}

useDocumentStore.subscribe((state, previous) => {
  if (state.annotations !== previous.annotations || state.relations !== previous.relations) scheduleHandOver();
});
useArticleViewStore.subscribe((state, previous) => {
  if (state.selectedAnnotationId !== previous.selectedAnnotationId) scheduleHandOver();
});
