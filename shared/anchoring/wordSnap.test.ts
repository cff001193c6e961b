import { describe, expect, it } from 'vitest';
import { snapToWords, trimRange } from './wordSnap';
import { asUtf16Offset } from './offsetUnits';

function snap(text: string, selected: string, from = 0) {
  const start = text.indexOf(selected, from);
  const range = snapToWords(text, { start: asUtf16Offset(start), end: asUtf16Offset(start + selected.length) });
  return text.slice(range.start, range.end);
}

describe('snapToWords', () => {
  const sentence = 'وزیر امور خارجه گفت: دولت «می‌دهد» را تأیید کرد، ولی UN نه.';

  it('keeps a ZWNJ word whole when part of it is selected', () => {
    expect(snap(sentence, 'می')).toBe('می‌دهد');
    expect(snap(sentence, 'هد')).toBe('می‌دهد');
  });

  it('trims guillemets, colons and spaces around the selection', () => {
    expect(snap(sentence, '«می‌دهد» ')).toBe('می‌دهد');
    expect(snap(sentence, ' گفت: ')).toBe('گفت');
  });

  it('widens a partial selection across two words to both words', () => {
    expect(snap(sentence, 'ور خار')).toBe('امور خارجه');
  });

  it('snaps a Latin acronym inside a Persian sentence', () => {
    expect(snap(sentence, 'U')).toBe('UN');
  });

  it('keeps Persian digits together', () => {
    expect(snap('در سال ۱۴۰۳ بود', '۴۰')).toBe('۱۴۰۳');
  });

  it('returns an empty range for a selection of punctuation only', () => {
    const text = 'الف، ب';
    const range = snapToWords(text, { start: asUtf16Offset(3), end: asUtf16Offset(5) });
    expect(range.end - range.start).toBe(0);
  });

  it('never cuts an emoji in half', () => {
    const text = 'سلام 😀 دنیا';
    const range = trimRange(text, { start: asUtf16Offset(6), end: asUtf16Offset(7) });
    expect(text.slice(range.start, range.end)).not.toMatch(/^[\udc00-\udfff]/);
  });
});
