import { isInsideSurrogatePair } from '../anchoring/surrogates';
import { asUtf16Offset, type Utf16Offset } from '../anchoring/offsetUnits';

/**
 * Matching keys for search, "tag all occurrences" and suggestions. Persian text arrives with
 * Arabic yeh and kaf, tatweel, harakat, ZWNJ or space or NBSP between the parts of a word, and
 * Persian, Arabic-Indic or ASCII digits; the key folds all of these so that one query finds
 * every spelling. Each key character remembers the document range it came from, so hits map
 * back to document offsets (UTF-16). Display and saved offsets never use the folded text.
 *
 * Scraped Persian loses its ZWNJs («میدهد», «گروههای») or has them replaced by a space
 * («می دهد»): ZWNJ is dropped from keys, and a space between two Arabic-script letters may be
 * present on one side and absent on the other, as long as the hit is then a whole word on both
 * ends (so «ایران» never matches across «بای رانندگی»).
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
    code === 0x200d ||
    // ZWNJ: present, lost or doubled in scraped text, it never decides a match.
    code === 0x200c
  );
}

/** Space, NBSP, narrow NBSP and other separators all become one space. */
function isSeparator(char: string): boolean {
  return /\s/u.test(char);
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

/** The key without its spaces, with the key index of each character: where gap-tolerant hits are looked for. */
interface CompactKey {
  text: string;
  toKey: Int32Array;
}

const compactKeys = new WeakMap<MatchingKey, CompactKey>();

function compactOf(documentKey: MatchingKey): CompactKey {
  let compact = compactKeys.get(documentKey);
  if (compact) return compact;
  const { key } = documentKey;
  const toKey = new Int32Array(key.length);
  const parts: string[] = [];
  for (let index = 0; index < key.length; index++) {
    if (key[index] === ' ') continue;
    toKey[parts.length] = index;
    parts.push(key[index]);
  }
  compact = { text: parts.join(''), toKey: toKey.slice(0, parts.length) };
  compactKeys.set(documentKey, compact);
  return compact;
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;

function isArabicLetter(char: string): boolean {
  return ARABIC_SCRIPT.test(char) && LETTER.test(char);
}

/** A space at `index` of a key that scraping may have put in place of a ZWNJ (or removed): one between two Arabic-script letters. */
function isLooseGap(key: string, index: number): boolean {
  return key[index] === ' ' && index > 0 && index + 1 < key.length && isArabicLetter(key[index - 1]) && isArabicLetter(key[index + 1]);
}

/**
 * Where `needle` (a query key) ends when matched in the key from `position`, a space between
 * Arabic letters being optional on either side; -1 when it does not match there. `exact` tells
 * whether no such space was skipped.
 */
export function looseMatchAt(documentKey: MatchingKey, position: number, needle: string): { end: number; exact: boolean } | null {
  const { key } = documentKey;
  let at = position;
  let exact = true;
  let index = 0;
  while (index < needle.length) {
    if (at < key.length && key[at] === needle[index]) {
      at++;
      index++;
    } else if (at < key.length && isLooseGap(key, at) && index > 0) {
      at++;
      exact = false;
    } else if (isLooseGap(needle, index)) {
      index++;
      exact = false;
    } else {
      return null;
    }
  }
  return { end: at, exact };
}

/**
 * Every occurrence of the query in the document, as UTF-16 document ranges. With `wholeWords`,
 * a hit must not continue a word on either side («ایران» does not match inside «ایرانی»). A hit
 * that needed a space skipped on one side (scraped «می دهد» for «میدهد») is always a whole word.
 */
export function findHits(text: string, documentKey: MatchingKey, query: string, options: { wholeWords?: boolean } = {}): TextHit[] {
  const needle = queryKey(query);
  if (needle.length === 0) return [];
  const compactNeedle = needle.replaceAll(' ', '');
  const compact = compactOf(documentKey);
  const hits: TextHit[] = [];
  let position = compact.text.indexOf(compactNeedle);
  while (position !== -1) {
    const keyStart = compact.toKey[position];
    const match = looseMatchAt(documentKey, keyStart, needle);
    if (match !== null) {
      const start = documentKey.starts[keyStart];
      let end = documentKey.ends[match.end - 1];
      // Harakat and tatweel after the last letter belong to the word: «وزیرِ» is a whole hit.
      while (end < text.length && foldCharacter(text[end]) === '' && !/[\u200c\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(text[end])) end++;
      const wholeWord = !isWordCharacterAt(text, codePointBefore(text, start)) && !isWordCharacterAt(text, end);
      if (wholeWord || (!options.wholeWords && match.exact)) hits.push({ start: asUtf16Offset(start), end: asUtf16Offset(end) });
    }
    position = compact.text.indexOf(compactNeedle, position + 1);
  }
  return hits;
}
