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
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    paragraphs.push({ index: index++, start: asUtf16Offset(start), end: asUtf16Offset(end), text: text.slice(start, end) });
    if (newline === -1) break;
    start = newline + 1;
  }
  return paragraphs;
}

/** Index of the paragraph holding a UTF-16 offset (a newline belongs to the paragraph before it). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  return Math.max(0, partitionPoint(paragraphs.length, (index) => paragraphs[index].start <= offset) - 1);
}
