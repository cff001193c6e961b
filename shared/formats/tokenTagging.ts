import { sentenceStarts } from '../text/sentences';
import { tokenizeUtf16 } from '../text/tokenizer';
import { shownSpan, spanProblem, spanWords } from './problemSpans';
import { checkDocument, splitDiscontinuous, withOmittedExtras, type CheckedDocument, type CheckedSpan } from './checkedSpans';
import type { ExportDocument, ExportProblem, SerializeOptions, TaggedSentence, TaggingScheme } from './exportTypes';

/**
 * Turns a checked document into tagged sentences for the token-classification formats
 * (CoNLL, Hugging Face). The rules, stated once here and in docs/formats.md:
 *
 * 1. Tokens: the article's source tokens when it has them (so importing then exporting gives
 *    the same tokens back), otherwise the project's tokenizer, whose tokens are also split at
 *    every span edge that falls inside one (so «امنیتیگروه» with «گروه» tagged gives two tokens).
 * 2. A span covers the tokens it touches. When a source token is only partly inside the span
 *    the whole token is tagged and the span is reported as `changed` (`not-on-token-edge`).
 * 3. Overlaps: a token carries one tag. Annotations are taken in order of start, longer
 *    first, then their order in the file; one whose tokens are already tagged is reported
 *    as `lost` (`overlap`): nested spans keep the outer one.
 * 4. A discontinuous annotation is tagged as one chunk per fragment (reported as `changed`).
 * 5. Sentences end after sentence-final punctuation (. ! ? ؟ …) and at line ends, except
 *    inside an entity; with source tokens only line ends split, keeping the source's layout.
 */

export interface TaggedDocument {
  /** The tokens as flat UTF-16 boundaries into the document text: [start0, end0, start1, end1, ...]. */
  boundaries: readonly number[];
  /** Each token's tag. */
  tags: readonly string[];
  /** The tokens that start a sentence, after the first one, in order. */
  sentenceBreaks: readonly number[];
  written: number;
  problems: ExportProblem[];
}

const OUTSIDE = 'O';

/** Source tokens as flat UTF-16 boundaries, or null (with a problem) when they cannot be used. */
function sourceBoundaries(checked: CheckedDocument, problems: ExportProblem[]): number[] | null {
  const tokens = checked.document.tokens;
  if (!tokens || tokens.length === 0) return null;
  const { converter } = checked;
  const boundaries: number[] = [];
  let previousEnd = 0;
  for (const [start, end] of tokens) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end <= start || end > converter.codePointLength) {
      problems.push({
        kind: 'tokens-invalid',
        effect: 'omitted',
        message: `The article's source tokens are not in order or out of range (token ${start}-${end}); the project's tokenizer was used instead.`,
      });
      return null;
    }
    boundaries.push(converter.toUtf16(start), converter.toUtf16(end));
    previousEnd = end;
  }
  return boundaries;
}

/** Whether any of the sorted `edges` falls strictly inside a token: most spans start and end on token edges, and then the tokens stay as they are (#25). */
function anyEdgeInside(boundaries: readonly number[], edges: readonly number[]): boolean {
  let edge = 0;
  for (let index = 0; index < boundaries.length && edge < edges.length; index += 2) {
    while (edge < edges.length && edges[edge] <= boundaries[index]) edge++;
    if (edge < edges.length && edges[edge] < boundaries[index + 1]) return true;
  }
  return false;
}

/** Splits tokens at span edges that fall strictly inside them. */
function splitAtSpanEdges(boundaries: number[], spans: readonly CheckedSpan[]): number[] {
  const edges: number[] = [];
  for (const span of spans) {
    for (const piece of span.pieces) edges.push(piece.start16, piece.end16);
  }
  if (edges.length === 0) return boundaries;
  edges.sort((a, b) => a - b);
  if (!anyEdgeInside(boundaries, edges)) return boundaries;
  const result: number[] = [];
  let edge = 0;
  for (let index = 0; index < boundaries.length; index += 2) {
    let start = boundaries[index];
    const end = boundaries[index + 1];
    while (edge < edges.length && edges[edge] <= start) edge++;
    while (edge < edges.length && edges[edge] < end) {
      if (edges[edge] > start) {
        result.push(start, edges[edge]);
        start = edges[edge];
      }
      edge++;
    }
    result.push(start, end);
  }
  return result;
}

