import { asUtf16Offset, type Utf16Offset } from '../../../../../shared/anchoring/offsetUnits';
import { domPositionOf } from '../../../dom/domPosition';
import { offsetOfBoundary } from '../../../dom/selectionOffsets';

/** The reader's selection as document offsets, anchor and focus apart so that its direction survives. */
export interface KeptSelection {
  anchor: Utf16Offset;
  focus: Utf16Offset;
}

/** True when `node` lies inside one of `elements`. */
function insideAny(node: Node | null, elements: readonly Element[]): boolean {
  return node !== null && elements.some((element) => element.contains(node));
}

/**
 * The selection as UTF-16 offsets when an end of it lies inside one of `chunks`, else null.
 * Drawing a chunk's highlights replaces its text nodes, and a selection in them would collapse
 * (and the article view then forgets the text the reader chose): it is read before the chunk is
 * drawn and set again after, at the same offsets (`restoreSelection`).
 */
export function selectionInside(root: HTMLElement, chunks: readonly Element[]): KeptSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  if (!insideAny(selection.anchorNode, chunks) && !insideAny(selection.focusNode, chunks)) return null;
  const anchor = offsetOfBoundary(root, selection.anchorNode, selection.anchorOffset, 'start');
  const focus = offsetOfBoundary(root, selection.focusNode, selection.focusOffset, 'end');
  if (anchor === null || focus === null) return null;
  return { anchor: asUtf16Offset(anchor), focus: asUtf16Offset(focus) };
}

/** Sets the selection kept by `selectionInside` again, on the text nodes that now hold its offsets. */
export function restoreSelection(root: HTMLElement, kept: KeptSelection): void {
  const anchor = domPositionOf(root, kept.anchor);
  const focus = domPositionOf(root, kept.focus);
  const selection = window.getSelection();
  if (!anchor || !focus || !selection) return;
  selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}
