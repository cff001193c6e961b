import type { SavedDocument } from '../../../../shared/saveWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';

/** A document as the window gets it: without the quote contexts (see withoutQuote). */
export function withoutQuotes(document: SavedDocument): SavedDocument {
  return { ...document, annotations: document.annotations.map(withoutQuote) };
}

/** The quote context is for re-anchoring on disk; main recomputes it on every save, the window never needs it. */
export function withoutQuote(annotation: StoredAnnotation): StoredAnnotation {
  if (annotation.quote === undefined) return annotation;
  const { quote: _quote, ...rest } = annotation;
  return rest;
}
