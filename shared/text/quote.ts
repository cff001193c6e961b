import type { Quote } from '../model/nativeFormat';

/** How many code points of context a quote keeps on each side, for re-anchoring. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Quote context around [start, end) of a text given as an array of code points. */
export function quoteAround(codePoints: readonly string[], start: number, end: number): Quote {
  return {
    prefix: codePoints.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start).join(''),
    suffix: codePoints.slice(end, end + QUOTE_CONTEXT_LENGTH).join(''),
  };
}
