import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';
import { PARAGRAPH_SELECTOR } from './selectionOffsets';

/** The text node and offset in it of a UTF-16 document offset, for setting the DOM selection. */
export function domPositionOf(root: HTMLElement, offset: Utf16Offset): { node: Node; offset: number } | null {
  const paragraphs = root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR);
  let paragraph: HTMLElement | null = null;
  for (const candidate of paragraphs) {
    if (Number(candidate.dataset.offset) <= offset) paragraph = candidate;
    else break;
  }
  if (!paragraph) return null;
  let remaining = offset - Number(paragraph.dataset.offset);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return { node, offset: remaining };
    remaining -= node.data.length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : { node: paragraph, offset: 0 };
}

export function selectDomRange(root: HTMLElement, start: Utf16Offset, end: Utf16Offset): void {
  const from = domPositionOf(root, start);
  const to = domPositionOf(root, end);
  const selection = window.getSelection();
  if (!from || !to || !selection) return;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  selection.removeAllRanges();
  selection.addRange(range);
}
