import { create } from 'zustand';
import type { Corpus } from '../../../shared/corpusWire';

/** The opened corpus as the corpus pane lists it (articles, their status and tags, the tag set). Never saved from here. */
export interface CorpusViewState {
  corpus: Corpus | null;
}

export const useCorpusViewStore = create<CorpusViewState>()(() => ({ corpus: null }));

type ArticleEntry = Corpus['articles'][number];
type ArticleStatus = ArticleEntry['status'];

/** An entry whose status is now known (it was just saved), though main listed it as pending (#25). */
function withoutPending(entry: ArticleEntry): ArticleEntry {
  if (entry.statusPending === undefined) return entry;
  const known = { ...entry };
  delete known.statusPending;
  return known;
}

export const corpusViewActions = {
  /** Another corpus (or none), or the same one as main listed it again (files added, a tag set saved). */
  showCorpus(corpus: Corpus | null): void {
    useCorpusViewStore.setState({ corpus });
  },
  /** Shows an article's saved status and counts in the list once its save is on disk. */
  reflectSaved(articleId: string, saved: { status: ArticleStatus; annotations: readonly { type: string }[] }): void {
    const { corpus } = useCorpusViewStore.getState();
    if (!corpus) return;
    const articles = corpus.articles.map((entry) =>
      entry.id === articleId
        ? { ...withoutPending(entry), status: saved.status, annotationCount: saved.annotations.length, tags: [...new Set(saved.annotations.map((annotation) => annotation.type))].sort() }
        : entry,
    );
    useCorpusViewStore.setState({ corpus: { ...corpus, articles } });
  },
};
