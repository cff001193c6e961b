import { type Dispatch, type RefObject, type SetStateAction, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { keptChunks, nearChunks, openingChunks, passingWatch, type NearChunks, type VerticalBox } from './nearChunks';
import { restoreSelection, selectionInside } from './keptSelection';
import { chunksSoon, chunksWhenIdle } from './chunkSteps';
import { useDocumentStore } from '../../../store/documentStore';
import { articleChunkBoxes, articleChunks, chunkHolding, chunkIndexOf } from './articleChunks';
import { drawingInTurns } from '../highlightTurns';

/** "Near the view": within this many heights of the view above and below it. */
const NEAR_VIEWS = 1.5;
/**
 * Chunks further than this many view heights drop their highlights again (#25): the article's
 * DOM then follows what is on screen, not what was ever looked at nor the number of
 * annotations. Wider than NEAR_VIEWS, so a scroll back and forth does not redraw the same chunk.
 */
const KEEP_VIEWS = 4;
/** The chunks (indices among the article's chunks) holding an end of the reader's selection. */
function chunksHoldingSelection(root: HTMLElement): ReadonlySet<number> {
  const pinned = new Set<number>();
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return pinned;
  for (const node of [selection.anchorNode, selection.focusNode]) {
    const chunk = chunkHolding(root, node);
    if (chunk) pinned.add(chunkIndexOf(root, chunk));
  }
  return pinned;
}

/**
 * Changes which chunks are drawn at once (`flushSync`, so that the text nodes are replaced
 * within this call) and keeps the reader's selection if it lay in one of them: drawing a chunk
 * replaces its text nodes, which would collapse a selection made in it before it was drawn.
 */
function redrawKeepingSelection(root: HTMLElement, indices: readonly number[], change: () => void): void {
  const chunks = indices.map(articleChunks(root).at).filter((chunk): chunk is Element => chunk !== undefined);
  const kept = selectionInside(root, chunks);
  flushSync(change);
  if (kept) restoreSelection(root, kept);
}

function withChunks(drawn: ReadonlySet<number>, indices: readonly number[]): ReadonlySet<number> {
  return indices.every((index) => drawn.has(index)) ? drawn : new Set([...drawn, ...indices]);
}

function withoutChunk(drawn: ReadonlySet<number>, index: number): ReadonlySet<number> {
  if (!drawn.has(index)) return drawn;
  const next = new Set(drawn);
  next.delete(index);
  return next;
}

/** The chunks in view ordered by their distance to the view's middle: what the reader looks at first. */
function middleFirst(inView: readonly number[], boxOf: (index: number) => VerticalBox, view: VerticalBox): number[] {
  const middle = (view.top + view.bottom) / 2;
  const distance = (index: number) => {
    const box = boxOf(index);
    return box.bottom < middle ? middle - box.bottom : Math.max(0, box.top - middle);
  };
  return [...inView].sort((first, second) => distance(first) - distance(second));
}

/** Undraws the far chunks when the window is idle after a scroll, one per idle period: never in a scrolled frame. */
function farChunkDropper(root: HTMLElement, scroller: HTMLElement, drawn: () => ReadonlySet<number>, setNear: Dispatch<SetStateAction<ReadonlySet<number>>>): { schedule: () => void; cancel: () => void } {
  let idle = 0;
  const drops = chunksWhenIdle((index) => redrawKeepingSelection(root, [index], () => setNear((near) => withoutChunk(near, index))));
  const cancel = () => {
    cancelIdleCallback(idle);
    drops.cancel();
  };
  const schedule = () => {
    cancel();
    idle = requestIdleCallback(
      () => {
        const view = scroller.getBoundingClientRect();
        if (view.height === 0) return;
        const chunks = articleChunkBoxes(root, view, view.height * KEEP_VIEWS);
        const kept = nearChunks(chunks.count, chunks.boxOf, view, view.height * KEEP_VIEWS);
        const current = drawn();
        const next = keptChunks(current, kept, chunksHoldingSelection(root));
        drops.run([...current].filter((index) => !next.has(index)));
      },
      { timeout: 1000 },
    );
  };
  return { schedule, cancel };
}

/**
 * Draws the chunks near the view (see chunkSteps.ts): those in view one per task, from the
 * view's middle out, then those around it, nearest first, one per idle period. On opening
 * (`atOnce`, in a layout effect) the chunk at the view's middle is drawn in the first frame, the
 * other chunks in view in the tasks right after it (openingChunks).
 */
function chunkDrawer(root: HTMLElement, drawn: () => ReadonlySet<number>, setNear: Dispatch<SetStateAction<ReadonlySet<number>>>) {
  const drawNow = (indices: readonly number[]) => {
    const missing = indices.filter((index) => !drawn().has(index));
    if (missing.length > 0) redrawKeepingSelection(root, missing, () => setNear((near) => withChunks(near, missing)));
  };
  const inViewSteps = chunksSoon((index) => drawNow([index]));
  // (#17) Off screen, a chunk's paragraphs draw their highlights in turns, a budget a frame (one
  // chunk of the 100,000-annotation article is about 1,400 marks); not one holding the reader's
  // selection: a paragraph drawn in its turn replaces its text nodes, with nobody to keep it.
  const aroundSteps = chunksWhenIdle((index) => (chunksHoldingSelection(root).has(index) ? drawNow([index]) : drawingInTurns(() => drawNow([index]))));
  const draw = (near: NearChunks, atOnce: boolean) => {
    const undrawn = (indices: readonly number[]) => indices.filter((index) => !drawn().has(index));
    if (atOnce) {
      const { now, soon } = openingChunks(undrawn(near.inView));
      if (now.length > 0) setNear((current) => withChunks(current, now));
      inViewSteps.run(soon);
    } else inViewSteps.run(undrawn(near.inView));
    aroundSteps.run(undrawn(near.aroundView));
  };
  /** Draws the chunks in view still waiting, now: a tagging made in one of them is painted in its first frame. */
  const drawInViewNow = () => {
    const waiting = inViewSteps.waiting();
    if (waiting.length > 0) drawNow(waiting);
  };
  const cancel = () => {
    inViewSteps.cancel();
    aroundSteps.cancel();
  };
  return { draw, drawInViewNow, cancel };
}

/**
 * Which chunks (by index) draw their highlights, or null for all of them. Read from the chunk
 * boxes in a task after a scrolled frame, never inside one: its layout is done, so reading
 * them costs nothing, and that frame shows the text, the next one its highlights and labels
 * (placed by useLabelPlacement in that frame). Chunks that the view left far behind drop
 * their highlights again, after the scroll.
 */
export function useHighlightedChunks(enabled: boolean, root: RefObject<HTMLElement | null>, renderedChunks: number): ReadonlySet<number> | null {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  const drawnRef = useRef(near);
  useLayoutEffect(() => {
    drawnRef.current = near;
  }, [near]);
  // A layout effect: on opening, the chunks in view draw their highlights in the first frame.
  useLayoutEffect(() => {
    const element = root.current;
    const scroller = element?.closest<HTMLElement>('.article-scroller');
    if (!enabled || !element || !scroller) return;
    let frame = 0;
    let task: ReturnType<typeof setTimeout> | undefined;
    const passingBy = passingWatch();
    const drawn = () => drawnRef.current;
    const drawer = chunkDrawer(element, drawn, setNear);
    const dropper = farChunkDropper(element, scroller, drawn, setNear);
    const look = (atOnce: boolean) => {
      task = undefined;
      const view = scroller.getBoundingClientRect();
      // A hidden article (display: none somewhere above it) has no boxes: every chunk would
      // read as in view and draw its highlights at once (#25: all 10,000 of the bench article,
      // kept by React's previous fibers after they were dropped). It looks again when shown.
      if (view.height === 0) return;
      if (passingBy(scroller.scrollTop, view.height, performance.now())) return lookAfterNextFrame();
      const { count, boxOf } = articleChunkBoxes(element, view, view.height * NEAR_VIEWS);
      const { inView, aroundView } = nearChunks(count, boxOf, view, view.height * NEAR_VIEWS);
      drawer.draw({ inView: middleFirst(inView, boxOf, view), aroundView }, atOnce);
      dropper.schedule();
    };
    /** A timer set in an animation-frame callback runs once that frame is rendered. */
    function lookAfterNextFrame() {
      if (frame !== 0 || task !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        task = setTimeout(() => look(false), 0);
      });
    }
    look(true);
    scroller.addEventListener('scroll', lookAfterNextFrame, { passive: true });
    const resize = new ResizeObserver(lookAfterNextFrame);
    resize.observe(scroller);
    // A tagging pressed before the chunk it is in was drawn: that chunk is drawn with it.
    const stopWatching = useDocumentStore.subscribe((state, previous) => {
      if (state.annotations !== previous.annotations) drawer.drawInViewNow();
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
      drawer.cancel();
      dropper.cancel();
      stopWatching();
      scroller.removeEventListener('scroll', lookAfterNextFrame);
      resize.disconnect();
    };
  }, [enabled, root, renderedChunks]);
  return enabled ? near : null;
}
