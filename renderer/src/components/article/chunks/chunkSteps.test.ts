import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunksSoon, chunksWhenIdle } from './chunkSteps';
import { stubScheduling, type FakeScheduling } from '../../../dom/fakeScheduling';

let scheduling: FakeScheduling;

beforeEach(() => {
  vi.useFakeTimers();
  scheduling = stubScheduling();
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
    scheduling.inputWaiting = true;
    vi.advanceTimersToNextTimer();
    expect(stepped).toEqual([]);
    expect(queue.waiting()).toEqual([1, 2]);
    scheduling.inputWaiting = false;
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
    scheduling.runIdle(2);
    expect(stepped).toEqual([]);
    scheduling.runIdle(12);
    expect(stepped).toEqual([3]);
    scheduling.runIdle(12);
    expect(stepped).toEqual([3, 8]);
    expect(scheduling.idleWaiting()).toBe(0);
  });

  it('steps after the idle timeout however short the period, but never while input waits', () => {
    const stepped: number[] = [];
    chunksWhenIdle((index) => stepped.push(index)).run([3]);
    scheduling.inputWaiting = true;
    scheduling.runIdle(0, true);
    expect(stepped).toEqual([]);
    scheduling.inputWaiting = false;
    scheduling.runIdle(0, true);
    expect(stepped).toEqual([3]);
  });

  it('cancel drops the waiting idle request', () => {
    const stepped: number[] = [];
    const queue = chunksWhenIdle((index) => stepped.push(index));
    queue.run([1]);
    queue.cancel();
    expect(scheduling.idleWaiting()).toBe(0);
    scheduling.runIdle(50);
    expect(stepped).toEqual([]);
  });
});
