import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementReportSchema } from '../../../shared/agreement/agreementReport';
import { computeAgreement, UnknownAnnotatorError, AgreementCancelledError } from './agreementService';
import { makeAnnotatorCorpus } from '../testing/annotatorCorpus';

let root: string;
beforeAll(async () => {
  root = await makeAnnotatorCorpus();
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('corpus agreement from annotator files', () => {
  it('ali and sara over a1 and a2 (worked by hand)', async () => {
    const report = await computeAgreement(root, { kind: 'pair', a: 'ali', b: 'sara' });
    expect(AgreementReportSchema.parse(report)).toEqual(report);
    expect(report.annotators).toEqual(['ali', 'reza', 'sara']);
    expect(report.articles).toBe(5);
    // a1 and a2 have both; a5's sara file is broken; a3 and a4 lack one or both.
    expect(report.comparedArticles).toBe(2);
    expect(report.tokenSources).toEqual({ article: 1, tokenizer: 1 });
    expect(report.problems).toEqual([{ kind: 'annotation-file', article: 'a5.txt', annotator: 'sara', message: expect.stringMatching(/Not valid JSON/), cause: 'syntax' }]);
    expect(report.group).toBeNull();
    const [pair] = report.pairs;
    expect(pair).toMatchObject({ a: 'ali', b: 'sara', documents: 2 });
    // Exact: a1 matched 1 of ali 4 / sara 3; a2 matched 2 of 2 / 2 → matched 3, countA 6, countB 5
    //   P = 3/5, R = 3/6, F1 = 2·3/(6+5) = 6/11
    expect(pair.exact.micro).toMatchObject({ countA: 6, countB: 5, matched: 3, precision: 0.6, recall: 0.5 });
    expect(pair.exact.micro.f1).toBeCloseTo(6 / 11, 12);
    // Overlap: a1 matched 2 (PER 2-15 ~ 2-9, LOC) + a2 2 → F1 = 8/11
    expect(pair.overlap.micro.f1).toBeCloseTo(8 / 11, 12);
    // Tokens: a1 11 (7 agree), a2 3 (3 agree) → p_o = 10/14.
    // ali: O 5+1, PER 2+1, LOC 1+1, ORG 3 = O 6, PER 3, LOC 2, ORG 3
    // sara: O 7+1, PER 1+1, LOC 3+1 = O 8, PER 2, LOC 4, ORG 0
    // p_e = (6·8 + 3·2 + 2·4 + 3·0)/14² = 62/196; κ = (140 − 62)/(196 − 62) = 78/134 = 39/67
    expect(pair.tokens.items).toBe(14);
    expect(pair.tokens.observed).toBeCloseTo(10 / 14, 12);
    expect(pair.tokens.kappa).toBeCloseTo(39 / 67, 12);
  });

  it('all pairs, and Fleiss over the articles all three annotated', async () => {
    const report = await computeAgreement(root, { kind: 'all' });
    expect(report.pairs.map((pair) => `${pair.a}-${pair.b}:${pair.documents}`)).toEqual(['ali-reza:1', 'ali-sara:2', 'reza-sara:1']);
    const [aliReza, , rezaSara] = report.pairs;
    // reza copied ali: everything is 1.
    expect(aliReza.exact.micro.f1).toBe(1);
    expect(aliReza.tokens.kappa).toBe(1);
    // reza vs sara on a1 is ali vs sara on a1: κ = 37/81 (see pairAgreement.test.ts), exact F1 = 2/7.
    expect(rezaSara.tokens.kappa).toBeCloseTo(37 / 81, 12);
    expect(rezaSara.exact.micro.f1).toBeCloseTo(2 / 7, 12);
    // Fleiss on a1 only (labels ali, reza, sara = A, A, B): κ = 75/119 (see pairAgreement.test.ts).
    expect(report.group).toMatchObject({ annotators: ['ali', 'reza', 'sara'], documents: 1 });
    expect(report.group?.tokens.kappa).toBeCloseTo(75 / 119, 12);
  });

  it('refuses an unknown annotator, naming the ones there are', async () => {
    await expect(computeAgreement(root, { kind: 'pair', a: 'ali', b: 'nobody' })).rejects.toThrow(UnknownAnnotatorError);
    await expect(computeAgreement(root, { kind: 'pair', a: 'ali', b: 'nobody' })).rejects.toThrow(/annotators: ali, reza, sara/);
    await expect(computeAgreement(root, { kind: 'pair', a: 'ali', b: 'ali' })).rejects.toThrow(/two different/);
    // Coded for the window, which words them in the user's language (#19).
    await expect(computeAgreement(root, { kind: 'pair', a: 'ali', b: 'nobody' })).rejects.toMatchObject({ userProblem: { code: 'agreementUnknownAnnotators', names: ['nobody'], known: ['ali', 'reza', 'sara'] } });
    await expect(computeAgreement(root, { kind: 'pair', a: 'ali', b: 'ali' })).rejects.toMatchObject({ userProblem: { code: 'agreementSameAnnotator', annotator: 'ali' } });
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    await computeAgreement(root, { kind: 'all' }, (progress) => seen.push(progress.done));
    expect(seen.at(-1)).toBe(3);
    const controller = new AbortController();
    controller.abort();
    await expect(computeAgreement(root, { kind: 'all' }, undefined, controller.signal)).rejects.toThrow(AgreementCancelledError);
  });

  it('a corpus without annotator files has no pairs', async () => {
    const empty = await fs.mkdtemp(path.join(path.dirname(root), 'hashiye-no-annotators-'));
    try {
      await fs.writeFile(path.join(empty, 'x.txt'), 'متن');
      const report = await computeAgreement(empty, { kind: 'all' });
      expect(report).toMatchObject({ annotators: [], articles: 1, comparedArticles: 0, pairs: [], group: null });
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });
});
