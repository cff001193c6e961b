import { seededRandom } from '../seededRandom';
import { describe, expect, it } from 'vitest';
import { codePointArrayText, codePointLength, codePointText, createOffsetConverter, snapOutOfSurrogatePair } from './offsets';
import { asUtf16Offset } from './offsetUnits';

const EMOJI = '😀'; // U+1F600, two UTF-16 units
const MATH_A = '𝐀'; // U+1D400, a letter beyond U+FFFF
const ZWNJ = '\u200c';
const NBSP = '\u00a0';

/** Reference: Array.from splits a string into code points (lone surrogates count as one each). */
function referenceUtf16(text: string, codePointOffset: number): number {
  return Array.from(text).slice(0, codePointOffset).join('').length;
}

/** Slices the text by code points through the converter, the way the app reads a stored span. */
function sliceByCodePoints(text: string, start: number, end: number): string {
  const converter = createOffsetConverter(text);
  return text.slice(converter.toUtf16(start), converter.toUtf16(end));
}

describe('createOffsetConverter with characters beyond U+FFFF', () => {
  it('counts an emoji before a span as one code point', () => {
    const text = `${EMOJI} ایران`;
    const converter = createOffsetConverter(text);
    expect(converter.codePointLength).toBe(7);
    expect(converter.utf16Length).toBe(8);
    // «ایران» starts at code point 2, UTF-16 unit 3.
    expect(converter.toUtf16(2)).toBe(3);
    expect(converter.toCodePoint(asUtf16Offset(3))).toBe(2);
    expect(sliceByCodePoints(text, 2, 7)).toBe('ایران');
  });

  it('keeps an emoji inside a span whole', () => {
    const text = `آغاز سلام${EMOJI}دنیا پایان`;
    const start = Array.from(text).indexOf('س');
    const end = start + Array.from(`سلام${EMOJI}دنیا`).length;
    expect(end - start).toBe(9);
    expect(sliceByCodePoints(text, start, end)).toBe(`سلام${EMOJI}دنیا`);
    const converter = createOffsetConverter(text);
    expect(converter.toUtf16(end) - converter.toUtf16(start)).toBe(10);
  });

  it('does not shift a span that comes before the emoji, and ends right before it', () => {
    const text = `تهران${EMOJI}${MATH_A}`;
    const converter = createOffsetConverter(text);
    expect(converter.toUtf16(5)).toBe(5);
    expect(converter.toUtf16(6)).toBe(7);
    expect(converter.toUtf16(7)).toBe(9);
    expect(converter.toCodePoint(asUtf16Offset(9))).toBe(7);
    expect(sliceByCodePoints(text, 0, 5)).toBe('تهران');
    expect(sliceByCodePoints(text, 5, 6)).toBe(EMOJI);
  });

  it('handles several astral characters in a row and at both ends', () => {
    const text = `${EMOJI}${EMOJI}a${MATH_A}${EMOJI}`;
    const converter = createOffsetConverter(text);
    expect(converter.codePointLength).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((offset) => converter.toUtf16(offset))).toEqual([0, 2, 4, 5, 7, 9]);
    expect([0, 2, 4, 5, 7, 9].map((offset) => converter.toCodePoint(asUtf16Offset(offset)))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('maps a UTF-16 offset between the halves of a pair to the code point of that pair', () => {
    const text = `a${EMOJI}b`;
    const converter = createOffsetConverter(text);
    expect(converter.toCodePoint(asUtf16Offset(2))).toBe(1);
    expect(snapOutOfSurrogatePair(text, asUtf16Offset(2))).toBe(1);
    expect(snapOutOfSurrogatePair(text, asUtf16Offset(1))).toBe(1);
    expect(snapOutOfSurrogatePair(text, asUtf16Offset(3))).toBe(3);
  });

  it('treats ZWNJ, NBSP and Persian letters as one code point each (they are BMP)', () => {
    const text = `می${ZWNJ}دهد${NBSP}۱۴۰۳`;
    const converter = createOffsetConverter(text);
    expect(converter.codePointLength).toBe(text.length);
    expect(converter.toUtf16(6)).toBe(6);
  });
});

describe('lone surrogates', () => {
  it('count as one code point each, as Array.from and Python count them', () => {
    const loneHigh = '\ud83d';
    const loneLow = '\ude00';
    for (const text of [`a${loneHigh}b`, `a${loneLow}b`, `${loneLow}${loneHigh}`, `${loneHigh}${EMOJI}`, `${EMOJI}${loneLow}`, loneHigh, `x${loneHigh}`]) {
      const converter = createOffsetConverter(text);
      expect(converter.codePointLength).toBe(Array.from(text).length);
      expect(codePointLength(text)).toBe(Array.from(text).length);
      for (let offset = 0; offset <= converter.codePointLength; offset++) {
        expect(converter.toUtf16(offset)).toBe(referenceUtf16(text, offset));
        expect(converter.toCodePoint(converter.toUtf16(offset))).toBe(offset);
      }
    }
  });

  it('a lone high surrogate at the end does not make the pair scan read past the string', () => {
    expect(codePointLength('abc\ud800')).toBe(4);
    expect(createOffsetConverter('abc\ud800').toUtf16(4)).toBe(4);
  });
});

describe('edges and errors', () => {
  it('works on the empty string', () => {
    const converter = createOffsetConverter('');
    expect(converter.codePointLength).toBe(0);
    expect(converter.toUtf16(0)).toBe(0);
    expect(converter.toCodePoint(asUtf16Offset(0))).toBe(0);
    expect(codePointLength('')).toBe(0);
  });

  it('refuses offsets outside the text and non-integers', () => {
    const converter = createOffsetConverter(`a${EMOJI}`);
    expect(() => converter.toUtf16(3)).toThrow(RangeError);
    expect(() => converter.toUtf16(-1)).toThrow(RangeError);
    expect(() => converter.toUtf16(0.5)).toThrow(RangeError);
    expect(() => converter.toUtf16(Number.NaN)).toThrow(RangeError);
    expect(() => converter.toCodePoint(asUtf16Offset(4))).toThrow(RangeError);
    expect(() => converter.toCodePoint(asUtf16Offset(-1))).toThrow(RangeError);
  });

  it('converts a 1 MB article with 10,000 emoji correctly at its far end', () => {
    const paragraph = `خبر فوری ${EMOJI} از تهران${ZWNJ}ها\n`;
    const text = paragraph.repeat(10_000);
    const converter = createOffsetConverter(text);
    expect(converter.utf16Length).toBe(text.length);
    expect(converter.codePointLength).toBe(text.length - 10_000);
    expect(converter.toUtf16(converter.codePointLength)).toBe(text.length);
    const lastStart = converter.codePointLength - Array.from(paragraph).length;
    expect(text.slice(converter.toUtf16(lastStart))).toBe(paragraph);
  });
});

const randomGenerator = seededRandom;

const ALPHABET = ['a', ' ', '\n', '\r', 'ی', 'ي', 'ک', ZWNJ, NBSP, '\u200f', '۱', EMOJI, MATH_A, '🇮🇷', '\ud83d', '\ude00', '\ud800', '\udfff'];

describe('randomized round trips (property style)', () => {
  it('agrees with Array.from on 2,000 random strings mixing astral characters and lone surrogates', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const random = randomGenerator(seed);
      const length = Math.floor(random() * 40);
      let text = '';
      for (let index = 0; index < length; index++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      const codePoints = Array.from(text);
      const converter = createOffsetConverter(text);
      const context = `seed ${seed}: ${JSON.stringify(text)}`;
      expect(converter.codePointLength, context).toBe(codePoints.length);
      expect(codePointLength(text), context).toBe(codePoints.length);
      expect(converter.utf16Length, context).toBe(text.length);

      // Code point → UTF-16 → code point is the identity, and matches the reference.
      for (let offset = 0; offset <= codePoints.length; offset++) {
        const utf16 = converter.toUtf16(offset);
        expect(utf16, context).toBe(referenceUtf16(text, offset));
        expect(converter.toCodePoint(utf16), context).toBe(offset);
      }

      // UTF-16 → code point → UTF-16 is the identity except inside a pair, where it snaps back.
      for (let utf16 = 0; utf16 <= text.length; utf16++) {
        const back = converter.toUtf16(converter.toCodePoint(asUtf16Offset(utf16)));
        expect(back, context).toBe(snapOutOfSurrogatePair(text, asUtf16Offset(utf16)));
      }

      // A random span sliced through the converter is exactly the code points it names.
      if (codePoints.length > 0) {
        const start = Math.floor(random() * codePoints.length);
        const end = start + Math.floor(random() * (codePoints.length - start + 1));
        expect(sliceByCodePoints(text, start, end), context).toBe(codePoints.slice(start, end).join(''));
      }
    }
  });
});

describe('codePointText: slicing by code points without an array of them', () => {
  it('slices like Array.from(text).slice(start, end).join("") for every span, bound and odd input', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = randomGenerator(seed);
      const length = Math.floor(random() * 30);
      let text = '';
      for (let index = 0; index < length; index++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      const codePoints = Array.from(text);
      const view = codePointText(text);
      const fromArray = codePointArrayText(codePoints);
      const context = `seed ${seed}: ${JSON.stringify(text)}`;
      expect(view.length, context).toBe(codePoints.length);
      expect(fromArray.length, context).toBe(codePoints.length);
      // Negative, past-the-end, reversed and fractional bounds behave as Array.prototype.slice.
      const bounds = [-codePoints.length - 2, -1, 0, 1.5, codePoints.length - 1, codePoints.length, codePoints.length + 3, Number.NaN, Infinity];
      for (let start = 0; start <= codePoints.length; start++) bounds.push(start);
      for (const start of bounds) {
        for (const end of bounds) {
          const expected = codePoints.slice(start, end).join('');
          expect(view.slice(start, end), `${context} [${start}, ${end})`).toBe(expected);
          expect(fromArray.slice(start, end), `${context} [${start}, ${end})`).toBe(expected);
        }
      }
    }
  });

  it('reuses a converter it is given, and slices Persian text with ZWNJ and an emoji', () => {
    const text = `می${ZWNJ}دهد ${EMOJI} تهران`;
    const view = codePointText(text, createOffsetConverter(text));
    expect(view.length).toBe(Array.from(text).length);
    expect(view.slice(0, 6)).toBe(`می${ZWNJ}دهد`);
    expect(view.slice(7, 8)).toBe(EMOJI);
    expect(view.slice(9, 14)).toBe('تهران');
  });
});
