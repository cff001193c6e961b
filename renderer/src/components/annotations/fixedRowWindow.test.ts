import { describe, expect, it } from 'vitest';
import { rowOffsets, rowsInBand, scrollToShow } from './fixedRowWindow';

describe('fixed-row window (#17)', () => {
  const offsets = rowOffsets(10, (index) => (index === 3 ? 56 : 34));

  it('adds the rows’ heights up', () => {
    expect(Array.from(offsets.tops.slice(0, 6))).toEqual([0, 34, 68, 102, 158, 192]);
    expect(offsets.tops[10]).toBe(9 * 34 + 56);
  });

  it('finds the rows meeting the view, with overscan, clamped to the list', () => {
    expect(rowsInBand(offsets, 0, 70, 0)).toEqual({ first: 0, end: 3 });
    expect(rowsInBand(offsets, 100, 60, 0)).toEqual({ first: 2, end: 5 });
    expect(rowsInBand(offsets, 100, 60, 2)).toEqual({ first: 0, end: 7 });
    expect(rowsInBand(offsets, 10_000, 100, 1)).toEqual({ first: 8, end: 10 });
    expect(rowsInBand(rowOffsets(0, () => 34), 0, 100, 5)).toEqual({ first: 0, end: 0 });
    // No view yet (height 0): still the row at the top, so the first frame is not empty.
    expect(rowsInBand(offsets, 0, 0, 0)).toEqual({ first: 0, end: 1 });
  });

  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(offsets, 1, 0, 100)).toBeNull();
    expect(scrollToShow(offsets, 5, 0, 100)).toBe(offsets.tops[6] - 100);
    expect(scrollToShow(offsets, 0, 50, 100)).toBe(0);
    expect(scrollToShow(offsets, 42, 0, 100)).toBeNull();
  });

  it('lays out 100,000 rows in a few milliseconds', () => {
    const started = performance.now();
    const many = rowOffsets(100_000, (index) => (index % 7 === 0 ? 56 : 34));
    expect(many.tops[100_000]).toBeGreaterThan(0);
    expect(rowsInBand(many, 1_000_000, 800, 10).end - rowsInBand(many, 1_000_000, 800, 10).first).toBeLessThan(60);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
