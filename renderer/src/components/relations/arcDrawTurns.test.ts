import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arcDrawTurns, MAX_FRAME_WAITS } from './arcDrawTurns';
import { stubScheduling, type FakeScheduling } from '../../dom/fakeScheduling';

let scheduling: FakeScheduling;

beforeEach(() => {
  vi.useFakeTimers();
  scheduling = stubScheduling();
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
    scheduling.runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
    scheduling.runIdle();
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
    scheduling.runIdle();
    scheduling.runIdle();
    scheduling.runIdle();
    scheduling.runIdle();
    expect(slices).toHaveLength(3);
    for (const slice of slices) expect(slice).toBeGreaterThan(0);
  });

  it('steps aside while input waits', () => {
    const turn = vi.fn(() => true);
    arcDrawTurns(turn).request(false);
    scheduling.inputWaiting = true;
    scheduling.runIdle();
    expect(turn).not.toHaveBeenCalled();
    scheduling.inputWaiting = false;
    scheduling.runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
  });

  it('after a DOM change waits for the frame that lays it out, but not for ever', () => {
    const turn = vi.fn(() => true);
    const turns = arcDrawTurns(turn);
    turns.layoutChanged();
    turns.request(false);
    scheduling.runIdle();
    expect(turn).not.toHaveBeenCalled();
    scheduling.runFrame();
    scheduling.runIdle();
    expect(turn).toHaveBeenCalledTimes(1);
    // Chunks drawn one per idle period dirty the layout before each turn: the draw comes anyway.
    turns.request(false);
    for (let wait = 0; wait < MAX_FRAME_WAITS; wait++) {
      turns.layoutChanged();
      scheduling.runIdle();
      turns.layoutChanged();
      scheduling.runFrame();
    }
    turns.layoutChanged();
    scheduling.runIdle();
    expect(turn).toHaveBeenCalledTimes(2);
  });

  it('an urgent draw waits for no frame and goes on in tasks soon', () => {
    const done = [false, true];
    let calls = 0;
    const turns = arcDrawTurns(() => done[calls++]);
    turns.request(false);
    turns.layoutChanged();
    turns.request(true);
    scheduling.runIdle();
    expect(calls).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(calls).toBe(2);
    turns.cancel();
  });
});
