import { create } from 'zustand';
import { temporal } from 'zundo';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
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

export type LoadedDocument = Pick<DocumentState, 'articleId' | 'annotations' | 'relations' | 'labels' | 'status'>;

/**
 * Changes the store makes that are not the user's edits (a load, a merge adopted from disk):
 * autosave ignores them, so a reload never counts as an edit and never triggers a save.
 */
let notAnEdit = 0;

export function isChangeNotAnEdit(): boolean {
  return notAnEdit > 0;
}

function setWithoutHistory(document: LoadedDocument): void {
  const temporalStore = useDocumentStore.temporal.getState();
  temporalStore.pause();
  notAnEdit++;
  try {
    useDocumentStore.getState().load(document);
  } finally {
    notAnEdit--;
    temporalStore.resume();
  }
}

/** Loads another article's annotations with an empty history: undo is per article. */
export function loadDocument(document: LoadedDocument): void {
  setWithoutHistory(document);
  useDocumentStore.temporal.getState().clear();
}

/**
 * Takes what another writer made of the document (merged with this window's edits) without
 * counting it as an edit. The undo history ends here: stepping back past this point would
 * restore states without the other writer's changes, so undo could delete another person's
 * annotation without that being anyone's action. The user's own edits after it undo as usual.
 */
export function adoptMergedDocument(document: LoadedDocument): void {
  loadDocument(document);
}
