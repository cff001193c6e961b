import type { Fragment, StoredAnnotation } from '../model/nativeFormat';
import type { OffsetConverter } from './offsets';
import type { Utf16Range } from './offsetUnits';
import { StringPool } from '../model/stringPool';
import { inObjectCopy } from './inObjectCopy';

/** `T` without the keys `K`, keeping an index signature and the named keys beside it (zod's loose objects have both). */
type WithoutKeys<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

/** A piece of a discontinuous span as the UI holds it, in UTF-16 code units. */
export type DocumentFragment = WithoutKeys<Fragment, 'start' | 'end'> & Utf16Range;

/**
 * An annotation as the UI holds it: the same fields as in the file, but `start`, `end` and
 * fragment bounds in UTF-16 code units (`Utf16Offset`) so they index JavaScript strings and DOM
 * text directly, where the file's `StoredAnnotation` holds code points (`CodePointOffset`): the
 * compiler refuses one where the other is expected. The conversion happens only here, when a
 * document is loaded and when it is saved.
 */
export type DocumentAnnotation = WithoutKeys<StoredAnnotation, 'start' | 'end' | 'fragments'> & Utf16Range & { fragments?: DocumentFragment[] };

/**
 * Fields whose values repeat across an article's annotations, shared through the pool (#25:
 * one string per tag type, author and time instead of one per annotation). A field the
 * annotation lacks stays absent.
 */
const REPEATING_FIELDS = ['type', 'author', 'created', 'text'] as const;

// The copies keep each annotation's keys in the order the file had them (a save writes them back
// in that order). Loading copies each record into an object that holds its fields inside
// (inObjectCopy: 8 bytes less per annotation than a spread's copy, #25), then converts the
// offsets and pools the repeating fields in place. The compiler cannot follow a copy converted in
// place, nor the conditional spread of `fragments` on the way back, hence the one assertion per
// direction. The offsets themselves are checked: toUtf16 takes only code points and toCodePoint
// only UTF-16 offsets.
export function toDocumentAnnotations(stored: readonly StoredAnnotation[], converter: OffsetConverter, pool = new StringPool()): DocumentAnnotation[] {
  return stored.map((annotation) => {
    const copy = inObjectCopy(annotation) as unknown as DocumentAnnotation;
    copy.start = converter.toUtf16(annotation.start);
    copy.end = converter.toUtf16(annotation.end);
    if (annotation.fragments) copy.fragments = annotation.fragments.map((fragment) => ({ ...fragment, start: converter.toUtf16(fragment.start), end: converter.toUtf16(fragment.end) }));
    return pool.internFields(copy, REPEATING_FIELDS);
  });
}

export function toStoredAnnotations(annotations: readonly DocumentAnnotation[], converter: OffsetConverter): StoredAnnotation[] {
  return annotations.map(
    (annotation) =>
      ({
        ...annotation,
        start: converter.toCodePoint(annotation.start),
        end: converter.toCodePoint(annotation.end),
        ...(annotation.fragments
          ? { fragments: annotation.fragments.map((fragment) => ({ ...fragment, start: converter.toCodePoint(fragment.start), end: converter.toCodePoint(fragment.end) })) }
          : {}),
      }) as StoredAnnotation,
  );
}
