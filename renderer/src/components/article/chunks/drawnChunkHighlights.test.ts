import { describe, expect, it } from 'vitest';
import { utf16Range } from '../../../../../shared/anchoring/offsetUnits';
import { spansInDrawnChunks, type ChunkExtent } from './drawnChunkHighlights';

/** Chunks of 100 characters from 0, the given ones drawn. */
const chunksOf = (count: number, drawn: readonly number[]): ChunkExtent[] => Array.from({ length: count }, (_, index) => ({ start: index * 100, drawn: drawn.includes(index) }));

describe('spansInDrawnChunks', () => {
  it('keeps every span when every chunk is drawn (a short article)', () => {
    expect(spansInDrawnChunks(chunksOf(3, [0, 1, 2]), [utf16Range(5, 9), utf16Range(250, 260)])).toEqual([0, 1]);
  });

  it('keeps the spans in drawn chunks only, in their order', () => {
    const spans = [
      utf16Range(10, 20),
      utf16Range(120, 130),
      utf16Range(210, 220),
      utf16Range(450, 460),
    ];
    expect(spansInDrawnChunks(chunksOf(5, [1, 4]), spans)).toEqual([1, 3]);
  });

  it('keeps a span that starts in a far chunk and runs into a drawn one, and not one that ends where a drawn chunk starts', () => {
    const spans = [
      utf16Range(90, 110),
      utf16Range(80, 100),
    ];
    expect(spansInDrawnChunks(chunksOf(3, [1]), spans)).toEqual([0]);
  });

  it('keeps an empty span at a drawn chunk, and reads a span past the last chunk as in it', () => {
    expect(spansInDrawnChunks(chunksOf(3, [1, 2]), [utf16Range(100, 100), utf16Range(900, 910), utf16Range(50, 50)])).toEqual([0, 1]);
  });

  it('keeps nothing when no chunk is drawn (a fast scroll passing by)', () => {
    expect(spansInDrawnChunks(chunksOf(3, []), [utf16Range(10, 250)])).toEqual([]);
  });
});
