import { asUtf16Offset, type Utf16Offset } from '../anchoring/offsetUnits';
import { partitionPoint } from '../sortedSearch';

/** A paragraph of the document text: one line between LF characters, with its UTF-16 range. */
export interface Paragraph {
  index: number;
  start: Utf16Offset;
  end: Utf16Offset;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  forEachParagraphRange(text, (start, end, index) => {
    paragraphs.push({ index, start, end, text: text.slice(start, end) });
  });
  return paragraphs;
}

/**
 * Calls `each` with every paragraph's range, in order (a paragraph ends before a newline, and
 * the text after the last newline is one more, maybe empty); stops early when it returns false.
 * False when it was stopped.
 */
export function forEachParagraphRange(text: string, each: (start: Utf16Offset, end: Utf16Offset, index: number) => boolean | void): boolean {
  for (let start = 0, index = 0; start <= text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (each(asUtf16Offset(start), asUtf16Offset(end), index) === false) return false;
    if (newline === -1) break;
    start = newline + 1;
  }
  return true;
}

/** Index of the paragraph holding a UTF-16 offset (a newline belongs to the paragraph before it). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  return Math.max(0, partitionPoint(paragraphs.length, (index) => paragraphs[index].start <= offset) - 1);
}
