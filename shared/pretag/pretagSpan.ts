import type { CodePointOffset } from '../anchoring/offsetUnits';

/** (#24) A span a gazetteer or tagger proposes, in code points of the article text, as written into the annotator file. */
export interface PretagSpan {
  start: CodePointOffset;
  end: CodePointOffset;
  type: string;
  /** Extra fields the tagger sent with the span (a `score`...), kept as the annotation's attributes. */
  attributes?: Record<string, string | number | boolean>;
}

/** A [start, end) range of code points, such as a boilerplate zone. */
export interface CodePointSpanRange {
  start: number;
  end: number;
}

/** Whether [start, end) touches any of the sorted, merged ranges. */
export function overlapsAnyRange(start: number, end: number, ranges: readonly CodePointSpanRange[]): boolean {
  return ranges.some((range) => start < range.end && end > range.start);
}
