import type { StoredAnnotation } from '../model/nativeFormat';
import type { OffsetConverter } from './offsets';

/**
 * An annotation as the UI holds it: the same fields as in the file, but `start`, `end` and
 * fragment bounds in UTF-16 code units so they index JavaScript strings and DOM text directly.
 * The conversion happens only here, when a document is loaded and when it is saved.
 */
export type DocumentAnnotation = StoredAnnotation;

export function toDocumentAnnotations(stored: readonly StoredAnnotation[], converter: OffsetConverter): DocumentAnnotation[] {
  return stored.map((annotation) => ({
    ...annotation,
    start: converter.toUtf16(annotation.start),
    end: converter.toUtf16(annotation.end),
    ...(annotation.fragments
      ? { fragments: annotation.fragments.map((fragment) => ({ ...fragment, start: converter.toUtf16(fragment.start), end: converter.toUtf16(fragment.end) })) }
      : {}),
  }));
}

export function toStoredAnnotations(annotations: readonly DocumentAnnotation[], converter: OffsetConverter): StoredAnnotation[] {
  return annotations.map((annotation) => ({
    ...annotation,
    start: converter.toCodePoint(annotation.start),
    end: converter.toCodePoint(annotation.end),
    ...(annotation.fragments
      ? { fragments: annotation.fragments.map((fragment) => ({ ...fragment, start: converter.toCodePoint(fragment.start), end: converter.toCodePoint(fragment.end) })) }
      : {}),
  }));
}