/** Index of the first token whose end is after `offset` (binary search over ends). */
function firstTokenEndingAfter(boundaries: readonly number[], offset: number): number {
  let low = 0;
  let high = boundaries.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boundaries[middle * 2 + 1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Chunk {
  first: number;
  last: number;
  type: string;
}

function tagChunks(tokenCount: number, chunks: readonly Chunk[], scheme: TaggingScheme): string[] {
  const tags: string[] = new Array<string>(tokenCount).fill(OUTSIDE);
  const sorted = [...chunks].sort((a, b) => a.first - b.first);
  let previous: Chunk | null = null;
  for (const chunk of sorted) {
    const { first, last, type } = chunk;
    // One string per chunk, not one per token (#25: a 10,000-article export tags about a million tokens).
    const inside = `I-${type}`;
    if (scheme === 'bioes') {
      if (first === last) {
        tags[first] = `S-${type}`;
      } else {
        tags[first] = `B-${type}`;
        for (let token = first + 1; token < last; token++) tags[token] = inside;
        tags[last] = `E-${type}`;
      }
    } else {
      for (let token = first; token <= last; token++) tags[token] = inside;
      // IOB1 marks B- only where a chunk directly follows another of the same type.
      const touchesSameType = previous !== null && previous.last === first - 1 && previous.type === type;
      if (scheme === 'iob2' || touchesSameType) tags[first] = `B-${type}`;
    }
    previous = chunk;
  }
  return tags;
}

/** Tagging order: earlier first, then longer (outer spans win the tokens they share), then file order. */
function compareTaggingOrder(a: CheckedSpan, b: CheckedSpan): number {
  const aStart = a.pieces[0].start16;
  const bStart = b.pieces[0].start16;
  if (aStart !== bStart) return aStart - bStart;
  const aLength = a.pieces[a.pieces.length - 1].end16 - aStart;
  const bLength = b.pieces[b.pieces.length - 1].end16 - bStart;
  if (aLength !== bLength) return bLength - aLength;
  return a.order - b.order;
}

/** The tokens each piece of a span covers; `widened` when a piece starts or ends inside a token. */
function tokenRangesOf(span: CheckedSpan, boundaries: readonly number[], tokenCount: number): { ranges: Chunk[]; widened: boolean } {
  const ranges: Chunk[] = [];
  let widened = false;
  for (const piece of span.pieces) {
    const first = firstTokenEndingAfter(boundaries, piece.start16);
    let last = first - 1;
    while (last + 1 < tokenCount && boundaries[(last + 1) * 2] < piece.end16) last++;
    if (last < first) continue;
    if (boundaries[first * 2] < piece.start16 || boundaries[last * 2 + 1] > piece.end16) widened = true;
    ranges.push({ first, last, type: span.annotation.type });
  }
  return { ranges, widened };
}

/**
 * (#25) The table by token that assignTokens (each token's owner) and then sentenceBreaksOf (each
 * token's chunk) use in turn, kept from one document to the next: a fresh Int32Array of a few
 * hundred tokens is an ArrayBuffer allocated outside the heap and freed by a collection, two an article.
 */
const KEPT_TOKEN_TABLE = 1 << 16;
let tokenTable = new Int32Array(4096);

/** The table for `tokenCount` tokens, every entry -1 (a very long document's is not kept). */
function emptyTokenTable(tokenCount: number): Int32Array {
  if (tokenCount > KEPT_TOKEN_TABLE) return new Int32Array(tokenCount).fill(-1);
  if (tokenTable.length < tokenCount) tokenTable = new Int32Array(KEPT_TOKEN_TABLE);
  return tokenTable.fill(-1, 0, tokenCount);
}

/** The kept span that owns the first token already taken in `ranges` (in order), or -1: no array per overlap (#25: 40,000 in the bench's export). */
function firstOwnerOf(ranges: readonly Chunk[], owner: Int32Array): number {
  for (const range of ranges) {
    for (let token = range.first; token <= range.last; token++) if (owner[token] !== -1) return owner[token];
  }
  return -1;
}

/**
 * Gives each token to at most one span, in tagging order: a span that covers no token, or a
 * token already taken, is lost (reported in `problems`); one widened to whole tokens is reported as changed.
 */
function assignTokens(spans: readonly CheckedSpan[], boundaries: readonly number[], tokenCount: number, formatTitle: string, problems: ExportProblem[]): { chunks: Chunk[]; keptSpans: CheckedSpan[] } {
  const owner = emptyTokenTable(tokenCount);
  const chunks: Chunk[] = [];
  const keptSpans: CheckedSpan[] = [];
  for (const span of [...spans].sort(compareTaggingOrder)) {
    const { annotation } = span;
    const { ranges, widened } = tokenRangesOf(span, boundaries, tokenCount);
    if (ranges.length === 0) {
      problems.push(spanProblem('empty-span', 'lost', annotation, formatTitle, null, `${spanWords(annotation)} covers no token; ${formatTitle} tags tokens, so it is not exported.`));
      continue;
    }
    const holderIndex = firstOwnerOf(ranges, owner);
    if (holderIndex !== -1) {
      const holder = keptSpans[holderIndex].annotation;
      const message = `${spanWords(annotation)} overlaps ${spanWords(holder)}; ${formatTitle} gives each token one tag and the earlier, longer span is kept.`;
      problems.push(spanProblem('overlap', 'lost', annotation, formatTitle, shownSpan(holder), message));
      continue;
    }
    const keptIndex = keptSpans.length;
    keptSpans.push(span);
    for (const range of ranges) {
      for (let token = range.first; token <= range.last; token++) owner[token] = keptIndex;
      chunks.push(range);
    }
    if (widened) {
      problems.push(spanProblem('not-on-token-edge', 'changed', annotation, formatTitle, null, `${spanWords(annotation)} starts or ends inside a source token; the whole token is tagged.`));
    }
  }
  return { chunks, keptSpans };
}

/** Where the tokens are cut into sentences: at `starts`, never inside an entity. */
function sentenceBreaksOf(tokenCount: number, chunks: readonly Chunk[], starts: readonly number[]): number[] {
  // Which chunk each token belongs to, so that no sentence break falls inside an entity.
  const chunkOf = emptyTokenTable(tokenCount);
  chunks.forEach((chunk, index) => {
    for (let token = chunk.first; token <= chunk.last; token++) chunkOf[token] = index;
  });
  const breaks: number[] = [];
  // Every start but the first (token 0) and the last (the token count); a token before each.
  for (let next = 1; next < starts.length - 1; next++) {
    const token = starts[next];
    if (chunkOf[token] === -1 || chunkOf[token] !== chunkOf[token - 1]) breaks.push(token);
  }
  return breaks;
}

/** The tagged tokens as sentences (Hugging Face's rows). */
export function sentencesOf(text: string, tagged: TaggedDocument): TaggedSentence[] {
  const { boundaries, tags, sentenceBreaks } = tagged;
  const sentences: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  let nextBreak = 0;
  for (let token = 0; token < tags.length; token++) {
    if (nextBreak < sentenceBreaks.length && sentenceBreaks[nextBreak] === token) {
      nextBreak++;
      sentences.push(current);
      current = { tokens: [], tags: [] };
    }
    current.tokens.push(text.slice(boundaries[token * 2], boundaries[token * 2 + 1]));
    current.tags.push(tags[token]);
  }
  if (current.tokens.length > 0) sentences.push(current);
  return sentences;
}

export function tagDocument(checked: CheckedDocument, scheme: TaggingScheme, formatTitle: string): TaggedDocument {
  const { text } = checked.document;
  const problems: ExportProblem[] = [];
  const source = sourceBoundaries(checked, problems);
  const boundaries = source ?? splitAtSpanEdges(tokenizeUtf16(text), checked.spans);
  const tokenCount = boundaries.length / 2;
  const { chunks, keptSpans } = assignTokens(checked.spans, boundaries, tokenCount, formatTitle, problems);
  problems.push(...splitDiscontinuous(keptSpans, formatTitle));
  const tags = tagChunks(tokenCount, chunks, scheme);
  const starts = sentenceStarts(text, boundaries, { splitOnPunctuation: source === null });
  return { boundaries, tags, sentenceBreaks: sentenceBreaksOf(tokenCount, chunks, starts), written: keptSpans.length, problems };
}

/** A document checked and tagged for a token format (CoNLL, Hugging Face), with all it reports: such formats write no relations, notes or attributes. */
export function tagForTokenFormat(document: ExportDocument, options: SerializeOptions, formatTitle: string): { checked: CheckedDocument; tagged: TaggedDocument; problems: ExportProblem[] } {
  const checked = checkDocument(document);
  const tagged = tagDocument(checked, options.scheme ?? 'iob2', formatTitle);
  return { checked, tagged, problems: withOmittedExtras(tagged.problems, checked, formatTitle) };
}
