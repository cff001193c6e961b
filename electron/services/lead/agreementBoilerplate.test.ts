import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { annotatorFilePath } from './annotatorPaths';
import { computeAgreement } from './agreementService';
import { formatAgreementReport } from '../../cli/agreeCommand';

/**
 * (#21) Boilerplate left out of agreement: ali and sara agree on the body; in the footer ali
 * tagged a word sara did not. With the footer marked boilerplate (by either of them) the
 * footer's annotation and tokens are ignored, so they agree fully, and the report says so.
 */
const BODY = 'علی در تهران بود.';
const FOOTER = '\nانتهای پیام/ اخبار پیشنهادی';
const TEXT = BODY + FOOTER;
const bodyLength = Array.from(BODY).length;
const length = Array.from(TEXT).length;

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-agree-boilerplate-'));
  const articlePath = path.join(root, 'a.txt');
  await fs.writeFile(articlePath, TEXT);
  const article = decodeArticle(await fs.readFile(articlePath));
  const span = (id: string, type: string, start: number, end: number) => ({ id, type, start, end, text: Array.from(TEXT).slice(start, end).join('') });
  const body = [span('T1', 'PER', 0, 3), span('T2', 'LOC', 7, 12)];
  const footerTag = span('T3', 'ORG', bodyLength + 1, bodyLength + 6);
  const zones = [{ id: 'Z1', type: 'boilerplate', start: bodyLength, end: length }];
  await saveAnnotationFileAt(annotatorFilePath(articlePath, 'ali'), articlePath, article, { status: 'done', annotations: [...body, footerTag], extra: { zones } });
  await saveAnnotationFileAt(annotatorFilePath(articlePath, 'sara'), articlePath, article, { status: 'done', annotations: body });
  const bPath = path.join(root, 'b.txt');
  await fs.writeFile(bPath, TEXT);
  const bArticle = decodeArticle(await fs.readFile(bPath));
  // b: no boilerplate zone, so the footer tag counts (a disagreement).
  await saveAnnotationFileAt(annotatorFilePath(bPath, 'ali'), bPath, bArticle, { status: 'done', annotations: [...body, footerTag] });
  await saveAnnotationFileAt(annotatorFilePath(bPath, 'sara'), bPath, bArticle, { status: 'done', annotations: body });
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('agreement leaves boilerplate out (#21)', () => {
  it('ignores annotations and tokens inside any annotator’s boilerplate zone, and counts them', async () => {
    const report = await computeAgreement(root, { kind: 'pair', a: 'ali', b: 'sara' });
    expect(report.comparedArticles).toBe(2);
    expect(report.boilerplate).toEqual({ articles: 1, annotationsIgnored: 1 });
    const [pair] = report.pairs;
    // a: 2 vs 2 matched; b: ali 3 (one in the unmarked footer) vs sara 2 → 4 matched of 5 and 4.
    expect(pair.exact.micro).toMatchObject({ countA: 5, countB: 4, matched: 4 });
    expect(formatAgreementReport(report)).toMatch(/Boilerplate left out: 1 article\(s\) with boilerplate zones, 1 annotation\(s\) inside them ignored\./);
  });

  it('without the zone in b as well, the only disagreement is gone', async () => {
    const bPath = path.join(root, 'b.txt');
    const article = decodeArticle(await fs.readFile(bPath));
    await saveAnnotationFileAt(annotatorFilePath(bPath, 'sara'), bPath, article, { extra: { zones: [{ id: 'Z1', type: 'boilerplate', start: bodyLength, end: length }] } });
    const report = await computeAgreement(root, { kind: 'pair', a: 'ali', b: 'sara' });
    expect(report.boilerplate).toEqual({ articles: 2, annotationsIgnored: 2 });
    expect(report.pairs[0].exact.micro.f1).toBe(1);
    expect(report.pairs[0].tokens.kappa).toBe(1);
  });
});

describe('document-label agreement in the report and the CLI text (#21)', () => {
  it('measures each dimension from the annotators’ files', async () => {
    const root2 = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-agree-labels-'));
    try {
      await fs.writeFile(path.join(root2, 'hashiye.json'), JSON.stringify({ types: [{ id: 'PER', label: { fa: 'شخص', en: 'Person' } }], dimensions: [{ id: 'stance', kind: 'single', values: [{ id: 'pro' }, { id: 'anti' }] }] }));
      const stances: [string, string][] = [['pro', 'pro'], ['pro', 'anti'], ['anti', 'anti'], ['anti', 'anti']];
      for (const [index, [ali, sara]] of stances.entries()) {
        const articlePath = path.join(root2, `n${index}.txt`);
        await fs.writeFile(articlePath, TEXT);
        const article = decodeArticle(await fs.readFile(articlePath));
        await saveAnnotationFileAt(annotatorFilePath(articlePath, 'ali'), articlePath, article, { status: 'done', annotations: [], extra: { documentLabels: { stance: ali } } });
        await saveAnnotationFileAt(annotatorFilePath(articlePath, 'sara'), articlePath, article, { status: 'done', annotations: [], extra: { documentLabels: { stance: sara } } });
      }
      const report = await computeAgreement(root2, { kind: 'all' });
      expect(report.documentLabels).toHaveLength(1);
      const [stance] = report.documentLabels ?? [];
      expect(stance).toMatchObject({ dimension: 'stance', kind: 'single', items: { cohen: 4, fleiss: 4 }, tooFew: true });
      expect(stance.cohen).toBeCloseTo(0.5, 12);
      const text = formatAgreementReport(report);
      expect(text).toMatch(/Document labels:\n.*dimension.*Cohen.*\n\s+stance\s+single\s+0\.500\s+4\s+0\.467\s+4\s+0\.533\s+nominal\s+4/);
      expect(text).toMatch(/Fewer than 10 articles behind: stance/);
    } finally {
      await fs.rm(root2, { recursive: true, force: true });
    }
  });
});
