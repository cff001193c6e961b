import { describe, expect, it } from 'vitest';
import type { AgreementSpan } from './agreementSpan';
import { fleissKappa } from './fleissKappa';
import { addGroupDocument, addPairCounts, compareGroupDocument, comparePairDocument, emptyGroupCounts, emptyPairCounts, summarizeGroup, summarizePair } from './pairAgreement';
import { documentTokens, tokenLabels } from './tokenLabels';

// An emoji (beyond U+FFFF) first, a ZWNJ inside «علی‌رضا», an NBSP between «در» and «تهران»,
// a run-together «امنیتیگروه» whose «گروه» one annotator tagged, a flag, a line break.
const TEXT = '😀 علی\u200cرضا احمدی در\u00a0تهران امنیتیگروه 🇮🇷 دید.\nسازمان ملل';
const codePoints = Array.from(TEXT);
const slice = (start: number, end: number): string => codePoints.slice(start, end).join('');
const span = (type: string, start: number, end: number): AgreementSpan => ({ type, start, end });

// Tokens (code points), from the project's tokenizer:
//  0 😀 0-1 · 1 علی‌رضا 2-9 · 2 احمدی 10-15 · 3 در 16-18 · 4 تهران 19-24 · 5 امنیتیگروه 25-35
//  6 🇮🇷 36-38 · 7 دید 39-42 · 8 «.» 42-43 · 9 سازمان 44-50 · 10 ملل 51-54
const A = [span('PER', 2, 15), span('LOC', 19, 24), span('ORG', 31, 35), span('ORG', 44, 54)];
const B = [span('PER', 2, 9), span('LOC', 19, 24), span('LOC', 44, 54)];

describe('two annotators on one Persian document (worked by hand)', () => {
  it('the spans cover the text the example says', () => {
    expect(slice(2, 15)).toBe('علی\u200cرضا احمدی');
    expect(slice(19, 24)).toBe('تهران');
    expect(slice(31, 35)).toBe('گروه');
    expect(slice(44, 54)).toBe('سازمان ملل');
  });

  it('tokens come from the tokenizer and label by type', () => {
    const { tokens, source } = documentTokens(TEXT);
    expect(source).toBe('tokenizer');
    expect(tokens).toEqual([[0, 1], [2, 9], [10, 15], [16, 18], [19, 24], [25, 35], [36, 38], [39, 42], [42, 43], [44, 50], [51, 54]]);
    expect(tokenLabels(tokens, A)).toEqual(['O', 'PER', 'PER', 'O', 'LOC', 'ORG', 'O', 'O', 'O', 'ORG', 'ORG']);
    expect(tokenLabels(tokens, B)).toEqual(['O', 'PER', 'O', 'O', 'LOC', 'O', 'O', 'O', 'O', 'LOC', 'LOC']);
  });

  it('span scores and Cohen’s kappa', () => {
    const report = summarizePair('A', 'B', comparePairDocument(documentTokens(TEXT).tokens, A, B));
    // Exact: only LOC 19-24 is identical. countA 4, countB 3, matched 1
    //   → P = 1/3, R = 1/4, F1 = 2·1/(4+3) = 2/7
    expect(report.exact.micro).toMatchObject({ countA: 4, countB: 3, matched: 1 });
    expect(report.exact.micro.precision).toBeCloseTo(1 / 3, 12);
    expect(report.exact.micro.recall).toBeCloseTo(1 / 4, 12);
    expect(report.exact.micro.f1).toBeCloseTo(2 / 7, 12);
    // Overlap: PER 2-15 ~ PER 2-9 too; 44-54 is ORG vs LOC, never a match. matched 2
    //   → P = 2/3, R = 2/4, F1 = 4/7
    expect(report.overlap.micro.matched).toBe(2);
    expect(report.overlap.micro.f1).toBeCloseTo(4 / 7, 12);
    // Tokens (11): agree on 0, 1, 3, 4, 6, 7, 8 → p_o = 7/11
    // A: O 5, PER 2, LOC 1, ORG 3.  B: O 7, PER 1, LOC 3, ORG 0.
    // p_e = (5·7 + 2·1 + 1·3 + 3·0)/11² = 40/121
    // κ = (7/11 − 40/121)/(1 − 40/121) = (77 − 40)/(121 − 40) = 37/81 = 0.456790…
    expect(report.tokens.items).toBe(11);
    expect(report.tokens.observed).toBeCloseTo(7 / 11, 12);
    expect(report.tokens.expected).toBeCloseTo(40 / 121, 12);
    expect(report.tokens.kappa).toBeCloseTo(37 / 81, 12);
    expect(report.tokens.confusion.labels).toEqual(['LOC', 'ORG', 'PER', 'O']);
    expect(report.documents).toBe(1);
  });

  it('adding a second document sums counts (κ from the summed table)', () => {
    const tokens = documentTokens(TEXT).tokens;
    const total = emptyPairCounts();
    addPairCounts(total, comparePairDocument(tokens, A, B));
    addPairCounts(total, comparePairDocument(tokens, A, A));
    // Tokens 22: agree 7 + 11 = 18 → p_o = 18/22.
    // A totals doubled: O 10, PER 4, LOC 2, ORG 6. B side: O 7+5, PER 1+2, LOC 3+1, ORG 0+3 = 12, 3, 4, 3.
    // p_e = (10·12 + 4·3 + 2·4 + 6·3)/22² = (120 + 12 + 8 + 18)/484 = 158/484
    // κ = (18·22 − 158)/(484 − 158) = (396 − 158)/326 = 238/326 = 119/163
    const report = summarizePair('A', 'B', total);
    expect(report.documents).toBe(2);
    expect(report.tokens.kappa).toBeCloseTo(119 / 163, 12);
    // Exact: matched 1 + 4, countA 8, countB 3 + 4 → F1 = 10/15 = 2/3
    expect(report.exact.micro.f1).toBeCloseTo(2 / 3, 12);
  });

  it("Fleiss over the document's tokens for three annotators", () => {
    const tokens = documentTokens(TEXT).tokens;
    const counts = emptyGroupCounts(3);
    addGroupDocument(counts, compareGroupDocument(tokens, [A, B, A]));
    // Per token, labels (A, B, A): agreement pairs n(n−1) summed: tokens where all three agree
    // (0,1,3,4,6,7,8) give 3·2 = 6 each = 42; tokens 2, 5, 9, 10 have 2 + 1 → 2·1 = 2 each = 8.
    // P̄ = 50/(11·3·2) = 50/66. Totals: O 5+5+7 = 17, PER 2+2+1 = 5, LOC 1+1+3 = 5, ORG 6.
    // P̄_e = (289 + 25 + 25 + 36)/33² = 375/1089.
    // κ = (50/66 − 375/1089)/(1 − 375/1089) = (1650/2178 − 750/2178)/(1428/2178) = 900/1428 = 75/119
    const report = summarizeGroup(['A', 'B', 'C'], counts);
    expect(report.documents).toBe(1);
    expect(report.tokens.kappa).toBeCloseTo(75 / 119, 12);
    expect(fleissKappa(counts.tokens).observed).toBeCloseTo(50 / 66, 12);
  });
});

