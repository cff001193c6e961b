import type { ArticleDocument } from '../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { withUserProblem } from '../problems/userProblems';

/**
 * (#17) A long annotation list goes to the window in pages: a message holding 100,000
 * annotations (14 MB of JSON, or as much structured clone) is decoded by the window in one task
 * of hundreds of milliseconds, a freeze; a page of 10,000 (1.4 MB) a tenth of that. The list is the one
 * named by the document's revision (SavedAnnotationLists), so every page comes from the same list.
 */
export const ANNOTATION_PAGE_SIZE = 10_000;

/** The document with only the first page of its annotations and, when there are more, their total. */
export function withFirstAnnotationPage(document: ArticleDocument, pageSize = ANNOTATION_PAGE_SIZE): ArticleDocument {
  if (document.annotations.length <= pageSize || document.revision === undefined) return document;
  return { ...document, annotations: document.annotations.slice(0, pageSize), annotationsTotal: document.annotations.length };
}

/**
 * The page of `list` from index `from`. `list` null: the revision asked for is no longer the
 * one kept (the article was loaded or saved again since); the window loads it again.
 */
export function annotationPageOf(list: readonly StoredAnnotation[] | null, from: number, pageSize = ANNOTATION_PAGE_SIZE): { annotations: StoredAnnotation[] } {
  if (list === null) throw withUserProblem(new Error('The annotation list being sent changed since the article was loaded; it is loaded again.'), { code: 'articleChangedOnDisk' });
  return { annotations: list.slice(from, from + pageSize) };
}
