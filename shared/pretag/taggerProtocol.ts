import { z } from 'zod';
import { asUtf16Offset } from '../anchoring/offsetUnits';
import { createOffsetConverter, type OffsetConverter } from '../anchoring/offsets';
import { isInsideSurrogatePair } from '../anchoring/surrogates';
import { overlapsAnyRange, type CodePointSpanRange, type PretagSpan } from './pretagSpan';

/**
 * (#24, fixed contract) The tagger protocol: Hashiye POSTs `{"text", "language"}` as UTF-8
 * JSON and the tagger answers `{"spans": [{"start", "end", "type"}], "unit": "codepoint" |
 * "utf16"}`; `unit` defaults to `codepoint`. Extra fields of a span (a `score`...) are allowed
 * and kept as the annotation's attributes. docs/pretagging.md documents it for tagger authors.
 */
export const TaggerRequestSchema = z.object({ text: z.string(), language: z.string() });
export type TaggerRequest = z.infer<typeof TaggerRequestSchema>;

export const TaggerSpanSchema = z.looseObject({
  start: z.number().int(),
  end: z.number().int(),
  type: z.string().min(1),
});

export const TaggerResponseSchema = z.looseObject({
  spans: z.array(TaggerSpanSchema),
  unit: z.enum(['codepoint', 'utf16']).default('codepoint'),
});
export type TaggerResponse = z.infer<typeof TaggerResponseSchema>;

/** Why a span of an answer was not written (the rest of the answer still is). */
export type TaggerSpanProblem =
  | { kind: 'offText'; index: number; start: number; end: number; length: number }
  | { kind: 'emptyOrReversed'; index: number; start: number; end: number }
  | { kind: 'splitsCharacter'; index: number; start: number; end: number }
  | { kind: 'unknownType'; index: number; type: string }
  | { kind: 'overlapsBoilerplate'; index: number; start: number; end: number };

export interface CheckedTaggerSpans {
  spans: PretagSpan[];
  problems: TaggerSpanProblem[];
}

type AttributeValue = string | number | boolean;

/** The span's extra fields as attributes: plain values kept, anything else (objects, lists, null) written as its JSON. */
function attributesOf(span: Record<string, unknown>): Record<string, AttributeValue> | undefined {
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(span)) {
    if (name === 'start' || name === 'end' || name === 'type') continue;
    attributes[name] = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? value : JSON.stringify(value);
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** The span's bounds in code points, or the problem with them; UTF-16 bounds inside a surrogate pair are refused, not rounded. */
function boundsOf(text: string, converter: OffsetConverter, unit: TaggerResponse['unit'], span: { start: number; end: number }, index: number): { start: number; end: number } | TaggerSpanProblem {
  const length = unit === 'utf16' ? converter.utf16Length : converter.codePointLength;
  if (span.start < 0 || span.end > length) return { kind: 'offText', index, start: span.start, end: span.end, length };
  if (span.start >= span.end) return { kind: 'emptyOrReversed', index, start: span.start, end: span.end };
  if (unit === 'codepoint') return { start: span.start, end: span.end };
  if (isInsideSurrogatePair(text, span.start) || isInsideSurrogatePair(text, span.end)) return { kind: 'splitsCharacter', index, start: span.start, end: span.end };
  return { start: converter.toCodePoint(asUtf16Offset(span.start)), end: converter.toCodePoint(asUtf16Offset(span.end)) };
}

/**
 * The answer's spans as code points of `text`, each checked: inside the text, start before
 * end, a type of the tag set (`knownTypes`; null accepts any), outside `skip` (boilerplate).
 * A refused span is reported and not written; the others are.
 */
export function checkTaggerSpans(text: string, response: TaggerResponse, knownTypes: ReadonlySet<string> | null, skip: readonly CodePointSpanRange[] = []): CheckedTaggerSpans {
  const converter = createOffsetConverter(text);
  const spans: PretagSpan[] = [];
  const problems: TaggerSpanProblem[] = [];
  response.spans.forEach((span, index) => {
    const bounds = boundsOf(text, converter, response.unit, span, index);
    if ('kind' in bounds) {
      problems.push(bounds);
      return;
    }
    if (knownTypes !== null && !knownTypes.has(span.type)) {
      problems.push({ kind: 'unknownType', index, type: span.type });
      return;
    }
    if (overlapsAnyRange(bounds.start, bounds.end, skip)) {
      problems.push({ kind: 'overlapsBoilerplate', index, start: bounds.start, end: bounds.end });
      return;
    }
    const attributes = attributesOf(span);
    spans.push({ start: bounds.start, end: bounds.end, type: span.type, ...(attributes ? { attributes } : {}) });
  });
  return { spans, problems };
}

/** One line of English per refused span, for the CLI and the logs. */
export function describeTaggerSpanProblem(problem: TaggerSpanProblem): string {
  switch (problem.kind) {
    case 'offText':
      return `span ${problem.index} [${problem.start}, ${problem.end}) is off the text (length ${problem.length})`;
    case 'emptyOrReversed':
      return `span ${problem.index} [${problem.start}, ${problem.end}) is empty or reversed`;
    case 'splitsCharacter':
      return `span ${problem.index} [${problem.start}, ${problem.end}) cuts a character in two (UTF-16 offset inside a surrogate pair)`;
    case 'unknownType':
      return `span ${problem.index} has type "${problem.type}", which the tag set does not have`;
    case 'overlapsBoilerplate':
      return `span ${problem.index} [${problem.start}, ${problem.end}) is in a boilerplate zone`;
  }
}
