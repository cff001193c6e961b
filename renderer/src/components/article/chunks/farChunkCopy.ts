import type { ClipboardEvent } from 'react';
import type { Utf16Range } from '../../../../../shared/anchoring/offsetUnits';
import { paragraphIndexAt } from '../../../../../shared/text/paragraphs';
import type { TextPiece } from '../../../../../shared/text/paragraphChunks';
import { selectionToOffsets } from '../../../dom/selectionOffsets';

/** Marks a chunk drawn far from the view as its text alone (paragraphChunkElement). */
export const FAR_CHUNK_CLASS = 'far';

/**
 * The text the browser copies from paragraph elements: the selected part of each non-empty
 * piece, a blank line between them, and one after the last when the selection runs past its
 * end (measured in Chromium: `<p>` elements give "\n\n", empty ones nothing).
 */
export function copiedText(pieces: readonly TextPiece[], range: Utf16Range): string {
  const parts: string[] = [];
  let runsPastLast = false;
  for (let index = paragraphIndexAt(pieces, range.start); index < pieces.length && pieces[index].start < range.end; index++) {
    const piece = pieces[index];
    const part = piece.text.slice(Math.max(0, range.start - piece.start), Math.max(0, range.end - piece.start));
    if (part.length === 0) continue;
    parts.push(part);
    runsPastLast = range.end > piece.end;
  }
  return parts.join('\n\n') + (runsPastLast ? '\n\n' : '');
}

/**
 * A copy whose selection reaches a chunk far from the view: that chunk holds the article's lines
 * as one text node, which the browser would copy with single line breaks. The clipboard gets
 * the text as copied from paragraphs instead, the same whether the chunks were drawn or not.
 */
export function copyAcrossFarChunks(event: ClipboardEvent<HTMLElement>, root: HTMLElement | null, pieces: readonly TextPiece[]): void {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const selected = selection.getRangeAt(0);
  const far = root.getElementsByClassName(FAR_CHUNK_CLASS);
  if (!Array.prototype.some.call(far, (chunk: Node) => selected.intersectsNode(chunk))) return;
  const range = selectionToOffsets(root, selection);
  if (!range) return;
  event.clipboardData.setData('text/plain', copiedText(pieces, range));
  event.preventDefault();
}
