/**
 * How the article view groups its paragraphs into chunks (shared/text/paragraphChunks), the
 * unit that skips layout off-screen and, with very many annotations, draws its highlights only
 * near the view (ArticleView).
 */

/**
 * Above this many annotations, only chunks near the view draw their highlights; the others
 * hold their text alone until the view comes near, and drop them again once the view is far
 * (useHighlightedChunks). With 100,000 annotations every chunk drawing its highlights put
 * 100,000 elements in the page and made each step of the opening a long task. #25: with the
 * 10,000 of the benchmark article all drawn, the page held 26,821 nodes and a 17.5 MB heap,
 * and every tagging restyled and repainted beside ten thousand highlight layers; the article's
 * DOM now follows the view. A short article (a few screens) still draws every highlight.
 */
export const DRAW_ALL_HIGHLIGHTS_UP_TO = 1_000;

export interface ChunkLimits {
  /** A chunk closes at about this many characters... */
  characters: number;
  /** ...or this many paragraphs. */
  paragraphs: number;
}

/** A screenful or two: few boxes for the browser to check against the view in each frame. */
const WHOLE_HIGHLIGHTS: ChunkLimits = { characters: 4_000, paragraphs: 24 };
/**
 * With highlights drawn only near the view, a chunk is the step in which they are drawn. The
 * 100,000-annotation article has a highlight every 11 characters: a 4,000-character chunk
 * (about 2,000 px tall, more than two windows) drew over a thousand of them, and the first
 * frame drew three such chunks, all "near", in one task of 255 ms (style 78 ms, layout 95 ms,
 * paint 80 ms; measured with bench/pathological.bench.ts). About half a window's text per
 * chunk draws what the view needs and little more, on opening and on each scroll; the 1,100
 * chunks of that article stay cheap for the browser's per-frame visibility check.
 */
const HIGHLIGHTS_NEAR_VIEW: ChunkLimits = { characters: 1_000, paragraphs: 6 };

/** The chunk limits for an article whose highlights are drawn only near the view, or all. */
export function chunkLimits(highlightsNearViewOnly: boolean): ChunkLimits {
  return highlightsNearViewOnly ? HIGHLIGHTS_NEAR_VIEW : WHOLE_HIGHLIGHTS;
}
