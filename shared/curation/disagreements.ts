import { compareSpans, spanKey, spanPieces } from '../agreement/agreementSpan';
import type { StoredAnnotation } from '../model/nativeFormat';

/** One annotator's annotations of the document. */
export interface AnnotatorAnnotations {
  annotator: string;
  annotations: readonly StoredAnnotation[];
}

/** One annotator's spans inside a disagreement group (empty: they tagged nothing there). */
export interface AnnotatorVersion {
  annotator: string;
  spans: StoredAnnotation[];
}

/**
 * - `missing`: someone tagged nothing where others tagged something;
 * - `type`: everyone tagged the same ranges, with different types;
 * - `boundary`: everyone used the same types, on different ranges;
 * - `mixed`: anything else.
 */
export type DisagreementKind = 'missing' | 'type' | 'boundary' | 'mixed';

/**
 * A connected run of overlapping spans on which the annotators do not all agree, with each
 * annotator's version side by side. `start` and `end` bound every span in it (code points).
 */
export interface DisagreementGroup {
  /** Derived from the group's content (annotators and their spans), stable across reloads. */
  id: string;
  start: number;
  end: number;
  kind: DisagreementKind;
  versions: AnnotatorVersion[];
}

export interface CurationListing {
  annotators: string[];
  /** Spans every annotator has identically (same type and ranges), taken from the first annotator. */
  agreed: StoredAnnotation[];
  /** In document order. */
  groups: DisagreementGroup[];
}

/**
 * Lists what several annotators agree on and every place they disagree. Spans all of them
 * have identically are agreed (kept by curation without asking). The rest are grouped by
 * overlap across all annotators, any type: a span one annotator tagged and another did not
 * forms a group of its own, whose other versions are empty.
 */
export function listDisagreements(byAnnotator: readonly AnnotatorAnnotations[]): CurationListing {
  const annotators = byAnnotator.map((entry) => entry.annotator);
  if (new Set(annotators).size !== annotators.length) throw new RangeError('An annotator is listed twice.');
  const remaining = byAnnotator.map((entry) => [...entry.annotations]);
  const agreed = byAnnotator.length === 0 ? [] : takeAgreed(remaining);
  const loose: { owner: number; span: StoredAnnotation }[] = [];
  remaining.forEach((spans, owner) => spans.forEach((span) => loose.push({ owner, span })));
  loose.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  const groups: DisagreementGroup[] = [];
  let index = 0;
  while (index < loose.length) {
    const members = [loose[index]];
    const start = loose[index].span.start;
    let end = loose[index].span.end;
    index++;
    // A zero-length span at the group's end still touches it; otherwise overlap means start < end.
    while (index < loose.length && (loose[index].span.start < end || loose[index].span.start === start)) {
      members.push(loose[index]);
      end = Math.max(end, loose[index].span.end);
      index++;
    }
    const versions = annotators.map((annotator, owner): AnnotatorVersion => ({
      annotator,
      spans: members.filter((member) => member.owner === owner).map((member) => member.span).sort(compareSpans),
    }));
    groups.push({ id: groupId(start, end, versions), start, end, kind: classify(versions), versions });
  }
  return { annotators, agreed: agreed.sort(compareSpans), groups };
}

/** Removes, from every list, the spans all lists have (as many times as each has them), and returns them. */
function takeAgreed(remaining: StoredAnnotation[][]): StoredAnnotation[] {
  const countsByList = remaining.map((spans) => {
    const counts = new Map<string, number>();
    for (const span of spans) counts.set(spanKey(span), (counts.get(spanKey(span)) ?? 0) + 1);
    return counts;
  });
  const shared = new Map<string, number>();
  for (const [key, count] of countsByList[0]) {
    const least = Math.min(count, ...countsByList.map((counts) => counts.get(key) ?? 0));
    if (least > 0) shared.set(key, least);
  }
  const agreed: StoredAnnotation[] = [];
  remaining.forEach((spans, listIndex) => {
    const toTake = new Map(shared);
    remaining[listIndex] = spans.filter((span) => {
      const key = spanKey(span);
      const left = toTake.get(key) ?? 0;
      if (left === 0) return true;
      toTake.set(key, left - 1);
      if (listIndex === 0) agreed.push(span);
      return false;
    });
  });
  return agreed;
}

function rangesKey(span: StoredAnnotation): string {
  return spanPieces(span).map(([start, end]) => `${start}-${end}`).join(',');
}

function sortedJoin(values: string[]): string {
  return values.sort().join('|');
}

function classify(versions: readonly AnnotatorVersion[]): DisagreementKind {
  if (versions.some((version) => version.spans.length === 0)) return 'missing';
  const ranges = versions.map((version) => sortedJoin(version.spans.map(rangesKey)));
  if (ranges.every((key) => key === ranges[0])) return 'type';
  const types = versions.map((version) => sortedJoin(version.spans.map((span) => span.type)));
  if (types.every((key) => key === types[0])) return 'boundary';
  return 'mixed';
}

/** 32-bit FNV-1a of the UTF-16 units, as 8 hex digits: a short, stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function groupId(start: number, end: number, versions: readonly AnnotatorVersion[]): string {
  const content = versions.map((version) => `${version.annotator}\u0001${version.spans.map(spanKey).join('\u0002')}`).join('\u0003');
  return `g${start}-${end}-${fingerprint(content)}`;
}
