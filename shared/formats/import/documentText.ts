import { isSurrogatePairAt } from '../../anchoring/surrogates';

/**
 * A source text turned into a document text (leading BOM removed, CRLF and lone CR turned into
 * LF, as the decoder does for articles), with a map from code-point offsets in the source text
 * to code-point offsets in the document text. Formats that store their own text (brat `.txt`,
 * doccano, Label Studio) count the removed characters in their offsets; the map undoes that.
 */
export interface NormalizedText {
  text: string;
  /** Maps a code-point offset into the source text to one into the document text. */
  toDocumentOffset(sourceOffset: number): number;
  sourceLength: number;
}

export function normalizeSourceText(source: string): NormalizedText {
  // Code-point offsets (in the source) of each removed character, in order.
  const removed: number[] = [];
  let text = '';
  let codePoint = 0;
  let pieceStart = 0;
  for (let index = 0; index < source.length; index++) {
    const unit = source.charCodeAt(index);
    const isLeadingBom = index === 0 && unit === 0xfeff;
    const isCrBeforeLf = unit === 0x0d && source.charCodeAt(index + 1) === 0x0a;
    if (isLeadingBom || isCrBeforeLf) {
      text += source.slice(pieceStart, index);
      pieceStart = index + 1;
      removed.push(codePoint);
    } else if (unit === 0x0d) {
      // A lone CR becomes LF: same length, nothing removed.
      text += source.slice(pieceStart, index) + '\n';
      pieceStart = index + 1;
    }
    if (isSurrogatePairAt(source, index)) index++;
    codePoint++;
  }
  text += source.slice(pieceStart);
  const sourceLength = codePoint;
  return {
    text,
    sourceLength,
    toDocumentOffset(sourceOffset: number): number {
      // Number of removed characters strictly before the offset.
      let low = 0;
      let high = removed.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (removed[middle] < sourceOffset) low = middle + 1;
        else high = middle;
      }
      return sourceOffset - low;
    },
  };
}
