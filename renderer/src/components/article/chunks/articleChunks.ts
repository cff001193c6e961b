import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { PARAGRAPH_CHUNK_CLASS } from '../../../dom/selectionOffsets';
import type { VerticalBox } from './nearChunks';

/**
 * Chunks a group holds. The article element's children are groups of this many chunks, each
 * `content-visibility: auto` as its chunks are (#25, session 15): Blink checks every such element
 * against the viewport in every frame that changes anything, and the 570 chunks of the 1 MB
 * article cost each tagging's frame 1.2-1.8 ms of it. A group far from the view is skipped
 * whole, its chunks with it. React reconciles the article's groups, and a group its chunks only
 * when one of them changed (chunkElementCache.tsx).
 */
export const CHUNKS_PER_GROUP = 16;

/** The class of the element around each run of CHUNKS_PER_GROUP chunks. */
export const CHUNK_GROUP_CLASS = 'chunk-group';

/** On a group the browser may skip (useSkippableGroups). */
export const SKIPPABLE_GROUP_CLASS = 'skippable';

/** The groups (by index) further than a view height from the view. */
function farGroups(root: Element, view: VerticalBox): number[] {
  const height = view.bottom - view.top;
  const far: number[] = [];
  Array.from(root.children).forEach((group, index) => {
    const box = group.getBoundingClientRect();
    if (box.bottom < view.top - height || box.top > view.bottom + height) far.push(index);
  });
  return far;
}

/** Makes the groups of `root` at `indices` skippable (the class added to the group's element). */
export function markSkippable(root: Element, indices: readonly number[]): void {
  for (const index of indices) root.children[index]?.classList.add(SKIPPABLE_GROUP_CLASS);
}

/** No group of `root` skippable. */
export function clearSkippable(root: Element): void {
  for (const group of Array.from(root.getElementsByClassName(SKIPPABLE_GROUP_CLASS))) group.classList.remove(SKIPPABLE_GROUP_CLASS);
}

/**
 * Makes groups `content-visibility: auto`, for good: once every chunk of `chunks` is in the
 * page and styled (a frame after the last was added), those then far from the view, and more as
 * the view moves away from the others (read in a task after a scrolled frame). A chunk first
 * styled inside a skipped group is not checked against the view until the group is shown, and
 * then shows its text a frame after the group (seen in e2e/longArticle.spec.ts: after a jump the
 * text could not be selected for two frames); and an element made `auto` is skipped until the
 * browser first checks it, so a group in view would blink. Far groups whose chunks were styled
 * have neither: a jump to one (`scrollIntoView`) shows the group and its chunk at once.
 *
 * The class is set on the group's element here, not rendered (#25 heap): a group drawn again by
 * React makes a second fiber for each of its 16 chunks, and turning every far group skippable
 * through React's props drew them all again, 570 fibers for the 1 MB article. React never
 * touches the class afterwards (the group's `className` prop does not change). New chunks (a
 * resized column) start with no group skippable, before their first frame, as the rendered
 * class did.
 */
export function useSkippableGroups(root: RefObject<HTMLElement | null>, chunks: readonly unknown[], renderedChunks: number): void {
  const markedFor = useRef<readonly unknown[] | null>(null);
  useLayoutEffect(() => {
    if (markedFor.current === chunks) return;
    if (markedFor.current !== null && root.current) clearSkippable(root.current);
    markedFor.current = chunks;
  }, [root, chunks]);
  const allIn = renderedChunks >= chunks.length;
  useEffect(() => {
    const element = root.current;
    const scroller = element?.parentElement;
    if (!allIn || !element || !scroller) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      const view = scroller.getBoundingClientRect();
      if (view.height === 0) return;
      markSkippable(element, farGroups(element, view));
    };
    /** A timer set in an animation-frame callback runs once that frame is rendered. */
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        clearTimeout(timer);
        timer = setTimeout(look, 0);
      });
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      scroller.removeEventListener('scroll', schedule);
    };
  }, [root, allIn, chunks]);
}

/** The article's chunks in order (their groups are the article element's children), by index. */
export interface ArticleChunks {
  readonly length: number;
  at: (index: number) => Element | undefined;
}

export function articleChunks(root: Element): ArticleChunks {
  const groups = root.children;
  const last = groups[groups.length - 1];
  const length = last ? (groups.length - 1) * CHUNKS_PER_GROUP + last.children.length : 0;
  return { length, at: (index) => groups[Math.floor(index / CHUNKS_PER_GROUP)]?.children[index % CHUNKS_PER_GROUP] };
}

/** The chunk of `root` holding `node` (or the chunk `node` is), null outside every chunk. */
export function chunkHolding(root: Element, node: Node | null): Element | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const chunk = element?.closest(`.${PARAGRAPH_CHUNK_CLASS}`) ?? null;
  return chunk?.parentElement?.parentElement === root ? chunk : null;
}

/** The index of `chunk` among the article's chunks, -1 when it is not one of them. */
export function chunkIndexOf(root: Element, chunk: Element): number {
  const group = chunk.parentElement;
  if (!group || group.parentElement !== root) return -1;
  return (Array.prototype.indexOf.call(root.children, group) as number) * CHUNKS_PER_GROUP + (Array.prototype.indexOf.call(group.children, chunk) as number);
}

/** The chunk before `chunk` (across its group's start), or null for the article's first. */
export function previousChunk(chunk: Element): Element | null {
  return chunk.previousElementSibling ?? chunk.parentElement?.previousElementSibling?.lastElementChild ?? null;
}

/** The chunk after `chunk` (across its group's end), or null for the article's last. */
export function nextChunk(chunk: Element): Element | null {
  return chunk.nextElementSibling ?? chunk.parentElement?.nextElementSibling?.firstElementChild ?? null;
}

/** The chunks and their boxes for `nearChunks(count, boxOf, view, margin)` with the same view and margin. */
export interface ChunkBoxes {
  readonly count: number;
  at: (index: number) => Element | undefined;
  boxOf: (index: number) => VerticalBox;
}

/**
 * Boxes of the article's chunks for finding those within `margin` of `view`. A chunk of a group
 * wholly outside that band answers with its group's box, which says the same to `nearChunks`
 * (its bottom above the band, or its top below it): asking a chunk inside a skipped group for
 * its box would lay the whole group out, and a search over the article asks about a dozen.
 */
export function articleChunkBoxes(root: Element, view: VerticalBox, margin: number): ChunkBoxes {
  const chunks = articleChunks(root);
  const groupBoxes = new Map<number, VerticalBox>();
  const boxOf = (index: number): VerticalBox => {
    const group = Math.floor(index / CHUNKS_PER_GROUP);
    let box = groupBoxes.get(group);
    if (box === undefined) {
      box = root.children[group].getBoundingClientRect();
      groupBoxes.set(group, box);
    }
    if (box.bottom < view.top - margin || box.top > view.bottom + margin) return box;
    return (chunks.at(index) as Element).getBoundingClientRect();
  };
  return { count: chunks.length, at: chunks.at, boxOf };
}
