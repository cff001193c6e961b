import type { StoredAnnotation } from '../model/nativeFormat';
import type { PretagSpan } from './pretagSpan';

/**
 * (#24) How a run's spans land in `NAME.annotators/AS.ann.json`, an annotator's file like any
 * other. Every annotation a run writes carries the attribute `pretag` (its source: `gazetteer`
 * or `tagger`), which is how a later run knows its own work:
 * - a later run REPLACES the previous runs' pretag annotations (a fixed gazetteer fixes its hits);
 * - an annotation without `pretag` (someone annotating as AS by hand) is never touched;
 * - a suggestion the analyst rejected is kept, marked `pretagRejected: true`, and a new span
 *   with its bounds and type is not written again: rejected suggestions do not come back.
 */
export const PRETAG_ATTRIBUTE = 'pretag';
export const REJECTED_ATTRIBUTE = 'pretagRejected';

export type PretagSource = 'gazetteer' | 'tagger';

export function isPretagAnnotation(annotation: StoredAnnotation): boolean {
  return typeof annotation.attributes?.[PRETAG_ATTRIBUTE] === 'string';
}

export function isRejectedSuggestion(annotation: StoredAnnotation): boolean {
  return annotation.attributes?.[REJECTED_ATTRIBUTE] === true;
}

function spanKey(span: { start: number; end: number; type: string }): string {
  return `${span.start}:${span.end}:${span.type}`;
}

export interface PretagMergeResult {
  annotations: StoredAnnotation[];
  written: number;
  /** New spans not written because the same span was rejected before or is kept by hand. */
  alreadyThere: number;
  /** Previous pretag annotations (not rejected) replaced by this run. */
  replaced: number;
}

/** The annotator file's annotations after a run: kept ones first, then the run's, with fresh ids. */
export function mergePretagRun(
  existing: readonly StoredAnnotation[],
  spans: readonly PretagSpan[],
  options: { source: PretagSource; author: string; textOf: (span: PretagSpan) => string; now: string; newId: () => string },
): PretagMergeResult {
  const kept = existing.filter((annotation) => !isPretagAnnotation(annotation) || isRejectedSuggestion(annotation));
  const keptKeys = new Set(kept.map(spanKey));
  const usedIds = new Set(kept.map((annotation) => annotation.id));
  const written: StoredAnnotation[] = [];
  let alreadyThere = 0;
  for (const span of spans) {
    if (keptKeys.has(spanKey(span))) {
      alreadyThere++;
      continue;
    }
    let id = options.newId();
    while (usedIds.has(id)) id = options.newId();
    usedIds.add(id);
    written.push({
      id,
      type: span.type,
      start: span.start,
      end: span.end,
      text: options.textOf(span),
      attributes: { ...span.attributes, [PRETAG_ATTRIBUTE]: options.source },
      author: options.author,
      created: options.now,
    });
  }
  return { annotations: [...kept, ...written], written: written.length, alreadyThere, replaced: existing.length - kept.length };
}
