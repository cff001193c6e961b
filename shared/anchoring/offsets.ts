import { countBelow } from '../sortedSearch';
import { asUtf16Offset, type CodePointOffset, type Utf16Offset } from './offsetUnits';
import { isInsideSurrogatePair, isSurrogatePairAt } from './surrogates';

/**
 * Offsets in files are Unicode code points (brat's and Python's convention); JavaScript
 * strings count UTF-16 code units. This module is the only place where one becomes the other.
 */

export interface OffsetConverter {
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  toUtf16(codePointOffset: CodePointOffset): Utf16Offset;
  toCodePoint(utf16Offset: Utf16Offset): CodePointOffset;
}

/** A high surrogate, searched unit by unit (no `u` flag: a pair's halves are units of their own). */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Builds a converter for one text. Only the positions of surrogate pairs are stored, so a
 * 1 MB article without astral characters costs nothing and lookups are O(log pairs).
 */
export function createOffsetConverter(text: string): OffsetConverter {
  // UTF-16 index of the high surrogate of each well-formed pair, in order.
  const pairStarts: number[] = [];
  // (#25) Most texts hold no high surrogate at all: one native search instead of a call per unit (an export builds a converter per article).
  const firstHigh = text.search(HIGH_SURROGATE);
  for (let index = firstHigh === -1 ? text.length : firstHigh; index < text.length - 1; index++) {
    if (isSurrogatePairAt(text, index)) {
      pairStarts.push(index);
      index++;
    }
  }
  // Code-point index of the character of each pair, for the reverse lookup.
  // (#25) Pushed, not `pairStarts.map`: an optimized map makes a holey array where the builtin made a
  // packed one, and `countBelow`, optimized on one kind, was thrown away when the other came.
  const pairCodePoints: number[] = [];
  for (let order = 0; order < pairStarts.length; order++) pairCodePoints.push(pairStarts[order] - order);
  const utf16Length = text.length;
  const codePointLength = utf16Length - pairStarts.length;

  return {
    codePointLength,
    utf16Length,
    toUtf16(codePointOffset: CodePointOffset): Utf16Offset {
      if (!Number.isInteger(codePointOffset) || codePointOffset < 0 || codePointOffset > codePointLength) {
        throw new RangeError(`Code-point offset ${codePointOffset} is outside 0..${codePointLength}`);
      }
      return asUtf16Offset(codePointOffset + countBelow(pairCodePoints, codePointOffset));
    },
    toCodePoint(utf16Offset: Utf16Offset): CodePointOffset {
      if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > utf16Length) {
        throw new RangeError(`UTF-16 offset ${utf16Offset} is outside 0..${utf16Length}`);
      }
      // An offset between the two halves of a pair maps to the pair's own code point:
      // the pair counts as "before" but has not been completed, which the formula absorbs.
      return utf16Offset - countBelow(pairStarts, utf16Offset);
    },
  };
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    if (isSurrogatePairAt(text, index)) index++;
  }
  return length;
}

/** Moves a UTF-16 offset off the middle of a surrogate pair (towards the start). */
export function snapOutOfSurrogatePair(text: string, utf16Offset: Utf16Offset): Utf16Offset {
  return isInsideSurrogatePair(text, utf16Offset) ? asUtf16Offset(utf16Offset - 1) : utf16Offset;
}

/**
 * A text seen as a sequence of code points, for checking and slicing by file offsets without
 * building an array of every character (`Array.from` of a 1 MB article is a million strings).
 */
export interface CodePointText {
  /** Length in code points. */
  readonly length: number;
  /** The code points [start, end) as a string; the same as `Array.from(text).slice(start, end).join('')`. */
  slice(start: CodePointOffset, end: CodePointOffset): string;
}

/** Array.prototype.slice's reading of a bound: integers only, negative from the end, clamped. */
function sliceBound(value: number, length: number): number {
  const integer = Math.trunc(value) || 0;
  return integer < 0 ? Math.max(length + integer, 0) : Math.min(integer, length);
}

/** A code-point view of `text`; pass the text's converter when there already is one. */
export function codePointText(text: string, converter: OffsetConverter = createOffsetConverter(text)): CodePointText {
  const length = converter.codePointLength;
  return {
    length,
    slice(start: number, end: number): string {
      const from = sliceBound(start, length);
      const to = sliceBound(end, length);
      return to <= from ? '' : text.slice(converter.toUtf16(from), converter.toUtf16(to));
    },
  };
}

/** The same view over code points that a caller already holds as an array. */
export function codePointArrayText(codePoints: readonly string[]): CodePointText {
  return {
    length: codePoints.length,
    slice: (start: number, end: number) => codePoints.slice(start, end).join(''),
  };
}
