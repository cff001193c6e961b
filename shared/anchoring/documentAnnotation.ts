import type { Fragment, StoredAnnotation } from '../model/nativeFormat';
import type { OffsetConverter } from './offsets';
import type { Utf16Range } from './offsetUnits';
import { StringPool } from '../model/stringPool';

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

/** The keys, in order, of an annotation as this app writes it for a tag (`modified` once it changed). */
const PLAIN_KEYS = ['id', 'type', 'start', 'end', 'text', 'author', 'created', 'modified'] as const;
const PLAIN_SHORTEST = 7;

/** How many of PLAIN_KEYS the annotation has, in that order and nothing else (a for-in walks a spread's order); 0 otherwise. */
function plainKeyCount(annotation: StoredAnnotation): number {
  let count = 0;
  for (const key in annotation) {
    if (key !== PLAIN_KEYS[count]) return 0;
    count++;
  }
  return count >= PLAIN_SHORTEST ? count : 0;
}

/**
 * (#25, session 19) An annotation with the plain keys, copied by an object literal: its fields
 * all inside the object, 40 bytes for seven. A record that arrives over IPC (structured clone)
 * has room for four inside and puts the rest in a property array, and a spread copies that
 * layout: 28 bytes of object and 20 of property array. Same keys, same order, same values.
 */
function plainCopy(annotation: StoredAnnotation, count: number, converter: OffsetConverter): DocumentAnnotation {
  const { id, type, text, author, created } = annotation;
  const start = converter.toUtf16(annotation.start);
  const end = converter.toUtf16(annotation.end);
  return (count === PLAIN_SHORTEST ? { id, type, start, end, text, author, created } : { id, type, start, end, text, author, created, modified: annotation.modified }) as DocumentAnnotation;
}

// The copies keep each annotation's keys in the order the file had them (a save writes them back
// in that order); the compiler cannot follow the conditional spread of `fragments`, hence the one
// assertion per direction. The offsets themselves are checked: toUtf16 takes only code points and
// toCodePoint only UTF-16 offsets.
export function toDocumentAnnotations(stored: readonly StoredAnnotation[], converter: OffsetConverter, pool = new StringPool()): DocumentAnnotation[] {
  return stored.map((annotation) => {
    const count = plainKeyCount(annotation);
    const copy =
      count > 0
        ? plainCopy(annotation, count, converter)
        : ({
            ...annotation,
            start: converter.toUtf16(annotation.start),
            end: converter.toUtf16(annotation.end),
            ...(annotation.fragments
              ? { fragments: annotation.fragments.map((fragment) => ({ ...fragment, start: converter.toUtf16(fragment.start), end: converter.toUtf16(fragment.end) })) }
              : {}),
          } as DocumentAnnotation);
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
