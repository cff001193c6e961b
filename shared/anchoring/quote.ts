import type { Quote } from '../model/nativeFormat';
import { codePointArrayText, type CodePointText } from './offsets';
import type { CodePointOffset } from './offsetUnits';

/** How many code points of context a quote keeps on each side, for re-anchoring. */
export const QUOTE_CONTEXT_LENGTH = 32;

/**
 * Quote context around [start, end) of a text seen by code points. Pass `codePointText(text)`:
 * an array of code points is still accepted for callers that hold one, but building it for a
 * 1 MB article (a million strings) costs far more than all the quotes of 10,000 annotations.
 */
export function quoteAround(text: CodePointText | readonly string[], start: CodePointOffset, end: CodePointOffset): Quote {
  const codePoints: CodePointText = isCodePointArray(text) ? codePointArrayText(text) : text;
  return {
    prefix: codePoints.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: codePoints.slice(end, end + QUOTE_CONTEXT_LENGTH),
  };
}

function isCodePointArray(text: CodePointText | readonly string[]): text is readonly string[] {
  return Array.isArray(text);
}
