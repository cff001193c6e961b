import { create } from 'zustand';
import type { DocumentAnnotation } from '../../../shared/model/documentAnnotation';
import { useDocumentStore } from './documentStore';
import { useSessionStore } from './sessionStore';

/**
 * The annotations and the selection as the side panes show them: the same values as the
 * document and session stores, handed over once the frame that shows an edit in the article
 * has been painted. The article is what the analyst looks at when pressing a tag key; the
 * annotation list (10,000 rows, measured as they mount) follows a frame later instead of
 * holding that frame back.
 */
export interface PaintedDocumentState {
  annotations: readonly DocumentAnnotation[];
  selectedAnnotationId: string | null;
}

export const usePaintedDocumentStore = create<PaintedDocumentState>()(() => ({
  annotations: useDocumentStore.getState().annotations,
  selectedAnnotationId: useSessionStore.getState().selectedAnnotationId,
}));

/** In a hidden window animation frames may not come; the panes then catch up after this. */
const FALLBACK_MS = 100;

let scheduled = false;

function handOver(): void {
  scheduled = false;
  const annotations = useDocumentStore.getState().annotations;
  const selectedAnnotationId = useSessionStore.getState().selectedAnnotationId;
  const painted = usePaintedDocumentStore.getState();
  if (painted.annotations !== annotations || painted.selectedAnnotationId !== selectedAnnotationId) {
    usePaintedDocumentStore.setState({ annotations, selectedAnnotationId });
  }
}

/** After the next frame's paint: a message posted from its animation-frame callback runs once that frame is done. */
function scheduleHandOver(): void {
  if (scheduled) return;
  scheduled = true;
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    handOver();
  };
  const fallback = setTimeout(once, FALLBACK_MS);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
}

useDocumentStore.subscribe((state, previous) => {
  if (state.annotations !== previous.annotations) scheduleHandOver();
});
useSessionStore.subscribe((state, previous) => {
  if (state.selectedAnnotationId !== previous.selectedAnnotationId) scheduleHandOver();
});
