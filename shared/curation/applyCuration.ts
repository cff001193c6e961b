import { compareSpans, spanKey } from '../agreement/agreementSpan';
import type { StoredAnnotation } from '../model/nativeFormat';
import type { CurationDecision, EditedSpan } from './curationDecision';
import { fingerprint, type CurationListing, type DisagreementGroup } from './disagreements';

export class CurationDecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurationDecisionError';
  }
}

/**
 * Why `decision` cannot be applied to `group` of a document of `length` code points, or null.
 * Edited spans must lie inside the document, be non-empty, and keep fragments in their bounds.
 */
export function decisionProblem(group: DisagreementGroup, decision: CurationDecision, length: number): string | null {
  if (decision.kind === 'adopt' && !group.versions.some((version) => version.annotator === decision.annotator)) {
    return `"${decision.annotator}" is not one of the annotators of this disagreement (${group.versions.map((version) => version.annotator).join(', ')}).`;
  }
  if (decision.kind !== 'edit') return null;
  for (const span of decision.spans) {
    if (span.end <= span.start) return `An edited ${span.type} span is empty or reversed (${span.start}-${span.end}).`;
    if (span.end > length) return `An edited ${span.type} span ends at ${span.end}, past the end of the article (${length} characters).`;
    for (const fragment of span.fragments ?? []) {
      if (fragment.end <= fragment.start || fragment.start < span.start || fragment.end > span.end) {
        return `An edited ${span.type} span has a fragment ${fragment.start}-${fragment.end} outside ${span.start}-${span.end}.`;
      }
    }
  }
  return null;
}

/** The text a span covers, as the native format stores it (fragments joined by one space). */
function coveredText(codePoints: readonly string[], span: EditedSpan): string {
  if (span.fragments && span.fragments.length > 0) return span.fragments.map((fragment) => codePoints.slice(fragment.start, fragment.end).join('')).join(' ');
  return codePoints.slice(span.start, span.end).join('');
}

function withAuthor(span: StoredAnnotation, annotator: string): StoredAnnotation {
  return span.author ? span : { ...span, author: annotator };
}

function spansOfDecision(group: DisagreementGroup, decision: CurationDecision, codePoints: readonly string[], curator: string | undefined): StoredAnnotation[] {
  switch (decision.kind) {
    case 'reject':
      return [];
    case 'adopt': {
      const version = group.versions.find((candidate) => candidate.annotator === decision.annotator);
      return (version?.spans ?? []).map((span) => withAuthor(span, decision.annotator));
    }
    case 'adopt-all': {
      // Spans several annotators have identically are taken once, from the first of them.
      const seen = new Set<string>();
      const spans: StoredAnnotation[] = [];
      for (const version of group.versions) {
        for (const span of version.spans) {
          const key = spanKey(span);
          if (seen.has(key)) continue;
          seen.add(key);
          spans.push(withAuthor(span, version.annotator));
        }
      }
      return spans;
    }
    case 'edit': {
      const prefix = `cur-${fingerprint(group.id)}`;
      return decision.spans.map((span, index): StoredAnnotation => ({
        id: `${prefix}-${index + 1}`,
        type: span.type,
        start: span.start,
        end: span.end,
        text: coveredText(codePoints, span),
        ...(span.fragments && span.fragments.length > 0 ? { fragments: span.fragments } : {}),
        ...(span.note !== undefined ? { note: span.note } : {}),
        ...(curator ? { author: curator } : {}),
      }));
    }
  }
}

/**
 * Gives every annotation a distinct id: annotators number their spans independently ("T1",
 * "a1"), so adopted spans from two files may share one. The first keeps it; later ones get
 * a suffix, `-2`, `-3`, …, never an id already taken.
 */
function makeIdsUnique(annotations: StoredAnnotation[]): StoredAnnotation[] {
  const taken = new Set(annotations.map((annotation) => annotation.id));
  const used = new Set<string>();
  return annotations.map((annotation) => {
    if (!used.has(annotation.id)) {
      used.add(annotation.id);
      return annotation;
    }
    let suffix = 2;
    while (taken.has(`${annotation.id}-${suffix}`) || used.has(`${annotation.id}-${suffix}`)) suffix++;
    const id = `${annotation.id}-${suffix}`;
    used.add(id);
    return { ...annotation, id };
  });
}

export interface CurationResult {
  /** Agreed spans plus the outcome of every decided group, in document order, ids distinct. */
  annotations: StoredAnnotation[];
  /** Groups with a decision. */
  decided: string[];
  /** Groups without one: they contribute nothing until decided. */
  undecided: string[];
  /** Decisions whose group no longer exists (an annotator changed their spans since). */
  stale: string[];
}

/**
 * Builds the curated annotations of a document from the listing and the decisions taken so
 * far. Throws CurationDecisionError for a decision that cannot apply to its group.
 */
export function applyCuration(
  listing: CurationListing,
  decisions: ReadonlyMap<string, CurationDecision>,
  documentText: string,
  curator?: string,
): CurationResult {
  const codePoints = Array.from(documentText);
  const annotations: StoredAnnotation[] = [...listing.agreed];
  const decided: string[] = [];
  const undecided: string[] = [];
  for (const group of listing.groups) {
    const decision = decisions.get(group.id);
    if (!decision) {
      undecided.push(group.id);
      continue;
    }
    const problem = decisionProblem(group, decision, codePoints.length);
    if (problem) throw new CurationDecisionError(problem);
    annotations.push(...spansOfDecision(group, decision, codePoints, curator));
    decided.push(group.id);
  }
  const groupIds = new Set(listing.groups.map((group) => group.id));
  const stale = [...decisions.keys()].filter((id) => !groupIds.has(id));
  return { annotations: makeIdsUnique(annotations.sort(compareSpans)), decided, undecided, stale };
}
