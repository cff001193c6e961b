import type { ExportDocument, ExportProblem } from '../formats/exportTypes';
import type { Zone } from '../documentLabels/judgmentFormat';
import { BOILERPLATE_ZONE } from '../documentLabels/judgmentValues';

/**
 * (#21) Boilerplate (a site's footer, menus) is not the article: exports, statistics and
 * agreement leave it out. The text is cut and every offset after a cut shifted by what was cut
 * before it, so each annotation still gives its own text; the ranges cut are reported (in the
 * original text's code points) for the manifest. An annotation inside boilerplate is left out
 * with the rest of it; one that crosses a cut's edge is reported as lost rather than exported
 * with text it never had.
 */
export interface CutRange {
  start: number;
  end: number;
}

/** Boilerplate zones merged into sorted, non-overlapping ranges within the text's length. */
export function boilerplateRanges(zones: readonly Zone[] | undefined, length: number): CutRange[] {
  const ranges = (zones ?? [])
    .filter((zone) => zone.type === BOILERPLATE_ZONE)
    .map((zone) => ({ start: Math.max(0, Math.min(zone.start, length)), end: Math.max(0, Math.min(zone.end, length)) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: CutRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Maps an offset of the original text to the cut text; null when it falls strictly inside a cut range. */
function shiftOf(ranges: readonly CutRange[]): (offset: number) => number | null {
  return (offset) => {
    let removed = 0;
    for (const range of ranges) {
      if (offset <= range.start) break;
      if (offset < range.end) return null;
      removed += range.end - range.start;
    }
    return offset - removed;
  };
}

export interface CutDocument {
  document: ExportDocument;
  cut: CutRange[];
}

/** The document without its boilerplate: text cut, annotations, relations and tokens shifted or left out. */
export function cutBoilerplate(document: ExportDocument, zones: readonly Zone[] | undefined): CutDocument {
  // (#25) Most articles have no boilerplate: nothing to cut, and no code-point array of the text to build.
  if (!zones?.some((zone) => zone.type === BOILERPLATE_ZONE)) return { document, cut: [] };
  const codePoints = Array.from(document.text);
  const ranges = boilerplateRanges(zones, codePoints.length);
  if (ranges.length === 0) return { document, cut: [] };
  const shift = shiftOf(ranges);
  const insideCut = (start: number, end: number) => ranges.some((range) => start < range.end && end > range.start);
  const kept: string[] = [];
  let at = 0;
  for (const range of ranges) {
    kept.push(codePoints.slice(at, range.start).join(''));
    at = range.end;
  }
  kept.push(codePoints.slice(at).join(''));
  const problems: ExportProblem[] = [];
  const annotations = document.annotations.flatMap((annotation) => {
    if (!insideCut(annotation.start, annotation.end)) {
      const start = shift(annotation.start) as number;
      const moved = { ...annotation, start, end: start + (annotation.end - annotation.start) };
      if (annotation.fragments) moved.fragments = annotation.fragments.map((fragment) => ({ ...fragment, start: (shift(fragment.start) as number), end: (shift(fragment.start) as number) + fragment.end - fragment.start }));
      return [moved];
    }
    const within = ranges.some((range) => annotation.start >= range.start && annotation.end <= range.end);
    if (!within) problems.push({ kind: 'out-of-range', effect: 'lost', annotation: annotation.id, message: `The annotation ${annotation.id} crosses the edge of boilerplate that was cut; it is left out.` });
    return [];
  });
  const keptIds = new Set(annotations.map((annotation) => annotation.id));
  const relations = document.relations.filter((relation) => keptIds.has(relation.from) && keptIds.has(relation.to));
  const tokens = document.tokens
    ?.filter(([start, end]) => !insideCut(start, end))
    .map(([start, end]): [number, number] => {
      const shifted = shift(start) as number;
      return [shifted, shifted + end - start];
    });
  return {
    document: { ...document, text: kept.join(''), annotations, relations, ...(tokens ? { tokens } : {}), sourceProblems: [...(document.sourceProblems ?? []), ...problems] },
    cut: ranges,
  };
}

/** The ranges cut from a document, carried into its report so that the manifest can name them. */
export function reportBoilerplateCut<Output extends { report: { boilerplateCut?: CutRange[] } }>(document: ExportDocument, output: Output): Output {
  return document.boilerplateCut && document.boilerplateCut.length > 0 ? { ...output, report: { ...output.report, boilerplateCut: document.boilerplateCut } } : output;
}

/** The manifest's record of what was cut: each article's boilerplate ranges, in its original text's code points. */
export function boilerplateCutOf(reports: readonly { article: string; boilerplateCut?: CutRange[] }[]): { boilerplateCut?: { article: string; ranges: CutRange[]; unit: 'codepoint' }[] } {
  const cut = reports.flatMap((report) => (report.boilerplateCut && report.boilerplateCut.length > 0 ? [{ article: report.article, ranges: report.boilerplateCut, unit: 'codepoint' as const }] : []));
  return cut.length > 0 ? { boilerplateCut: cut } : {};
}
