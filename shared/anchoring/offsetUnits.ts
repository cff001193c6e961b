/**
 * The two units an offset into the document text can be counted in, as types that do not mix.
 * Files, brat, exports and the CLI count Unicode code points (brat's and Python's convention);
 * JavaScript strings, the DOM and everything the window holds count UTF-16 code units. An emoji
 * is one of the first and two of the second, so an offset passed in the wrong unit is off by one
 * per astral character before it: a silent corruption. Both are plain numbers at run time; the
 * brand only lets the compiler refuse one where the other is expected (offsetUnits.test.ts
 * proves it).
 *
 * A `Utf16Offset` is always marked: it comes from the conversion in offsets.ts, from the DOM
 * (renderer/src/dom/selectionOffsets.ts) or from `asUtf16Offset` where code computes a new one.
 * A `CodePointOffset` is the unit of every file, so a plain number read from a file, an import or
 * a test is taken as one (its brand is optional); only a `Utf16Offset` is refused in its place.
 */
export type Utf16Offset = number & { readonly __unit: 'utf16' };
export type CodePointOffset = number & { readonly __unit?: 'codepoint' };

/** A number known to count UTF-16 code units: an index into a JavaScript string or DOM text. */
export function asUtf16Offset(value: number): Utf16Offset {
  return value as Utf16Offset;
}

/** A number known to count code points, where a computation lost the unit (file offsets need no marking). */
export function asCodePointOffset(value: number): CodePointOffset {
  return value as CodePointOffset;
}

/** A range [start, end) of the document text counted in UTF-16 code units. */
export interface Utf16Range {
  start: Utf16Offset;
  end: Utf16Offset;
}

/** A range [start, end) of the document text counted in code points. */
export interface CodePointRange {
  start: CodePointOffset;
  end: CodePointOffset;
}

/** A UTF-16 range from two numbers known to count UTF-16 code units. */
export function utf16Range(start: number, end: number): Utf16Range {
  return { start: asUtf16Offset(start), end: asUtf16Offset(end) };
}
