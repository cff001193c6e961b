import { inputPending } from '../article/chunks/chunkSteps';
import { nearChunks } from '../article/chunks/nearChunks';
import { arcDrawTurns } from './arcDrawTurns';
import { articleChunkBoxes } from '../article/chunks/articleChunks';
import type { EndBox } from './arcGeometry';
import type { Box, LabelMetrics } from './arcLabels';
import { layOutArcs, type DrawnArc } from './arcLayout';
import { ChunkEndCache } from './chunkEnds';
import { LinkIndex, type Link } from './relationLinks';

/** The overlay's place in the scroller's content, and what it shows (arcs in content coordinates: a band moved redraws none). */
export interface ArcPicture {
  arcs: DrawnArc[];
  top: number;
  height: number;
}

/** Views above and below the view whose arcs are drawn: a scroll within one view costs nothing. */
const DRAWN_VIEWS = 1.5;
/** How near (in views) the view may come to the drawn band's edge before the band is drawn anew. */
const KEEP_VIEWS = 0.5;

const LABEL_FONT = '600 11px system-ui, sans-serif';

/** Measures texts in one font, each text once. */
function textMeasurer(font: string, size: number): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = font;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context ? context.measureText(text).width : text.length * size * 0.6;
      cache.set(text, width);
    }
    return width;
  };
}

function labelMetrics(): LabelMetrics {
  const width = textMeasurer(LABEL_FONT, 11);
  return { height: 13, width: (text) => width(text) + 4 };
}

/** Two pictures alike: a redraw that changes nothing renders nothing. */
function samePicture(first: ArcPicture, second: ArcPicture): boolean {
  if (first.top !== second.top || first.height !== second.height || first.arcs.length !== second.arcs.length) return false;
  return first.arcs.every((arc, index) => {
    const other = second.arcs[index];
    return arc.key === other.key && arc.path === other.path && arc.shownLabel === other.shownLabel && arc.label === other.label && arc.color === other.color && arc.from === other.from && arc.to === other.to;
  });
}

/**
 * Keeps the arcs drawn over the article (#20) without costing the scroll anything (#25): the
 * overlay sits in the scroller's content, so scrolling moves it for free; it holds the arcs of the
 * chunks within a view and a half of the view, and is drawn anew only when the view comes within half a view
 * of its edge, when a chunk's content or size changes, or when the links do, and then while the
 * window is idle, in turns of a few milliseconds that step aside for input (arcDrawTurns.ts).
 * Each chunk's highlights are measured once (chunkEnds.ts); only the links with an end in a
 * measured chunk are laid out (LinkIndex), not every relation of the document.
 */
export class ArcDrawer {
  private links = new LinkIndex([]);
  private band = { top: 0, bottom: -1 };
  private readonly turns = arcDrawTurns((sliceEnd) => this.drawTurn(sliceEnd));
  private readonly cache: ChunkEndCache;
  private readonly metrics = labelMetrics();
  private shown: ArcPicture = { arcs: [], top: 0, height: 0 };

  constructor(
    private readonly root: HTMLElement,
    private readonly scroller: HTMLElement,
    chunkSizes: ResizeObserver,
    private readonly show: (picture: ArcPicture) => void,
  ) {
    this.cache = new ChunkEndCache(root, chunkSizes);
  }

  setLinks(links: readonly Link[]): void {
    this.links = new LinkIndex(links);
    this.drawSoon();
  }

  /** On scroll: draws anew only when the view nears the drawn band's edge. */
  scrolled(): void {
    const { scrollTop, clientHeight } = this.scroller;
    if (scrollTop - clientHeight * KEEP_VIEWS < this.band.top || scrollTop + clientHeight * (1 + KEEP_VIEWS) > this.band.bottom) this.drawSoon(true);
  }

  changed(records: readonly MutationRecord[]): void {
    this.turns.layoutChanged();
    if (this.cache.forgetChanged(records)) this.drawSoon();
  }

  resized(entries: readonly ResizeObserverEntry[]): void {
    if (this.cache.forgetResized(entries)) this.drawSoon();
  }

  reflowed(): void {
    this.cache.forgetAll();
    this.drawSoon();
  }

  /**
   * A draw waits for an idle moment: at most 120 ms when the view nears the band's edge (arcs
   * must be there before the text is), else up to a second (a chunk changed, chips were placed),
   * so that a continuous scroll is not interrupted by redraws it does not need.
   */
  drawSoon(urgent = false): void {
    this.turns.request(urgent);
  }

  dispose(): void {
    this.turns.cancel();
  }

  /**
   * One turn of a draw: measures the chunks near the view not measured yet, nearest first, until
   * the slice ending at `sliceEnd` is spent or input waits (false: another turn goes on), then
   * lays the arcs out from every near chunk's measure and shows them (true).
   */
  private drawTurn(sliceEnd: number): boolean {
    if (this.links.size === 0) {
      this.band = { top: 0, bottom: -1 };
      this.present({ arcs: [], top: 0, height: 0 });
      return true;
    }
    const view = this.scroller.getBoundingClientRect();
    const chunks = articleChunkBoxes(this.root, view, view.height * DRAWN_VIEWS);
    const near = nearChunks(chunks.count, chunks.boxOf, view, view.height * DRAWN_VIEWS);
    const nearIndices = [...near.inView, ...near.aroundView];
    let measured = 0;
    for (const index of nearIndices) {
      const chunk = chunks.at(index) as Element;
      if (this.cache.has(chunk)) continue;
      if (measured > 0 && (performance.now() > sliceEnd || inputPending())) return false;
      this.cache.get(chunk);
      measured += 1;
    }
    const originX = view.left + this.scroller.clientLeft - this.scroller.scrollLeft;
    const originY = view.top + this.scroller.clientTop - this.scroller.scrollTop;
    const ends = new Map<string, EndBox>();
    const chips: Box[] = [];
    for (const index of nearIndices) {
      const chunk = chunks.at(index) as Element;
      const measure = this.cache.get(chunk);
      const box = chunk.getBoundingClientRect();
      const x = box.left - originX;
      const y = box.top - originY;
      for (const [id, end] of measure.ends) if (!ends.has(id)) ends.set(id, { x: end.x + x, top: end.top + y });
      for (const chip of measure.chips) chips.push({ left: chip.left + x, right: chip.right + x, top: chip.top + y, bottom: chip.bottom + y });
    }
    const scrollTop = this.scroller.scrollTop;
    const margin = view.height * DRAWN_VIEWS;
    const top = Math.max(0, scrollTop - margin);
    const bottom = scrollTop + view.height + margin;
    this.band = { top, bottom };
    this.present({ arcs: layOutArcs(this.links.between(ends), ends, chips, 0, this.metrics), top, height: bottom - top });
    return true;
  }

  private present(picture: ArcPicture): void {
    if (samePicture(picture, this.shown)) return;
    this.shown = picture;
    this.show(picture);
  }
}
