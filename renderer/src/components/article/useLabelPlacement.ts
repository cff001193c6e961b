import { useEffect, type RefObject } from 'react';
import { chipFontOf, chipReach, placeChunkChips, type ChipFont, type ChunkChips, type LabelBox } from './labelPlacement';
import { ChipLayer, isChipLayerMutation, type ChipDrawing } from './chipLayer';
import { nearChunks } from './chunks/nearChunks';
import { articleChunkBoxes, chunkHolding, nextChunk, previousChunk } from './chunks/articleChunks';
import { ParagraphChipReads } from './paragraphChipReads';
import { nextTask } from '../../dom/nextTask';

/** Boxes a chunk's chips took, relative to the chunk's own top-left corner, and the chunk's size then. */
interface ChunkBoxes {
  boxes: readonly LabelBox[];
  width: number;
  height: number;
}

function shift(boxes: readonly LabelBox[], x: number, y: number): LabelBox[] {
  return boxes.map((box) => ({ left: box.left + x, right: box.right + x, top: box.top + y, bottom: box.bottom + y }));
}

/**
 * The chips of each chunk are placed once, when the chunk first comes near the view, and again
 * only when its content changes or the column's width, the font or the zoom does: a chip's
 * place relative to its paragraph never changes on scroll. Re-placing every chip near the view
 * on every scrolled frame made the 1 MB article's scrolling janky (#18: 58 % of frames late,
 * against 45 % before the chips were placed at all).
 */
class ChunkLabelPlacer {
  private placed = new WeakMap<Element, ChunkBoxes>();
  private font: ChipFont | null = null;
  /** The chips of each paragraph as last read: a chunk placed again reads only its paragraphs that changed. */
  private reads = new ParagraphChipReads();
  /** Chunks a change in their content made stale since they were last placed (placeChanged). */
  private changed = new Set<Element>();
  /**
   * Chunks whose size is watched. Observed once: observing again restarts the observation, and
   * the browser then reports the chunk's size in the next frame as if new (#25: a call to the
   * observer and a size computed in every tagging's frame, for nothing).
   */
  private watched = new WeakSet<Element>();
  /** Each chunk's chips, drawn in a layer over it (chipLayer.ts). */
  private layers = new WeakMap<Element, ChipLayer>();

  constructor(
    private readonly root: HTMLElement,
    private readonly scroller: HTMLElement,
    /** Told of each chunk placed: a chunk whose size then changes has lines that broke anew. */
    private readonly chunkSizes: ResizeObserver,
  ) {}

  /** Every chunk is placed again when it next comes near (new width, font or zoom). */
  forgetAll(): void {
    this.placed = new WeakMap();
    this.reads = new ParagraphChipReads();
    this.changed.clear();
    this.font = null;
  }

