import { compareReadingOrder } from '../model/annotationOperations';

/**
 * Cuts a paragraph into runs of text covered by the same set of annotations, so that
 * overlapping and nested spans can be rendered as nested inline elements without ever
 * changing the text itself.
 */
export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

export interface HighlightSegment<T extends SpanLike> {
  start: number;
  end: number;
  /** Covering spans, outermost first (earlier start, then longer). */
  spans: T[];
}

export function segmentRange<T extends SpanLike>(rangeStart: number, rangeEnd: number, spans: readonly T[]): HighlightSegment<T>[] {
  const inside = spans.filter((span) => span.end > rangeStart && span.start < rangeEnd && span.end > span.start);
  const cuts = new Set<number>([rangeStart, rangeEnd]);
  for (const span of inside) {
    cuts.add(Math.max(rangeStart, span.start));
    cuts.add(Math.min(rangeEnd, span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...inside].sort(compareReadingOrder);
  const segments: HighlightSegment<T>[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index];
    const end = points[index + 1];
    if (end <= start) continue;
    segments.push({ start, end, spans: ordered.filter((span) => span.start <= start && span.end >= end) });
  }
  return segments;
}

/**
 * Stacking level of each span: the smallest level not used by an overlapping span that
 * comes before it, so every overlapping span gets its own underline band.
 */
export function stackLevels<T extends SpanLike>(spans: readonly T[]): Map<string, number> {
  const ordered = [...spans].sort(compareReadingOrder);
  const levels = new Map<string, number>();
  const active: { end: number; level: number }[] = [];
  for (const span of ordered) {
    for (let index = active.length - 1; index >= 0; index--) if (active[index].end <= span.start) active.splice(index, 1);
    const used = new Set(active.map((entry) => entry.level));
    let level = 0;
    while (used.has(level)) level++;
    levels.set(span.id, level);
    active.push({ end: span.end, level });
  }
  return levels;
}
