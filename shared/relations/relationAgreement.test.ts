import { describe, expect, it } from 'vitest';
import { scoreSpanCounts } from '../agreement/spanScores';
import { comparePairDocument, summarizePair } from '../agreement/pairAgreement';
import { countRelations, type RelationSide } from './relationAgreement';

// Hand-made: A and B tagged the same three spans under different ids.
const A: RelationSide = {
  annotations: [
    { id: 'p', type: 'PER', start: 0, end: 4 },
    { id: 'o', type: 'ORG', start: 10, end: 15 },
    { id: 'l', type: 'LOC', start: 20, end: 25 },
    { id: 'e', type: 'Attack', start: 5, end: 9, roles: [{ role: 'Attacker', target: 'p' }] },
  ] as RelationSide['annotations'],
  relations: [
    { type: 'member-of', from: 'p', to: 'o' },
    { type: 'located-in', from: 'o', to: 'l' },
    { type: 'located-in', from: 'p', to: 'l' },
  ],
};
const B: RelationSide = {
  annotations: [
    { id: 'x', type: 'PER', start: 0, end: 4 },
    { id: 'y', type: 'ORG', start: 10, end: 15 },
    { id: 'z', type: 'LOC', start: 20, end: 25 },
    { id: 'w', type: 'Attack', start: 5, end: 9, roles: [{ role: 'Attacker', target: 'x' }] },
  ] as RelationSide['annotations'],
  relations: [
    { type: 'member-of', from: 'x', to: 'y' }, // same: matches
    { type: 'located-in', from: 'z', to: 'y' }, // reversed: no match
    { type: 'member-of', from: 'x', to: 'y' }, // a duplicate is matched at most once
  ],
};

describe('relation agreement (exact)', () => {
  it('matches same type and same two argument spans, one to one, whatever the ids', () => {
    const counts = countRelations(A, B);
    expect(Object.fromEntries(counts)).toEqual({
      'member-of': { countA: 1, countB: 2, matched: 1 },
      'located-in': { countA: 2, countB: 1, matched: 0 },
      'Attack.Attacker': { countA: 1, countB: 1, matched: 1 },
    });
    // micro: matched 2, A 4, B 4 → P = R = F1 = 0.5.
    const scores = scoreSpanCounts(counts);
    expect(scores.micro).toMatchObject({ countA: 4, countB: 4, matched: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('is part of a pair summary', () => {
    const report = summarizePair('A', 'B', comparePairDocument([], A.annotations, B.annotations, { a: A, b: B }));
    expect(report.relations.micro.f1).toBe(0.5);
    expect(summarizePair('A', 'B', comparePairDocument([], [], [])).relations.micro.f1).toBeNull();
  });
});
