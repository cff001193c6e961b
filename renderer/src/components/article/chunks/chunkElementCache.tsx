import { createElement, type ReactElement, useLayoutEffect, useMemo, useRef } from 'react';
import type { ParagraphChunk } from '../../../../../shared/text/paragraphChunks';
import { CHUNK_GROUP_CLASS, CHUNKS_PER_GROUP } from './articleChunks';
import { farChunkElements, placeGroupChunks, type FarChunkElements } from './farChunkElements';
import { estimatedHeightEm, estimateStyle, paragraphChunkElement, type ChunkInputs } from './ParagraphChunkView';

/**
 * The elements drawn for an article's chunks from one set of inputs, each with whether it was
 * drawn near the view, and the groups' elements. A new cache is made when the chunks or the
 * inputs change, so an element in it is always what `paragraphChunkElement` would draw now for
 * the same nearness. A chunk never drawn near has no React element: its element is made outside
 * React (`far`, farChunkElements.ts).
 */
export interface ChunkElementCache {
  readonly chunks: readonly ParagraphChunk[];
  readonly inputs: ChunkInputs;
  readonly elements: ReactElement[];
  readonly near: boolean[];
  readonly groups: ReactElement[];
  readonly far: FarChunkElements;
}

export function newChunkElementCache(chunks: readonly ParagraphChunk[], inputs: ChunkInputs): ChunkElementCache {
  return { chunks, inputs, elements: [], near: [], groups: [], far: farChunkElements(chunks, inputs.pieces, inputs.text) };
}

/**
 * The React elements of the first `count` chunks, null for a chunk never drawn near (made outside
 * React, #25 heap: a fiber, element and props for each of the 570 far chunks of the 1 MB
 * article). Once drawn near, a chunk stays React's, near or far, so its element is the same from
 * then on (a scroll anchored to it does not move, and it keeps the height it had). A chunk drawn
 * as it was last time gets the same element object back, so React skips it without comparing
 * anything (its fiber's props are that element's props). A chunk whose nearness changed is
 * drawn afresh and kept.
 */
export function chunkElementsFrom(cache: ChunkElementCache, count: number, isNear: (index: number) => boolean): Array<ReactElement | null> {
  const shown = Math.min(count, cache.chunks.length);
  const elements: Array<ReactElement | null> = [];
  for (let index = 0; index < shown; index++) {
    const near = isNear(index);
    if (cache.elements[index] === undefined && !near) {
      elements.push(null);
      continue;
    }
    if (cache.elements[index] === undefined || cache.near[index] !== near) {
      cache.elements[index] = paragraphChunkElement(cache.chunks[index], cache.inputs, near);
      cache.near[index] = near;
    }
    elements.push(cache.elements[index]);
  }
  return elements;
}

interface ChunkGroupProps {
  /** The group's chunks: React's elements, null where the chunk's element is made by `far`. */
  chunks: ReadonlyArray<ReactElement | null>;
  /** The index of the group's first chunk among the article's. */
  first: number;
  far: FarChunkElements;
  estimatedEm: number;
}

/**
 * A run of chunk elements in an element of its own, skipped whole by the browser while far from
 * the view (articleChunks.ts). Until first laid out it holds the space its chunks' estimates add
 * up to, as they held it without it. Its `skippable` class is set on the element, not rendered
 * (useSkippableGroups).
 */
function ChunkGroup({ chunks, first, far, estimatedEm }: ChunkGroupProps): ReactElement {
  const group = useRef<HTMLDivElement>(null);
  // Before the frame is shown, in the commit that drew React's chunks: the group never shows a gap.
  useLayoutEffect(() => {
    if (group.current) placeGroupChunks(group.current, chunks.map((chunk) => chunk !== null), first, far);
  }, [chunks, first, far]);
  return (
    <div ref={group} className={CHUNK_GROUP_CLASS} style={estimateStyle(estimatedEm)}>
      {chunks.filter((chunk) => chunk !== null)}
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
      cache.groups[group] = createElement(ChunkGroup, { key: group, chunks, first, far: cache.far, estimatedEm });
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
