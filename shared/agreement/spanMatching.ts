import { countBelow } from '../sortedSearch';
import { overlapLength, spanKey, spansOverlap, type AgreementSpan } from './agreementSpan';

/**
 * - `exact`: a pair has the same type and the same ranges.
 * - `overlap`: a pair has the same type and shares at least one code point.
 */
export type MatchMode = 'exact' | 'overlap';

/** A pair of matched spans, as indexes into the two lists given to `matchSpans`. */
export interface SpanPair {
  a: number;
  b: number;
}

/**
 * Pairs spans of annotator A with spans of annotator B, one to one: a span is in at most one
 * pair, so one long span of A cannot be counted as agreeing with two short spans of B.
 *
 * In `overlap` mode the pairing has the largest possible number of pairs (maximum bipartite
 * matching by augmenting paths): a greedy pairing could let one span take the only partner
 * of another and under-count agreement. Among candidates, identical spans are tried first,
 * then the largest shared length, then document order, so the result is deterministic.
 */
export function matchSpans(a: readonly AgreementSpan[], b: readonly AgreementSpan[], mode: MatchMode): SpanPair[] {
  return mode === 'exact' ? matchExact(a, b) : matchOverlapping(a, b);
}

function matchExact(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): SpanPair[] {
  const waiting = new Map<string, number[]>();
  b.forEach((span, index) => {
    const key = spanKey(span);
    const list = waiting.get(key);
    if (list) list.push(index);
    else waiting.set(key, [index]);
  });
  const pairs: SpanPair[] = [];
  a.forEach((span, index) => {
    const list = waiting.get(spanKey(span));
    const partner = list?.shift();
    if (partner !== undefined) pairs.push({ a: index, b: partner });
  });
  return pairs;
}

function groupIndexesByType(spans: readonly AgreementSpan[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  spans.forEach((span, index) => {
    const list = groups.get(span.type);
    if (list) list.push(index);
    else groups.set(span.type, [index]);
  });
  return groups;
}

function matchOverlapping(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): SpanPair[] {
  const pairs: SpanPair[] = [];
  const bByType = groupIndexesByType(b);
  for (const [type, aIndexes] of groupIndexesByType(a)) {
    const bIndexes = bByType.get(type);
    if (!bIndexes) continue;
    const candidates = overlapCandidates(a, aIndexes, b, bIndexes);
    const partnerOfA = maximumMatching(candidates, bIndexes.length);
    partnerOfA.forEach((partner, local) => {
      if (partner !== -1) pairs.push({ a: aIndexes[local], b: bIndexes[partner] });
    });
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/**
 * For each span of A (local index), the local indexes of the B spans it overlaps, best first.
 * B spans are sorted by start; a B span that overlaps [s, e) starts after s - (longest B) and
 * before e, so only that window is looked at.
 */
function overlapCandidates(a: readonly AgreementSpan[], aIndexes: readonly number[], b: readonly AgreementSpan[], bIndexes: readonly number[]): number[][] {
  const byStart = bIndexes.map((_, local) => local).sort((x, y) => b[bIndexes[x]].start - b[bIndexes[y]].start);
  const starts = byStart.map((local) => b[bIndexes[local]].start);
  const longest = bIndexes.reduce((max, index) => Math.max(max, b[index].end - b[index].start), 0);
  return aIndexes.map((aIndex) => {
    const span = a[aIndex];
    const found: { local: number; identical: boolean; shared: number }[] = [];
    for (let position = countBelow(starts, span.start - longest); position < starts.length && starts[position] < span.end; position++) {
      const local = byStart[position];
      const other = b[bIndexes[local]];
      if (!spansOverlap(span, other)) continue;
      found.push({ local, identical: spanKey(span) === spanKey(other), shared: overlapLength(span, other) });
    }
    found.sort((x, y) => Number(y.identical) - Number(x.identical) || y.shared - x.shared || x.local - y.local);
    return found.map((candidate) => candidate.local);
  });
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths) from a greedy start. The search is
 * iterative: a chain of thousands of staggered overlapping spans would overflow a recursive one.
 * Returns, for each left node, its right partner or -1.
 */
function maximumMatching(candidates: readonly number[][], rightCount: number): number[] {
  const partnerOfLeft = candidates.map(() => -1);
  const partnerOfRight = new Array<number>(rightCount).fill(-1);
  candidates.forEach((options, left) => {
    const free = options.find((right) => partnerOfRight[right] === -1);
    if (free !== undefined) {
      partnerOfLeft[left] = free;
      partnerOfRight[free] = left;
    }
  });
  const seen = new Array<number>(rightCount).fill(-1);
  for (let root = 0; root < candidates.length; root++) {
    if (partnerOfLeft[root] !== -1 || candidates[root].length === 0) continue;
    const stack: { left: number; next: number; via: number }[] = [{ left: root, next: 0, via: -1 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const options = candidates[frame.left];
      if (frame.next >= options.length) {
        stack.pop();
        continue;
      }
      const right = options[frame.next++];
      if (seen[right] === root) continue;
      seen[right] = root;
      frame.via = right;
      const holder = partnerOfRight[right];
      if (holder === -1) {
        // Augment: every left node on the path takes the right node it reached through.
        for (const step of stack) {
          partnerOfLeft[step.left] = step.via;
          partnerOfRight[step.via] = step.left;
        }
        break;
      }
      stack.push({ left: holder, next: 0, via: -1 });
    }
  }
  return partnerOfLeft;
}
