import { type Dispatch, type RefObject, type SetStateAction, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { keptChunks, nearChunks, passingWatch, type NearChunks } from './nearChunks';

/** "Near the view": within this many heights of the view above and below it. */
const NEAR_VIEWS = 1.5;
/**
 * Chunks further than this many view heights drop their highlights again (#25): the article's
 * DOM then follows what is on screen, not what was ever looked at nor the number of
 * annotations. Wider than NEAR_VIEWS, so a scroll back and forth does not redraw the same chunk.
 */
const KEEP_VIEWS = 4;
/** Chunks around the view (not in it) drawn in one task after the view's own. */
const CHUNKS_DRAWN_PER_TASK = 2;

/** The chunks (indices among the article's children) holding an end of the reader's selection. */
function chunksHoldingSelection(root: HTMLElement): ReadonlySet<number> {
  const pinned = new Set<number>();
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return pinned;
  for (const node of [selection.anchorNode, selection.focusNode]) {
    let chunk: Node | null = node;
    while (chunk && chunk.parentNode !== root) chunk = chunk.parentNode;
    if (chunk) pinned.add(Array.prototype.indexOf.call(root.children, chunk) as number);
  }
  return pinned;
}

/** Undraws the far chunks when the window is idle after a scroll: never in a scrolled frame. */
function farChunkDropper(root: HTMLElement, scroller: HTMLElement, setNear: Dispatch<SetStateAction<ReadonlySet<number>>>): { schedule: () => void; cancel: () => void } {
  let idle = 0;
  const cancel = () => cancelIdleCallback(idle);
  const schedule = () => {
    cancel();
    idle = requestIdleCallback(
      () => {
        const view = scroller.getBoundingClientRect();
        if (view.height === 0) return;
        const chunks = root.children;
        const kept = nearChunks(chunks.length, (index) => chunks[index].getBoundingClientRect(), view, view.height * KEEP_VIEWS);
        const pinned = chunksHoldingSelection(root);
        setNear((drawn) => keptChunks(drawn, kept, pinned));
      },
      { timeout: 1000 },
    );
  };
  return { schedule, cancel };
}

/**
 * Draws the chunks in view at once and those around it a few per task after: drawing all at
 * once made the opening frame of the 100,000-annotation article a task of 200-400 ms.
 */
function chunkDrawer(setNear: Dispatch<SetStateAction<ReadonlySet<number>>>): { draw: (near: NearChunks, sync: boolean) => void; cancel: () => void } {
  let later: ReturnType<typeof setTimeout> | undefined;
  const add = (indices: readonly number[], sync: boolean) => {
    if (indices.length === 0) return;
    const draw = () => setNear((drawn) => (indices.every((index) => drawn.has(index)) ? drawn : new Set([...drawn, ...indices])));
    // Drawing replaces the chunk's text nodes: the chunks in view are drawn at once, before
    // the next frame and before anything can select text in them; not a transition (the
    // steps that add the article's text are, and one behind them waited for all of them).
    if (sync) flushSync(draw);
    else draw();
  };
  const draw = ({ inView, aroundView }: NearChunks, sync: boolean) => {
    clearTimeout(later);
    add(inView, sync);
    let next = 0;
    const drawSome = () => {
      add(aroundView.slice(next, next + CHUNKS_DRAWN_PER_TASK), false);
      next += CHUNKS_DRAWN_PER_TASK;
      if (next < aroundView.length) later = setTimeout(drawSome, 0);
    };
    if (aroundView.length > 0) later = setTimeout(drawSome, 0);
  };
  return { draw, cancel: () => clearTimeout(later) };
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
  // A layout effect: on opening, the chunks in view draw their highlights in the first frame.
  useLayoutEffect(() => {
    const element = root.current;
    const scroller = element?.closest<HTMLElement>('.article-scroller');
    if (!enabled || !element || !scroller) return;
    let frame = 0;
    let task: ReturnType<typeof setTimeout> | undefined;
    const passingBy = passingWatch();
    const drawer = chunkDrawer(setNear);
    const dropper = farChunkDropper(element, scroller, setNear);
    const look = (sync: boolean) => {
      task = undefined;
      const view = scroller.getBoundingClientRect();
      // A hidden article (display: none somewhere above it) has no boxes: every chunk would
      // read as in view and draw its highlights at once (#25: all 10,000 of the bench article,
      // kept by React's previous fibers after they were dropped). It looks again when shown.
      if (view.height === 0) return;
      if (passingBy(scroller.scrollTop, view.height, performance.now())) return lookAfterNextFrame();
      const chunks = element.children;
      drawer.draw(nearChunks(chunks.length, (index) => chunks[index].getBoundingClientRect(), view, view.height * NEAR_VIEWS), sync);
      dropper.schedule();
    };
    /** A timer set in an animation-frame callback runs once that frame is rendered. */
    function lookAfterNextFrame() {
      if (frame !== 0 || task !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        task = setTimeout(() => look(true), 0);
      });
    }
    look(false);
    scroller.addEventListener('scroll', lookAfterNextFrame, { passive: true });
    const resize = new ResizeObserver(lookAfterNextFrame);
    resize.observe(scroller);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
      drawer.cancel();
      dropper.cancel();
      scroller.removeEventListener('scroll', lookAfterNextFrame);
      resize.disconnect();
    };
  }, [enabled, root, renderedChunks]);
  return enabled ? near : null;
}
