import type { ArticleDocument } from '../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { withUserProblem } from '../problems/userProblems';

/**
 * (#17) A long annotation list goes to the window in pages: a message holding 100,000
 * annotations (14 MB of JSON, or as much structured clone) is decoded by the window in one task
 * of hundreds of milliseconds, a freeze; a page of 10,000 (1.4 MB) a tenth of that. The list is the one
 * named by the document's revision (SavedAnnotationLists), so every page comes from the same list.
 * A list of up to ANNOTATION_PAGE_SIZE is sent whole, as always.
 */
export const ANNOTATION_PAGE_SIZE = 10_000;

/**
 * The first page of a longer list is smaller: it travels with the article's text in the answer the
 * window shows the article from, and every part of that answer (main's reading of the file's head,
 * the window's decoding and its conversion) holds the first frame back. 2,500 annotations still
 * cover the article's first screens many times over (the 100,000 of the benchmark's 2 MB article: its
 * first 28,000 characters, about ten screens).
 */
export const FIRST_ANNOTATION_PAGE_SIZE = 2_500;

/** The document with only the first page of its annotations and, when there are more than a page, their total and the size of the pages that follow. */
export function withFirstAnnotationPage(document: ArticleDocument): ArticleDocument {
  if (document.annotations.length <= ANNOTATION_PAGE_SIZE || document.revision === undefined) return document;
  return { ...document, annotations: document.annotations.slice(0, FIRST_ANNOTATION_PAGE_SIZE), ...pagedAfterFirst(document.annotations.length) };
}

/** What a document sent from its first page says of the rest: how many in all, and in pages of how many they follow. */
export function pagedAfterFirst(total: number): Pick<ArticleDocument, 'annotationsTotal' | 'annotationsPageSize'> {
  return { annotationsTotal: total, annotationsPageSize: ANNOTATION_PAGE_SIZE };
}

/**
 * The page of `list` from index `from`. `list` null: the revision asked for is no longer the
 * one kept (the article was loaded or saved again since); the window loads it again.
 */
export function annotationPageOf(list: readonly StoredAnnotation[] | null, from: number): { annotations: StoredAnnotation[] } {
  if (list === null) throw withUserProblem(new Error('The annotation list being sent changed since the article was loaded; it is loaded again.'), { code: 'articleChangedOnDisk' });
  return { annotations: list.slice(from, from + ANNOTATION_PAGE_SIZE) };
}
