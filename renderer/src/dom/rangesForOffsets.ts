import { partitionPoint } from '../../../shared/sortedSearch';
import type { Utf16Range } from '../../../shared/anchoring/offsetUnits';
import { PARAGRAPH_SELECTOR } from './selectionOffsets';

/**
 * The DOM boundaries of many document ranges in one pass over them in document order.
 * The paragraph of each boundary is found by binary search, and only the text nodes of
 * paragraphs holding a boundary are walked: repainting 300 suggestions after an edit in a
 * 3,000-paragraph article no longer visits every paragraph.
 */
function boundariesForOffsets(root: HTMLElement, spans: readonly Utf16Range[]): StaticRangeInit[] {
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
  const boundaries = spans.flatMap((span, index) => [
    { offset: span.start, index, side: 'start' as const },
    { offset: span.end, index, side: 'end' as const },
  ]);
  boundaries.sort((a, b) => a.offset - b.offset || (a.side === 'end' ? -1 : 1));
  const ranges: StaticRangeInit[] = spans.map(() => ({ startContainer: root, startOffset: 0, endContainer: root, endOffset: 0 }));
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
      if (boundary.side === 'start') Object.assign(range, { startContainer: current, startOffset: offsetInNode });
      else Object.assign(range, { endContainer: current, endOffset: offsetInNode });
    } else if (boundary.side === 'start') {
      Object.assign(range, { startContainer: paragraphs[paragraphIndex], startOffset: 0 });
    } else {
      Object.assign(range, { endContainer: paragraphs[paragraphIndex], endOffset: paragraphs[paragraphIndex].childNodes.length });
    }
  }
  return ranges;
}

/** Live DOM Ranges for document ranges: for measuring or scrolling to a few of them. */
export function rangesForOffsets(root: HTMLElement, spans: readonly Utf16Range[]): Range[] {
  return boundariesForOffsets(root, spans).map((boundaries) => {
    const range = document.createRange();
    range.setStart(boundaries.startContainer, boundaries.startOffset);
    range.setEnd(boundaries.endContainer, boundaries.endOffset);
    return range;
  });
}

/**
 * Static ranges for document ranges: for painting many of them with the CSS Custom Highlight
 * API (suggestions, find hits). A live Range is registered with the document, which updates
 * every one of them on every node the DOM removes: with the thousands of suggestions of a
 * large article, each chunk's highlights drawn or dropped and each tagging's elements cost
 * 20-600 ms of `removeChild` under load (#18, #25, session 11; traced). Static ranges are not
 * updated; their painters paint them again after every redraw of the text (useArticleRedraws).
 */
export function staticRangesForOffsets(root: HTMLElement, spans: readonly Utf16Range[]): StaticRange[] {
  return boundariesForOffsets(root, spans).map((boundaries) => new StaticRange(boundaries));
}
