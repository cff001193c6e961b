import { describe, expect, it } from 'vitest';
import { chunkParagraphs } from './paragraphChunks';
import { splitParagraphs } from './paragraphs';

const OPTIONS = { characters: 100, paragraphs: 4, charactersPerLine: 20 };

describe('chunkParagraphs', () => {
  it('covers every paragraph once, in order, closing chunks by characters or by paragraph count', () => {
    const text = ['a'.repeat(150), 'b', 'c', '', 'd', 'e'.repeat(60), 'f'.repeat(50), 'g'].join('\n');
    const paragraphs = splitParagraphs(text);
    const chunks = chunkParagraphs(paragraphs, OPTIONS);
    expect(chunks.map((chunk) => [chunk.first, chunk.end])).toEqual([
      [0, 1],
      [1, 5],
      [5, 7],
      [7, 8],
    ]);
    expect(chunks.reduce((sum, chunk) => sum + chunk.characters, 0)).toBe(text.length + 1);
  });

  it('estimates a line for an empty paragraph and wraps long ones', () => {
    const chunks = chunkParagraphs(splitParagraphs(['', 'x'.repeat(41)].join('\n')), OPTIONS);
    expect(chunks).toEqual([{ first: 0, end: 2, characters: 43, estimatedLines: 4 }]);
  });

  it('gives one chunk for an empty article (it still has one empty paragraph)', () => {
    expect(chunkParagraphs(splitParagraphs(''), OPTIONS)).toEqual([{ first: 0, end: 1, characters: 1, estimatedLines: 1 }]);
  });
});
