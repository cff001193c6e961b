import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arcDrawTurns, MAX_FRAME_WAITS } from './arcDrawTurns';

/** Idle callbacks and animation frames run by the test. */
let idleCallbacks: { callback: IdleRequestCallback; handle: number }[] = [];
let frames: { callback: FrameRequestCallback; handle: number }[] = [];
let inputWaiting = false;

function runIdle(): void {
  const due = idleCallbacks;
  idleCallbacks = [];
  for (const { callback } of due) callback({ didTimeout: false, timeRemaining: () => 10 });
}

function runFrame(): void {
  const due = frames;
  frames = [];
  for (const { callback } of due) callback(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  idleCallbacks = [];
  frames = [];
  inputWaiting = false;
  let handles = 0;
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
    handles += 1;
    idleCallbacks.push({ callback, handle: handles });
    return handles;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => {
    idleCallbacks = idleCallbacks.filter((entry) => entry.handle !== handle);
  });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    handles += 1;
    frames.push({ callback, handle: handles });
    return handles;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    frames = frames.filter((entry) => entry.handle !== handle);
  });
  vi.stubGlobal('navigator', { scheduling: { isInputPending: () => inputWaiting } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('arcDrawTurns', () => {
  it('draws in an idle period, once for requests made while one is pending', () => {
    const turn = vi.fn(() => true);
    const turns = arcDrawTurns(turn);
    turns.request(false);
    turns.request(false);
    expect(turn).not.toHaveBeenCalled();
    runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
    runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
  });

  it('goes on in further turns until the draw says it is done, each given a slice', () => {
    const done = [false, false, true];
    const slices: number[] = [];
    const turns = arcDrawTurns((sliceEnd) => {
      slices.push(sliceEnd - performance.now());
      return done[slices.length - 1];
    });
    turns.request(false);
    runIdle();
    runIdle();
    runIdle();
    runIdle();
    expect(slices).toHaveLength(3);
    for (const slice of slices) expect(slice).toBeGreaterThan(0);
  });

  it('steps aside while input waits', () => {
    const turn = vi.fn(() => true);
    arcDrawTurns(turn).request(false);
    inputWaiting = true;
    runIdle();
    expect(turn).not.toHaveBeenCalled();
    inputWaiting = false;
    runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
  });

  it('after a DOM change waits for the frame that lays it out, but not for ever', () => {
    const turn = vi.fn(() => true);
    const turns = arcDrawTurns(turn);
    turns.layoutChanged();
    turns.request(false);
    runIdle();
    expect(turn).not.toHaveBeenCalled();
    runFrame();
    runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
    // Chunks drawn one per idle period dirty the layout before each turn: the draw comes anyway.
    turns.request(false);
    for (let wait = 0; wait < MAX_FRAME_WAITS; wait++) {
      turns.layoutChanged();
      runIdle();
      turns.layoutChanged();
      runFrame();
    }
    turns.layoutChanged();
    runIdle();
    expect(turn).toHaveBeenCalledTimes(2);
  });

  it('an urgent draw waits for no frame and goes on in tasks soon', () => {
    const done = [false, true];
    let calls = 0;
    const turns = arcDrawTurns(() => done[calls++]);
    turns.request(false);
    turns.layoutChanged();
    turns.request(true);
    runIdle();
    expect(calls).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(calls).toBe(2);
    turns.cancel();
  });
});
