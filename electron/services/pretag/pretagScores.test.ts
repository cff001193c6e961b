import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTestArticle } from '../testing/testCorpus';
import { runPretag } from './pretagRun';
import { scorePretagger } from './pretagScores';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pretag-scores-'));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

describe('scorePretagger', () => {
  it('measures the suggestions against the analyst file per type, exact span and type', async () => {
    const bytes = 'علی در تهران و مشهد';
    await writeTestArticle(root, { id: 'a.txt', bytes, annotations: [{ type: 'PER', part: 'علی' }, { type: 'LOC', part: 'تهران' }, { type: 'LOC', part: 'مشهد' }] });
    // An article without an analyst file is not measured.
    await writeTestArticle(root, { id: 'b.txt', bytes });
    const entries = [
      { phrase: 'علی', type: 'PER' },
      { phrase: 'تهران', type: 'PER' },
      { phrase: 'مشهد', type: 'LOC' },
    ];
    await runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries } });
    const { articles, scores } = await scorePretagger(root, 'gazetteer');
    expect(articles).toBe(1);
    const byTag = Object.fromEntries(scores.perTag.map((tag) => [tag.tag, [tag.countA, tag.countB, tag.matched, tag.precision, tag.recall]]));
    expect(byTag).toEqual({ PER: [1, 2, 1, 0.5, 1], LOC: [2, 1, 1, 1, 0.5] });
    expect(scores.micro).toMatchObject({ matched: 2, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });
});
