import { describe, expect, it } from 'vitest';
import { defaultExportWorkerCount } from './threads/exportWorkerStart';

describe('defaultExportWorkerCount', () => {
  it('leaves one core to the thread that receives and writes, and uses at most 4 workers', () => {
    // Measured (#25): on 2 cores a worker per core was slower than none; one core is left to the writer.
    expect([1, 2, 3, 4, 5, 8, 64].map(defaultExportWorkerCount)).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('never asks for a negative count on a machine reporting no cores', () => {
    expect(defaultExportWorkerCount(0)).toBe(0);
  });
});
