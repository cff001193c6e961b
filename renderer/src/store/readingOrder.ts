import { compareReadingOrder } from '../../../shared/model/annotationOperations';
import type { DocumentAnnotation } from '../../../shared/model/documentAnnotation';

/**
 * An article's annotations as loaded, put in reading order (the order the window keeps them in
 * and saves them in), and whether they already were in it: Hashiye writes them so, and then the
 * list is kept as it came (no sort of 100,000 items) and main's revision of the list it sent
 * (article.load's `revision`) names the window's list too, so the first save sends only changes.
 */
export function loadedInReadingOrder(annotations: DocumentAnnotation[]): { annotations: DocumentAnnotation[]; asLoaded: boolean } {
  for (let index = 1; index < annotations.length; index++) {
    // Array.prototype.sort is stable: a list with no pair out of order comes out of it as it went in.
    if (compareReadingOrder(annotations[index - 1], annotations[index]) > 0) return { annotations: [...annotations].sort(compareReadingOrder), asLoaded: false };
  }
  return { annotations, asLoaded: true };
}
