import type { ArticleDocument, ArticleEncodingChoice } from '../../../shared/ipc';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { api } from '../api';
import { problemOf } from '../ipcError';

/**
 * (#17) article.load, with an annotation list main sent in part (`annotationsTotal`) completed
 * page by page (article.annotationPage): each page is decoded in a task of its own, so that
 * 100,000 annotations never hold the window in one message. `stillWanted` is asked between
 * pages: a load the user moved away from stops fetching (null is then returned).
 */
export async function loadArticleDocument(id: string, encoding: ArticleEncodingChoice | undefined, stillWanted: () => boolean): Promise<ArticleDocument | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadOnce(id, encoding, stillWanted);
    } catch (error) {
      // The list was replaced while its pages were fetched (another load of this article, a
      // reload after a change on disk): loaded again, whole, from the newest list.
      if (attempt >= LOAD_ATTEMPTS || problemOf(error).code !== 'articleChangedOnDisk') throw error;
    }
  }
}

const LOAD_ATTEMPTS = 3;

async function loadOnce(id: string, encoding: ArticleEncodingChoice | undefined, stillWanted: () => boolean): Promise<ArticleDocument | null> {
  const document = await api().article.load(encoding ? { id, encoding } : { id });
  const total = document.annotationsTotal;
  const revision = document.revision;
  if (total === undefined || revision === undefined || document.annotations.length >= total) return document;
  const annotations: StoredAnnotation[] = [...document.annotations];
  while (annotations.length < total) {
    if (!stillWanted()) return null;
    const page = await api().article.annotationPage({ id, revision, from: annotations.length });
    // An empty page before the total: the list is not the one announced; never shown partly.
    if (page.annotations.length === 0) throw new Error(`article.annotationPage sent ${annotations.length} of ${total} annotations.`);
    for (const annotation of page.annotations) annotations.push(annotation);
  }
  const { annotationsTotal: _total, ...rest } = document;
  return { ...rest, annotations };
}
