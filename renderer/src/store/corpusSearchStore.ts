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
}

export const useCorpusSearchStore = create<CorpusSearchState>()(() => ({
  open: false,
  query: '',
  wholeWords: true,
  busy: false,
  result: null,
  previewType: null,
  lastTagAll: null,
  error: null,
}));

export const corpusSearchActions = {
  open(): void {
    useCorpusSearchStore.setState({ open: true });
  },
  close(): void {
    useCorpusSearchStore.setState({ open: false });
  },
  /** A new query: the old result and its preview are gone. */
  changeQuery(query: string): void {
    useCorpusSearchStore.setState({ query, result: null, previewType: null });
  },
  setWholeWords(wholeWords: boolean): void {
    useCorpusSearchStore.setState({ wholeWords, result: null });
  },
  previewTagAll(type: string | null): void {
    useCorpusSearchStore.setState({ previewType: type });
  },
  searchStarted(): void {
    useCorpusSearchStore.setState({ busy: true, error: null, previewType: null });
  },
  showResult(result: CorpusSearchResult): void {
    useCorpusSearchStore.setState({ result, busy: false });
  },
  /** A corpus-wide step (tag all, or its undo) is on its way. */
  stepStarted(): void {
    useCorpusSearchStore.setState({ busy: true, error: null });
  },
  taggedAll(result: TagAllResult, type: string): void {
    useCorpusSearchStore.setState({ lastTagAll: { ...result, type }, previewType: null, busy: false });
  },
  tagAllUndone(): void {
    useCorpusSearchStore.setState({ lastTagAll: null, busy: false });
  },
  failed(error: UserProblem): void {
    useCorpusSearchStore.setState({ busy: false, error });
  },
};
