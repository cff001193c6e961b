import { describe, expect, it } from 'vitest';
import { defaultExportWorkerCount } from './exportSerialization';

describe('defaultExportWorkerCount', () => {
  it('uses none on 2 cores or fewer, else leaves one core to the thread that receives and writes, and uses at most 4 workers', () => {
    // Measured (#25, session 12): on 2 cores one or two workers cost more CPU than none and were not faster.
    expect([1, 2, 3, 4, 5, 8, 64].map(defaultExportWorkerCount)).toEqual([0, 0, 2, 3, 4, 4, 4]);
  });

  it('never asks for a negative count on a machine reporting no cores', () => {
    expect(defaultExportWorkerCount(0)).toBe(0);
  });
});
