import { type ReactElement, useMemo } from 'react';
import type { ParagraphChunk } from '../../../../../shared/text/paragraphChunks';
import { paragraphChunkElement, type ChunkInputs } from './ParagraphChunkView';

/**
 * The elements drawn for an article's chunks from one set of inputs, each with whether it was
 * drawn near the view. A new cache is made when the chunks or the inputs change, so an element in
 * it is always what `paragraphChunkElement` would draw now for the same nearness.
 */
export interface ChunkElementCache {
  readonly chunks: readonly ParagraphChunk[];
  readonly inputs: ChunkInputs;
  readonly elements: ReactElement[];
  readonly near: boolean[];
}

export function newChunkElementCache(chunks: readonly ParagraphChunk[], inputs: ChunkInputs): ChunkElementCache {
  return { chunks, inputs, elements: [], near: [] };
}

/**
 * The elements of the first `count` chunks. A chunk drawn as it was last time (near or far) gets
 * the same element object back, so React skips it without comparing anything (its fiber's props
 * are that element's props): what the memo component per chunk did, without its fibers and props
 * records (#25 heap). A chunk whose nearness changed is drawn afresh and kept.
 */
export function chunkElementsFrom(cache: ChunkElementCache, count: number, isNear: (index: number) => boolean): ReactElement[] {
  const shown = Math.min(count, cache.chunks.length);
  const elements: ReactElement[] = [];
  for (let index = 0; index < shown; index++) {
    const near = isNear(index);
    if (cache.elements[index] === undefined || cache.near[index] !== near) {
      cache.elements[index] = paragraphChunkElement(cache.chunks[index], cache.inputs, near);
      cache.near[index] = near;
    }
    elements.push(cache.elements[index]);
  }
  return elements;
}

/** The article's first `count` chunks as elements, near the view for the chunks in `highlighted` (every chunk when it is null). */
export function useParagraphChunkElements(chunks: readonly ParagraphChunk[], { pieces, text, appearance }: ChunkInputs, count: number, highlighted: ReadonlySet<number> | null): ReactElement[] {
  const cache = useMemo(() => newChunkElementCache(chunks, { pieces, text, appearance }), [chunks, pieces, text, appearance]);
  return useMemo(() => chunkElementsFrom(cache, count, (index) => highlighted === null || highlighted.has(index)), [cache, count, highlighted]);
}
