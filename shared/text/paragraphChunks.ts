import type { Paragraph } from './paragraphs';

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
    const length = paragraphs[index].text.length;
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
