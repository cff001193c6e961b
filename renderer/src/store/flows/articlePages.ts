import type { ArticleEncodingChoice } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { api } from '../../api';
import { problemOf } from '../../ipcError';

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

/** Page requests in flight at once: round trips overlap (each crossed the stand-in's CDP one after another), and a load given up stops soon. */
const PAGES_IN_FLIGHT = 4;

async function loadOnce(id: string, encoding: ArticleEncodingChoice | undefined, stillWanted: () => boolean): Promise<ArticleDocument | null> {
  return withRemainingAnnotationPages(await api().article.load(encoding ? { id, encoding } : { id }), stillWanted);
}

/** Whether article.load sent only the first page of the annotations (the rest to fetch with withRemainingAnnotationPages). */
export function hasMoreAnnotationPages(document: ArticleDocument): boolean {
  return document.annotationsTotal !== undefined && document.revision !== undefined && document.annotations.length < document.annotationsTotal;
}

/**
 * (#17) The document article.load sent, with the pages of annotations it left out fetched and
 * appended in order (the document itself when it holds them all); null when `stillWanted` said
 * no between pages. Throws when a page is not the one announced (articleChangedOnDisk: the list
 * was replaced since): the list is never completed from two lists.
 */
export async function withRemainingAnnotationPages(document: ArticleDocument, stillWanted: () => boolean): Promise<ArticleDocument | null> {
  const total = document.annotationsTotal;
  const revision = document.revision;
  const id = document.id;
  const firstPage = document.annotations.length;
  if (total === undefined || revision === undefined || firstPage >= total) return document;
  if (firstPage === 0) throw new Error(`article.load sent no annotations of ${total}.`);
  // The pages that follow the first hold the size main said (the first, travelling with the text, is smaller).
  const pageSize = document.annotationsPageSize ?? firstPage;
  const starts: number[] = [];
  for (let from = firstPage; from < total; from += pageSize) starts.push(from);
  const pages: StoredAnnotation[][] = [];
  for (let batch = 0; batch < starts.length; batch += PAGES_IN_FLIGHT) {
    if (!stillWanted()) return null;
    const answers = await Promise.all(starts.slice(batch, batch + PAGES_IN_FLIGHT).map((from) => api().article.annotationPage({ id, revision, from })));
    for (const [index, answer] of answers.entries()) {
      const expected = Math.min(pageSize, total - starts[batch + index]);
      // A page of another length: the list is not the one announced; never shown partly.
      if (answer.annotations.length !== expected) throw new Error(`article.annotationPage sent ${answer.annotations.length} annotations from ${starts[batch + index]}, not ${expected} (of ${total}).`);
      pages.push(answer.annotations);
    }
  }
  if (!stillWanted()) return null;
  const { annotationsTotal: _total, annotationsPageSize: _pageSize, ...rest } = document;
  return { ...rest, annotations: document.annotations.concat(...pages) };
}
