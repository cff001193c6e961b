import { isInsideSurrogatePair } from '../anchoring/surrogates';
import { asUtf16Offset, type Utf16Offset } from '../anchoring/offsetUnits';

/**
 * Matching keys for search, "tag all occurrences" and suggestions. Persian text arrives with
 * Arabic yeh and kaf, tatweel, harakat, ZWNJ or space or NBSP between the parts of a word, and
 * Persian, Arabic-Indic or ASCII digits; the key folds all of these so that one query finds
 * every spelling. Each key character remembers the document range it came from, so hits map
 * back to document offsets (UTF-16). Display and saved offsets never use the folded text.
 */
export interface MatchingKey {
  key: string;
  /** UTF-16 start in the document of each key character. */
  starts: Int32Array;
  /** UTF-16 end in the document of each key character. */
  ends: Int32Array;
}

const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u064a', '\u06cc'], // ARABIC YEH → FARSI YEH
  ['\u0649', '\u06cc'], // ALEF MAKSURA → FARSI YEH
  ['\u06d2', '\u06cc'], // YEH BARREE → FARSI YEH
  ['\u0643', '\u06a9'], // ARABIC KAF → KEHEH
  ['\u06c0', '\u0647'], // HEH WITH YEH ABOVE → HEH (ۀ as written without the hamza)
]);

/** Dropped entirely: tatweel, harakat and Quranic marks, superscript alef, bidi marks. */
function isIgnorable(code: number): boolean {
  return (
    code === 0x0640 ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06ed) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200d
  );
}

/** Space, NBSP, narrow NBSP, ZWNJ and other separators all become one space. */
function isSeparator(char: string): boolean {
  return char === '\u200c' || /\s/u.test(char);
}

function foldDigit(code: number): string | null {
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(0x30 + code - 0x06f0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(0x30 + code - 0x0660);
  return null;
}

/** Folds one character (a code point as a string); returns '' when it is dropped. */
export function foldCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (isIgnorable(code)) return '';
  if (isSeparator(char)) return ' ';
  const digit = foldDigit(code);
  if (digit !== null) return digit;
  return LETTER_FOLDS.get(char) ?? char.toLowerCase();
}

/** Builds the key of a text (or of a range of it), collapsing runs of separators into one space. */
export function buildMatchingKey(text: string, from = 0, to = text.length): MatchingKey {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let index = from;
  while (index < to) {
    const code = text.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldCharacter(text.slice(index, index + width));
    if (folded === ' ' && parts.length > 0 && parts[parts.length - 1] === ' ') {
      ends[ends.length - 1] = index + width;
    } else {
      // One entry per UTF-16 unit of the key, so key indexes and the maps line up.
      for (let unitIndex = 0; unitIndex < folded.length; unitIndex++) {
        parts.push(folded[unitIndex]);
        starts.push(index);
        ends.push(index + width);
      }
    }
    index += width;
  }
  return { key: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The key of a query: folded like the document, trimmed of separators at both ends. */
export function queryKey(query: string): string {
  return buildMatchingKey(query).key.trim();
}

/** A hit of a search, in UTF-16 units of the document text. */
export interface TextHit {
  start: Utf16Offset;
  end: Utf16Offset;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

function isWordCharacterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index) ?? 0;
  return WORD_CHARACTER.test(String.fromCodePoint(code));
}

function codePointBefore(text: string, index: number): number {
  const before = index - 1;
  if (isInsideSurrogatePair(text, before)) return before - 1;
  return before;
}

/**
 * Every occurrence of the query in the document, as UTF-16 document ranges. With `wholeWords`,
 * a hit must not continue a word on either side («ایران» does not match inside «ایرانی»).
 */
export function findHits(text: string, documentKey: MatchingKey, query: string, options: { wholeWords?: boolean } = {}): TextHit[] {
  const needle = queryKey(query);
  if (needle.length === 0) return [];
  const hits: TextHit[] = [];
  let position = documentKey.key.indexOf(needle);
  while (position !== -1) {
    const start = documentKey.starts[position];
    let end = documentKey.ends[position + needle.length - 1];
    // Harakat and tatweel after the last letter belong to the word: «وزیرِ» is a whole hit.
    while (end < text.length && foldCharacter(text[end]) === '' && !/[\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(text[end])) end++;
    const whole = !options.wholeWords || (!isWordCharacterAt(text, codePointBefore(text, start)) && !isWordCharacterAt(text, end));
    if (whole) hits.push({ start: asUtf16Offset(start), end: asUtf16Offset(end) });
    position = documentKey.key.indexOf(needle, position + 1);
  }
  return hits;
}
