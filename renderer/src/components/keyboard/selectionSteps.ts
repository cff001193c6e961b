import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';
import type { TextSelectionRange } from '../../store/articleViewStore';

/** Letters, marks, digits and the joiners inside a Persian word (ZWNJ, ZWJ). */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
}

/** One code point forward or back from `offset` (UTF-16 units), never splitting a surrogate pair. */
function stepCharacter(text: string, offset: number, step: 1 | -1): number {
  if (step === 1) {
    const code = text.charCodeAt(offset);
    return Math.min(text.length, offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1));
  }
  const code = text.charCodeAt(offset - 1);
  return Math.max(0, offset - (code >= 0xdc00 && code <= 0xdfff ? 2 : 1));
}

/** The end of the next word after `offset` (skipping spaces and punctuation before it). */
export function nextWordEnd(text: string, offset: number, limit: number): number {
  let position = offset;
  while (position < limit && !isWordCharacter(text[position])) position++;
  while (position < limit && isWordCharacter(text[position])) position++;
  return position;
}

/** The start of the word before `offset` (skipping spaces and punctuation after it). */
export function previousWordStart(text: string, offset: number, limit: number): number {
  let position = offset;
  while (position > limit && !isWordCharacter(text[position - 1])) position--;
  while (position > limit && isWordCharacter(text[position - 1])) position--;
  return position;
}

/** The end of the word before the last one in `[start, end)`: where the selection ends once shrunk by a word. */
function shrunkEnd(text: string, start: number, end: number): number {
  const lastWordStart = previousWordStart(text, end, start);
  let position = lastWordStart;
  while (position > start && !isWordCharacter(text[position - 1])) position--;
  return position;
}

/**
 * Shift+Arrow on a selection, in reading order: `forward` extends its end by a word (by a
 * character with character precision); backward shrinks its end the same way, and once a single
 * word (or character) is left it extends the start backward instead, so the key never dead-ends.
 * `bounds` is the paragraph the selection may not leave. Null: nothing can change.
 */
export function stepSelection(text: string, range: TextSelectionRange, forward: boolean, precise: boolean, bounds: TextSelectionRange): TextSelectionRange | null {
  let start: number = range.start;
  let end: number = range.end;
  if (forward) {
    end = precise ? stepCharacter(text, end, 1) : nextWordEnd(text, end, bounds.end);
    end = Math.min(end, bounds.end);
  } else {
    const shrunk = precise ? stepCharacter(text, end, -1) : shrunkEnd(text, start, end);
    if (shrunk > start) end = shrunk;
    else start = Math.max(bounds.start, precise ? stepCharacter(text, start, -1) : previousWordStart(text, start, bounds.start));
  }
  return start === range.start && end === range.end ? null : { start: asUtf16Offset(start), end: asUtf16Offset(end) };
}
