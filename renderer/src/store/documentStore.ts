import { create } from 'zustand';
import { temporal } from 'zundo';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
import type { StoredRelation } from '../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../shared/model/status';
import type { DocumentLabels, Zone } from '../../../shared/documentLabels/judgmentFormat';
import { NO_DOCUMENT_LABELS } from '../../../shared/documentLabels/judgmentValues';

/**
 * The document records (as tldraw keeps its document apart from editor state): what is saved to
 * the annotation file and what undo and redo walk through. View state (selection, loading,
 * panels) lives in articleViewStore and the other stores, and is never saved nor undone.
 */
export interface DocumentState {
  articleId: string | null;
  annotations: DocumentAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  status: ArticleStatus;
  /** (#21) Judgments of the article as a whole; zones in code points, as stored. Undone and saved with the rest. */
  documentLabels: DocumentLabels;
  zones: Zone[];
}

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (): DocumentState => ({
      articleId: null,
      annotations: [],
      relations: [],
      labels: [],
      status: 'new',
      documentLabels: NO_DOCUMENT_LABELS,
      zones: [],
    }),
    {
      partialize: (state) => ({ annotations: state.annotations, relations: state.relations, status: state.status, documentLabels: state.documentLabels, zones: state.zones }),
      equality: (past, current) =>
        past.annotations === current.annotations && past.relations === current.relations && past.status === current.status && past.documentLabels === current.documentLabels && past.zones === current.zones,
      limit: 500,
    },
  ),
);

export type LoadedDocument = Pick<DocumentState, 'articleId' | 'annotations' | 'relations' | 'labels' | 'status'> & Partial<Pick<DocumentState, 'documentLabels' | 'zones'>>;

/** One edit: the annotations (and the status or relations, when they change with them). */
export type DocumentEdit = Pick<DocumentState, 'annotations'> & Partial<Pick<DocumentState, 'status' | 'relations'>>;

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
    useDocumentStore.setState({ ...document, documentLabels: document.documentLabels ?? NO_DOCUMENT_LABELS, zones: document.zones ?? [] });
  } finally {
    notAnEdit--;
    temporalStore.resume();
  }
}

export const documentActions = {
  /** The user's edit: one step of the undo history, saved by autosave. */
  edit(next: DocumentEdit): void {
    useDocumentStore.setState((state) => ({ annotations: next.annotations, status: next.status ?? state.status, relations: next.relations ?? state.relations }));
  },
  /** (#21) The user's judgment of the article as a whole (document labels, zones): one step of the undo history. */
  judge(next: Partial<Pick<DocumentState, 'documentLabels' | 'zones'>>): void {
    useDocumentStore.setState((state) => ({ documentLabels: next.documentLabels ?? state.documentLabels, zones: next.zones ?? state.zones }));
  },
  /** Loads another article's annotations with an empty history: undo is per article. */
  load(document: LoadedDocument): void {
    setWithoutHistory(document);
    useDocumentStore.temporal.getState().clear();
  },
  /**
   * Takes what another writer made of the document (merged with this window's edits) without
   * counting it as an edit. The undo history ends here: stepping back past this point would
   * restore states without the other writer's changes, so undo could delete another person's
   * annotation without that being anyone's action. The user's own edits after it undo as usual.
   */
  adoptMerged(document: LoadedDocument): void {
    documentActions.load(document);
  },
  undo(): void {
    useDocumentStore.temporal.getState().undo();
  },
  redo(): void {
    useDocumentStore.temporal.getState().redo();
  },
};
