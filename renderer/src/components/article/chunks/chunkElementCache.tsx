import { createElement, type ReactElement, useMemo } from 'react';
import type { ParagraphChunk } from '../../../../../shared/text/paragraphChunks';
import { CHUNK_GROUP_CLASS, CHUNKS_PER_GROUP } from './articleChunks';
import { estimatedHeightEm, estimateStyle, paragraphChunkElement, type ChunkInputs } from './ParagraphChunkView';

/**
 * The elements drawn for an article's chunks from one set of inputs, each with whether it was
 * drawn near the view, and the groups' elements. A new cache is made when the chunks or the
 * inputs change, so an element in it is always what `paragraphChunkElement` would draw now for
 * the same nearness.
 */
export interface ChunkElementCache {
  readonly chunks: readonly ParagraphChunk[];
  readonly inputs: ChunkInputs;
  readonly elements: ReactElement[];
  readonly near: boolean[];
  readonly groups: ReactElement[];
}

export function newChunkElementCache(chunks: readonly ParagraphChunk[], inputs: ChunkInputs): ChunkElementCache {
  return { chunks, inputs, elements: [], near: [], groups: [] };
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

interface ChunkGroupProps {
  chunks: readonly ReactElement[];
  estimatedEm: number;
}

/**
 * A run of chunk elements in an element of its own, skipped whole by the browser while far from
 * the view (articleChunks.ts). Until first laid out it holds the space its chunks' estimates add
 * up to, as they held it without it. Its `skippable` class is set on the element, not rendered
 * (useSkippableGroups).
 */
function ChunkGroup({ chunks, estimatedEm }: ChunkGroupProps): ReactElement {
  return (
    <div className={CHUNK_GROUP_CLASS} style={estimateStyle(estimatedEm)}>
      {chunks}
    </div>
  );
}

/**
 * The chunks of `chunkElementsFrom` in groups of `CHUNKS_PER_GROUP`: a group none of whose
 * chunks changed is the same element as last time, so React skips it and never makes a second
 * fiber for each of its chunks (React keeps two fibers for a child its parent drew again: 1,142
 * for the 571 chunks of the bench article, when only the few near the view change, #25 heap).
 */
export function chunkGroupsFrom(cache: ChunkElementCache, count: number, isNear: (index: number) => boolean): ReactElement[] {
  const elements = chunkElementsFrom(cache, count, isNear);
  const groups: ReactElement[] = [];
  for (let first = 0; first < elements.length; first += CHUNKS_PER_GROUP) {
    const group = first / CHUNKS_PER_GROUP;
    const chunks = elements.slice(first, first + CHUNKS_PER_GROUP);
    const previous = cache.groups[group]?.props as ChunkGroupProps | undefined;
    const unchanged = previous !== undefined && previous.chunks.length === chunks.length && chunks.every((chunk, index) => chunk === previous.chunks[index]);
    if (!unchanged) {
      const estimatedEm = cache.chunks.slice(first, first + chunks.length).reduce((total, chunk) => total + estimatedHeightEm(chunk), 0);
      cache.groups[group] = createElement(ChunkGroup, { key: group, chunks, estimatedEm });
    }
    groups.push(cache.groups[group]);
  }
  return groups;
}

/** The article's first `count` chunks in groups of elements, near the view for the chunks in `highlighted` (every chunk when it is null). */
export function useParagraphChunkElements(chunks: readonly ParagraphChunk[], { pieces, text, appearance }: ChunkInputs, count: number, highlighted: ReadonlySet<number> | null): ReactElement[] {
  const cache = useMemo(() => newChunkElementCache(chunks, { pieces, text, appearance }), [chunks, pieces, text, appearance]);
  return useMemo(() => chunkGroupsFrom(cache, count, (index) => highlighted === null || highlighted.has(index)), [cache, count, highlighted]);
}
