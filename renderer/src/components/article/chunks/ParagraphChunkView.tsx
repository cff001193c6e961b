import { type CSSProperties, type ReactElement, type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
import type { ParagraphChunk, TextPiece } from '../../../../../shared/text/paragraphChunks';
import { PARAGRAPH_CHUNK_CLASS } from '../../../dom/selectionOffsets';
import { paragraphElement, type TagAppearance } from '../ParagraphView';
import { FAR_CHUNK_CLASS } from './farChunkCopy';
import { articleChunks } from './articleChunks';

/** As in styles.css: `.article` line-height, `.paragraph` margin plus padding. */
const LINE_HEIGHT_EM = 2.8;
const PARAGRAPH_SPACING_EM = 0.9;

/** Space a chunk holds until it is laid out, in em of the article's font: lines, paragraph spacing. */
export function estimatedHeightEm(chunk: ParagraphChunk): number {
  return Math.round(chunk.estimatedLines * LINE_HEIGHT_EM + (chunk.end - chunk.first) * PARAGRAPH_SPACING_EM);
}

/**
 * The inline style holding `em` of space until laid out, one object for each size (#25 heap):
 * the 570 chunks of the 1 MB article have a few hundred sizes, and an object and a string for
 * each chunk and group were 25 KB. React never changes a style object it was given.
 */
const estimateStyles = new Map<number, CSSProperties>();

export function estimateStyle(em: number): CSSProperties {
  let style = estimateStyles.get(em);
  if (style === undefined) {
    style = { containIntrinsicBlockSize: `auto ${em}em` };
    estimateStyles.set(em, style);
  }
  return style;
}

/** A far chunk's classes, one string for every chunk (written in place, each chunk held a string of its own). */
export const FAR_CHUNK_CLASS_NAME = `${PARAGRAPH_CHUNK_CLASS} ${FAR_CHUNK_CLASS}`;

/**
 * Far chunks keep the height their paragraphs last had. A chunk turns far only when the view is
 * several heights away, where `content-visibility: auto` skips it and its box still has that
 * height (its last remembered size, read without laying its text out). Fixing it keeps the page
 * the same length if the view then reaches the chunk before its paragraphs are drawn again (a
 * fast scroll): its text alone has no paragraph spacing and would be shorter. A chunk never
 * drawn holds its estimate (contain-intrinsic-block-size), as its paragraphs did. One effect
 * for the article, not one per chunk: a hook in each of 570 chunks held 100 KB of the heap.
 */
export function useFarChunkHeights(root: RefObject<HTMLElement | null>, near: ReadonlySet<number> | null): void {
  const previous = useRef<ReadonlySet<number> | null>(null);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = near;
    if (!root.current || !near) return;
    const chunks = articleChunks(root.current);
    for (const index of near) if (!before?.has(index)) (chunks.at(index) as HTMLElement | undefined)?.style.removeProperty('block-size');
    if (!before) return;
    const left = [...before].filter((index) => !near.has(index) && chunks.at(index) !== undefined);
    // All read, then all written: one layout, not one per chunk.
    const heights = left.map((index) => (chunks.at(index) as HTMLElement).getBoundingClientRect().height);
    left.forEach((index, position) => {
      if (heights[position] > 0) (chunks.at(index) as HTMLElement).style.blockSize = `${heights[position]}px`;
    });
  }, [root, near]);
}

/** What a chunk's element is drawn from, besides the chunk itself and whether it is near the view. */
export interface ChunkInputs {
  pieces: readonly TextPiece[];
  /** The article's text: a far chunk shows its run of it as is. */
  text: string;
  appearance: (type: string) => TagAppearance;
}

/**
 * A run of paragraphs: near the view, one `<p>` per paragraph with its highlights; far from it,
 * the chunk's own element holds its text (the article's characters from its first paragraph to
 * its last, line breaks included) as one text node, with `data-offset` as a paragraph has (#25:
 * an element, a React element and fiber for each of the 3,300 paragraphs of the bench article
 * made the page's DOM and heap follow the article's length, not the view). The text stays in
 * the page: the screen reader reads it, find and the selection map offsets into it
 * (selectionOffsets, domPosition, rangesForOffsets), and the chunk element is the same either
 * way (a `<div>` with the same key), so a scroll anchored to it does not move.
 *
 * A plain element, not a component of its own: a memo component per chunk held three fibers and
 * three props records for each of the 570 chunks of the bench article (#25 heap); the element
 * alone holds one fiber (two once the article is drawn again), and `useParagraphChunkElements`
 * gives back the same element while nothing it is drawn from changed, so React skips it as the
 * memo did. Only chunks drawn near at least once are drawn here: the element of a chunk never
 * drawn near is made outside React (farChunkElements.ts), the same element without a fiber.
 */
export function paragraphChunkElement(chunk: ParagraphChunk, { pieces, text, appearance }: ChunkInputs, near: boolean): ReactElement {
  const style = estimateStyle(estimatedHeightEm(chunk));
  if (!near) {
    const start = pieces[chunk.first].start;
    return (
      <div key={chunk.first} className={FAR_CHUNK_CLASS_NAME} style={style} data-offset={start}>
        {text.slice(start, pieces[chunk.end - 1].end)}
      </div>
    );
  }
  const children: ReactNode[] = [];
  for (let index = chunk.first; index < chunk.end; index++) children.push(paragraphElement(pieces[index], appearance));
  return (
    <div key={chunk.first} className={PARAGRAPH_CHUNK_CLASS} style={style}>
      {children}
    </div>
  );
}
