import { partitionPoint } from '../../../shared/sortedSearch';
import type { Utf16Range } from '../../../shared/anchoring/offsetUnits';
import { PARAGRAPH_SELECTOR } from './selectionOffsets';

/**
 * DOM Ranges for many document ranges in one pass over their boundaries in document order.
 * The paragraph of each boundary is found by binary search, and only the text nodes of
 * paragraphs holding a boundary are walked: repainting 300 suggestions after an edit in a
 * 3,000-paragraph article no longer visits every paragraph.
 */
export function rangesForOffsets(root: HTMLElement, spans: readonly Utf16Range[]): Range[] {
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
  const boundaries = spans.flatMap((span, index) => [
    { offset: span.start, index, side: 'start' as const },
    { offset: span.end, index, side: 'end' as const },
  ]);
  boundaries.sort((a, b) => a.offset - b.offset || (a.side === 'end' ? -1 : 1));
  const ranges = spans.map(() => document.createRange());
  let paragraphIndex = 0;
  let walker: TreeWalker | null = null;
  let node: Text | null = null;
  let nodeStart = 0;
  const enterParagraph = (index: number) => {
    paragraphIndex = index;
    walker = document.createTreeWalker(paragraphs[index], NodeFilter.SHOW_TEXT);
    node = walker.nextNode() as Text | null;
    nodeStart = Number(paragraphs[index].dataset.offset);
  };
  /** The last paragraph at or after `from` that starts at or before `offset`. */
  const paragraphAt = (from: number, offset: number) => Math.max(from, partitionPoint(paragraphs.length, (index) => Number(paragraphs[index].getAttribute('data-offset')) <= offset, from) - 1);
  if (paragraphs.length === 0) return [];
  enterParagraph(0);
  for (const boundary of boundaries) {
    const holding = paragraphAt(paragraphIndex, boundary.offset);
    if (holding !== paragraphIndex) enterParagraph(holding);
    let current = node as Text | null;
    while (current && nodeStart + current.data.length < boundary.offset) {
      nodeStart += current.data.length;
      current = (walker as TreeWalker | null)?.nextNode() as Text | null;
    }
    node = current;
    const range = ranges[boundary.index];
    if (current) {
      const offsetInNode = Math.min(current.data.length, Math.max(0, boundary.offset - nodeStart));
      if (boundary.side === 'start') range.setStart(current, offsetInNode);
      else range.setEnd(current, offsetInNode);
    } else if (boundary.side === 'start') {
      range.setStart(paragraphs[paragraphIndex], 0);
    } else {
      range.setEnd(paragraphs[paragraphIndex], paragraphs[paragraphIndex].childNodes.length);
    }
  }
  return ranges;
}
