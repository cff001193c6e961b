/**
 * The queues in which useHighlightedChunks draws and drops chunks' highlights, one chunk per
 * step, each step a task of its own, so that a key pressed meanwhile waits for one chunk at
 * most (#18: drawing the chunks a jump brought near in one task after its frame made 3 of 30
 * taggings pressed at once wait 80-212 ms).
 *
 * Two kinds (#18, #25, session 11): the chunks in view, which the reader looks at, are drawn in
 * the tasks right after the frame (`soon`); the chunks around the view (drawn for a scroll that
 * may come) and the far chunks dropped again (for the heap) are work nobody waits for, done
 * in idle periods only (`idle`). Session 10 found the slow taggings waiting behind those steps
 * (8-45 ms each under load): a key pressed 150-400 ms after a jump landed among them.
 * Either kind steps aside while a key or click waits to be handled.
 */

/** Draws or drops one chunk's highlights: `index` among the article's chunks. */
export type ChunkStep = (index: number) => void;

export interface ChunkQueue {
  /** Replaces the waiting chunks with `indices`, stepped through in that order. */
  run: (indices: readonly number[]) => void;
  waiting: () => readonly number[];
  cancel: () => void;
}

/**
 * An idle period shorter than this is left alone (a chunk's draw and the style of its new
 * highlights take a few milliseconds on a quiet machine), unless the step waited IDLE_TIMEOUT_MS.
 */
const IDLE_STEP_MS = 6;
/** An idle step still runs after this long without an idle period long enough (a window busy for seconds). */
const IDLE_TIMEOUT_MS = 2000;

interface InputPendingScheduling {
  isInputPending?: () => boolean;
}

/** Chromium's answer to "is a key or click waiting?" (`navigator.scheduling`); false where it is not offered. */
export function inputPending(): boolean {
  const scheduling = (navigator as Navigator & { scheduling?: InputPendingScheduling }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** A step's next turn: a task soon, or an idle period; `stepNow` says whether this turn may step. */
interface Turns {
  request: (turn: (stepNow: boolean) => void) => void;
  cancel: () => void;
}

function soonTurns(): Turns {
  let task: ReturnType<typeof setTimeout> | undefined;
  return {
    request: (turn) => {
      task = setTimeout(() => {
        task = undefined;
        turn(!inputPending());
      }, 0);
    },
    cancel: () => {
      clearTimeout(task);
      task = undefined;
    },
  };
}

function idleTurns(): Turns {
  let handle: number | undefined;
  return {
    request: (turn) => {
      handle = requestIdleCallback(
        (deadline) => {
          handle = undefined;
          turn(!inputPending() && (deadline.didTimeout || deadline.timeRemaining() >= IDLE_STEP_MS));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    },
    cancel: () => {
      if (handle !== undefined) cancelIdleCallback(handle);
      handle = undefined;
    },
  };
}

function chunkQueue(step: ChunkStep, turns: Turns): ChunkQueue {
  let queue: number[] = [];
  const next = (stepNow: boolean) => {
    if (stepNow) {
      const index = queue.shift();
      if (index === undefined) return;
      step(index);
    }
    if (queue.length > 0) turns.request(next);
  };
  const cancel = () => {
    turns.cancel();
    queue = [];
  };
  const run = (indices: readonly number[]) => {
    cancel();
    queue = [...indices];
    if (queue.length > 0) turns.request(next);
  };
  return { run, waiting: () => queue, cancel };
}

/** Steps through its chunks one per task, starting in the task after this one. */
export function chunksSoon(step: ChunkStep): ChunkQueue {
  return chunkQueue(step, soonTurns());
}

/** Steps through its chunks one per idle period. */
export function chunksWhenIdle(step: ChunkStep): ChunkQueue {
  return chunkQueue(step, idleTurns());
}
