import type { ArticleMetadata } from '../../../../../shared/metadata/articleMetadata';
import type { ArticleMetadataState } from '../../../../../shared/metadata/metadataWire';
import { SUMMARY_PAGE_SIZE } from '../../../../../shared/metadata/summaryPaging';
import { api } from '../../../api';
import { metadataActions, useMetadataStore } from '../../window/metadataStore';
import { afterNextPaint } from '../../../dom/afterNextPaint';

/** (#21) Reads the open article's metadata for the header; a failed read shows none and keeps the editor closed. */
export async function loadArticleMetadata(articleId: string): Promise<void> {
  metadataActions.showArticleMetadata(articleId, null);
  try {
    const state = await api().article.metadata({ id: articleId });
    if (useMetadataStore.getState().articleId === articleId) metadataActions.showArticleMetadata(articleId, state);
  } catch {
    // No corpus any more, or the article went away: the header shows no metadata.
  }
}

/**
 * Saves the edited fields; the answer says whether they are on disk (`saved`) or why not (`problem`).
 * `base`: the fields as the editor opened them, so another writer's changes merge in (#17).
 */
export async function saveArticleMetadata(articleId: string, metadata: ArticleMetadata, base?: ArticleMetadata): Promise<ArticleMetadataState & { saved: boolean }> {
  const result = await api().article.saveMetadata({ id: articleId, metadata, base });
  if (useMetadataStore.getState().articleId === articleId) metadataActions.showArticleMetadata(articleId, { metadata: result.metadata, exists: result.exists, problem: result.problem });
  if (result.saved) {
    const previous = useMetadataStore.getState().summaries[articleId];
    metadataActions.updateSummary({ id: articleId, metadata: result.metadata, labels: previous?.labels ?? {}, metadataProblem: false });
  }
  return result;
}

/**
 * Fills the list's summaries a page at a time, the listing shown meanwhile: 10,000 articles are
 * twenty requests main answers reading a few files at a time, never all at once. (#25) The first
 * is asked once the list is drawn.
 */
export async function loadSummaries(ids: readonly string[]): Promise<void> {
  const generation = metadataActions.startSummaries();
  await afterNextPaint();
  for (let from = 0; from < ids.length; from += SUMMARY_PAGE_SIZE) {
    if (useMetadataStore.getState().generation !== generation) return;
    try {
      const { summaries } = await api().corpus.summaries({ ids: ids.slice(from, from + SUMMARY_PAGE_SIZE) });
      metadataActions.addSummaries(generation, summaries);
    } catch {
      // An article listed a moment ago may be gone: the page is skipped, the others still come.
    }
  }
}
