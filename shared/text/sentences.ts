/**
 * Splits a tokenized text into sentences for CoNLL and Hugging Face exports. A sentence ends
 * after a run of sentence-final punctuation tokens (. ! ? ؟ … ۔), together with closing quotes
 * and brackets right after it, and wherever a line end lies between two tokens.
 *
 * A full stop is not always a sentence end (docs/formats.md, "Sentences", states these rules and
 * their measured agreement with brat's splitter):
 * - decimal numbers never split, because the tokenizer keeps «3.5», «۳٫۵», «٣٫٥», «۳.۵» one token;
 * - a stop glued to the letter or digit after it («PU.1», «example.org») is inside a name;
 * - after a known abbreviation (English «e.g.», «i.e.», «et al.», «Fig.», «Dr.», …);
 * - after a dotted abbreviation, whose letters are joined by full stops into one token
 *   («U.S.», Persian «ق.م.», «ه.ش.», Arabic «أ.د.»): such a stop is read as the abbreviation's;
 * - after a single letter: an initial («S. Smith»), a Persian or Arabic one-letter abbreviation
 *   («ج.» volume, «ص.» page, «د.» doctor);
 * - after «No.», «pp.», «vol.» when a number follows;
 * - before a word starting with a lower-case letter («approx. three», «M. tuberculosis»);
 * - inside brackets that close on the same line within 250 characters («(see Fig. 3. below)»).
 * «؛» (Arabic semicolon) and «:» never end a sentence: in Persian and Arabic news «؛» joins clauses.
 */

/** (#25) By code unit: asked of every token, without making its one-character string. */
const SENTENCE_FINAL = new Set(['.', '!', '?', '\u061F', '\u2026', '\u06D4'].map((character) => character.charCodeAt(0)));
const CLOSING = new Set(['»', '"', '\u201D', '\u2019', "'", ')', ']', '}', '\u203A'].map((character) => character.charCodeAt(0)));
const FULL_STOP = 0x2e;

/**
 * English abbreviations that almost never end a sentence (lower case, without their final stop).
 * «etc.» and «Inc.» are left out on purpose: they end sentences as often as not.
 */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'i.v', 'cf', 'vs', 'viz', 'fig', 'figs', 'eq', 'eqs', 'ref', 'refs', 'dr', 'mr', 'mrs', 'ms', 'prof',
  'st', 'approx', 'ca', 'resp', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep', 'dept', 'univ', 'tab', 'suppl',
]);
/** Abbreviations that stand before a number («No. 5», «pp. 12–14», «vol. 3»). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'pp', 'vol', 'vols', 'p', 'ch', 'sec']);
/** How far a closing bracket may lie after a full stop for the stop to count as inside brackets. */
const BRACKET_REACH = 250;

const DOTTED_ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;
const STARTS_UPPER_CASE = /^\p{Lu}/u;
const STARTS_DIGIT = /^\p{Nd}/u;
const WORD_START = /^[\p{L}\p{Nd}]/u;

export interface SentenceSplitOptions {
  /**
   * When false, only line ends split sentences. Source tokens of an imported article come
   * with the sentence layout of their file (one sentence per line), which punctuation must
   * not change.
   */
  splitOnPunctuation: boolean;
}

function tokenText(text: string, boundaries: readonly number[], index: number): string {
  return index >= 0 && index * 2 < boundaries.length ? text.slice(boundaries[index * 2], boundaries[index * 2 + 1]) : '';
}

/** Whether a line end lies in `text[from, to)`. */
function hasLineEnd(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 0x0a) return true;
  return false;
}

/** The first token after `index` that is not a closing quote or bracket (its index, or the token count). */
function nextWordIndex(text: string, boundaries: readonly number[], index: number): number {
  let next = index + 1;
  while (next * 2 < boundaries.length && boundaries[next * 2 + 1] - boundaries[next * 2] === 1 && CLOSING.has(text.charCodeAt(boundaries[next * 2]))) next++;
  return next;
}

