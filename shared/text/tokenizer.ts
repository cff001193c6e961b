// size-exempt: tokenizeUtf16 is the exporters' hot loop (one pass over a class table, measured by bench/exportBenchmark.ts); split into calls it loses speed.
/**
 * The project's word tokenizer for tokenized exports (CoNLL, Hugging Face). It follows the
 * word-boundary rules of Unicode UAX #29 as ICU applies them (so it agrees with
 * `Intl.Segmenter('fa', { granularity: 'word' })` on words), but runs as a single pass over
 * a character-class table: Intl.Segmenter caps an exporter at about 1,500 articles a second.
 *
 * - A Persian word with a ZERO WIDTH NON-JOINER («می‌دهد») or a NARROW NO-BREAK SPACE used as
 *   a half-space is one token; marks (harakat) and format characters (ZWNJ, ZWJ, LRM, RLM)
 *   stay inside the word they follow.
 * - Letters and digits of any script join (Persian «۱۴۰۳», Arabic-Indic «١٤٠٣», «سال۱۴۰۰»).
 * - «12.5», «۱۲٫۵», «۱٬۰۰۰», «1,000» are one token; «U.S.A» and «don't» too, as in ICU.
 * - Every other visible character (punctuation «، ؛ ؟ « » . : !», symbols, emoji) is a token
 *   of its own; an emoji keeps its modifiers and ZWJ sequence.
 * - One deliberate difference from ICU: a colon never joins two words («ساعت:۱۲», «a:b» are
 *   three tokens), because entity boundaries fall at it in news text.
 */

const enum CharClass {
  Other = 0,
  Space = 1,
  Letter = 2,
  Digit = 3,
  /** Marks and format characters: they belong to the character before them. */
  Extend = 4,
  /** Joins two letters (UAX #29 MidLetter). */
  MidLetter = 5,
  /** Joins two letters or two digits (MidNumLet: «.» «'» «’»). */
  MidNumLet = 6,
  /** Joins two digits (MidNum: «,» «;» «،» «٬»). */
  MidNum = 7,
  /** Joins anything word-like on either side (ExtendNumLet: «_», NARROW NBSP). */
  Connector = 8,
  /** Regional indicator: flags are pairs of them. */
  RegionalIndicator = 9,
}

const ZWJ = 0x200d;
const NARROW_NBSP = 0x202f;
const ARABIC_DECIMAL_SEPARATOR = 0x066b;

const letterPattern = /\p{L}/u;
const digitPattern = /\p{Nd}/u;
const extendPattern = /[\p{M}\p{Cf}]/u;
const spacePattern = /[\s\p{Zs}\p{Zl}\p{Zp}]/u;
const connectorPattern = /\p{Pc}/u;
const pictographicPattern = /\p{Extended_Pictographic}/u;

const MID_LETTER = new Set([0x00b7, 0x0387, 0x05f4, 0x2027, 0xfe13]);
const MID_NUM_LET = new Set([0x002e, 0x0027, 0x2018, 0x2019, 0x2024, 0xfe52, 0xff07, 0xff0e]);
const MID_NUM = new Set([0x002c, 0x003b, 0x037e, 0x0589, 0x060c, 0x060d, 0x066c, 0x07f8, 0x2044, 0xfe10, 0xfe14, 0xfe50, 0xfe54, 0xff0c, 0xff1b]);

function classifyCodePoint(codePoint: number): CharClass {
  if (codePoint === NARROW_NBSP) return CharClass.Connector;
  // The Arabic decimal separator «٫» counts as a digit in UAX #29 (Numeric).
  if (codePoint === ARABIC_DECIMAL_SEPARATOR) return CharClass.Digit;
  if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) return CharClass.RegionalIndicator;
  // Emoji skin-tone modifiers behave as marks of the emoji before them.
  if (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) return CharClass.Extend;
  if (MID_LETTER.has(codePoint)) return CharClass.MidLetter;
  if (MID_NUM_LET.has(codePoint)) return CharClass.MidNumLet;
  if (MID_NUM.has(codePoint)) return CharClass.MidNum;
  const character = String.fromCodePoint(codePoint);
  if (spacePattern.test(character)) return CharClass.Space;
  if (letterPattern.test(character)) return CharClass.Letter;
  if (digitPattern.test(character)) return CharClass.Digit;
  if (extendPattern.test(character)) return CharClass.Extend;
  if (connectorPattern.test(character)) return CharClass.Connector;
  return CharClass.Other;
}

/** A BMP code unit whose class is not known yet (no CharClass has this value). */
const UNCLASSIFIED = 0xff;

/**
 * Classes of the Basic Multilingual Plane, each found on first use. (#25) Classifying all
 * 65,536 up front cost about 0.14 G instructions in every process and export worker (five
 * Unicode-property tests a unit); an export's articles use a few hundred units.
 */
const bmpClasses = new Uint8Array(0x10000).fill(UNCLASSIFIED);

function bmpClass(code: number): CharClass {
  const known = bmpClasses[code];
  if (known !== UNCLASSIFIED) return known as CharClass;
  // Lone surrogates are classified as Other; pairs are decoded before lookup.
  const found = code >= 0xd800 && code <= 0xdfff ? CharClass.Other : classifyCodePoint(code);
  bmpClasses[code] = found;
  return found;
}

const astralClassCache = new Map<number, CharClass>();

