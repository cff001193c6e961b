import { describe, expect, it } from 'vitest';
import { keptChunks, nearChunks, openingChunks, passingWatch, type VerticalBox } from './nearChunks';

/** Chunks of `height` px stacked from 0. */
const stacked = (height: number) => (index: number): VerticalBox => ({ top: index * height, bottom: (index + 1) * height });

describe('nearChunks', () => {
  it('puts the chunks crossing the view apart from those only within the margin', () => {
    // View 1000-1900 px, margin 900: chunks of 300 px; 3-6 cross the view, 0-2 above, 7-9 below.
    const near = nearChunks(20, stacked(300), { top: 1000, bottom: 1900 }, 900);
    expect(near.inView).toEqual([3, 4, 5, 6]);
    expect([...near.aroundView].sort((a, b) => a - b)).toEqual([0, 1, 2, 7, 8, 9]);
  });

  it('orders the chunks around the view nearest first, below before above', () => {
    const near = nearChunks(20, stacked(300), { top: 1000, bottom: 1900 }, 900);
    expect(near.aroundView).toEqual([7, 2, 8, 1, 9, 0]);
  });

  it('at the top of an article, draws only the view now and the rest below later', () => {
    const near = nearChunks(1_000, stacked(100), { top: 0, bottom: 900 }, 1_350);
    expect(near.inView).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(near.aroundView).toEqual(Array.from({ length: 13 }, (_, offset) => 10 + offset));
  });

  it('reads only the boxes near the view (a thousand chunks, each read costing a layout query)', () => {
    let reads = 0;
    const box = stacked(100);
    nearChunks(1_000, (index) => {
      reads++;
      return box(index);
    }, { top: 50_000, bottom: 50_900 }, 1_350);
    expect(reads).toBeLessThan(60);
  });

  it('finds nothing in an empty article', () => {
    expect(nearChunks(0, stacked(100), { top: 0, bottom: 900 }, 1_350)).toEqual({ inView: [], aroundView: [] });
  });
});

describe('keptChunks', () => {
  it('drops the drawn chunks outside the keeping margin, keeps the pinned ones', () => {
    const kept = nearChunks(40, stacked(300), { top: 6000, bottom: 6900 }, 1800);
    const drawn = new Set([0, 1, 2, 19, 20, 21, 25]);
    expect([...keptChunks(drawn, kept, new Set([1]))].sort((a, b) => a - b)).toEqual([1, 19, 20, 21, 25]);
  });

  it('returns the very same set when nothing is dropped', () => {
    const drawn = new Set([19, 20]);
    expect(keptChunks(drawn, nearChunks(40, stacked(300), { top: 6000, bottom: 6900 }, 1800), new Set())).toBe(drawn);
  });
});

describe('passingWatch', () => {
  it('waits only while the view moves more than a view height at looks in a row', () => {
    const passingBy = passingWatch();
    // Opening, then a single jump of ten views (a find hit): both drawn at once.
    expect(passingBy(0, 600, 0)).toBe(false);
    expect(passingBy(6000, 600, 1000)).toBe(false);
    // A fling of 1,400 px a frame: drawn from the second frame on only once it slows.
    expect(passingBy(7400, 600, 1016)).toBe(true);
    expect(passingBy(8800, 600, 1033)).toBe(true);
    expect(passingBy(8850, 600, 1050)).toBe(false);
    // Reading speed (a wheel's 100 px a frame) is never passing by.
    for (let top = 8900, now = 1066; top < 10_000; top += 100, now += 16) expect(passingBy(top, 600, now)).toBe(false);
  });

  it('draws each of two jumps apart in time at once (a selection made after the first must not be redrawn under)', () => {
    const passingBy = passingWatch();
    expect(passingBy(0, 600, 0)).toBe(false);
    expect(passingBy(20_000, 600, 500)).toBe(false);
    expect(passingBy(5_000, 600, 900)).toBe(false);
  });
});

describe('openingChunks (#17)', () => {
  it('draws the chunk at the view\'s middle in the first frame and the others in view after it, in that order', () => {
    expect(openingChunks([5, 4, 6, 3])).toEqual({ now: [5], soon: [4, 6, 3] });
    expect(openingChunks([2])).toEqual({ now: [2], soon: [] });
    expect(openingChunks([])).toEqual({ now: [], soon: [] });
  });
});
