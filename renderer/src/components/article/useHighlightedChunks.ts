import { type Dispatch, type RefObject, type SetStateAction, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { keptChunks, nearChunks } from './nearChunks';

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
 * Which chunks (by index) draw their highlights, or null for all of them. Read on scroll from
 * the chunk boxes, which stay cheap to measure: off-screen chunks skip their own layout.
 * Chunks that the view left far behind drop their highlights again, after the scroll.
 */
export function useHighlightedChunks(enabled: boolean, root: RefObject<HTMLElement | null>, renderedChunks: number): ReadonlySet<number> | null {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  // A layout effect: the chunks in view draw their highlights in the same frame as their text.
  useLayoutEffect(() => {
    const element = root.current;
    const scroller = element?.closest<HTMLElement>('.article-scroller');
    if (!enabled || !element || !scroller) return;
    let frame = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    const dropper = farChunkDropper(element, scroller, setNear);
    const add = (indices: readonly number[], sync: boolean) => {
      if (indices.length === 0) return;
      const draw = () => setNear((drawn) => (indices.every((index) => drawn.has(index)) ? drawn : new Set([...drawn, ...indices])));
      // A chunk in view is drawn within the frame that brought it there, before anything can
      // select text in it: drawing replaces the chunk's text nodes, and a selection made in the
      // old ones is lost; those around the view are drawn before a scroll brings them in.
      // Not a transition: the steps that add the article's text are transitions too, and one
      // behind them waited for all of them.
      if (sync) flushSync(draw);
      else draw();
    };
    /**
     * The chunks in view are drawn now (in the frame, when a scroll or resize brought them), those
     * around it a few per task after: drawing all of them at once made the opening frame of the
     * 100,000-annotation article a task of 200-400 ms, and a jump to its middle another.
     */
    const update = (sync: boolean) => {
      frame = 0;
      clearTimeout(later);
      const view = scroller.getBoundingClientRect();
      const chunks = element.children;
      const { inView, aroundView } = nearChunks(chunks.length, (index) => chunks[index].getBoundingClientRect(), view, view.height * NEAR_VIEWS);
      add(inView, sync);
      let next = 0;
      const drawSome = () => {
        add(aroundView.slice(next, next + CHUNKS_DRAWN_PER_TASK), false);
        next += CHUNKS_DRAWN_PER_TASK;
        if (next < aroundView.length) later = setTimeout(drawSome, 0);
      };
      if (aroundView.length > 0) later = setTimeout(drawSome, 0);
      dropper.schedule();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => update(true));
    };
    update(false);
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(later);
      dropper.cancel();
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [enabled, root, renderedChunks]);
  return enabled ? near : null;
}
