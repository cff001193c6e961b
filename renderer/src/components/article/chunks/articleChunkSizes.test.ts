import { describe, expect, it } from 'vitest';
import { chunkParagraphs, splitIntoPieces } from '../../../../../shared/text/paragraphChunks';
import { splitParagraphs } from '../../../../../shared/text/paragraphs';
import { chunkLimits } from './articleChunkSizes';

const sentence = 'خبرگزاری‌ها از برگزاری نشست امروز در تهران خبر دادند و گفتند که گفت‌وگوها ادامه دارد. ';
const article = Array.from({ length: 400 }, (_, index) => sentence.repeat(1 + (index % 5))).join('\n');

describe('chunkLimits', () => {
  it('cuts an article whose highlights are drawn near the view only into chunks a third of a window or so', () => {
    const chunks = chunkParagraphs(splitIntoPieces(splitParagraphs(article)), { ...chunkLimits(true), charactersPerLine: 85 });
    const largest = Math.max(...chunks.map((chunk) => chunk.characters));
    // A chunk closes at the first paragraph that takes it over the limit: at most one paragraph over.
    expect(largest).toBeLessThanOrEqual(chunkLimits(true).characters + sentence.length * 5 + 1);
    expect(chunks.every((chunk) => chunk.end - chunk.first <= chunkLimits(true).paragraphs)).toBe(true);
  });

  it('keeps the larger chunks when every highlight is drawn', () => {
    const pieces = splitIntoPieces(splitParagraphs(article));
    const small = chunkParagraphs(pieces, { ...chunkLimits(true), charactersPerLine: 85 });
    const whole = chunkParagraphs(pieces, { ...chunkLimits(false), charactersPerLine: 85 });
    expect(chunkLimits(false)).toEqual({ characters: 4_000, paragraphs: 24 });
    expect(whole.length * 3).toBeLessThan(small.length);
  });
});
