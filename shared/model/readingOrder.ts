import { compareReadingOrder, type OrderedSpan } from './annotationOperations';

/**
 * An article's annotations put in reading order (the order the window keeps them in and saves
 * them in), and whether they already were in it. Main sends article.load's annotations in this
 * order, and the window checks it got them so: a list in order is kept as it came (no sort of
 * 100,000 items), and main's revision of the list it sent (article.load's `revision`) then names
 * the window's list too, so the first save sends only changes. (Offsets in code points or in
 * UTF-16 units give the same order, so main orders the file's annotations and the window its own.)
 */
export function loadedInReadingOrder<Annotation extends OrderedSpan>(annotations: Annotation[]): { annotations: Annotation[]; asLoaded: boolean } {
  for (let index = 1; index < annotations.length; index++) {
    // Array.prototype.sort is stable: a list with no pair out of order comes out of it as it went in.
    if (compareReadingOrder(annotations[index - 1], annotations[index]) > 0) return { annotations: [...annotations].sort(compareReadingOrder), asLoaded: false };
  }
  return { annotations, asLoaded: true };
}
