import { describe, expect, it } from 'vitest';
import { boxesIntersect, placeChip, type LabelBox } from './labelPlacement';

const FONT = 11;

describe('label placement', () => {
  it('lifts the second of two touching chips to the next row', () => {
    const placed: LabelBox[] = [];
    // Right-to-left: the first highlight starts at x=500, the next one 30 px to its left; both chips are 80 px wide.
    expect(placeChip({ anchorX: 500, textTop: 100, rtl: true, width: 80 }, FONT, placed)).toEqual({ row: 0, maxWidth: null });
    expect(placeChip({ anchorX: 470, textTop: 100, rtl: true, width: 80 }, FONT, placed)).toEqual({ row: 1, maxWidth: null });
    expect(boxesIntersect(placed[0], placed[1])).toBe(false);
  });

  it('keeps chips of separate words on one row', () => {
    const placed: LabelBox[] = [];
    placeChip({ anchorX: 500, textTop: 100, rtl: true, width: 60 }, FONT, placed);
    expect(placeChip({ anchorX: 400, textTop: 100, rtl: true, width: 60 }, FONT, placed)).toEqual({ row: 0, maxWidth: null });
  });

  it('shortens a chip when every row is taken, and hides it when no word fits', () => {
    const placed: LabelBox[] = [];
    for (let index = 0; index < 3; index++) placeChip({ anchorX: 100 + index * 5, textTop: 100, rtl: false, width: 200 }, FONT, placed);
    const shortened = placeChip({ anchorX: 40, textTop: 100, rtl: false, width: 200 }, FONT, placed);
    expect(shortened).toEqual({ row: 0, maxWidth: 56 });
    const hidden = placeChip({ anchorX: 98, textTop: 100, rtl: false, width: 200 }, FONT, placed);
    expect(hidden).toEqual({ hidden: true });
    for (let first = 0; first < placed.length; first++) for (let second = first + 1; second < placed.length; second++) expect(boxesIntersect(placed[first], placed[second])).toBe(false);
  });
});