  /** The chunks holding the changed nodes are placed again when next near the view, their changed paragraphs read again. */
  forgetChanged(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const chunk = chunkHolding(this.root, record.target);
      if (!chunk) continue;
      this.reads.forgetAround(chunk, record.target);
      this.placed.delete(chunk);
      this.changed.add(chunk);
    }
  }

  /** The chunks whose size is no longer the one they were placed at are placed again; true when any was. */
  forgetResized(entries: readonly ResizeObserverEntry[]): boolean {
    let forgotten = false;
    for (const entry of entries) {
      const placed = this.placed.get(entry.target);
      const size = entry.borderBoxSize[0];
      if (!placed || !size || (Math.abs(size.inlineSize - placed.width) < 0.5 && Math.abs(size.blockSize - placed.height) < 0.5)) continue;
      this.placed.delete(entry.target);
      // Its lines broke anew: every paragraph's chips may have moved.
      this.reads.forgetChunk(entry.target);
      forgotten = true;
    }
    return forgotten;
  }

  /** Whether any chip of this view was placed yet (placing all again, after a reflow, still counts them). */
  placedAny = false;

  /** Places the chunks in view not placed yet; returns those around it still to place. */
  placeInView(): Element[] {
    this.changed.clear();
    const view = this.scroller.getBoundingClientRect();
    const chunks = articleChunkBoxes(this.root, view, view.height);
    const { inView, aroundView } = nearChunks(chunks.count, chunks.boxOf, view, view.height);
    this.placeChunks(inView.map((index) => chunks.at(index) as Element));
    return aroundView.map((index) => chunks.at(index) as Element).filter((chunk) => !this.placed.has(chunk));
  }

  /**
   * Places again the chunks changed since the last placement (a tagging, a chunk drawn or
   * dropped) that lie within a view's height of the view, as `placeInView` and the idle
   * placement around it would: when the view itself did not move, a change needs no search
   * through the article's chunks (#25: the search was a third of a tagging's placement).
   * Returns those around the view, to place when idle.
   */
  placeChanged(): Element[] {
    const view = this.scroller.getBoundingClientRect();
    const within = (box: DOMRect, margin: number) => box.bottom >= view.top - margin && box.top <= view.bottom + margin;
    const inView: Element[] = [];
    const aroundView: Element[] = [];
    for (const chunk of this.changed) {
      const group = chunk.parentElement;
      // A chunk of a group far from the view is not asked for its box: that would lay the group out.
      if (group?.parentElement !== this.root || !within(group.getBoundingClientRect(), view.height)) continue;
      const box = chunk.getBoundingClientRect();
      if (within(box, 0)) inView.push(chunk);
      else if (within(box, view.height)) aroundView.push(chunk);
    }
    this.changed.clear();
    this.placeChunks(inView);
    return aroundView;
  }

  /**
   * Places the given chunks not placed yet. Every box of all of them is read before any chip
   * is written: a write between two reads lays the page out again (#18: once per chunk, in the
   * frame that brought them into view).
   */
  placeChunks(candidates: readonly Element[]): void {
    const chunks = candidates.filter((chunk) => !this.placed.has(chunk) && chunk.parentNode?.parentNode === this.root);
    if (chunks.length === 0) return;
    this.font ??= chipFontOf(this.root);
    const font = this.font;
    this.placedAny = true;
    const reach = chipReach(font);
    const read = chunks.map((chunk) => {
      const box = chunk.getBoundingClientRect();
      return { chunk, box, chips: this.reads.chipsOf(chunk, box, font), neighbours: this.neighboursOf(chunk, box, reach) };
    });
    for (const { chunk, box, chips, neighbours } of read) this.place(chunk, box, chips, font, neighbours);
  }

  private place(chunk: Element, box: DOMRect, chips: ChunkChips, font: ChipFont, neighbours: readonly { chunk: Element; box: DOMRect }[]): void {
    // Neighbours placed earlier in the same batch count too: the lookup is made now, not when read.
    const obstacles = neighbours.flatMap((neighbour) => {
      const placed = this.placed.get(neighbour.chunk);
      return placed ? shift(placed.boxes, neighbour.box.left, neighbour.box.top) : [];
    });
    const { boxes, drawings } = placeChunkChips(chips, font, obstacles, box);
    this.draw(chunk, drawings, box.width);
    this.placed.set(chunk, { boxes: shift(boxes, -box.left, -box.top), width: box.width, height: box.height });
    if (this.watched.has(chunk)) return;
    this.watched.add(chunk);
    this.chunkSizes.observe(chunk);
  }

  /** Shows the chunk's chips in its layer, made when it first has one to show. */
  private draw(chunk: Element, drawings: readonly ChipDrawing[], width: number): void {
    let layer = this.layers.get(chunk);
    if (!layer?.attached) {
      if (drawings.length === 0) return;
      layer = new ChipLayer(chunk);
      this.layers.set(chunk, layer);
    }
    layer.show(drawings, width);
  }

  /** The chunks near enough above and below `chunk` for their chips to meet its own, with their boxes. */
  private neighboursOf(chunk: Element, box: DOMRect, reach: number): { chunk: Element; box: DOMRect }[] {
    const neighbours: { chunk: Element; box: DOMRect }[] = [];
    for (let above = previousChunk(chunk); above; above = previousChunk(above)) {
      const aboveBox = above.getBoundingClientRect();
      if (aboveBox.bottom < box.top - reach) break;
      neighbours.push({ chunk: above, box: aboveBox });
    }
    for (let below = nextChunk(chunk); below; below = nextChunk(below)) {
      const belowBox = below.getBoundingClientRect();
      if (belowBox.top > box.bottom + reach) break;
      neighbours.push({ chunk: below, box: belowBox });
    }
    return neighbours;
  }
}

