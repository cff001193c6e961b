import { describe, expect, it } from 'vitest';
import { countBelow, partitionPoint } from './sortedSearch';

describe('partitionPoint', () => {
  it('finds the first index past the leading run, from a given start', () => {
    const values = [1, 3, 3, 5, 8];
    expect(partitionPoint(values.length, (index) => values[index] <= 3)).toBe(3);
    expect(partitionPoint(values.length, (index) => values[index] < 0)).toBe(0);
    expect(partitionPoint(values.length, (index) => values[index] < 100)).toBe(5);
    expect(partitionPoint(values.length, (index) => values[index] <= 3, 4)).toBe(4);
    expect(partitionPoint(0, () => true)).toBe(0);
  });

  it('agrees with a linear scan for countBelow', () => {
    const values = [0, 2, 2, 4, 9, 9, 12];
    for (let limit = -1; limit <= 13; limit++) expect(countBelow(values, limit)).toBe(values.filter((value) => value < limit).length);
  });
});
