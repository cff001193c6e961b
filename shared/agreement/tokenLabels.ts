import { tokenize } from '../text/tokenizer';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';
import { compareSpans, spanPieces, type AgreementSpan, type Range } from './agreementSpan';

/** The label of a token no span covers. */
export const OUTSIDE_LABEL = 'O';

export interface DocumentTokens {
  /** Token ranges in code points, in order, not overlapping. */
  tokens: Range[];
  /** Where they came from: the article's source tokens, or the project's tokenizer. */
  source: 'article' | 'tokenizer';
  /** Why stored tokens were present but not used. */
  problem?: string;
}

/**
 * The tokens kappa counts over: the article's source tokens (kept from a CoNLL or HF import)
 * when it has valid ones, so agreement is measured on the units the annotators saw; otherwise
 * the project's tokenizer, the same one the tokenized exports use.
 */
export function documentTokens(text: string, storedTokens?: readonly (readonly [number, number])[]): DocumentTokens {
  if (storedTokens && storedTokens.length > 0) {
    const length = codePointCount(text);
    let previousEnd = 0;
    for (const [start, end] of storedTokens) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end <= start || end > length) {
        return {
          tokens: tokenizerTokens(text),
          source: 'tokenizer',
          problem: `The article's source tokens are out of order or out of range (token ${start}-${end}); the project's tokenizer was used.`,
        };
      }
      previousEnd = end;
    }
    return { tokens: storedTokens.map(([start, end]) => [start, end] as const), source: 'article' };
  }
  return { tokens: tokenizerTokens(text), source: 'tokenizer' };
}

function tokenizerTokens(text: string): Range[] {
  return tokenize(text).map((token) => [token.start, token.end] as const);
}

function codePointCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isHighSurrogate(code) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) index++;
    count++;
  }
  return count;
}

/** Index of the first token whose end is after `offset`. */
function firstTokenEndingAfter(tokens: readonly Range[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle][1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One label per token, without IOB prefixes: the type of the span covering the token, or
 * `O`. A token is covered when it shares at least one code point with the span, so a span
 * that cuts a token («امنیتیگروه» with «گروه» tagged) still labels it. When one annotator's
 * spans of different types cover the same token, the first in document order (earlier start,
 * then longer) wins, the same rule as the tokenized exports: nested spans keep the outer one.
 */
export function tokenLabels(tokens: readonly Range[], spans: readonly AgreementSpan[]): string[] {
  const labels = new Array<string>(tokens.length).fill(OUTSIDE_LABEL);
  const labelled = new Uint8Array(tokens.length);
  for (const span of [...spans].sort(compareSpans)) {
    for (const [start, end] of spanPieces(span)) {
      if (end <= start) continue;
      for (let index = firstTokenEndingAfter(tokens, start); index < tokens.length && tokens[index][0] < end; index++) {
        if (labelled[index] === 1) continue;
        labelled[index] = 1;
        labels[index] = span.type;
      }
    }
  }
  return labels;
}
