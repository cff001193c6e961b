import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunksSoon, chunksWhenIdle } from './chunkSteps';

/** Idle callbacks run by the test, each given `remaining` ms of idle time or a timeout. */
let idleCallbacks: { callback: IdleRequestCallback; handle: number }[] = [];
let inputWaiting = false;

function runIdle(remaining: number, didTimeout = false): void {
  const due = idleCallbacks;
  idleCallbacks = [];
  for (const { callback } of due) callback({ didTimeout, timeRemaining: () => remaining });
}

beforeEach(() => {
  vi.useFakeTimers();
  idleCallbacks = [];
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
  vi.stubGlobal('navigator', { scheduling: { isInputPending: () => inputWaiting } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('chunksSoon', () => {
  it('steps one chunk per task, in the order given, none in the calling task', () => {
    const stepped: number[] = [];
    chunksSoon((index) => stepped.push(index)).run([4, 2, 7]);
    expect(stepped).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(stepped).toEqual([4]);
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    expect(stepped).toEqual([4, 2, 7]);
  });

  it('steps aside while input waits, then goes on', () => {
    const stepped: number[] = [];
    const queue = chunksSoon((index) => stepped.push(index));
    queue.run([1, 2]);
    inputWaiting = true;
    vi.advanceTimersToNextTimer();
    expect(stepped).toEqual([]);
    expect(queue.waiting()).toEqual([1, 2]);
    inputWaiting = false;
    vi.runAllTimers();
    expect(stepped).toEqual([1, 2]);
  });

  it('a new run replaces the chunks still waiting; cancel drops them', () => {
    const stepped: number[] = [];
    const queue = chunksSoon((index) => stepped.push(index));
    queue.run([1, 2, 3]);
    vi.advanceTimersToNextTimer();
    queue.run([9]);
    vi.runAllTimers();
    expect(stepped).toEqual([1, 9]);
    queue.run([5, 6]);
    queue.cancel();
    vi.runAllTimers();
    expect(stepped).toEqual([1, 9]);
    expect(queue.waiting()).toEqual([]);
  });
});

describe('chunksWhenIdle', () => {
  it('steps one chunk per idle period long enough for one', () => {
    const stepped: number[] = [];
    chunksWhenIdle((index) => stepped.push(index)).run([3, 8]);
    runIdle(2);
    expect(stepped).toEqual([]);
    runIdle(12);
    expect(stepped).toEqual([3]);
    runIdle(12);
    expect(stepped).toEqual([3, 8]);
    expect(idleCallbacks).toEqual([]);
  });

  it('steps after the idle timeout however short the period, but never while input waits', () => {
    const stepped: number[] = [];
    chunksWhenIdle((index) => stepped.push(index)).run([3]);
    inputWaiting = true;
    runIdle(0, true);
    expect(stepped).toEqual([]);
    inputWaiting = false;
    runIdle(0, true);
    expect(stepped).toEqual([3]);
  });

  it('cancel drops the waiting idle request', () => {
    const stepped: number[] = [];
    const queue = chunksWhenIdle((index) => stepped.push(index));
    queue.run([1]);
    queue.cancel();
    expect(idleCallbacks).toEqual([]);
    runIdle(50);
    expect(stepped).toEqual([]);
  });
});
