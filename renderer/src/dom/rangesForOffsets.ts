import { PARAGRAPH_SELECTOR } from './selectionOffsets';

interface OffsetRange {
  start: number;
  end: number;
}

/**
 * DOM Ranges for many document ranges (sorted by start) in one pass over the paragraphs and
 * their text nodes, so painting thousands of search hits stays linear in the article size.
 */
export function rangesForOffsets(root: HTMLElement, spans: readonly OffsetRange[]): Range[] {
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
  if (paragraphs.length === 0) return [];
  enterParagraph(0);
  for (const boundary of boundaries) {
    while (paragraphIndex + 1 < paragraphs.length && Number(paragraphs[paragraphIndex + 1].dataset.offset) <= boundary.offset) enterParagraph(paragraphIndex + 1);
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
