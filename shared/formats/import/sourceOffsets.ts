import { createOffsetConverter, snapOutOfSurrogatePair } from '../../anchoring/offsets';
import { asUtf16Offset } from '../../anchoring/offsetUnits';
import { normalizeSourceText } from './documentText';

/**
 * Offsets of formats that carry their own text (doccano, Label Studio): those written by web
 * front ends count UTF-16 code units (JavaScript's string index), others code points.
 */
export const SOURCE_OFFSET_UNITS = ['utf16', 'codepoint'] as const;
export type SourceOffsetUnit = (typeof SOURCE_OFFSET_UNITS)[number];

export type ResolvedOffsets =
  | { ok: true; start: number; end: number; warning?: string }
  | { ok: false; reason: string };

export interface SourceTextOffsets {
  /** The document text: the source text with BOM removed and line ends turned into LF. */
  documentText: string;
  /**
   * Turns [start, end) in `unit` over the source text into code points over the document
   * text. When the source also states the span's text, it is checked: a mismatch that the
   * other unit explains is fixed (and said), any other mismatch is said.
   */
  resolve(start: unknown, end: unknown, unit: SourceOffsetUnit, statedText?: string): ResolvedOffsets;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function createSourceTextOffsets(sourceText: string): SourceTextOffsets {
  const normalized = normalizeSourceText(sourceText);
  const converter = createOffsetConverter(sourceText);
  const codePoints = Array.from(sourceText);

  const toCodePoints = (start: number, end: number, unit: SourceOffsetUnit): { start: number; end: number } | string => {
    if (unit === 'codepoint') {
      if (end > codePoints.length) return `end ${end} is past the end of the text (${codePoints.length} code points)`;
      return { start, end };
    }
    if (end > sourceText.length) return `end ${end} is past the end of the text (${sourceText.length} UTF-16 units)`;
    // The source said these count UTF-16 units: this is where they get that unit.
    const [utf16Start, utf16End] = [asUtf16Offset(start), asUtf16Offset(end)];
    if (snapOutOfSurrogatePair(sourceText, utf16Start) !== utf16Start || snapOutOfSurrogatePair(sourceText, utf16End) !== utf16End) {
      return `offsets ${start}-${end} split a character beyond U+FFFF (are they code points rather than UTF-16 units?)`;
    }
    return { start: converter.toCodePoint(utf16Start), end: converter.toCodePoint(utf16End) };
  };
  const sliceOf = (range: { start: number; end: number }): string => codePoints.slice(range.start, range.end).join('');

  return {
    documentText: normalized.text,
    resolve(start, end, unit, statedText) {
      if (!isOffset(start) || !isOffset(end)) return { ok: false, reason: `offsets ${JSON.stringify(start)}-${JSON.stringify(end)} are not whole numbers ≥ 0` };
      if (end <= start) return { ok: false, reason: `span ${start}-${end} is empty or reversed` };
      let range = toCodePoints(start, end, unit);
      let warning: string | undefined;
      if (statedText !== undefined && (typeof range === 'string' || sliceOf(range) !== statedText)) {
        const otherUnit: SourceOffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
        const other = toCodePoints(start, end, otherUnit);
        if (typeof other !== 'string' && sliceOf(other) === statedText) {
          range = other;
          warning = `offsets ${start}-${end} match the stated text «${statedText}» only when read as ${otherUnit === 'utf16' ? 'UTF-16 units' : 'code points'}; read so`;
        } else if (typeof range !== 'string') {
          warning = `the stated text «${statedText}» differs from the text at ${start}-${end} («${sliceOf(range)}»); the offsets were kept`;
        }
      }
      if (typeof range === 'string') return { ok: false, reason: range };
      return { ok: true, start: normalized.toDocumentOffset(range.start), end: normalized.toDocumentOffset(range.end), warning };
    },
  };
}
