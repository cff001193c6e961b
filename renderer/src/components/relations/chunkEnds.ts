import type { Box } from './arcLabels';
import { chunkHolding } from '../article/chunks/articleChunks';
import type { EndBox } from './arcGeometry';
import { CHIP_CLASS, CHIP_LAYER_CLASS } from '../article/chipLayer';

/**
 * What the arcs need from one chunk of the article (#20, #25): the top centre of each
 * annotation's first highlight (an arc's end) and the boxes of the label chips drawn over it
 * (which arc labels must not cover), relative to the chunk's top-left corner. A chunk is measured once and again
 * only when its content or size changes, so scrolling reads no highlight at all; the reads of
 * one chunk come together, with nothing written between them (no layout thrash).
 */
export interface ChunkEnds {
  ends: Map<string, EndBox>;
  chips: Box[];
  width: number;
  height: number;
}

const MARK = 'mark[data-annotation-id]';

/** The label chips drawn over the chunk (chipLayer.ts, placed by labelPlacement.ts), as they are drawn. */
const CHIPS = `:scope > .${CHIP_LAYER_CLASS} > .${CHIP_CLASS}`;

export function measureChunk(chunk: Element): ChunkEnds {
  const origin = chunk.getBoundingClientRect();
  const ends = new Map<string, EndBox>();
  const chips: Box[] = [];
  for (const mark of chunk.querySelectorAll<HTMLElement>(MARK)) {
    const id = mark.dataset.annotationId;
    // A later piece of an annotation already met (nesting splits a highlight in marks) is no
    // arc's end: its boxes are not read (#25).
    if (id === undefined || ends.has(id)) continue;
    const first = mark.getClientRects()[0];
    if (first) ends.set(id, { x: first.left - origin.left + first.width / 2, top: first.top - origin.top });
  }
  for (const chip of chunk.querySelectorAll(CHIPS)) {
    const box = chip.getBoundingClientRect();
    chips.push({ left: box.left - origin.left, right: box.right - origin.left, top: box.top - origin.top, bottom: box.bottom - origin.top });
  }
  return { ends, chips, width: origin.width, height: origin.height };
}

/** The chunks' measures, kept until their content or size changes. */
export class ChunkEndCache {
  private measured = new WeakMap<Element, ChunkEnds>();

  constructor(
    private readonly root: HTMLElement,
    /** Told of each chunk measured: one whose size then changes has lines that broke anew. */
    private readonly chunkSizes: ResizeObserver,
  ) {}

  has(chunk: Element): boolean {
    return this.measured.has(chunk);
  }

  get(chunk: Element): ChunkEnds {
    let measure = this.measured.get(chunk);
    if (!measure) {
      measure = measureChunk(chunk);
      this.measured.set(chunk, measure);
      this.chunkSizes.observe(chunk);
    }
    return measure;
  }

  forgetAll(): void {
    this.measured = new WeakMap();
  }

  /** Forgets the chunks holding the changed nodes; true when one of them had been measured. */
  forgetChanged(records: readonly MutationRecord[]): boolean {
    let forgotten = false;
    for (const record of records) {
      const chunk = chunkHolding(this.root, record.target);
      if (chunk && this.measured.delete(chunk)) forgotten = true;
    }
    return forgotten;
  }

  /** Forgets the chunks whose size changed since they were measured; true when any was. */
  forgetResized(entries: readonly ResizeObserverEntry[]): boolean {
    let forgotten = false;
    for (const entry of entries) {
      const measure = this.measured.get(entry.target);
      const size = entry.borderBoxSize[0];
      if (!measure || !size || (Math.abs(size.inlineSize - measure.width) < 0.5 && Math.abs(size.blockSize - measure.height) < 0.5)) continue;
      this.measured.delete(entry.target);
      forgotten = true;
    }
    return forgotten;
  }
}
