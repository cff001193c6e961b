import { asUtf16Offset, type Utf16Range } from './offsetUnits';

/** Characters of context kept on each side of a selection for word snapping. */
const MARGIN = 256;
const WHITESPACE = /\s/;

/**
 * The bounds to snap a selection to words within: its paragraph, narrowed to a window around
 * the selection whose edges fall just after whitespace (a word boundary, so the words at the
 * selection's edges are whole in the window). Word snapping segments its bounds from the
 * start: in a one-line article of 5 MB the paragraph is the whole article, and segmenting the
 * megabytes before a selection held the window for most of a second per tagging.
 */
export function snapWindow(text: string, selection: Utf16Range, paragraph: Utf16Range, margin: number = MARGIN): Utf16Range {
  let start = Math.max(paragraph.start, selection.start - margin);
  while (start > paragraph.start && !WHITESPACE.test(text[start - 1])) start--;
  let end = Math.min(paragraph.end, selection.end + margin);
  while (end < paragraph.end && !WHITESPACE.test(text[end])) end++;
  return { start: asUtf16Offset(start), end: asUtf16Offset(end) };
}
