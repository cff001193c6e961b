import type { Box } from './arcLabels';
import { chunkHolding } from '../article/chunks/articleChunks';
import type { EndBox } from './arcGeometry';

/**
 * What the arcs need from one chunk of the article (#20, #25): the top centre of each
 * annotation's first highlight (an arc's end) and the boxes of the label chips (which arc labels
 * must not cover), relative to the chunk's top-left corner. A chunk is measured once and again
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

/** The chips' font (labelPlacement.ts: chipFontUnder), and a width cache for their texts. */
export interface ChipMetrics {
  size: number;
  width: (text: string) => number;
}

/**
 * The box of the chip a highlight shows above itself, from the rule that draws it (styles.css:
 * mark.hl-first::before, raised by --label-row or its level, capped by --label-max) rather than
 * from its computed style: reading a pseudo-element's style would restyle the page for each chip.
 */
function chipBox(mark: HTMLElement, first: DOMRect, rtl: boolean, chip: ChipMetrics): Box | null {
  const label = mark.dataset.label && (mark.hasAttribute('data-has-details') ? `${mark.dataset.label} ✎` : mark.dataset.label);
  if (!label || !mark.classList.contains('hl-first') || mark.hasAttribute('data-label-hidden')) return null;
  const row = Number(mark.style.getPropertyValue('--label-row') || mark.dataset.level || 0);
  const capped = parseFloat(mark.style.getPropertyValue('--label-max')) || chip.size * 14;
  const width = Math.min(chip.width(label) + chip.size * 0.6, capped);
  const top = first.top - chip.size * 1.25 * (row + 1);
  const left = rtl ? first.right - width : first.left;
  return { left, right: left + width, top, bottom: top + chip.size * 1.2 };
}

/** A paragraph's direction, read once per paragraph of the chunk. */
function isRightToLeft(paragraph: Element, known: Map<Element, boolean>): boolean {
  const rtl = known.get(paragraph) ?? getComputedStyle(paragraph).direction === 'rtl';
  known.set(paragraph, rtl);
  return rtl;
}

export function measureChunk(chunk: Element, chip: ChipMetrics | null): ChunkEnds {
  const origin = chunk.getBoundingClientRect();
  const ends = new Map<string, EndBox>();
  const chips: Box[] = [];
  const directions = new Map<Element, boolean>();
  for (const mark of chunk.querySelectorAll<HTMLElement>(MARK)) {
    const id = mark.dataset.annotationId;
    if (id === undefined) continue;
    const chipped = chip !== null && mark.classList.contains('hl-first');
    // A later piece of an annotation already met (nesting splits a highlight in marks) shows no
    // chip and is no arc's end: its boxes are not read (#25).
    if (!chipped && ends.has(id)) continue;
    const first = mark.getClientRects()[0];
    if (!first) continue;
    if (!ends.has(id)) ends.set(id, { x: first.left - origin.left + first.width / 2, top: first.top - origin.top });
    if (!chip || !chipped) continue;
    const box = chipBox(mark, first, isRightToLeft(mark.closest('p') ?? chunk, directions), chip);
    if (box) chips.push({ left: box.left - origin.left, right: box.right - origin.left, top: box.top - origin.top, bottom: box.bottom - origin.top });
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

  get(chunk: Element, chip: ChipMetrics | null): ChunkEnds {
    let measure = this.measured.get(chunk);
    if (!measure) {
      measure = measureChunk(chunk, chip);
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
