import { describe, expect, it } from 'vitest';
import { paragraphIndexAt, splitParagraphs } from './paragraphs';

describe('splitParagraphs', () => {
  it('keeps empty lines and the offsets of each line', () => {
    const paragraphs = splitParagraphs('یک\n\nسه\n');
    expect(paragraphs.map((paragraph) => [paragraph.start, paragraph.end, paragraph.text])).toEqual([
      [0, 2, 'یک'],
      [3, 3, ''],
      [4, 6, 'سه'],
      [7, 7, ''],
    ]);
  });

  it('returns one empty paragraph for an empty text', () => {
    expect(splitParagraphs('')).toEqual([{ index: 0, start: 0, end: 0, text: '' }]);
  });

  it('finds the paragraph of an offset by binary search', () => {
    const paragraphs = splitParagraphs('aa\nbbb\ncc');
    expect([0, 2, 3, 6, 7, 9].map((offset) => paragraphIndexAt(paragraphs, offset))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
