import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTestArticle } from '../testing/testCorpus';
import { ExportCancelledError, ExportInputError, type ExportProgress } from './exportRequest';
import { exportCorpus, exportFileWriter } from './exportCorpus';
import { splitArticles } from './exportPlan';
import { importCorpus } from './importCorpus';

const projectRoot = path.resolve(__dirname, '../../..');
const arman = path.resolve(projectRoot, '../shared/data/arman-personer/test_fold1.first300.txt');
const parstwiner = path.resolve(projectRoot, '../shared/data/parstwiner/test.first300.txt');
const bratNews = path.resolve(projectRoot, '../shared/data/brat-example-data/tutorials/news');

let scratch: string;
let corpus: string;

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-export-'));
  corpus = path.join(scratch, 'corpus');
  for (let index = 1; index <= 30; index++) {
    await writeTestArticle(corpus, {
      id: `a/${String(index).padStart(2, '0')}.txt`,
      bytes: `👍 خبر ${index}: وزیر امور خارجه ایران به دمشق رفت.`,
      status: index % 2 === 0 ? 'done' : 'in-progress',
      annotations: [{ type: 'LOC', part: 'ایران' }, { type: 'LOC', part: 'دمشق' }],
    });
  }
});

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** `token TAB tag` of each token line of a CoNLL-like file whose tag follows `separator`. */
function conllTokens(content: string, separator: string): string[] {
  return content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('-DOCSTART-'))
    .map((line) => `${line.slice(0, line.lastIndexOf(separator))}\t${line.slice(line.lastIndexOf(separator) + 1)}`);
}

