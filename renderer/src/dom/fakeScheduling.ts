import { vi } from 'vitest';

/**
 * Idle callbacks, animation frames and waiting input under a test's control (the globals stubbed
 * with vi.stubGlobal; vi.unstubAllGlobals undoes them). For tests of code that schedules its work
 * in idle periods and frames and steps aside for input (chunkSteps, arcDrawTurns).
 */
export interface FakeScheduling {
  /** Runs the idle callbacks asked so far, each given `remaining` ms of idle time, or timed out. */
  runIdle(remaining?: number, didTimeout?: boolean): void;
  /** Runs the animation-frame callbacks asked so far. */
  runFrame(): void;
  /** Idle callbacks asked and not yet run or cancelled. */
  idleWaiting(): number;
  /** What navigator.scheduling.isInputPending() answers. */
  inputWaiting: boolean;
}

export function stubScheduling(): FakeScheduling {
  let idle: { callback: IdleRequestCallback; handle: number }[] = [];
  let frames: { callback: FrameRequestCallback; handle: number }[] = [];
  let handles = 0;
  const scheduling: FakeScheduling = {
    inputWaiting: false,
    runIdle(remaining = 10, didTimeout = false) {
      const due = idle;
      idle = [];
      for (const { callback } of due) callback({ didTimeout, timeRemaining: () => remaining });
    },
    runFrame() {
      const due = frames;
      frames = [];
      for (const { callback } of due) callback(0);
    },
    idleWaiting: () => idle.length,
  };
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
    handles += 1;
    idle.push({ callback, handle: handles });
    return handles;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => {
    idle = idle.filter((entry) => entry.handle !== handle);
  });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    handles += 1;
    frames.push({ callback, handle: handles });
    return handles;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    frames = frames.filter((entry) => entry.handle !== handle);
  });
  vi.stubGlobal('navigator', { scheduling: { isInputPending: () => scheduling.inputWaiting } });
  return scheduling;
}
