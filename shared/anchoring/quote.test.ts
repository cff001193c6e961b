import { describe, expect, it } from 'vitest';
import { codePointText } from './offsets';
import { QUOTE_CONTEXT_LENGTH, quoteAround } from './quote';

const ZWNJ = '\u200c';
const EMOJI = '😀';

describe('quoteAround', () => {
  it('gives the same quote from the code-point view as from an array of code points', () => {
    const text = `${'ا'.repeat(40)} می${ZWNJ}دهد ${EMOJI}${EMOJI} تهران ${'𝐀'.repeat(35)}\n${'ب'.repeat(3)}`;
    const codePoints = Array.from(text);
    const view = codePointText(text);
    const bounds = [-3, 0, 1, 5, 31, 32, 33, 40, 45, codePoints.length - 40, codePoints.length - 1, codePoints.length, codePoints.length + 5, Number.NaN];
    for (const start of bounds) {
      for (const end of bounds) {
        const expected = { prefix: codePoints.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start).join(''), suffix: codePoints.slice(end, end + QUOTE_CONTEXT_LENGTH).join('') };
        expect(quoteAround(view, start, end), `[${start}, ${end})`).toEqual(expected);
        expect(quoteAround(codePoints, start, end), `[${start}, ${end})`).toEqual(expected);
      }
    }
  });

  it('keeps 32 code points on each side, counting an astral character as one', () => {
    const text = `${EMOJI.repeat(40)}X${'𝐀'.repeat(40)}`;
    const quote = quoteAround(codePointText(text), 40, 41);
    expect(quote.prefix).toBe(EMOJI.repeat(32));
    expect(quote.suffix).toBe('𝐀'.repeat(32));
  });
});
