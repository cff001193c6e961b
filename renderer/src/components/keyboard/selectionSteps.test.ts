import { describe, expect, it } from 'vitest';
import { stepSelection } from './selectionSteps';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';

const TEXT = 'گزارش خبرنگاران از نشست امروز، در تهران.';
const at = (word: string) => ({ start: asUtf16Offset(TEXT.indexOf(word)), end: asUtf16Offset(TEXT.indexOf(word) + word.length) });
const BOUNDS = { start: asUtf16Offset(0), end: asUtf16Offset(TEXT.length) };

describe('Shift+Arrow steps', () => {
  it('extends a dragged word forward by a whole word, never cutting «خبرنگاران»', () => {
    const next = stepSelection(TEXT, at('خبرنگاران'), true, false, BOUNDS);
    expect(next && TEXT.slice(next.start, next.end)).toBe('خبرنگاران از');
  });

  it('shrinks by a whole word, then extends the start backward instead of emptying', () => {
    const two = { start: at('خبرنگاران').start, end: at('از').end };
    const shrunk = stepSelection(TEXT, two, false, false, BOUNDS);
    expect(shrunk && TEXT.slice(shrunk.start, shrunk.end)).toBe('خبرنگاران');
    const back = stepSelection(TEXT, at('خبرنگاران'), false, false, BOUNDS);
    expect(back && TEXT.slice(back.start, back.end)).toBe('گزارش خبرنگاران');
  });

  it('steps punctuation and spaces over to the next word', () => {
    const next = stepSelection(TEXT, at('امروز'), true, false, BOUNDS);
    expect(next && TEXT.slice(next.start, next.end)).toBe('امروز، در');
  });

  it('moves by one character with character precision', () => {
    const next = stepSelection(TEXT, at('خبرنگاران'), false, true, BOUNDS);
    expect(next && TEXT.slice(next.start, next.end)).toBe('خبرنگارا');
  });

  it('says nothing changes at the paragraph end', () => {
    expect(stepSelection(TEXT, { start: asUtf16Offset(0), end: asUtf16Offset(TEXT.length) }, true, false, BOUNDS)).toBeNull();
  });
});
