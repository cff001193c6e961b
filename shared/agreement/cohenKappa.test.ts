import { describe, expect, it } from 'vitest';
import { addConfusion, cohenKappa, confusionOf, confusionTable } from './cohenKappa';

describe("Cohen's kappa (worked by hand)", () => {
  it('ten tokens, three labels', () => {
    //  token:  0    1    2  3  4    5    6  7    8    9
    //  A:      PER  PER  O  O  LOC  O    O  PER  PER  O
    //  B:      PER  O    O  O  LOC  LOC  O  PER  PER  O
    // Agreeing tokens: 0, 2, 3, 4, 6, 7, 8, 9 → 8 → p_o = 8/10 = 0.8
    // A's totals: PER 4, O 5, LOC 1.  B's totals: PER 3, O 5, LOC 2.
    // p_e = (4·3 + 5·5 + 1·2) / 10² = (12 + 25 + 2)/100 = 0.39
    // κ = (0.8 − 0.39)/(1 − 0.39) = 0.41/0.61 = 41/61 = 0.672131…
    const a = ['PER', 'PER', 'O', 'O', 'LOC', 'O', 'O', 'PER', 'PER', 'O'];
    const b = ['PER', 'O', 'O', 'O', 'LOC', 'LOC', 'O', 'PER', 'PER', 'O'];
    const result = cohenKappa(confusionOf(a, b));
    expect(result.items).toBe(10);
    expect(result.observed).toBeCloseTo(0.8, 12);
    expect(result.expected).toBeCloseTo(0.39, 12);
    expect(result.kappa).toBeCloseTo(41 / 61, 12);
  });

  it('the confusion table lists tags by name and O last; rows are A, columns B', () => {
    const table = confusionTable(confusionOf(['PER', 'PER', 'O', 'LOC'], ['PER', 'O', 'O', 'PER']), 'O');
    expect(table.labels).toEqual(['LOC', 'PER', 'O']);
    expect(table.rows).toEqual([
      [0, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('perfect agreement with two labels gives κ = 1', () => {
    // p_o = 1; totals PER 2, O 2 on both sides → p_e = (2·2 + 2·2)/16 = 0.5 → κ = 0.5/0.5 = 1
    const labels = ['PER', 'O', 'PER', 'O'];
    expect(cohenKappa(confusionOf(labels, labels))).toEqual({ items: 4, observed: 1, expected: 0.5, kappa: 1 });
  });

  it('expected agreement 1 (no annotations at all: every token O on both sides) leaves κ undefined', () => {
    // p_o = 5/5 = 1, p_e = (5·5)/25 = 1 → κ = 0/0: reported as null, not as 1 or NaN.
    const none = ['O', 'O', 'O', 'O', 'O'];
    expect(cohenKappa(confusionOf(none, none))).toEqual({ items: 5, observed: 1, expected: 1, kappa: null });
  });

  it('systematic disagreement gives a negative κ', () => {
    // A: PER O; B: O PER → p_o = 0; totals 1/1 each side → p_e = (1·1 + 1·1)/4 = 0.5
    // κ = (0 − 0.5)/(1 − 0.5) = −1
    expect(cohenKappa(confusionOf(['PER', 'O'], ['O', 'PER'])).kappa).toBe(-1);
  });

  it('no tokens at all', () => {
    expect(cohenKappa(confusionOf([], []))).toEqual({ items: 0, observed: null, expected: null, kappa: null });
  });

  it('a corpus adds the tables of its documents', () => {
    // Doc 1: A [PER, O], B [PER, O]; doc 2: A [O, O], B [O, O].
    // Doc 2 alone has p_e = 1 (κ undefined), but the summed table is
    // A totals PER 1, O 3; B the same → p_o = 1, p_e = (1 + 9)/16 = 10/16 → κ = 1.
    const total = confusionOf(['PER', 'O'], ['PER', 'O']);
    addConfusion(total, confusionOf(['O', 'O'], ['O', 'O']));
    expect(cohenKappa(total)).toEqual({ items: 4, observed: 1, expected: 10 / 16, kappa: 1 });
  });

  it('refuses label lists of different lengths', () => {
    expect(() => confusionOf(['O'], [])).toThrow(RangeError);
  });
});
