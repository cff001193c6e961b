import type { Paragraph } from './paragraphs';
import { isInsideSurrogatePair } from '../anchoring/surrogates';
import { asUtf16Offset } from '../anchoring/offsetUnits';

/** A run of consecutive paragraphs drawn as one block: `first` to `end` (exclusive). */
export interface ParagraphChunk {
  first: number;
  end: number;
  /** Characters in the chunk, line breaks included. */
  characters: number;
  /** Estimated height in lines of text, for the space the chunk holds before it is laid out. */
  estimatedLines: number;
}

export interface ChunkOptions {
  /** A chunk closes once it holds this many characters... */
  characters: number;
  /** ...or this many paragraphs, whichever comes first. */
  paragraphs: number;
  /** For the height estimate: characters on one line of the article column. */
  charactersPerLine: number;
}

/**
 * Groups paragraphs into chunks of similar size. The article view skips layout and paint of
 * off-screen chunks (`content-visibility: auto`); doing so per paragraph made the browser check
 * thousands of elements against the viewport in every frame, which cost a 1 MB article about
 * 10 ms per frame while tagging and scrolling.
 */
export function chunkParagraphs(paragraphs: readonly Paragraph[], options: ChunkOptions): ParagraphChunk[] {
  const chunks: ParagraphChunk[] = [];
  let first = 0;
  let characters = 0;
  let lines = 0;
  for (let index = 0; index < paragraphs.length; index++) {
    // The range, not the text: a paragraph may cut its text from the article when read (wholeParagraphPieces).
    const length = paragraphs[index].end - paragraphs[index].start;
    characters += length + 1;
    lines += Math.max(1, Math.ceil(length / options.charactersPerLine));
    if (characters >= options.characters || index + 1 - first >= options.paragraphs || index === paragraphs.length - 1) {
      chunks.push({ first, end: index + 1, characters, estimatedLines: lines });
      first = index + 1;
      characters = 0;
      lines = 0;
    }
  }
  return chunks;
}

/**
 * A piece of a paragraph drawn as a block of its own. A paragraph of normal length is one
 * piece; a very long one (a whole article on one line) is cut into pieces of at most
 * `maxCharacters`, so that the browser lays out and shapes a few thousand characters at a time
 * and the chunks above can skip the pieces off screen. Pieces cover the paragraph's text
 * exactly, in order, with no character added or lost: `start`/`end` are UTF-16 offsets into
 * the document, and `index` is the piece's position in the article's list of pieces.
 */
export interface TextPiece extends Paragraph {
  /** Index of the paragraph (the line of the document) the piece belongs to. */
  paragraph: number;
  /** Whether a piece of the same paragraph comes before / after this one. */
  continued: boolean;
  continues: boolean;
  /**
   * The direction of the whole paragraph for a piece of a cut one: `dir="auto"` on each piece
   * would turn a piece that happens to start with a Latin name left-to-right.
   */
  direction: 'rtl' | 'ltr' | null;
}

/** Paragraphs up to this long are drawn whole; longer ones are cut into pieces (see TextPiece). */
export const PIECE_CHARACTERS = 2_500;

/** Spaces a line may break at. Not NBSP (U+00A0), FIGURE SPACE (U+2007) nor NARROW NBSP (U+202F): they hold words together. */
const BREAKING_SPACE = /[\t \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;
/** Ends of sentences (Latin and Persian/Arabic), a preferred place to cut. */
const SENTENCE_END = /[.!?؟؛۔\u06d4]/;
/**
 * Characters a cut must never fall before: combining marks (Arabic harakat, Persian kasra...),
 * joiners (ZWNJ U+200C, ZWJ U+200D), variation selectors, emoji modifiers and tags; and a low
 * surrogate, which would split a code point.
 */
const CLINGS_TO_PREVIOUS = /[\p{M}\u200c\u200d\ufe00-\ufe0f\udc00-\udfff]/u;
/** Characters a cut must never fall after: joiners and a high surrogate. */
const CLINGS_TO_NEXT = /[\u200c\u200d\ud800-\udbff]/;

/**
 * Where a piece of `text` starting at `from` ends (exclusive), for pieces of at most `max`
 * characters: after the last sentence end followed by a space in the second half of the
 * allowed span, else after the last breaking space in it, else (a run of `max` characters
 * with no space at all) at a code-point boundary that splits no character cluster.
 * A space stays at the end of the piece before the cut.
 */
export function pieceEnd(text: string, from: number, max: number): number {
  if (text.length - from <= max) return text.length;
  const limit = from + max;
  const earliest = from + Math.floor(max / 2);
  let space = -1;
  for (let index = limit - 1; index > from; index--) {
    if (!BREAKING_SPACE.test(text[index])) continue;
    if (space === -1) space = index;
    if (index >= earliest && index > from && SENTENCE_END.test(text[index - 1])) return index + 1;
    if (index < earliest && space !== -1) break;
  }
  if (space !== -1) return space + 1;
  let cut = limit;
  while (cut > from + 1 && (CLINGS_TO_PREVIOUS.test(text[cut]) || CLINGS_TO_NEXT.test(text[cut - 1]))) cut--;
  if (cut > from + 1) return cut;
  // Nothing but marks and joiners for `max` characters: cut anyway, but never inside a code point.
  return isInsideSurrogatePair(text, limit) ? limit - 1 : limit;
}

const FIRST_STRONG = /[\p{L}\u200e\u200f]/u;
const RIGHT_TO_LEFT = /[\u200f\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

/** The direction `dir="auto"` gives a paragraph: that of its first strong character. */
export function paragraphDirection(text: string): 'rtl' | 'ltr' | null {
  const strong = FIRST_STRONG.exec(text);
  if (!strong) return null;
  return RIGHT_TO_LEFT.test(strong[0]) ? 'rtl' : 'ltr';
}

/** The article's paragraphs as pieces (see TextPiece): normal paragraphs whole, very long ones cut. */
export function splitIntoPieces(paragraphs: readonly Paragraph[], maxCharacters: number = PIECE_CHARACTERS): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.text.length <= maxCharacters) {
      // Every field named in one literal: a spread copy then more fields kept them out of the object (a property array each, #25 heap).
      pieces.push({ index: pieces.length, start: paragraph.start, end: paragraph.end, text: paragraph.text, paragraph: paragraph.index, continued: false, continues: false, direction: null });
      continue;
    }
    const direction = paragraphDirection(paragraph.text);
    for (let from = 0; from < paragraph.text.length; ) {
      const end = pieceEnd(paragraph.text, from, maxCharacters);
      pieces.push({
        index: pieces.length,
        start: asUtf16Offset(paragraph.start + from),
        end: asUtf16Offset(paragraph.start + end),
        text: paragraph.text.slice(from, end),
        paragraph: paragraph.index,
        continued: from > 0,
        continues: end < paragraph.text.length,
        direction,
      });
      from = end;
    }
  }
  return pieces;
}
