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
  const withText = await withRemainingText(await api().article.load(encoding ? { id, encoding } : { id }), stillWanted);
  return withText === null ? null : withRemainingAnnotationPages(withText, stillWanted);
}

/** Whether article.load sent only the head of the text (the rest to fetch with withRemainingText). */
export function hasMoreText(document: ArticleDocument): boolean {
  return document.textTotal !== undefined && document.text.length < document.textTotal;
}

/**
 * (#17) The document article.load sent, with the text it sent the head of (`textTotal`) fetched
 * in pages (article.textPage, a few at once, each decoded in a task of its own) and joined; the
 * document itself when its text is whole; null when `stillWanted` said no between pages. Throws
 * when a page is not of the length announced, or the revision is no longer main's
 * (articleChangedOnDisk): a text is never completed from two texts, nor shown partly as whole.
 */
export async function withRemainingText(document: ArticleDocument, stillWanted: () => boolean): Promise<ArticleDocument | null> {
  const { textTotal: total, textPageSize: pageSize, revision, id } = document;
  if (total === undefined) return document;
  if (revision === undefined || pageSize === undefined) throw new Error('article.load sent the head of a text without the revision and page size to ask for the rest with.');
  const starts: number[] = [];
  for (let from = document.text.length; from < total; from += pageSize) starts.push(from);
  const pages = [document.text];
  for (let batch = 0; batch < starts.length; batch += PAGES_IN_FLIGHT) {
    if (!stillWanted()) return null;
    const answers = await Promise.all(starts.slice(batch, batch + PAGES_IN_FLIGHT).map((from) => api().article.textPage({ id, revision, from })));
    for (const [index, { text }] of answers.entries()) {
      const expected = Math.min(pageSize, total - starts[batch + index]);
      if (text.length !== expected) throw new Error(`article.textPage sent ${text.length} UTF-16 units from ${starts[batch + index]}, not ${expected} (of ${total}).`);
      pages.push(text);
    }
  }
  if (!stillWanted()) return null;
  const { textTotal: _total, textPageSize: _pageSize, ...rest } = document;
  return { ...rest, text: pages.join('') };
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
