import { create } from 'zustand';
import type { ArticleMetadataState, ArticleSummary } from '../../../../shared/metadata/metadataWire';

/**
 * (#21) Metadata as the window holds it: the open article's `NAME.meta.json` (null until read),
 * and the per-article summaries (metadata and document labels) the file list filters and sorts
 * by, filled in a page at a time after the listing.
 */
export interface MetadataState {
  articleId: string | null;
  current: ArticleMetadataState | null;
  summaries: Readonly<Record<string, ArticleSummary>>;
  /** Which listing the summaries belong to; a new listing starts over. */
  generation: number;
}

export const useMetadataStore = create<MetadataState>()(() => ({ articleId: null, current: null, summaries: {}, generation: 0 }));

export const metadataActions = {
  showArticleMetadata(articleId: string, current: ArticleMetadataState | null): void {
    useMetadataStore.setState({ articleId, current });
  },
  /** A new listing: summaries start over; the returned generation names it. */
  startSummaries(): number {
    const generation = useMetadataStore.getState().generation + 1;
    useMetadataStore.setState({ summaries: {}, generation });
    return generation;
  },
  addSummaries(generation: number, summaries: readonly ArticleSummary[]): void {
    const state = useMetadataStore.getState();
    if (state.generation !== generation) return;
    const next = { ...state.summaries };
    for (const summary of summaries) next[summary.id] = summary;
    useMetadataStore.setState({ summaries: next });
  },
  /** After a save: the list filters by what is on disk now. */
  updateSummary(summary: ArticleSummary): void {
    useMetadataStore.setState((state) => ({ summaries: { ...state.summaries, [summary.id]: summary } }));
  },
};
