import { inputPending } from '../article/chunks/chunkSteps';

/**
 * When the arcs are drawn (#25 must-deliver 5, session 15). A draw is a job of turns, each a
 * task of a few milliseconds: a turn measures chunks until its slice is spent and tells whether
 * the job is done (`ArcDrawer.drawTurn`). Session 14 found keys waiting behind single draws of
 * 7-240 ms (1,172 ms over 33 taggings with 2,000 relations), most of it the layout the draw
 * forced right after a chunk was drawn and the measure of every chunk near the view in one go.
 *
 * - A key or click waiting is handled first: a turn that finds input pending steps aside.
 * - The arcs are read from a clean layout: after the article changed, a turn waits for the
 *   frame that lays it out (at most MAX_FRAME_WAITS frames, so that chunks drawn one per idle
 *   period, each dirtying the layout again, do not hold the arcs back for long), instead of
 *   forcing that layout inside an idle task a key may land behind.
 * - An urgent draw (the view nears the drawn band's edge in a scroll) waits for neither.
 */

/** A turn's budget: measuring chunks stops once it is spent (a chunk takes about 0.5-2 ms). */
export const ARC_SLICE_MS = 4;
/** Frames a turn waits at most for a layout that no chunk draw dirtied again. */
export const MAX_FRAME_WAITS = 3;
/** How long a draw waits for an idle period: an urgent one briefly, arcs must come before the text. */
const URGENT_TIMEOUT_MS = 120;
const CALM_TIMEOUT_MS = 1000;

/** One turn of a draw, its slice ending at `sliceEnd` (performance.now()); true when the draw is done. */
export type ArcTurn = (sliceEnd: number) => boolean;

export interface ArcDrawTurns {
  /** Asks for a draw: a pending one covers it (each turn reads the view and the links afresh). */
  request: (urgent: boolean) => void;
  /** The article's DOM changed: its layout is dirty until the next frame. */
  layoutChanged: () => void;
  cancel: () => void;
}

export function arcDrawTurns(turn: ArcTurn): ArcDrawTurns {
  let idle = 0;
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  let urgent = false;
  let layoutDirty = false;
  let framesWaited = 0;
  const pending = () => idle !== 0 || frame !== 0 || task !== undefined;
  const cancel = () => {
    cancelIdleCallback(idle);
    cancelAnimationFrame(frame);
    clearTimeout(task);
    idle = 0;
    frame = 0;
    task = undefined;
  };
  const run = () => {
    idle = 0;
    task = undefined;
    if (inputPending()) return schedule(true);
    if (layoutDirty && !urgent && framesWaited < MAX_FRAME_WAITS) {
      framesWaited += 1;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // This frame lays the article out: the idle period after it reads a clean layout.
        layoutDirty = false;
        schedule(false);
      });
      return;
    }
    framesWaited = 0;
    if (turn(performance.now() + ARC_SLICE_MS)) urgent = false;
    else schedule(true);
  };
  /** The next turn: a task soon while an urgent draw goes on, else an idle period. */
  function schedule(continuing: boolean): void {
    if (urgent && continuing) task = setTimeout(run, 0);
    else idle = requestIdleCallback(run, { timeout: urgent ? URGENT_TIMEOUT_MS : CALM_TIMEOUT_MS });
  }
  const request = (now: boolean) => {
    if (pending() && (urgent || !now)) return;
    cancel();
    urgent = urgent || now;
    schedule(false);
  };
  return {
    request,
    layoutChanged: () => {
      layoutDirty = true;
    },
    cancel: () => {
      cancel();
      urgent = false;
    },
  };
}
