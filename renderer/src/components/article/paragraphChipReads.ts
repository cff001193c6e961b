import { readChunkChips, type ChipFont, type ChunkChips } from './labelPlacement';
import { CHIP_LAYER_CLASS } from './chipLayer';

/**
 * The chips of each paragraph as last read from the page, relative to its chunk's top-left
 * corner, so that a chunk placed again reads only the paragraphs that changed (#25: a tagging
 * changes one paragraph, and reading every chip of its chunk, a `getClientRects` each, was half
 * the placement's time in the tagging's frame).
 *
 * A paragraph's chips keep their place in their chunk while nothing in the chunk moves:
 * highlights never change the text's layout (ParagraphView), so a tagging leaves every other
 * paragraph's lines where they were. What can move them is told here: a change inside the
 * paragraph (`forgetAround`), the chunk's size changing (its lines broke anew: `forgetChunk`),
 * a new width, font or zoom (the owner starts a new instance). A paragraph element drawn anew
 * is another key and is read afresh.
 */
export class ParagraphChipReads {
  private reads = new WeakMap<Element, ChunkChips>();

  /** The chips of `chunk` (whose box is `box`, read now), in reading order, in viewport pixels. */
  chipsOf(chunk: Element, box: DOMRect, font: ChipFont): ChunkChips {
    const chips: ChunkChips = [];
    for (const paragraph of chunk.children) {
      if (paragraph.classList.contains(CHIP_LAYER_CLASS)) continue;
      let read = this.reads.get(paragraph);
      if (!read) {
        read = readChunkChips(paragraph, font).map((chip) => ({ ...chip, anchorX: chip.anchorX - box.left, textTop: chip.textTop - box.top }));
        this.reads.set(paragraph, read);
      }
      for (const chip of read) chips.push({ ...chip, anchorX: chip.anchorX + box.left, textTop: chip.textTop + box.top });
    }
    return chips;
  }

  /** `node` changed (a mutation's target) in `chunk`: the paragraph holding it is read again. */
  forgetAround(chunk: Element, node: Node): void {
    let element = node instanceof Element ? node : node.parentElement;
    while (element && element.parentElement !== chunk) element = element.parentElement;
    if (element) this.reads.delete(element);
  }

  /** Every paragraph of `chunk` is read again. */
  forgetChunk(chunk: Element): void {
    for (const paragraph of chunk.children) this.reads.delete(paragraph);
  }
}
