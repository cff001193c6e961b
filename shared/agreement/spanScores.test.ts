import { describe, expect, it } from 'vitest';
import type { AgreementSpan } from './agreementSpan';
import { matchSpans } from './spanMatching';
import { addSpanCounts, countSpans, scoreSpanCounts } from './spanScores';

const span = (type: string, start: number, end: number): AgreementSpan => ({ type, start, end });

describe('span precision, recall and F1 (worked by hand)', () => {
  // A is the reference, B is measured against it.
  const a = [span('PER', 0, 8), span('PER', 20, 28), span('LOC', 30, 36), span('ORG', 40, 50)];
  const b = [span('PER', 0, 8), span('PER', 19, 28), span('LOC', 30, 36), span('LOC', 40, 50), span('DATE', 60, 64)];

  it('exact spans', () => {
    // Exact pairs: PER 0-8 and LOC 30-36. PER 19-28 ≠ 20-28; 40-50 is ORG in A, LOC in B.
    // PER:  countA 2, countB 2, matched 1 → P = 1/2, R = 1/2, F1 = 2·1/(2+2) = 0.5
    // LOC:  countA 1, countB 2, matched 1 → P = 1/2, R = 1/1 = 1, F1 = 2·1/(1+2) = 2/3
    // ORG:  countA 1, countB 0, matched 0 → P = 0/0 (null), R = 0/1 = 0, F1 = 0/(1+0) = 0
    // DATE: countA 0, countB 1, matched 0 → P = 0/1 = 0, R = 0/0 (null), F1 = 0
    // micro: countA 4, countB 5, matched 2 → P = 2/5 = 0.4, R = 2/4 = 0.5, F1 = 4/9 = 0.4444…
    // macro P = mean(PER 1/2, LOC 1/2, DATE 0) = 1/3   (ORG's P undefined, left out)
    // macro R = mean(PER 1/2, LOC 1, ORG 0)   = 1/2   (DATE's R undefined, left out)
    // macro F1 = (1/2 + 2/3 + 0 + 0) / 4 = (7/6)/4 = 7/24 = 0.291666…
    const scores = scoreSpanCounts(countSpans(a, b, 'exact'));
    expect(scores.perTag.map((tag) => tag.tag)).toEqual(['DATE', 'LOC', 'ORG', 'PER']);
    const byTag = Object.fromEntries(scores.perTag.map((tag) => [tag.tag, tag]));
    expect(byTag.PER).toMatchObject({ countA: 2, countB: 2, matched: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(byTag.LOC).toMatchObject({ countA: 1, countB: 2, matched: 1, precision: 0.5, recall: 1 });
    expect(byTag.LOC.f1).toBeCloseTo(2 / 3, 12);
    expect(byTag.ORG).toMatchObject({ countA: 1, countB: 0, matched: 0, precision: null, recall: 0, f1: 0 });
    expect(byTag.DATE).toMatchObject({ countA: 0, countB: 1, matched: 0, precision: 0, recall: null, f1: 0 });
    expect(scores.micro).toMatchObject({ countA: 4, countB: 5, matched: 2, precision: 0.4, recall: 0.5 });
    expect(scores.micro.f1).toBeCloseTo(4 / 9, 12);
    expect(scores.macro.tags).toBe(4);
    expect(scores.macro.precision).toBeCloseTo(1 / 3, 12);
    expect(scores.macro.recall).toBeCloseTo(1 / 2, 12);
    expect(scores.macro.f1).toBeCloseTo(7 / 24, 12);
  });

  it('overlapping spans', () => {
    // Now PER 20-28 and PER 19-28 overlap: PER matched 2 → P = R = F1 = 2/2 = 1.
    // LOC matched 1 as before; ORG and DATE still 0 (40-50 differs in type, not in place).
    // micro: matched 3 → P = 3/5 = 0.6, R = 3/4 = 0.75, F1 = 6/9 = 2/3
    // macro F1 = (1 + 2/3 + 0 + 0) / 4 = (5/3)/4 = 5/12
    const scores = scoreSpanCounts(countSpans(a, b, 'overlap'));
    const byTag = Object.fromEntries(scores.perTag.map((tag) => [tag.tag, tag]));
    expect(byTag.PER).toMatchObject({ matched: 2, precision: 1, recall: 1, f1: 1 });
    expect(scores.micro).toMatchObject({ matched: 3, precision: 0.6, recall: 0.75 });
    expect(scores.micro.f1).toBeCloseTo(2 / 3, 12);
    expect(scores.macro.f1).toBeCloseTo(5 / 12, 12);
  });

  it('one span never matches two: a long span against two short ones inside it', () => {
    // A: PER 0-20; B: PER 0-5 and PER 10-15. One pair only.
    // countA 1, countB 2, matched 1 → P = 1/2, R = 1/1, F1 = 2/3
    const scores = scoreSpanCounts(countSpans([span('PER', 0, 20)], [span('PER', 0, 5), span('PER', 10, 15)], 'overlap'));
    expect(scores.micro).toMatchObject({ countA: 1, countB: 2, matched: 1, precision: 0.5, recall: 1 });
    expect(scores.micro.f1).toBeCloseTo(2 / 3, 12);
  });

  it('finds the largest pairing where a greedy one would stop at one pair', () => {
    // A1 = 0-10 overlaps B1 = 0-9 (9 shared) and B2 = 9-12 (1 shared); A2 = 5-6 overlaps B1 only.
    // Greedy by largest overlap gives A1-B1 and leaves A2 alone (1 pair); A1-B2 + A2-B1 is 2.
    const a2 = [span('PER', 0, 10), span('PER', 5, 6)];
    const b2 = [span('PER', 0, 9), span('PER', 9, 12)];
    expect(matchSpans(a2, b2, 'overlap')).toEqual([
      { a: 0, b: 1 },
      { a: 1, b: 0 },
    ]);
  });

  it('prefers the identical partner when there is a choice', () => {
    expect(matchSpans([span('PER', 0, 10)], [span('PER', 0, 12), span('PER', 0, 10)], 'overlap')).toEqual([{ a: 0, b: 1 }]);
  });

  it('exact duplicates pair one to one', () => {
    // A has PER 0-4 twice, B once: matched 1, countA 2, countB 1 → P = 1, R = 1/2, F1 = 2/3
    const scores = scoreSpanCounts(countSpans([span('PER', 0, 4), span('PER', 0, 4)], [span('PER', 0, 4)], 'exact'));
    expect(scores.micro).toMatchObject({ matched: 1, precision: 1, recall: 0.5 });
  });

  it('spans touching at an edge do not overlap; a different type never matches', () => {
    expect(matchSpans([span('PER', 0, 5)], [span('PER', 5, 9)], 'overlap')).toEqual([]);
    expect(matchSpans([span('PER', 0, 5)], [span('LOC', 0, 5)], 'overlap')).toEqual([]);
  });

  it('discontinuous spans: exact needs the same fragments, overlap looks at fragments, not the bounds', () => {
    const split: AgreementSpan = { type: 'ORG', start: 0, end: 20, fragments: [{ start: 0, end: 5 }, { start: 15, end: 20 }] };
    expect(matchSpans([split], [span('ORG', 0, 20)], 'exact')).toEqual([]);
    expect(matchSpans([split], [{ ...split, fragments: [{ start: 0, end: 5 }, { start: 15, end: 20 }] }], 'exact')).toEqual([{ a: 0, b: 0 }]);
    expect(matchSpans([split], [span('ORG', 7, 12)], 'overlap')).toEqual([]);
    expect(matchSpans([split], [span('ORG', 17, 25)], 'overlap')).toEqual([{ a: 0, b: 0 }]);
  });

  it('no annotations at all: every figure is undefined, none is 0 or 1', () => {
    const scores = scoreSpanCounts(countSpans([], [], 'exact'));
    expect(scores.perTag).toEqual([]);
    expect(scores.micro).toEqual({ countA: 0, countB: 0, matched: 0, precision: null, recall: null, f1: null });
    expect(scores.macro).toEqual({ precision: null, recall: null, f1: null, tags: 0 });
  });

  it('one side empty: recall 0, precision undefined', () => {
    const scores = scoreSpanCounts(countSpans([span('PER', 0, 3)], [], 'overlap'));
    expect(scores.micro).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });

  it('perfect agreement gives 1 everywhere', () => {
    const same = [span('PER', 0, 3), span('LOC', 5, 9), span('LOC', 12, 20)];
    for (const mode of ['exact', 'overlap'] as const) {
      const scores = scoreSpanCounts(countSpans(same, [...same].reverse(), mode));
      expect(scores.micro).toMatchObject({ precision: 1, recall: 1, f1: 1 });
      expect(scores.macro).toMatchObject({ precision: 1, recall: 1, f1: 1, tags: 2 });
    }
  });

  it('a corpus sums counts over documents (not an average of document scores)', () => {
    // Doc 1: A PER×1, B PER×1, matched 1 (F1 = 1). Doc 2: A PER×3, B PER×1, matched 0 (F1 = 0).
    // Mean of document F1 would be 0.5; summed: matched 1, countA 4, countB 2 → F1 = 2/6 = 1/3.
    const total = countSpans([span('PER', 0, 3)], [span('PER', 0, 3)], 'exact');
    addSpanCounts(total, countSpans([span('PER', 0, 3), span('PER', 4, 6), span('PER', 7, 9)], [span('PER', 10, 12)], 'exact'));
    expect(scoreSpanCounts(total).micro.f1).toBeCloseTo(1 / 3, 12);
  });

  it('an augmenting path 20,000 spans long is followed without overflowing the stack', () => {
    // B_i = [3i, 3i+3). A_i = [3i+1, 3i+4) overlaps B_i by 2 and B_{i+1} by 1, so the greedy
    // start gives A_i B_i and leaves B_last free. The last A, [0, 1), overlaps only B_0: the one
    // way to pair everybody is to shift the whole chain by one, a path through 20,000 spans.
    const count = 20_000;
    const b3 = Array.from({ length: count }, (_, i) => span('PER', 3 * i, 3 * i + 3));
    const a3 = Array.from({ length: count - 1 }, (_, i) => span('PER', 3 * i + 1, 3 * i + 4));
    a3.push(span('PER', 0, 1));
    const pairs = matchSpans(a3, b3, 'overlap');
    expect(pairs).toHaveLength(count);
    expect(pairs[0]).toEqual({ a: 0, b: 1 });
    expect(pairs[count - 1]).toEqual({ a: count - 1, b: 0 });
  });
});
