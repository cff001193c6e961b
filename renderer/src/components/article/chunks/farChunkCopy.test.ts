import { describe, expect, it } from 'vitest';
import { asUtf16Offset } from '../../../../../shared/anchoring/offsetUnits';
import { splitParagraphs } from '../../../../../shared/text/paragraphs';
import { splitIntoPieces } from '../../../../../shared/text/paragraphChunks';
import { copiedText } from './farChunkCopy';

// An empty paragraph between the first and the second, as an article's blank line.
const TEXT = 'اول یک\n\nدوم دو\nسوم\nچهار';
const pieces = splitIntoPieces(splitParagraphs(TEXT));
const range = (start: number, end: number) => ({ start: asUtf16Offset(start), end: asUtf16Offset(end) });

describe('the text copied across chunks far from the view (#25)', () => {
  // The expected strings are what Chromium's selection gives over the same text drawn as paragraph elements.
  it('is the paragraphs with a blank line between them, empty ones left out', () => {
    expect(copiedText(pieces, range(0, TEXT.length))).toBe('اول یک\n\nدوم دو\n\nسوم\n\nچهار');
  });

  it('is cut where the selection starts and ends, with a blank line after a paragraph it runs past', () => {
    expect(copiedText(pieces, range(4, TEXT.indexOf('سوم')))).toBe('یک\n\nدوم دو\n\n');
    expect(copiedText(pieces, range(4, TEXT.indexOf('چهار') + 2))).toBe('یک\n\nدوم دو\n\nسوم\n\nچه');
  });
});
