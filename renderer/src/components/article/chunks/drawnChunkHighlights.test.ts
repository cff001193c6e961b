import { describe, expect, it } from 'vitest';
import { spansInDrawnChunks, type ChunkExtent } from './drawnChunkHighlights';

/** Chunks of 100 characters from 0, the given ones drawn. */
const chunksOf = (count: number, drawn: readonly number[]): ChunkExtent[] => Array.from({ length: count }, (_, index) => ({ start: index * 100, drawn: drawn.includes(index) }));

describe('spansInDrawnChunks', () => {
  it('keeps every span when every chunk is drawn (a short article)', () => {
    expect(spansInDrawnChunks(chunksOf(3, [0, 1, 2]), [{ start: 5, end: 9 }, { start: 250, end: 260 }])).toEqual([0, 1]);
  });

  it('keeps the spans in drawn chunks only, in their order', () => {
    const spans = [
      { start: 10, end: 20 },
      { start: 120, end: 130 },
      { start: 210, end: 220 },
      { start: 450, end: 460 },
    ];
    expect(spansInDrawnChunks(chunksOf(5, [1, 4]), spans)).toEqual([1, 3]);
  });

  it('keeps a span that starts in a far chunk and runs into a drawn one, and not one that ends where a drawn chunk starts', () => {
    const spans = [
      { start: 90, end: 110 },
      { start: 80, end: 100 },
    ];
    expect(spansInDrawnChunks(chunksOf(3, [1]), spans)).toEqual([0]);
  });

  it('keeps an empty span at a drawn chunk, and reads a span past the last chunk as in it', () => {
    expect(spansInDrawnChunks(chunksOf(3, [1, 2]), [{ start: 100, end: 100 }, { start: 900, end: 910 }, { start: 50, end: 50 }])).toEqual([0, 1]);
  });

  it('keeps nothing when no chunk is drawn (a fast scroll passing by)', () => {
    expect(spansInDrawnChunks(chunksOf(3, []), [{ start: 10, end: 250 }])).toEqual([]);
  });
});