describe('exportCorpus', () => {
  it('reports progress while reading and writing, in order', async () => {
    const phases: ExportProgress[] = [];
    const result = await exportCorpus(corpus, 'w3c', { out: path.join(scratch, 'out') }, (progress) => phases.push(progress));
    expect(result.written).toBe(true);
    expect(phases[0].phase).toBe('listing');
    expect(phases.filter((progress) => progress.phase === 'reading').at(-1)).toEqual({ phase: 'reading', done: 30, total: 30 });
    expect(phases.at(-1)?.phase).toBe('done');
    expect(result.paths.map((file) => path.basename(file)).sort()).toEqual(['annotations.jsonld', 'export-report.json', 'manifest.json']);
  });

  it('stops when cancelled and writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportCorpus(corpus, 'csv', { out: path.join(scratch, 'out') }, undefined, controller.signal)).rejects.toBeInstanceOf(ExportCancelledError);
    const midway = new AbortController();
    await expect(
      exportCorpus(corpus, 'csv', { out: path.join(scratch, 'out') }, (progress) => {
        if (progress.phase === 'reading' && progress.done > 0) midway.abort();
      }, midway.signal),
    ).rejects.toBeInstanceOf(ExportCancelledError);
    expect(existsSync(path.join(scratch, 'out'))).toBe(false);
  });

  it('exports the scope asked for: some articles, or articles with a status', async () => {
    const some = await exportCorpus(corpus, 'csv', { out: path.join(scratch, 'one.csv'), scope: { articleIds: ['a/03.txt'] } });
    expect(some.manifest.articles).toBe(1);
    expect(readFileSync(path.join(scratch, 'one.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
    const done = await exportCorpus(corpus, 'csv', { out: path.join(scratch, 'done'), scope: { statuses: ['done'] } });
    expect(done.manifest.articles).toBe(15);
    await expect(exportCorpus(corpus, 'csv', { out: path.join(scratch, 'x'), scope: { articleIds: ['missing.txt'] } })).rejects.toBeInstanceOf(ExportInputError);
  });

  it('splits whole articles by seed, deterministically and in proportion', () => {
    const ids = Array.from({ length: 100 }, (_, index) => `n/${index}.txt`);
    const split = splitArticles(ids, { ratios: [80, 10, 10], seed: 42 });
    expect([split.train.length, split.dev.length, split.test.length]).toEqual([80, 10, 10]);
    expect(new Set([...split.train, ...split.dev, ...split.test]).size).toBe(100);
    expect(splitArticles(ids, { ratios: [80, 10, 10], seed: 42 })).toEqual(split);
    expect(splitArticles(ids, { ratios: [80, 10, 10], seed: 43 }).dev).not.toEqual(split.dev);
  });

  it('gives back the source tokens of an imported article', async () => {
    await writeTestArticle(corpus, {
      id: 'imported.txt',
      bytes: 'امنیتیگروه سیاسی\nU.S.A ۱۲:۳۰',
      annotations: [{ type: 'ORG', part: 'گروه سیاسی' }],
      tokens: [[0, 10], [11, 16], [17, 20], [20, 22], [23, 25], [25, 26], [26, 28]],
    });
    const result = await exportCorpus(corpus, 'conll', { out: path.join(scratch, 'out'), scope: { articleIds: ['imported.txt'] }, allowLossy: true });
    const conll = readFileSync(path.join(scratch, 'out', 'corpus.conll'), 'utf8');
    expect(conll).toBe('-DOCSTART-\tO\n\nامنیتیگروه\tB-ORG\nسیاسی\tI-ORG\n\nU.S\tO\n.A\tO\n۱۲\tO\n:\tO\n۳۰\tO\n\n');
    expect(result.report.documents[0].problems[0]).toMatchObject({ kind: 'not-on-token-edge', effect: 'changed' });
  });

  for (const source of [
    { file: arman, from: 'conll' as const, separator: ' ' },
    { file: parstwiner, from: 'conll' as const, separator: '\t' },
  ]) {
    it.skipIf(!existsSync(source.file))(`imports then exports ${path.basename(path.dirname(source.file))} with the same tokens and tags (skipped when ${source.file} is absent)`, async () => {
      const imported = path.join(scratch, 'imported');
      await importCorpus(source.file, { from: source.from, out: imported });
      const result = await exportCorpus(imported, 'conll', { out: path.join(scratch, 'roundtrip') });
      expect(result.written).toBe(true);
      expect(result.report.totals.lost).toBe(0);
      const exported = readFileSync(path.join(scratch, 'roundtrip', 'corpus.conll'), 'utf8');
      expect(conllTokens(exported, '\t')).toEqual(conllTokens(readFileSync(source.file, 'utf8'), source.separator));
    });
  }

  it.skipIf(!existsSync(bratNews))(`exports a brat corpus (NAME.ann) to brat with identical T lines, keeping E and N lines; other formats report them (skipped when ${bratNews} is absent)`, async () => {
    const copy = path.join(scratch, 'brat-news');
    await fs.cp(bratNews, copy, { recursive: true });
    const result = await exportCorpus(copy, 'brat', { out: path.join(scratch, 'out') });
    expect(result.written).toBe(true);
    expect(result.report.totals.articles).toBe(13);
    const annFiles = (await fs.readdir(copy)).filter((name) => name.endsWith('.ann'));
    let compared = 0;
    for (const name of annFiles) {
      const tLines = (content: string): string[] => content.split('\n').filter((line) => line.startsWith('T'));
      const original = tLines(readFileSync(path.join(copy, name), 'utf8'));
      expect(tLines(readFileSync(path.join(scratch, 'out', name), 'utf8')), name).toEqual(original);
      compared += original.length;
    }
    expect(compared).toBeGreaterThan(50);
    // brat keeps the lines the app does not show: nothing to report about them.
    const problems = result.report.documents.flatMap((document) => document.problems);
    expect(problems.filter((problem) => problem.kind === 'source-line')).toEqual([]);
    // The corpus's own annotation.conf, as it was.
    expect(readFileSync(path.join(scratch, 'out', 'annotation.conf'), 'utf8')).toBe(readFileSync(path.join(copy, 'annotation.conf'), 'utf8'));
    const jsonl = await exportCorpus(copy, 'jsonl', { out: path.join(scratch, 'corpus.jsonl'), jsonlVariant: 'entities' });
    const jsonlProblems = jsonl.report.documents.flatMap((document) => document.problems);
    expect(jsonlProblems.some((problem) => problem.kind === 'source-line' && problem.message.includes('event, normalization or equivalence'))).toBe(true);
  });
});

describe('files written in pieces (#25)', () => {
  it('writes more pieces than one writev takes, in order, flushed, as the bytes joined', async () => {
    const pieces: Uint8Array[] = Array.from({ length: 2500 }, (_, index) => Buffer.from(`${index} «${'ا'.repeat(index % 7)}»\n`, 'utf8'));
    pieces.splice(10, 0, new Uint8Array(0));
    const file = path.join(scratch, 'pieces.conll');
    await exportFileWriter.write(file, pieces);
    expect((await fs.readFile(file)).equals(Buffer.concat(pieces))).toBe(true);
  });
});
