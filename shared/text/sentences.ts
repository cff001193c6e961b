/**
 * Splits a tokenized text into sentences for CoNLL and Hugging Face exports. A sentence ends
 * after a run of sentence-final punctuation tokens (. ! ? ؟ … ۔), together with closing quotes
 * and brackets right after it, and wherever a line end lies between two tokens. Decimal points
 * never end a sentence because «12.5» is one token.
 */

const SENTENCE_FINAL = new Set(['.', '!', '?', '\u061F', '\u2026', '\u06D4']);
const CLOSING = new Set(['»', '"', '\u201D', '\u2019', "'", ')', ']', '}', '\u203A']);

export interface SentenceSplitOptions {
  /**
   * When false, only line ends split sentences. Source tokens of an imported article come
   * with the sentence layout of their file (one sentence per line), which punctuation must
   * not change.
   */
  splitOnPunctuation: boolean;
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
    // Sentence-final and closing marks are one UTF-16 unit: only such tokens need a look.
    if (options.splitOnPunctuation && previousEnd - boundaries[token * 2 - 2] === 1 && SENTENCE_FINAL.has(text[previousEnd - 1])) afterFinal = true;
    const tokenText = boundaries[token * 2 + 1] - start === 1 ? text[start] : '';
    let lineEndBetween = false;
    for (let index = previousEnd; index < start; index++) {
      if (text.charCodeAt(index) === 0x0a) {
        lineEndBetween = true;
        break;
      }
    }
    const continuesFinalRun = afterFinal && start === previousEnd && (SENTENCE_FINAL.has(tokenText) || CLOSING.has(tokenText));
    if (lineEndBetween || (afterFinal && !continuesFinalRun)) {
      starts.push(token);
      afterFinal = false;
    }
  }
  starts.push(tokenCount);
  return starts;
}
