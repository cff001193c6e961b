/**
 * The part of an annotation that agreement and curation compare: its type and the code-point
 * ranges it covers. A `StoredAnnotation` fits this shape as it is.
 */
export interface AgreementSpan {
  type: string;
  start: number;
  end: number;
  /** Present only for a discontinuous span; `start` and `end` are then its outer bounds. */
  fragments?: readonly { start: number; end: number }[];
}

export type Range = readonly [start: number, end: number];

/** The ranges a span covers: its fragments when it is discontinuous, else [start, end). */
export function spanPieces(span: AgreementSpan): Range[] {
  if (span.fragments && span.fragments.length > 0) return span.fragments.map((fragment) => [fragment.start, fragment.end] as const);
  return [[span.start, span.end]];
}

/**
 * Identity of a span for exact comparison: same type and same ranges. Two annotators who
 * tagged the same text with the same type have the same key, whatever ids or notes they wrote.
 */
export function spanKey(span: AgreementSpan): string {
  return `${span.type}\u0000${spanPieces(span).map(([start, end]) => `${start}-${end}`).join(',')}`;
}

/** True when the two spans share at least one code point (fragments compared piece by piece). */
export function spansOverlap(a: AgreementSpan, b: AgreementSpan): boolean {
  if (a.start >= b.end || b.start >= a.end) return false;
  if (!a.fragments?.length && !b.fragments?.length) return true;
  return overlapLength(a, b) > 0;
}

/** Number of code points the two spans share. */
export function overlapLength(a: AgreementSpan, b: AgreementSpan): number {
  let shared = 0;
  for (const [aStart, aEnd] of spanPieces(a)) {
    for (const [bStart, bEnd] of spanPieces(b)) {
      shared += Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    }
  }
  return shared;
}

/** Document order: by start, longer first, then by type, so results never depend on file order. */
export function compareSpans(a: AgreementSpan, b: AgreementSpan): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return b.end - a.end;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const aKey = spanKey(a);
  const bKey = spanKey(b);
  return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
}
