import { describe, expect, it } from 'vitest';
import { isHighSurrogate, isInsideSurrogatePair, isLowSurrogate, isSurrogatePairAt } from './surrogates';

describe('surrogates', () => {
  const text = 'a😀b'; // a, high, low, b

  it('tells the two halves of a pair apart', () => {
    expect(isHighSurrogate(text.charCodeAt(1))).toBe(true);
    expect(isLowSurrogate(text.charCodeAt(2))).toBe(true);
    expect(isHighSurrogate(text.charCodeAt(2))).toBe(false);
    expect(isLowSurrogate(text.charCodeAt(1))).toBe(false);
    expect(isHighSurrogate('س'.charCodeAt(0))).toBe(false);
  });

  it('finds an offset between the halves of a pair, and only there', () => {
    expect([0, 1, 2, 3, 4].map((index) => isInsideSurrogatePair(text, index))).toEqual([false, false, true, false, false]);
    // Lone halves are not a pair.
    expect(isInsideSurrogatePair('\udc00\udc00', 1)).toBe(false);
    expect(isInsideSurrogatePair('\ud800\ud800', 1)).toBe(false);
    expect(isInsideSurrogatePair('\udc00', 0)).toBe(false);
  });

  it('finds where a pair starts, and only a whole pair', () => {
    expect([0, 1, 2, 3].map((index) => isSurrogatePairAt(text, index))).toEqual([false, true, false, false]);
    expect(isSurrogatePairAt('\ud800', 0)).toBe(false);
    expect(isSurrogatePairAt('\ud800\ud800', 0)).toBe(false);
    expect(isSurrogatePairAt('\udc00\ud800', 0)).toBe(false);
  });
});