/** What the word glued before a full stop says about that stop: `true` when the stop is the word's own (an abbreviation). */
function stopBelongsToWord(word: string, wordBefore: string, nextWord: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (lower === 'al' && wordBefore.toLowerCase() === 'et') return true;
  // (#25) Each pattern only where it can match: a dotted abbreviation holds a stop, a letter is at most two UTF-16 units.
  if (word.includes('.') && DOTTED_ABBREVIATION.test(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower) && STARTS_DIGIT.test(nextWord)) return true;
  if (word.length <= 2 && SINGLE_LETTER.test(word)) {
    // A Latin capital is an initial only before a name; a Persian or Arabic letter has no case.
    return !/^[A-Z]$/.test(word) || STARTS_UPPER_CASE.test(nextWord);
  }
  return false;
}

/** Whether the full stop token at `dot` ends its sentence (see the rules in this file's comment). */
function fullStopEndsSentence(text: string, boundaries: readonly number[], dot: number): boolean {
  const dotStart = boundaries[dot * 2];
  const dotEnd = boundaries[dot * 2 + 1];
  // A stop glued to the letter or digit after it is inside a name or number («PU.1», «www.a.org»).
  if (boundaries[dot * 2 + 2] === dotEnd && WORD_START.test(text.slice(dotEnd, dotEnd + 2))) return false;
  const next = nextWordIndex(text, boundaries, dot);
  if (next * 2 >= boundaries.length) return true;
  const nextWord = tokenText(text, boundaries, next);
  if (hasLineEnd(text, dotEnd, boundaries[next * 2])) return true;
  const glued = dot > 0 && boundaries[dot * 2 - 1] === dotStart;
  if (glued && stopBelongsToWord(tokenText(text, boundaries, dot - 1), tokenText(text, boundaries, dot - 2), nextWord)) return false;
  return !STARTS_LOWER_CASE.test(nextWord);
}

/** Whether an opening bracket before `at` on its line closes after it, on the same line and close by. */
function insideBrackets(text: string, at: number): boolean {
  let depth = 0;
  for (let index = at - 1; index >= 0 && at - index <= BRACKET_REACH; index--) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) break;
    if (code === 0x29 || code === 0x5d) depth--;
    else if (code === 0x28 || code === 0x5b) depth++;
    if (depth > 0) break;
  }
  if (depth <= 0) return false;
  for (let index = at; index < text.length && index - at <= BRACKET_REACH; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x28 || code === 0x5b) return false;
    if (code === 0x29 || code === 0x5d) return true;
  }
  return false;
}

/** Whether the one-character token at `token` starts the end of a sentence. */
function endsSentence(text: string, boundaries: readonly number[], token: number): boolean {
  const start = boundaries[token * 2];
  if (boundaries[token * 2 + 1] - start !== 1) return false;
  const code = text.charCodeAt(start);
  if (!SENTENCE_FINAL.has(code)) return false;
  if (code === FULL_STOP && !fullStopEndsSentence(text, boundaries, token)) return false;
  return !insideBrackets(text, start);
}

/**
 * Groups tokens (flat UTF-16 boundaries as from `tokenizeUtf16`) into sentences.
 * Returns the index of the first token of each sentence, plus the token count at the end.
 */
export function sentenceStarts(text: string, boundaries: readonly number[], options: SentenceSplitOptions): number[] {
  const tokenCount = boundaries.length / 2;
  const starts: number[] = [];
  if (tokenCount === 0) return [0];
  starts.push(0);
  let afterFinal = false;
  for (let token = 1; token < tokenCount; token++) {
    const previousEnd = boundaries[token * 2 - 1];
    const start = boundaries[token * 2];
    if (options.splitOnPunctuation && !afterFinal && endsSentence(text, boundaries, token - 1)) afterFinal = true;
    const lineEndBetween = hasLineEnd(text, previousEnd, start);
    const continuesFinalRun = afterFinal && start === previousEnd && boundaries[token * 2 + 1] - start === 1 && (SENTENCE_FINAL.has(text.charCodeAt(start)) || CLOSING.has(text.charCodeAt(start)));
    if (lineEndBetween || (afterFinal && !continuesFinalRun)) {
      starts.push(token);
      afterFinal = false;
    }
  }
  starts.push(tokenCount);
  return starts;
}