/** The column's width and font size: when either changes, every line may break elsewhere. */
function layoutKey(root: HTMLElement): string {
  return `${root.clientWidth} ${getComputedStyle(root).fontSize}`;
}

/**
 * Places the given chunks while the window is idle, a few at a time; `cancel` drops the rest.
 * When the window is never idle (a long scroll), one chunk per timed-out call: placing every
 * waiting chunk at once was a long task in the middle of the scroll (#18).
 */
function idlePlacement(place: (chunks: readonly Element[]) => void): { placeSoon: (chunks: Element[]) => void; addSoon: (chunks: readonly Element[]) => void; cancel: () => void } {
  let idle = 0;
  let waiting: Element[] = [];
  const placeSoon = (chunks: Element[]) => {
    cancelIdleCallback(idle);
    waiting = chunks;
    if (chunks.length === 0) return;
    idle = requestIdleCallback(
      (deadline) => {
        if (deadline.didTimeout) place(chunks.splice(0, 1));
        while (chunks.length > 0 && deadline.timeRemaining() > 2) place(chunks.splice(0, 1));
        placeSoon(chunks);
      },
      { timeout: 1000 },
    );
  };
  /** Adds chunks to those waiting, which stay waiting (a change near the view, not a scroll). */
  const addSoon = (chunks: readonly Element[]) => {
    const more = chunks.filter((chunk) => !waiting.includes(chunk));
    if (more.length > 0) placeSoon([...waiting, ...more]);
  };
  return { placeSoon, addSoon, cancel: () => cancelIdleCallback(idle) };
}

/**
 * Calls `placeAllAgain` when the whole article may have reflowed: a new column width or font
 * size, a zoom (the window's size in CSS pixels changes, and the text's rounding), or a font
 * that arrived late (the article font starts loading only when text needs it, so `ready` may
 * have resolved before it was asked for); `laidOut` when called from a resize observer, after
 * the frame's layout and before its paint. Returns the function that stops watching.
 */
function watchReflow(root: HTMLElement, placeAllAgain: (laidOut: boolean) => void): () => void {
  let layout = layoutKey(root);
  // The article grows as chunks are laid out while scrolling: only a new width or font size counts.
  const resizes = new ResizeObserver(() => {
    const now = layoutKey(root);
    if (now === layout) return;
    layout = now;
    placeAllAgain(true);
  });
  const later = () => placeAllAgain(false);
  resizes.observe(root);
  window.addEventListener('resize', later);
  void document.fonts?.ready.then(later);
  document.fonts?.addEventListener('loadingdone', later);
  return () => {
    resizes.disconnect();
    window.removeEventListener('resize', later);
    document.fonts?.removeEventListener('loadingdone', later);
  };
}

/**
 * When the chips are placed: `schedule` in the next animation frame, searching the view for the
 * chunks in it (`search`) or placing only the chunks changed since (#25); `placeNow` at once,
 * from a resize observer, after the frame's layout and before its paint (the chips are drawn anew
 * in that frame, not shown a frame where the text no longer is). Before any chip was placed, both
 * post the first placement's task instead (#17).
 */
