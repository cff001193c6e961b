import { boilerplateRanges, type CutRange } from './boilerplateCut';
import type { Zone } from '../documentLabels/judgmentFormat';

/**
 * (#21) Boilerplate (a site's footer, menus) is not the article, so agreement, suggestions,
 * find-and-tag-all and pre-annotation leave out whatever touches it. A span that only crosses a
 * boilerplate zone's edge counts as inside: it covers text that is not the article. Offsets are
 * whatever unit the spans and zones share (the file's code points).
 */
export interface SpanRange {
  start: number;
  end: number;
}

/** Whether [start, end) shares a character with a boilerplate range (an empty span: lies strictly inside one). */
function touches(ranges: readonly CutRange[], start: number, end: number): boolean {
  if (end <= start) return ranges.some((range) => start > range.start && start < range.end);
  return ranges.some((range) => start < range.end && end > range.start);
}

/** A test for one span at a time, the zones merged once: for loops over many hits. */
export function boilerplateTest(zones: readonly Zone[] | undefined): (start: number, end: number) => boolean {
  const ranges = boilerplateRanges(zones, Number.MAX_SAFE_INTEGER);
  return (start, end) => ranges.length > 0 && touches(ranges, start, end);
}

/** The spans split into those outside boilerplate (kept) and those touching it (left out), order kept. */
export function partitionByBoilerplate<Span extends SpanRange>(spans: readonly Span[], zones: readonly Zone[] | undefined): { outside: Span[]; inside: Span[] } {
  const inBoilerplate = boilerplateTest(zones);
  const outside: Span[] = [];
  const inside: Span[] = [];
  for (const span of spans) (inBoilerplate(span.start, span.end) ? inside : outside).push(span);
  return { outside, inside };
}

/** The spans that do not touch boilerplate: what pre-annotation, suggestions and tag-all may propose or write. */
export function outsideBoilerplate<Span extends SpanRange>(spans: readonly Span[], zones: readonly Zone[] | undefined): Span[] {
  return partitionByBoilerplate(spans, zones).outside;
}