describe('token labels', () => {
  const tokens = [[0, 3], [4, 7], [8, 11], [12, 15]] as const;

  it('a token partly inside a span takes its type', () => {
    expect(tokenLabels(tokens, [span('PER', 5, 9)])).toEqual(['O', 'PER', 'PER', 'O']);
  });

  it('nested spans of one annotator: the outer (earlier, longer) one labels the tokens', () => {
    expect(tokenLabels(tokens, [span('PER', 4, 7), span('ORG', 0, 11)])).toEqual(['ORG', 'ORG', 'ORG', 'O']);
  });

  it('a discontinuous span labels its fragments only; an empty span labels nothing', () => {
    const split: AgreementSpan = { type: 'ORG', start: 0, end: 15, fragments: [{ start: 0, end: 3 }, { start: 12, end: 15 }] };
    expect(tokenLabels(tokens, [split, span('PER', 5, 5)])).toEqual(['ORG', 'O', 'O', 'ORG']);
  });

  it('uses the article’s source tokens when valid, else the tokenizer with the reason', () => {
    expect(documentTokens('ab cd', [[0, 2], [3, 5]])).toEqual({ tokens: [[0, 2], [3, 5]], source: 'article' });
    const broken = documentTokens('ab cd', [[3, 5], [0, 2]]);
    expect(broken.source).toBe('tokenizer');
    expect(broken.problem).toMatch(/out of order/);
    expect(documentTokens('😀 ab', [[0, 1], [2, 4]]).source).toBe('article');
    expect(documentTokens('😀 ab', [[0, 1], [2, 5]]).source).toBe('tokenizer');
  });

  it('an empty document has no tokens and no kappa', () => {
    const report = summarizePair('A', 'B', comparePairDocument(documentTokens('').tokens, [], []));
    expect(report.tokens).toMatchObject({ items: 0, kappa: null });
    expect(report.exact.micro.f1).toBeNull();
  });
});
