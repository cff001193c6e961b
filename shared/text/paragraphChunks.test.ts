import { describe, expect, it } from 'vitest';
import { chunkParagraphs, paragraphDirection, pieceEnd, splitIntoPieces } from './paragraphChunks';
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

describe('splitIntoPieces', () => {
  const ZWNJ = '\u200C';
  const NBSP = '\u00A0';
  const joined = (pieces: readonly { text: string }[]) => pieces.map((piece) => piece.text).join('');

  it('keeps paragraphs of normal length whole, with their own offsets', () => {
    const paragraphs = splitParagraphs('یک دو\nسه');
    const pieces = splitIntoPieces(paragraphs, 100);
    expect(pieces.map(({ index, start, end, text, paragraph, continued, continues, direction }) => ({ index, start, end, text, paragraph, continued, continues, direction }))).toEqual([
      { index: 0, start: 0, end: 5, text: 'یک دو', paragraph: 0, continued: false, continues: false, direction: null },
      { index: 1, start: 6, end: 8, text: 'سه', paragraph: 1, continued: false, continues: false, direction: null },
    ]);
  });

  it('cuts a long line into contiguous pieces that cover it exactly, at spaces, preferring sentence ends', () => {
    const sentence = `این یک جمله${ZWNJ}ی آزمایشی است. `;
    const line = sentence.repeat(40) + 'پایان';
    const text = `سرخط\n${line}\nآخر`;
    const paragraphs = splitParagraphs(text);
    const pieces = splitIntoPieces(paragraphs, 100);
    const ofLine = pieces.filter((piece) => piece.paragraph === 1);
    expect(ofLine.length).toBeGreaterThan(5);
    expect(joined(ofLine)).toBe(line);
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index];
      expect(piece.index).toBe(index);
      expect(text.slice(piece.start, piece.end)).toBe(piece.text);
      expect(piece.text.length).toBeLessThanOrEqual(100);
    }
    for (let index = 1; index < ofLine.length; index++) expect(ofLine[index].start).toBe(ofLine[index - 1].end);
    // Every cut but the last falls after a sentence's full stop and its space.
    for (const piece of ofLine.slice(0, -1)) expect(piece.text.endsWith('. ')).toBe(true);
    expect(ofLine.map((piece) => [piece.continued, piece.continues])).toEqual(ofLine.map((_, index) => [index > 0, index < ofLine.length - 1]));
    expect(new Set(ofLine.map((piece) => piece.direction))).toEqual(new Set(['rtl']));
  });

  it('never cuts at a no-break space, next to a ZWNJ, or inside a surrogate pair', () => {
    // Words held together by NBSP, with ZWNJ inside them, and emoji beyond U+FFFF: no ordinary space at all.
    const word = `می${ZWNJ}شود😀${NBSP}`;
    const line = word.repeat(60);
    const pieces = splitIntoPieces(splitParagraphs(line), 50);
    expect(joined(pieces)).toBe(line);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(50);
      expect(piece.text.length).toBeGreaterThan(0);
      expect(/^[\udc00-\udfff\u200c]/.test(piece.text)).toBe(false);
      expect(/[\ud800-\udbff\u200c]$/.test(piece.text)).toBe(false);
      // Whole code points only: no lone surrogate anywhere in a piece.
      expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(piece.text)).toBe(false);
    }
  });

  it('with spaces around, cuts at an ordinary space and never at the no-break space', () => {
    const line = `الف${NBSP}ب `.repeat(100);
    const pieces = splitIntoPieces(splitParagraphs(line), 60);
    expect(joined(pieces)).toBe(line);
    for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith(' ')).toBe(true);
  });

  it('gives the pieces of a line the direction of the line, even a piece starting with a Latin name', () => {
    const line = `${'کلمه '.repeat(20)}OPEC ${'کلمه '.repeat(20)}`;
    const pieces = splitIntoPieces(splitParagraphs(line), 100);
    expect(pieces.some((piece) => piece.text.startsWith('OPEC'))).toBe(true);
    expect(pieces.every((piece) => piece.direction === 'rtl')).toBe(true);
    expect(splitIntoPieces(splitParagraphs(`Reuters ${'کلمه '.repeat(30)}`), 50).every((piece) => piece.direction === 'ltr')).toBe(true);
  });

  it('cuts a run of combining marks only where it must, and still between code points', () => {
    const line = `ب${'\u064E'.repeat(30)}`.repeat(4);
    const pieces = splitIntoPieces(splitParagraphs(line), 40);
    expect(joined(pieces)).toBe(line);
    for (const piece of pieces.slice(1)) expect(piece.text.startsWith('ب')).toBe(true);
  });
});

describe('paragraphDirection', () => {
  it('is the direction of the first strong character, as dir="auto" decides', () => {
    expect(paragraphDirection('۱۲۳ تهران')).toBe('rtl');
    expect(paragraphDirection('12 UN تهران')).toBe('ltr');
    expect(paragraphDirection('\u200Fabc')).toBe('rtl');
    expect(paragraphDirection('۱۲۳ ...')).toBeNull();
  });
});

describe('pieceEnd', () => {
  it('ends at the text end when the rest fits', () => {
    expect(pieceEnd('abc def', 0, 10)).toBe(7);
    expect(pieceEnd('abc def', 4, 3)).toBe(7);
  });
});
