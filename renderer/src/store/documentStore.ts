import { create } from 'zustand';
import { temporal } from 'zundo';
import type { DocumentAnnotation } from '../../../shared/model/documentAnnotation';
import type { StoredRelation } from '../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../shared/model/status';

/**
 * The document slice: what is saved to the annotation file and what undo and redo walk
 * through. Session state (selection, hover, panels) lives in sessionStore and is never saved.
 */
export interface DocumentState {
  articleId: string | null;
  annotations: DocumentAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  status: ArticleStatus;
  replace: (next: Pick<DocumentState, 'annotations'> & Partial<Pick<DocumentState, 'status' | 'relations'>>) => void;
  load: (document: Pick<DocumentState, 'articleId' | 'annotations' | 'relations' | 'labels' | 'status'>) => void;
}

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set) => ({
      articleId: null,
      annotations: [],
      relations: [],
      labels: [],
      status: 'new',
      replace: (next) => set((state) => ({ annotations: next.annotations, status: next.status ?? state.status, relations: next.relations ?? state.relations })),
      load: (document) => set(document),
    }),
    {
      partialize: (state) => ({ annotations: state.annotations, relations: state.relations, status: state.status }),
      equality: (past, current) => past.annotations === current.annotations && past.relations === current.relations && past.status === current.status,
      limit: 500,
    },
  ),
);

export function undoDocument(): void {
  useDocumentStore.temporal.getState().undo();
}

export function redoDocument(): void {
  useDocumentStore.temporal.getState().redo();
}

/** Loads another article's annotations with an empty history: undo is per article. */
export function loadDocument(document: Pick<DocumentState, 'articleId' | 'annotations' | 'relations' | 'labels' | 'status'>): void {
  const temporalStore = useDocumentStore.temporal.getState();
  temporalStore.pause();
  useDocumentStore.getState().load(document);
  temporalStore.resume();
  temporalStore.clear();
}
