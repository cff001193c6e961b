/** The class of the element over a chunk that holds its label chips. */
export const CHIP_LAYER_CLASS = 'label-chips';
/** The class of one label chip. */
export const CHIP_CLASS = 'label-chip';

/** Where one chip is drawn, relative to its chunk's top-left corner, in pixels. */
export interface ChipDrawing {
  /** Which annotation piece it labels: the same piece keeps its element across placements. */
  key: string;
  label: string;
  type: string;
  rtl: boolean;
  /** Left-to-right: the chip's left edge; right-to-left: its right edge. */
  anchorX: number;
  top: number;
  row: number;
  /** Set when the chip is narrower than its text: it is cut with an ellipsis. */
  maxWidth: number | null;
}

/** What a chip element shows, as last written: only what changed is written again. */
interface Written {
  label: string;
  type: string;
  row: number;
  rtl: boolean;
  /** The left margin, or the right one for a right-to-left chip. */
  inline: number;
  top: number;
  maxWidth: number | null;
}

interface DrawnChip {
  element: HTMLElement;
  written: Written | null;
}

/** True for a mutation made by a chip layer (its chips, or the layer put in its chunk). */
export function isChipLayerMutation(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest(`.${CHIP_LAYER_CLASS}`)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node instanceof Element && node.classList.contains(CHIP_LAYER_CLASS));
}

/**
 * The label chips of one chunk (#25): elements in one layer over the chunk, not a `::before` of
 * each highlight. A chip that was an absolutely positioned pseudo-element of a `position:
 * relative` highlight made both paint layers of their own (236 in the bench's view), and each
 * new highlight two new layers: a tagging's frame then painted, layerized and hit-tested far
 * more, and always took the browser's full layerization. Here the layer over the chunk is the
 * one positioned box, and the chips in it are grid items in one cell placed by their margins
 * (styles.css: .label-chips), neither positioned, transformed nor clipped (unless cut short): a
 * chip added or moved is repainted in the layer's own paint. Chips carry no text node (their
 * text is `::before` content), so the article's text, find and the selection see none of them;
 * the layer is hidden from screen readers (the highlight's `aria-description` names its type).
 */
export class ChipLayer {
  readonly element: HTMLElement;
  private chips = new Map<string, DrawnChip>();

  constructor(readonly chunk: Element) {
    this.element = document.createElement('div');
    this.element.className = CHIP_LAYER_CLASS;
    this.element.setAttribute('aria-hidden', 'true');
    chunk.append(this.element);
  }

  /** Still in its chunk: React drops it when the chunk's paragraphs give way to its text alone. */
  get attached(): boolean {
    return this.element.parentNode === this.chunk;
  }

  /**
   * Removes the chips whose highlight is gone or now says something else (`current`: each chip
   * key still in the chunk, with its label and type, read from the DOM alone, no layout). A
   * change's chips are placed a frame after its highlight (useLabelPlacement.ts): until then a
   * removed or retyped highlight shows no chip rather than its old one. True when any was removed.
   */
  dropStale(current: ReadonlyMap<string, { label: string; type: string }>): boolean {
    let dropped = false;
    for (const [key, chip] of this.chips) {
      const now = current.get(key);
      if (now && now.label === chip.written?.label && now.type === chip.written.type) continue;
      chip.element.remove();
      this.chips.delete(key);
      dropped = true;
    }
    return dropped;
  }

  /** Shows exactly `drawings` (the chunk's width given for right-to-left anchors), writing only what changed. */
  show(drawings: readonly ChipDrawing[], chunkWidth: number): void {
    const kept = new Set<string>();
    for (const drawing of drawings) {
      // Keys are unique in a chunk (labelPlacement.ts: readChunkChips); one met twice still gets a chip of its own.
      const key = kept.has(drawing.key) ? `${drawing.key}+${kept.size}` : drawing.key;
      kept.add(key);
      let chip = this.chips.get(key);
      if (!chip) {
        const element = document.createElement('span');
        element.className = CHIP_CLASS;
        chip = { element, written: null };
        this.chips.set(key, chip);
        this.element.append(element);
      }
      write(chip, drawing, chunkWidth);
    }
    for (const [key, chip] of this.chips) {
      if (kept.has(key)) continue;
      chip.element.remove();
      this.chips.delete(key);
    }
  }
}

function write(chip: DrawnChip, drawing: ChipDrawing, chunkWidth: number): void {
  const before = chip.written;
  const element = chip.element;
  // A right-to-left chip ends at its anchor: its right margin is measured from the chunk's right edge.
  const now: Written = { ...drawing, inline: drawing.rtl ? chunkWidth - drawing.anchorX : drawing.anchorX };
  if (before?.label !== now.label) element.dataset.label = now.label;
  if (before?.type !== now.type) element.dataset.chipType = now.type;
  if (before?.row !== now.row) element.dataset.row = String(now.row);
  if (before?.rtl !== now.rtl) element.dir = now.rtl ? 'rtl' : 'ltr';
  if (before?.rtl !== now.rtl || before.inline !== now.inline) {
    element.style.marginLeft = now.rtl ? '' : `${now.inline}px`;
    element.style.marginRight = now.rtl ? `${now.inline}px` : '';
  }
  if (before?.top !== now.top) element.style.marginTop = `${now.top}px`;
  if (before?.maxWidth !== now.maxWidth) {
    element.toggleAttribute('data-cut', now.maxWidth !== null);
    element.style.maxWidth = now.maxWidth === null ? '' : `${now.maxWidth}px`;
  }
  chip.written = now;
}
