import { asUtf16Offset, type Utf16Range } from './offsetUnits';
import { isInsideSurrogatePair } from './surrogates';

/**
 * Word snapping with ICU's word boundaries (Intl.Segmenter): a Persian word holding a ZWNJ
 * («می‌دهد») is one word, and spaces and punctuation («، : ؛ ؟ « »») at the edges of a
 * selection are trimmed. Offsets are UTF-16 indexes into the document text.
 */
const segmenter = new Intl.Segmenter('fa', { granularity: 'word' });

/** Characters never kept at the edge of a snapped selection. */
const EDGE_TRIM = /[\s\u200c\u200d\u200e\u200f\u061c\p{P}\p{S}]/u;

function isTrimmable(char: string): boolean {
  return EDGE_TRIM.test(char);
}

/** Removes spaces, joiners, bidi marks and punctuation from both ends. */
export function trimRange(text: string, range: Utf16Range): Utf16Range {
  let start: number = range.start;
  let end: number = range.end;
  while (start < end && isTrimmable(text[start])) start++;
  while (end > start && isTrimmable(text[end - 1])) end--;
  // Never cut a surrogate pair in half.
  if (isInsideSurrogatePair(text, start)) start--;
  if (isInsideSurrogatePair(text, end)) end++;
  return { start: asUtf16Offset(start), end: asUtf16Offset(end) };
}

/**
 * Widens a selection to whole words inside `bounds` (normally its paragraph), then trims.
 * A selection that holds no word character comes back trimmed, possibly empty.
 */
export function snapToWords(text: string, range: Utf16Range, bounds: Utf16Range = { start: asUtf16Offset(0), end: asUtf16Offset(text.length) }): Utf16Range {
  const trimmed = trimRange(text, range);
  if (trimmed.end <= trimmed.start) return trimmed;
  const windowText = text.slice(bounds.start, bounds.end);
  let start: number = trimmed.start;
  let end: number = trimmed.end;
  for (const segment of segmenter.segment(windowText)) {
    const segmentStart = bounds.start + segment.index;
    const segmentEnd = segmentStart + segment.segment.length;
    if (segmentEnd <= trimmed.start) continue;
    if (segmentStart >= trimmed.end) break;
    if (!segment.isWordLike) continue;
    if (segmentStart < start) start = segmentStart;
    if (segmentEnd > end) end = segmentEnd;
  }
  return trimRange(text, { start: asUtf16Offset(start), end: asUtf16Offset(end) });
}
