import { createOffsetConverter, snapOutOfSurrogatePair } from '../../anchoring/offsets';
import { asUtf16Offset } from '../../anchoring/offsetUnits';
import { normalizeSourceText } from './documentText';
import type { SourceOffsetReason } from './importTypes';

/**
 * Offsets of formats that carry their own text (doccano, Label Studio): those written by web
 * front ends count UTF-16 code units (JavaScript's string index), others code points.
 */
export const SOURCE_OFFSET_UNITS = ['utf16', 'codepoint'] as const;
export type SourceOffsetUnit = (typeof SOURCE_OFFSET_UNITS)[number];

export type ResolvedOffsets =
  | { ok: true; start: number; end: number; warning?: string; warningWhy?: SourceOffsetReason }
  | { ok: false; reason: string; why: SourceOffsetReason };

/** A refusal in English (the command line) and as a code (the window). */
interface Refusal {
  reason: string;
  why: SourceOffsetReason;
}

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

  const toCodePoints = (start: number, end: number, unit: SourceOffsetUnit): { start: number; end: number } | Refusal => {
    if (unit === 'codepoint') {
      if (end > codePoints.length) return { reason: `end ${end} is past the end of the text (${codePoints.length} code points)`, why: { code: 'offsetPastEnd', end, length: codePoints.length } };
      return { start, end };
    }
    if (end > sourceText.length) return { reason: `end ${end} is past the end of the text (${sourceText.length} UTF-16 units)`, why: { code: 'offsetPastEnd', end, length: sourceText.length } };
    // The source said these count UTF-16 units: this is where they get that unit.
    const [utf16Start, utf16End] = [asUtf16Offset(start), asUtf16Offset(end)];
    if (snapOutOfSurrogatePair(sourceText, utf16Start) !== utf16Start || snapOutOfSurrogatePair(sourceText, utf16End) !== utf16End) {
      return { reason: `offsets ${start}-${end} split a character beyond U+FFFF (are they code points rather than UTF-16 units?)`, why: { code: 'offsetSplitsCharacter', start, end } };
    }
    return { start: converter.toCodePoint(utf16Start), end: converter.toCodePoint(utf16End) };
  };
  const sliceOf = (range: { start: number; end: number }): string => codePoints.slice(range.start, range.end).join('');

  return {
    documentText: normalized.text,
    resolve(start, end, unit, statedText) {
      if (!isOffset(start) || !isOffset(end)) {
        return { ok: false, reason: `offsets ${JSON.stringify(start)}-${JSON.stringify(end)} are not whole numbers ≥ 0`, why: { code: 'offsetsNotWhole', start: String(JSON.stringify(start)), end: String(JSON.stringify(end)) } };
      }
      if (end <= start) return { ok: false, reason: `span ${start}-${end} is empty or reversed`, why: { code: 'spanEmpty', start, end } };
      let range = toCodePoints(start, end, unit);
      let warning: string | undefined;
      let warningWhy: SourceOffsetReason | undefined;
      if (statedText !== undefined && ('reason' in range || sliceOf(range) !== statedText)) {
        const otherUnit: SourceOffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
        const other = toCodePoints(start, end, otherUnit);
        if (!('reason' in other) && sliceOf(other) === statedText) {
          range = other;
          warning = `offsets ${start}-${end} match the stated text «${statedText}» only when read as ${otherUnit === 'utf16' ? 'UTF-16 units' : 'code points'}; read so`;
          warningWhy = { code: otherUnit === 'utf16' ? 'offsetsReadAsUtf16' : 'offsetsReadAsCodePoints', start, end, text: statedText };
        } else if (!('reason' in range)) {
          warning = `the stated text «${statedText}» differs from the text at ${start}-${end} («${sliceOf(range)}»); the offsets were kept`;
          warningWhy = { code: 'statedTextDiffers', start, end, text: statedText, found: sliceOf(range) };
        }
      }
      if ('reason' in range) return { ok: false, ...range };
      return { ok: true, start: normalized.toDocumentOffset(range.start), end: normalized.toDocumentOffset(range.end), warning, warningWhy };
    },
  };
}