function astralClass(codePoint: number): CharClass {
  let found = astralClassCache.get(codePoint);
  if (found === undefined) {
    found = classifyCodePoint(codePoint);
    astralClassCache.set(codePoint, found);
  }
  return found;
}

function isWordClass(charClass: CharClass): boolean {
  return charClass === CharClass.Letter || charClass === CharClass.Digit || charClass === CharClass.Connector;
}

/**
 * (#25) Where tokenizeUtf16 writes the boundaries before they are copied out: it keeps its room
 * from one text to the next (written by index, so it stays a packed array of small integers),
 * emptied only after a text longer than SCRATCH_KEPT allows.
 */
const scratchBoundaries: number[] = [];
/** Boundaries (two a token) whose room is kept: an article of about 100 KB. */
const SCRATCH_KEPT = 1 << 16;

/**
 * Token boundaries of `text` as a flat array of UTF-16 offsets: [start0, end0, start1, end1, ...].
 * This is the fast form the exporters use; `tokenize` gives code-point offsets.
 */
export function tokenizeUtf16(text: string): number[] {
  const length = text.length;
  const boundaries = scratchBoundaries;
  let count = 0;
  // UTF-16 width of the character last looked at by `classAt`.
  let peekWidth = 1;
  const classAt = (index: number): CharClass => {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        peekWidth = 2;
        return astralClass(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      }
    }
    peekWidth = 1;
    return bmpClass(code);
  };
  /** Index after any Extend characters starting at `index`. */
  const skipExtend = (index: number): number => {
    while (index < length && classAt(index) === CharClass.Extend) index += peekWidth;
    return index;
  };

  let index = 0;
  while (index < length) {
    const startClass = classAt(index);
    const startWidth = peekWidth;
    if (startClass === CharClass.Space || startClass === CharClass.Extend) {
      // A mark or ZWNJ after a space belongs to the space (UAX #29 WB4), not to a token.
      index += peekWidth;
      continue;
    }
    const start = index;
    if (startClass === CharClass.Connector && text.charCodeAt(index) === NARROW_NBSP) {
      // A narrow no-break space joins words; standing alone it is just a space.
      if (index + 1 >= length || !isWordClass(classAt(index + 1))) {
        index += 1;
        continue;
      }
    }
    if (isWordClass(startClass)) {
      // Kind of the last letter-or-digit, for the mid-punctuation rules.
      let last: CharClass = startClass;
      index += startWidth;
      while (index < length) {
        const current = classAt(index);
        const width = peekWidth;
        if (current === CharClass.Extend) {
          index += width;
          continue;
        }
        if (isWordClass(current)) {
          if (current === CharClass.Connector && text.charCodeAt(index) === NARROW_NBSP) {
            // A trailing narrow no-break space joins only when a word follows it.
            const after = skipExtend(index + 1);
            if (after >= length || !isWordClass(classAt(after))) break;
          }
          last = current;
          index += width;
          continue;
        }
        if (current === CharClass.MidLetter || current === CharClass.MidNumLet || current === CharClass.MidNum) {
          const after = skipExtend(index + 1);
          if (after >= length) break;
          const next = classAt(after);
          const joinsLetters = last === CharClass.Letter && next === CharClass.Letter && (current === CharClass.MidLetter || current === CharClass.MidNumLet);
          const joinsDigits = last === CharClass.Digit && next === CharClass.Digit && (current === CharClass.MidNum || current === CharClass.MidNumLet);
          if (joinsLetters || joinsDigits) {
            index = after;
            continue;
          }
        }
        break;
      }
      boundaries[count++] = start;
      boundaries[count++] = index;
      continue;
    }
    // A single visible character: punctuation, a symbol, an emoji with its modifiers.
    index += startWidth;
    if (startClass === CharClass.RegionalIndicator && index < length && classAt(index) === CharClass.RegionalIndicator) index += peekWidth;
    for (;;) {
      index = skipExtend(index);
      // An emoji ZWJ sequence (👨‍👩‍👧) is one token; skipExtend stopped after the ZWJ.
      if (index < length && index > start && text.charCodeAt(index - 1) === ZWJ) {
        const codePoint = text.codePointAt(index) ?? 0;
        if (pictographicPattern.test(String.fromCodePoint(codePoint))) {
          index += codePoint > 0xffff ? 2 : 1;
          continue;
        }
      }
      break;
    }
    boundaries[count++] = start;
    boundaries[count++] = index;
  }
  // One array of the exact size: a pushed array grew by copies, about 20 KB of garbage an article.
  const result = boundaries.slice(0, count);
  // A very long text's room is not kept for the next one.
  if (boundaries.length > SCRATCH_KEPT) boundaries.length = 0;
  return result;
}

export interface Token {
  /** Code-point offsets into the text, start inclusive, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** Tokens of `text` with code-point offsets (the unit of offsets in files). */
export function tokenize(text: string): Token[] {
  const boundaries = tokenizeUtf16(text);
  const tokens: Token[] = [];
  let utf16 = 0;
  let codePoints = 0;
  for (let index = 0; index < boundaries.length; index += 2) {
    const start = boundaries[index];
    const end = boundaries[index + 1];
    codePoints += countCodePoints(text, utf16, start);
    const startCodePoint = codePoints;
    codePoints += countCodePoints(text, start, end);
    utf16 = end;
    tokens.push({ start: startCodePoint, end: codePoints, text: text.slice(start, end) });
  }
  return tokens;
}

function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    count++;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) index++;
    }
  }
  return count;
}
