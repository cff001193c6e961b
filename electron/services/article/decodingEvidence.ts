/**
 * The evidence the article decoder weighs (articleDecoder.ts): how nearly the bytes are UTF-8,
 * and how much a legacy decoding reads as real words. Thresholds measured on ../shared/data.
 */

/**
 * What a UTF-8 reading of the bytes finds, by the WHATWG decoder's rules (the ones TextDecoder
 * applies, so `invalidSequences` is exactly the number of U+FFFD it puts in).
 */
export interface Utf8Scan {
  /** Valid sequences of two to four bytes. */
  multiByte: number;
  /** Maximal invalid subparts: each becomes one U+FFFD. */
  invalidSequences: number;
  invalidBytes: number;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, invalidSequences: 0, invalidBytes: 0 };
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (needed === 0) {
      if (byte <= 0x7f) continue;
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
      } else {
        scan.invalidSequences++;
        scan.invalidBytes++;
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      // The lead and the continuation bytes so far are one invalid sequence; this byte starts over.
      scan.invalidSequences++;
      scan.invalidBytes += seen + 1;
      needed = 0;
      seen = 0;
      lower = 0x80;
      upper = 0xbf;
      index--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    seen++;
    if (seen === needed) {
      scan.multiByte++;
      needed = 0;
      seen = 0;
    }
  }
  if (needed !== 0) {
    scan.invalidSequences++;
    scan.invalidBytes += seen + 1;
  }
  return scan;
}

/**
 * The rule for "nearly UTF-8": bytes that are valid UTF-8 except a few damaged sequences, such as
 * a file cut or corrupted in transit, decode as UTF-8 with U+FFFD in place of each bad sequence.
 * A legacy file read as UTF-8 is the opposite: its high bytes almost never form valid sequences
 * (measured on the Persian and Arabic corpora of ../shared/data cut into 164 articles of 1.5 KB
 * and written in Windows-1256: at most 2.9 % of their non-ASCII sequences happen to be valid
 * UTF-8, i.e. 97 % or more are invalid; the same articles in UTF-8 with 10 random bytes damaged
 * in each: a median of 0.9 % invalid, 14 % at most). So the rule: some valid multi-byte sequence,
 * and invalid sequences at most `MAX_INVALID_SHARE` (a quarter) of all the non-ASCII sequences.
 */
export const MAX_INVALID_SHARE = 0.25;

export function isNearlyUtf8(scan: Utf8Scan): boolean {
  if (scan.invalidSequences === 0) return true;
  return scan.multiByte > 0 && scan.invalidSequences <= MAX_INVALID_SHARE * (scan.multiByte + scan.invalidSequences);
}

const SCRIPTS: readonly RegExp[] = [/\p{Script=Arabic}/u, /\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Hebrew}/u];
/** Punctuation, symbols and digits around a word (quotes, commas, «», ؟) are not part of it. */
const WORD_EDGES = /^[\p{P}\p{S}\p{N}]+|[\p{P}\p{S}\p{N}]+$/gu;
/** Apostrophes and hyphens inside a word (l’école, aujourd'hui, well-known) keep it one word. */
const WORD_JOINERS = /[\u200c\u200d\p{M}'\u2019\-\u2010]/u;
/** Characters that real text in a legacy encoding barely holds: controls, undefined bytes, private use. */
const RARE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd\p{Co}]/u;

/** How much a decoded text reads as real words. */
export interface WordReading {
  /** Words (runs between spaces, without the punctuation, symbols and digits at their edges) that hold a non-ASCII letter. */
  nonAsciiWords: number;
  /** Of those, the share made only of letters of one script (ZWNJ, ZWJ and marks allowed). */
  cleanShare: number;
  /** Share of controls, undefined bytes and private-use characters among the non-ASCII characters. */
  rareShare: number;
}

export function readWords(text: string): WordReading {
  let nonAsciiWords = 0;
  let clean = 0;
  let nonAscii = 0;
  let rare = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80 && !RARE.test(character)) continue;
    nonAscii++;
    if (RARE.test(character)) rare++;
  }
  for (const spaced of text.split(/\s+/u)) {
    const word = spaced.replace(WORD_EDGES, '');
    if (!/[^\u0000-\u007f]/.test(word) || !/\p{L}/u.test(word)) continue;
    nonAsciiWords++;
    let script: RegExp | null = null;
    let ok = true;
    for (const character of word) {
      if (WORD_JOINERS.test(character)) continue;
      const own = /\p{L}/u.test(character) ? (SCRIPTS.find((candidate) => candidate.test(character)) ?? null) : null;
      // Punctuation or a symbol inside a word (ط§ظ„ is UTF-8 «ال» read as Windows-1256), or two scripts in one word.
      if (own === null || (script !== null && own !== script)) {
        ok = false;
        break;
      }
      script = own;
    }
    if (ok) clean++;
  }
  return { nonAsciiWords, cleanShare: nonAsciiWords === 0 ? 0 : clean / nonAsciiWords, rareShare: nonAscii === 0 ? 0 : rare / nonAscii };
}

/**
 * "Reads as real words": most words with non-ASCII letters are letters of one script (Arabic-script
 * words read as Windows-1252 are runs of Latin letters and symbols, Latin words read as Windows-1256
 * mix scripts), and hardly any control, undefined or private-use character. Measured on
 * ../shared/data: Persian and Arabic articles in Windows-1256 read as Windows-1256 have 87–100 %
 * clean words (median 100 %) and no rare character; the Latin brat texts in Windows-1252 read
 * as Windows-1256 have 11–66 %, UTF-8 Persian read as Windows-1256 (the «ظپظˆط» mojibake) about
 * 1 % (articleDecoder.detection.test.ts). Windows-1256 is tried first: Persian read as Windows-1252 is
 * all Latin letters (100 % clean), so the order, not the score, keeps it from winning.
 */
export const MIN_CLEAN_WORD_SHARE = 0.75;
export const MAX_RARE_SHARE = 0.01;

export function readsAsWords(reading: WordReading): boolean {
  return reading.nonAsciiWords > 0 && reading.cleanShare >= MIN_CLEAN_WORD_SHARE && reading.rareShare <= MAX_RARE_SHARE;
}
