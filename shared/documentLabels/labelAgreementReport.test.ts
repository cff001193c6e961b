import { describe, expect, it } from 'vitest';
import { resolveDimensions } from './dimensions';
import type { DocumentLabels } from './judgmentFormat';
import { LabelJudgments } from './labelAgreementReport';

const dimensions = resolveDimensions([
  { id: 'stance', kind: 'single', values: [{ id: 'pro' }, { id: 'anti' }] },
  { id: 'topic', kind: 'multi', values: [{ id: 'econ' }, { id: 'war' }] },
  { id: 'reliability', kind: 'scale', min: 1, max: 5, level: 'interval' },
  { id: 'comment', kind: 'text' },
]);

function judged(rows: [DocumentLabels | undefined, DocumentLabels | undefined][]): LabelJudgments {
  const judgments = new LabelJudgments(['ali', 'sara']);
  for (const [ali, sara] of rows) judgments.add(new Map([['ali', ali], ['sara', sara]]));
  return judgments;
}

describe('document-label agreement per dimension (#21), against hand-computed figures', () => {
  const report = judged([
    [{ stance: 'pro', reliability: 1, comment: 'x', topic: ['econ', 'war'] }, { stance: 'pro', reliability: 2, comment: 'y', topic: ['war', 'econ'] }],
    [{ stance: 'pro', reliability: 3 }, { stance: 'anti', reliability: 3 }],
    [{ stance: 'anti', reliability: 5 }, { stance: 'anti', reliability: 4 }],
    [{ stance: 'anti', genre: 'report' }, { stance: 'anti', reliability: 2, genre: 'report' }],
  ]).summarize(dimensions);
  const byId = new Map(report.map((row) => [row.dimension, row]));

  it('single choice: Cohen 1/2, Fleiss (Scott) 7/15, nominal alpha 8/15', () => {
    // p_o = 3/4; Cohen p_e = (2·1 + 2·3)/16 = 1/2 → κ = 1/2. Pooled shares 3/8, 5/8 → p_e = 34/64 → π = 14/30.
    // Alpha: one disagreeing unit, o = 2, n = 8, Σ n_c n_k (c≠k) = 2·3·5 = 30 → α = 1 − 7·2/30 = 8/15.
    const stance = byId.get('stance');
    expect(stance).toMatchObject({ kind: 'single', level: 'nominal', annotators: 2, items: { cohen: 4, fleiss: 4, alpha: 4 }, tooFew: true });
    expect(stance?.cohen).toBeCloseTo(0.5, 12);
    expect(stance?.fleiss).toBeCloseTo(7 / 15, 12);
    expect(stance?.alpha).toBeCloseTo(8 / 15, 12);
  });

  it('scale (interval): alpha 5/6 over the three articles both scored; the one-sided article is not pairable', () => {
    // Values 1,2 | 3,3 | 5,4: Σ o·δ = 4; mean 3, Σ(v−3)² = 10 → Σ n_c n_k δ = 2·6·10 = 120; α = 1 − 5·4/120 = 5/6.
    const scale = byId.get('reliability');
    expect(scale).toMatchObject({ kind: 'scale', level: 'interval', items: { cohen: 3, fleiss: 3, alpha: 3 } });
    expect(scale?.alpha).toBeCloseTo(5 / 6, 12);
  });

  it('multiple choice compares the set chosen; free text is not measured; undeclared dimensions are measured and marked', () => {
    expect(byId.get('topic')).toMatchObject({ kind: 'multi', items: { cohen: 1 }, cohen: 1 });
    expect(byId.has('comment')).toBe(false);
    expect(byId.get('genre')).toMatchObject({ kind: 'undeclared', items: { cohen: 1 } });
    expect(report.map((row) => row.dimension)).toEqual(['stance', 'topic', 'reliability', 'genre']);
  });

  it('three annotators: no Cohen, Fleiss on articles all three labelled', () => {
    const judgments = new LabelJudgments(['a', 'b', 'c']);
    judgments.add(new Map([['a', { stance: 'pro' }], ['b', { stance: 'pro' }], ['c', { stance: 'pro' }]]));
    judgments.add(new Map([['a', { stance: 'anti' }], ['b', { stance: 'anti' }], ['c', { stance: 'anti' }]]));
    judgments.add(new Map([['a', { stance: 'anti' }], ['b', { stance: 'anti' }]]));
    const [stance] = judgments.summarize(dimensions);
    expect(stance).toMatchObject({ annotators: 3, cohen: null, fleiss: 1, items: { cohen: 0, fleiss: 2, alpha: 3 } });
  });
});
