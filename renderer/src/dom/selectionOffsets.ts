import { asUtf16Offset, type Utf16Offset, type Utf16Range } from '../../../shared/anchoring/offsetUnits';

/**
 * Turns DOM selection boundaries into UTF-16 offsets of the document text (`Utf16Offset`: the
 * DOM counts UTF-16 units; shared/anchoring/offsets.ts turns them into the code points of files), through DOM
 * positions only (never screen coordinates), so it is exact in RTL, LTR and mixed paragraphs,
 * whichever way the selection was dragged. Each paragraph element carries `data-offset`,
 * its start in the document text; everything inside it is the paragraph's text and nothing else.
 * A chunk far from the view carries one too, and holds the document's text from its first
 * paragraph to its last, line breaks included (paragraphChunkElement).
 */
export const PARAGRAPH_SELECTOR = '[data-offset]';
/**
 * Paragraphs are grouped in chunks whose layout is skipped while off screen. Asking a paragraph
 * in such a chunk for its box lays the whole chunk out; asking the chunk does not.
 */
export const PARAGRAPH_CHUNK_CLASS = 'paragraph-chunk';

function paragraphOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>(PARAGRAPH_SELECTOR) ?? null;
  return paragraph && root.contains(paragraph) ? paragraph : null;
}

function paragraphStart(paragraph: HTMLElement): Utf16Offset {
  return asUtf16Offset(Number(paragraph.dataset.offset));
}

function paragraphEnd(paragraph: HTMLElement): Utf16Offset {
  return asUtf16Offset(paragraphStart(paragraph) + (paragraph.textContent ?? '').length);
}

/** Offset of a boundary point, or null when it lies outside the article. */
export function offsetOfBoundary(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): Utf16Offset | null {
  if (!root.contains(node)) return null;
  const paragraph = paragraphOf(node, root);
  if (paragraph) {
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return asUtf16Offset(paragraphStart(paragraph) + range.toString().length);
  }
  // A boundary between paragraphs (the container is the article root or a wrapper):
  // take the paragraph after it for a start, the one before it for an end.
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
  const point = document.createRange();
  point.setStart(node, offset);
  if (side === 'start') {
    const after = paragraphs.find((candidate) => point.comparePoint(candidate, 0) >= 0);
    return after ? paragraphStart(after) : null;
  }
  const before = [...paragraphs].reverse().find((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0);
  return before ? paragraphEnd(before) : null;
}

/** The selection inside the article root as a UTF-16 range, or null if there is none. */
export function selectionToOffsets(root: HTMLElement, selection: Selection | null): Utf16Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const start = offsetOfBoundary(root, range.startContainer, range.startOffset, 'start');
  const end = offsetOfBoundary(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
