import type { AgreementSpan } from './agreementSpan';
import { matchSpans, type MatchMode } from './spanMatching';

/**
 * Span counts of one tag. Annotator A is the reference and B the one measured against it:
 * precision = matched / countB, recall = matched / countA. Swapping A and B swaps precision
 * and recall; F1 = 2·matched / (countA + countB) is the same either way, which is why it is
 * the agreement figure (Hripcsak & Rothschild 2005).
 */
export interface TagCounts {
  countA: number;
  countB: number;
  matched: number;
}

/** Counts by tag. Counts of several documents are summed, never averaged. */
export type SpanCounts = Map<string, TagCounts>;

export function countSpans(a: readonly AgreementSpan[], b: readonly AgreementSpan[], mode: MatchMode): SpanCounts {
  const counts: SpanCounts = new Map();
  const entry = (tag: string): TagCounts => {
    let found = counts.get(tag);
    if (!found) {
      found = { countA: 0, countB: 0, matched: 0 };
      counts.set(tag, found);
    }
    return found;
  };
  for (const span of a) entry(span.type).countA++;
  for (const span of b) entry(span.type).countB++;
  for (const pair of matchSpans(a, b, mode)) entry(a[pair.a].type).matched++;
  return counts;
}

/** Adds `from` into `into` (corpus totals are sums over documents). */
export function addSpanCounts(into: SpanCounts, from: SpanCounts): void {
  for (const [tag, counts] of from) {
    const total = into.get(tag);
    if (total) {
      total.countA += counts.countA;
      total.countB += counts.countB;
      total.matched += counts.matched;
    } else into.set(tag, { ...counts });
  }
}

/** A figure that is 0/0 (nothing to measure) is null, shown as "—", never silently 0 or 1. */
export interface Scores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface TagScores extends TagCounts, Scores {
  tag: string;
}

export interface SpanScores {
  /** Every tag either annotator used, sorted by name. */
  perTag: TagScores[];
  /** From the counts summed over all tags. */
  micro: TagCounts & Scores;
  /**
   * Unweighted mean over tags of each figure, over the tags where that figure is defined
   * (precision needs countB > 0, recall countA > 0; F1 is defined for every listed tag).
   */
  macro: Scores & { tags: number };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function scoreCounts(counts: TagCounts): Scores {
  return {
    precision: ratio(counts.matched, counts.countB),
    recall: ratio(counts.matched, counts.countA),
    f1: ratio(2 * counts.matched, counts.countA + counts.countB),
  };
}

function meanOfDefined(values: readonly (number | null)[]): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

export function scoreSpanCounts(counts: SpanCounts): SpanScores {
  const tags = [...counts.keys()].sort();
  const perTag = tags.map((tag): TagScores => {
    const tagCounts = counts.get(tag) as TagCounts;
    return { tag, ...tagCounts, ...scoreCounts(tagCounts) };
  });
  const total: TagCounts = { countA: 0, countB: 0, matched: 0 };
  for (const tag of perTag) {
    total.countA += tag.countA;
    total.countB += tag.countB;
    total.matched += tag.matched;
  }
  return {
    perTag,
    micro: { ...total, ...scoreCounts(total) },
    macro: {
      precision: meanOfDefined(perTag.map((tag) => tag.precision)),
      recall: meanOfDefined(perTag.map((tag) => tag.recall)),
      f1: meanOfDefined(perTag.map((tag) => tag.f1)),
      tags: perTag.length,
    },
  };
}