function placementFrames(placedAny: () => boolean, postFirst: () => void, placeInView: () => void, placeChanged: () => void): { schedule: (search?: boolean) => void; placeNow: () => void; cancel: () => void } {
  let frame = 0;
  // Whether the next frame searches the view for chunks to place; without a scroll, resize or
  // reflow since the last, only the chunks whose content changed are placed (placeChanged).
  let searchView = false;
  const schedule = (search = true) => {
    if (!placedAny()) {
      postFirst();
      return;
    }
    searchView ||= search;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (searchView) placeInView();
      else placeChanged();
      searchView = false;
    });
  };
  const placeNow = () => {
    if (!placedAny()) {
      postFirst();
      return;
    }
    cancelAnimationFrame(frame);
    frame = 0;
    searchView = false;
    placeInView();
  };
  return { schedule, placeNow, cancel: () => cancelAnimationFrame(frame) };
}

/** Calls `changed` with the article's changes that may move or change a chip; the chip layers' own changes are none. */
function watchContent(root: HTMLElement, changed: (records: MutationRecord[]) => void): MutationObserver {
  const mutations = new MutationObserver((records) => {
    const changes = records.filter((record) => !isChipLayerMutation(record));
    if (changes.length > 0) changed(changes);
  });
  mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-label', 'data-has-details', 'class'] });
  return mutations;
}

/** Runs `run` in a task of its own, soon (nextTask: a timer may wait 4 ms or more); `cancel` drops it. A call while one waits adds nothing. */
function soonTask(run: () => void): { post: () => void; cancel: () => void } {
  let waiting = false;
  return {
    post: () => {
      if (waiting) return;
      waiting = true;
      void nextTask().then(() => {
        if (!waiting) return;
        waiting = false;
        run();
      });
    },
    cancel: () => {
      waiting = false;
    },
  };
}

/**
 * Keeps the chips placed while the article is drawn, scrolled, resized or edited: the chunks
 * that come into view are placed in the frame that brings them (before it is shown), those
 * around the view when the window is idle; a scroll over placed chunks costs nothing.
 * The view's first chips are placed in a task of their own instead (#17): the frame that first
 * shows an article already styles and lays out all of it, and the placement's reads forced that
 * work inside the animation frame, its writes then a second pass, one task of 200 ms at load 10
 * for the article with 100,000 annotations. The chips are drawn by the placement (chipLayer.ts),
 * so a tagging's chip comes in the frame that paints its highlight.
 */
export function useLabelPlacement(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    const scroller = root?.parentElement;
    if (!root || !scroller) return;
    let disposed = false;
    const placeInView = () => around.placeSoon(placer.placeInView());
    const firstPlacement = soonTask(placeInView);
    const frames = placementFrames(() => placer.placedAny, firstPlacement.post, placeInView, () => around.addSoon(placer.placeChanged()));
    const { schedule, placeNow } = frames;
    // Text that reflowed without a new width (a font face applied late, a wrap that settled)
    // changes its chunk's height: the chunk is placed again (#18: seen in e2e/layout.spec.ts).
    const chunkSizes = new ResizeObserver((entries) => {
      if (placer.forgetResized(entries)) placeNow();
    });
    const placer = new ChunkLabelPlacer(root, scroller, chunkSizes);
    const around = idlePlacement((chunks) => placer.placeChunks(chunks));
    const mutations = watchContent(root, (changes) => {
      placer.forgetChanged(changes);
      schedule(false);
    });
    const stopWatching = watchReflow(root, (laidOut) => {
      if (disposed) return;
      placer.forgetAll();
      if (laidOut) placeNow();
      else schedule();
    });
    const scrolled = () => schedule();
    scroller.addEventListener('scroll', scrolled, { passive: true });
    schedule();
    return () => {
      disposed = true;
      frames.cancel();
      firstPlacement.cancel();
      around.cancel();
      mutations.disconnect();
      chunkSizes.disconnect();
      stopWatching();
      scroller.removeEventListener('scroll', scrolled);
    };
  }, [rootRef]);
}
