import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/ipc';
import type { UserProblem } from '../../../shared/userProblem';

export type CorpusSearchResult = ResponseOf<'corpus.search'>;
export type TagAllResult = ResponseOf<'corpus.tagAll'>;

/** The corpus-wide search panel: session only, never saved. */
interface CorpusSearchState {
  open: boolean;
  query: string;
  wholeWords: boolean;
  busy: boolean;
  result: CorpusSearchResult | null;
  previewType: string | null;
  /** The last "tag all" step, which the panel can undo. */
  lastTagAll: (TagAllResult & { type: string }) | null;
  error: UserProblem | null;
  set: (change: Partial<Omit<CorpusSearchState, 'set'>>) => void;
}

export const useCorpusSearchStore = create<CorpusSearchState>()((set) => ({
  open: false,
  query: '',
  wholeWords: true,
  busy: false,
  result: null,
  previewType: null,
  lastTagAll: null,
  error: null,
  set: (change) => set(change),
}));
