import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleDebounce } from './idleDebounce';

describe('idleDebounce', () => {
  let idle: Map<number, () => void>;
  beforeEach(() => {
    vi.useFakeTimers();
    idle = new Map();
    let next = 1;
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      idle.set(next, callback);
      return next++;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const runIdle = () => {
    const callbacks = [...idle.values()];
    idle.clear();
    for (const callback of callbacks) callback();
  };

  it('runs once, the delay after the last call, in an idle period, with one timer however many calls', () => {
    const run = vi.fn();
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const debounce = idleDebounce(run);
    debounce.schedule(1000);
    vi.advanceTimersByTime(600);
    debounce.schedule(1000);
    debounce.schedule(1000);
    expect(setTimer).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(900);
    runIdle();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a call while waiting for idle time moves the run again; cancel drops it', () => {
    const run = vi.fn();
    const debounce = idleDebounce(run);
    debounce.schedule(100);
    vi.advanceTimersByTime(100);
    debounce.schedule(100);
    runIdle();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
    debounce.schedule(100);
    debounce.cancel();
    vi.advanceTimersByTime(200);
    runIdle();
    expect(run).toHaveBeenCalledTimes(1);
    debounce.schedule(50);
    vi.advanceTimersByTime(50);
    runIdle();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
