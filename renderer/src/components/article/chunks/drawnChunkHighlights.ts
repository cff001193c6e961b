import type { Utf16Range } from '../../../../../shared/anchoring/offsetUnits';
import { partitionPoint } from '../../../../../shared/sortedSearch';
import { staticRangesForOffsets } from '../../../dom/rangesForOffsets';
import { PARAGRAPH_SELECTOR } from '../../../dom/selectionOffsets';
import { FAR_CHUNK_CLASS } from './farChunkCopy';

/** A chunk of the article as the page holds it: where its text starts, and whether it is drawn (near the view). */
export interface ChunkExtent {
  start: number;
  drawn: boolean;
}

/** The names a painter registers its CSS highlights under: every span, and the current one. */
export interface HighlightNames {
  all: string;
  current: string;
}

/**
 * The indices of the spans that overlap a drawn chunk (chunks in document order; each runs to
 * the next one's start, the last one to the end of the text), in the spans' order. Every span
 * when every chunk is drawn (an article short enough to draw all its highlights).
 */
export function spansInDrawnChunks(chunks: readonly ChunkExtent[], spans: readonly Utf16Range[]): number[] {
  const indices = spans.map((_, index) => index);
  if (chunks.every((chunk) => chunk.drawn)) return indices;
  return indices.filter((index) => {
    const { start, end } = spans[index];
    // The chunk holding the span's start, then each chunk the span runs into.
    let chunk = Math.max(0, partitionPoint(chunks.length, (at) => chunks[at].start <= start) - 1);
    for (; chunk < chunks.length && (chunks[chunk].start < end || chunks[chunk].start <= start); chunk++) {
      if (chunks[chunk].drawn) return true;
    }
    return false;
  });
}

/** The article's chunks, read from the page: a far chunk's element carries its start, a drawn one's first paragraph does. */
function chunkExtents(root: HTMLElement): ChunkExtent[] {
  const extents: ChunkExtent[] = [];
  for (const chunk of Array.from(root.children).flatMap((group) => Array.from(group.children))) {
    const drawn = !chunk.classList.contains(FAR_CHUNK_CLASS);
    const start = Number((drawn ? chunk.querySelector(PARAGRAPH_SELECTOR) : chunk)?.getAttribute('data-offset'));
    if (Number.isFinite(start)) extents.push({ start, drawn });
  }
  return extents;
}

/**
 * Paints spans (find hits, suggestions) with the CSS Custom Highlight API, only where the page
 * draws its highlights (the chunks near the view), and the current span wherever it is. Blink
 * revalidates every range of every registered highlight on each DOM or highlight change, so
 * each tagging's frame paid for all of them (#25, session 13, probed in one page: ranges
 * spread over the 1 MB article cost a frame after a DOM change about 1 ms for 300, 5.6 ms for
 * 1,000). A chunk drawn or dropped replaces text nodes, and the painters paint again after it
 * (useArticleRedraws), so what comes into view is painted with its own highlights.
 */
export function paintInDrawnChunks(names: HighlightNames, spans: readonly Utf16Range[], current: number | null): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry) return;
  registry.delete(names.all);
  registry.delete(names.current);
  const root = document.querySelector<HTMLElement>('[data-testid="article"]');
  if (!root || spans.length === 0) return;
  const shown = spansInDrawnChunks(chunkExtents(root), spans);
  const currentSpan = current === null ? undefined : spans[current];
  const painted = staticRangesForOffsets(root, currentSpan ? [...shown.map((index) => spans[index]), currentSpan] : shown.map((index) => spans[index]));
  const currentRange = currentSpan ? painted.pop() : undefined;
  if (painted.length > 0) registry.set(names.all, new Highlight(...painted));
  if (currentRange) registry.set(names.current, new Highlight(currentRange));
}
