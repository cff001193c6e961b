import { describe, expect, it } from 'vitest';
import { addFleiss, addItemCounts, emptyFleiss, fleissKappa, fleissOf } from './fleissKappa';

describe("Fleiss' kappa (worked by hand)", () => {
  it('the classic table: 10 subjects, 14 raters, 5 categories (Fleiss 1971 style example, κ ≈ 0.210)', () => {
    // n = 14 raters, so P_i = (Σ_j n_ij² − 14) / (14·13 = 182).
    //  row  counts          Σn²   P_i numerator
    //   1   0  0  0  0 14   196   182
    //   2   0  2  6  4  2    60    46
    //   3   0  0  3  5  6    70    56
    //   4   0  3  9  2  0    94    80
    //   5   2  2  8  1  1    74    60
    //   6   7  7  0  0  0    98    84
    //   7   3  2  6  3  0    58    44
    //   8   2  5  3  2  2    46    32
    //   9   6  5  2  1  0    66    52
    //  10   0  2  2  3  7    66    52
    // Σ numerators = 688 → P̄ = 688 / (10·182) = 688/1820 = 0.378022
    // column totals 20, 28, 39, 21, 32 (= 140 = 10·14)
    // P̄_e = (20² + 28² + 39² + 21² + 32²) / 140² = (400 + 784 + 1521 + 441 + 1024)/19600 = 4170/19600 = 0.212755
    // κ = (688/1820 − 4170/19600) / (1 − 4170/19600); over the common denominator 25480:
    //   = (9632 − 5421) / (25480 − 5421) = 4211/20059 = 0.209930
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const counts = emptyFleiss(14);
    for (const row of table) addItemCounts(counts, new Map(row.map((count, category) => [`c${category + 1}`, count])));
    const result = fleissKappa(counts);
    expect(result.items).toBe(10);
    expect(result.observed).toBeCloseTo(688 / 1820, 12);
    expect(result.expected).toBeCloseTo(4170 / 19600, 12);
    expect(result.kappa).toBeCloseTo(4211 / 20059, 12);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it('three annotators, five tokens', () => {
    //  token  A    B    C      counts         P_i = (Σn² − 3)/(3·2)
    //   0     PER  PER  PER    PER 3          (9 − 3)/6 = 1
    //   1     PER  PER  O      PER 2, O 1     (4 + 1 − 3)/6 = 1/3
    //   2     O    O    O      O 3            1
    //   3     LOC  O    LOC    LOC 2, O 1     1/3
    //   4     O    O    O      O 3            1
    // P̄ = (1 + 1/3 + 1 + 1/3 + 1)/5 = (11/3)/5 = 11/15
    // totals PER 5, O 8, LOC 2 of 15 → P̄_e = (25 + 64 + 4)/225 = 93/225
    // κ = (11/15 − 93/225)/(1 − 93/225) = (165 − 93)/(225 − 93) = 72/132 = 6/11 = 0.545454…
    const result = fleissKappa(
      fleissOf([
        ['PER', 'PER', 'O', 'LOC', 'O'],
        ['PER', 'PER', 'O', 'O', 'O'],
        ['PER', 'O', 'O', 'LOC', 'O'],
      ]),
    );
    expect(result.raters).toBe(3);
    expect(result.observed).toBeCloseTo(11 / 15, 12);
    expect(result.expected).toBeCloseTo(93 / 225, 12);
    expect(result.kappa).toBeCloseTo(6 / 11, 12);
  });

  it('perfect agreement gives 1; one label everywhere leaves κ undefined', () => {
    // Two labels, all agree: P̄ = 1, P̄_e = (1/2)² + (1/2)² = 1/2 → κ = 1
    expect(fleissKappa(fleissOf([['PER', 'O'], ['PER', 'O'], ['PER', 'O']])).kappa).toBe(1);
    // Every token O for everyone (nobody annotated anything): P̄ = 1, P̄_e = 1 → 0/0
    expect(fleissKappa(fleissOf([['O', 'O'], ['O', 'O'], ['O', 'O']]))).toEqual({ raters: 3, items: 2, observed: 1, expected: 1, kappa: null });
  });

  it('no items', () => {
    expect(fleissKappa(emptyFleiss(4))).toEqual({ raters: 4, items: 0, observed: null, expected: null, kappa: null });
  });

  it('documents add up to the same figure as one document holding all their tokens', () => {
    const first = fleissOf([['PER', 'O'], ['PER', 'PER'], ['O', 'O']]);
    addFleiss(first, fleissOf([['LOC'], ['LOC'], ['O']]));
    const whole = fleissOf([['PER', 'O', 'LOC'], ['PER', 'PER', 'LOC'], ['O', 'O', 'O']]);
    expect(fleissKappa(first)).toEqual(fleissKappa(whole));
  });

  it('refuses fewer than two annotators and mismatched items', () => {
    expect(() => emptyFleiss(1)).toThrow(RangeError);
    expect(() => fleissOf([['O'], ['O', 'O']])).toThrow(RangeError);
    expect(() => addFleiss(emptyFleiss(3), emptyFleiss(2))).toThrow(RangeError);
  });
});
