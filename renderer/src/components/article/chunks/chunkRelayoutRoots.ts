import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { PARAGRAPH_CHUNK_CLASS } from '../../../dom/selectionOffsets';
import { articleChunks } from './articleChunks';
import { FAR_CHUNK_CLASS } from './farChunkCopy';

/** On a chunk whose height is written into it (styles.css: size-contained, a relayout root). */
export const SIZED_CHUNK_CLASS = 'sized';

/**
 * The inline property holding that height: `height`, not `block-size`, which a chunk drawn far
 * is given by useFarChunkHeights (a chunk never holds both), and not a custom property, which
 * every element inside the chunk would inherit and carry in its computed style.
 */
export const CHUNK_SIZE_PROPERTY = 'height';

/** The chunk's height is its paragraphs' again. */
function unsize(chunk: HTMLElement): void {
  chunk.classList.remove(SIZED_CHUNK_CLASS);
  chunk.style.removeProperty(CHUNK_SIZE_PROPERTY);
}

/**
 * Writes the shown chunks' heights into them, so that a change inside one lays out that chunk
 * alone (#25, session 20). Blink lays out from the document's root unless the changed box sits
 * in a box whose size cannot depend on its content (size and layout containment); a chunk's
 * height is its paragraphs', so it is measured and written, and measured again whenever one of
 * its paragraphs changes size (a width or font change: the observer reports it before the frame
 * is painted, so the written height is never seen stale). A tagging changes no paragraph's size:
 * highlights are colours, bands and outlines only. Chunks the browser skips are left alone (it
 * contains their size itself), and so are chunks drawn far from the view (their text alone).
 */
export class ChunkSizes {
  private readonly chunkOf = new Map<Element, HTMLElement>();
  /** Chunks the browser last said it does not skip. */
  private readonly shown = new WeakSet<HTMLElement>();
  private readonly observer: ResizeObserver;

  constructor() {
    this.observer = new ResizeObserver((entries) => this.measure(entries.map((entry) => entry.target)));
  }

  /** Whether the browser skips a chunk now (`contentvisibilityautostatechange`). */
  shownChanged(chunk: HTMLElement, skipped: boolean): void {
    if (skipped) {
      this.shown.delete(chunk);
      this.release(chunk);
    } else {
      this.shown.add(chunk);
      this.hold(chunk);
    }
  }

  /** A shown chunk drawn anew: its paragraphs are watched, its height written once measured. */
  hold(chunk: HTMLElement): void {
    if (!this.shown.has(chunk)) return;
    if (chunk.classList.contains(FAR_CHUNK_CLASS)) {
      this.release(chunk);
      return;
    }
    for (const child of Array.from(chunk.children)) {
      if (child.tagName !== 'P' || this.chunkOf.get(child) === chunk) continue;
      this.chunkOf.set(child, chunk);
      this.observer.observe(child);
    }
  }

  /** A chunk is skipped or drawn far: its height is its own again, its paragraphs no longer watched. */
  release(chunk: HTMLElement): void {
    unsize(chunk);
    for (const [paragraph, owner] of this.chunkOf) {
      if (owner !== chunk) continue;
      this.observer.unobserve(paragraph);
      this.chunkOf.delete(paragraph);
    }
  }

  /**
   * Paragraphs resized (or first observed): their chunks' heights, read and then written. A chunk
   * holding a written height is freed of it first and read as laid out (a forced layout, after a
   * width or font change only): its height computed from its paragraphs' boxes and margins came
   * out a sixty-fourth of a pixel off, as layout truncates the margins (e2e/chunkHeights.spec.ts).
   */
  measure(paragraphs: readonly Element[]): void {
    const chunks = new Set<HTMLElement>();
    for (const paragraph of paragraphs) {
      const chunk = this.chunkOf.get(paragraph);
      if (!chunk) continue;
      if (!paragraph.isConnected || paragraph.parentElement !== chunk) {
        this.observer.unobserve(paragraph);
        this.chunkOf.delete(paragraph);
      }
      chunks.add(chunk);
    }
    const sized: HTMLElement[] = [];
    for (const chunk of chunks) {
      if (!chunk.isConnected || chunk.classList.contains(FAR_CHUNK_CLASS) || !chunk.querySelector(':scope > p')) this.release(chunk);
      else sized.push(chunk);
    }
    for (const chunk of sized) unsize(chunk);
    const heights = sized.map((chunk) => chunk.getBoundingClientRect().height);
    sized.forEach((chunk, index) => {
      if (heights[index] <= 0) return;
      chunk.style.setProperty(CHUNK_SIZE_PROPERTY, `${heights[index]}px`);
      chunk.classList.add(SIZED_CHUNK_CLASS);
    });
  }

  disconnect(): void {
    this.observer.disconnect();
    this.chunkOf.clear();
  }
}

/** Whether the browser now skips a `content-visibility: auto` element (the event's field). */
interface VisibilityStateEvent extends Event {
  skipped?: boolean;
}

/**
 * The article's chunks as relayout roots while shown (ChunkSizes): held when the browser stops
 * skipping them (`contentvisibilityautostatechange`, caught on the way down: it does not bubble)
 * and when their paragraphs are drawn again near the view (`near`, as useFarChunkHeights).
 */
export function useChunkRelayoutRoots(root: RefObject<HTMLElement | null>, near: ReadonlySet<number> | null): void {
  const sizes = useRef<ChunkSizes | null>(null);
  useEffect(() => {
    const element = root.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const chunkSizes = new ChunkSizes();
    sizes.current = chunkSizes;
    const onState = (event: VisibilityStateEvent) => {
      const chunk = event.target as HTMLElement;
      if (!chunk.classList?.contains(PARAGRAPH_CHUNK_CLASS)) return;
      chunkSizes.shownChanged(chunk, event.skipped === true);
    };
    element.addEventListener('contentvisibilityautostatechange', onState, { capture: true });
    return () => {
      element.removeEventListener('contentvisibilityautostatechange', onState, { capture: true });
      chunkSizes.disconnect();
      sizes.current = null;
    };
  }, [root]);
  const previous = useRef<ReadonlySet<number> | null>(null);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = near;
    const chunkSizes = sizes.current;
    if (!root.current || !near || !before || !chunkSizes) return;
    const chunks = articleChunks(root.current);
    for (const index of near) if (!before.has(index)) chunkSizes.hold(chunks.at(index) as HTMLElement);
    for (const index of before) if (!near.has(index) && chunks.at(index)) chunkSizes.release(chunks.at(index) as HTMLElement);
  }, [root, near]);
}
