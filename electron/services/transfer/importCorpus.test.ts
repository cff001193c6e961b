import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { importCorpus, ImportRefusedError, type ImportProgress } from './importCorpus';

const temporaryFolders: string[] = [];
async function newFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-import-'));
  temporaryFolders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of temporaryFolders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

async function readNative(file: string) {
  const parsed = parseAnnotationFile(await fs.readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.file;
}

describe('importCorpus', () => {
  it('writes NAME.txt and a valid NAME.ann.json per article: sha256, length, quotes, status, author, tokens', async () => {
    const root = await newFolder();
    const source = path.join(root, 'news.conll');
    await fs.writeFile(source, '-DOCSTART- O\n\nسرلشکر B-PER\nباقری I-PER\nگفت O\n\n😀 O\n-DOCSTART- O\nخبر O\n');
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'conll', out });
    expect(summary).toMatchObject({ articles: 2, annotations: 1, skipped: [], cancelled: false });
    expect((await fs.readdir(out)).sort()).toEqual(['news-001.ann.json', 'news-001.txt', 'news-002.ann.json', 'news-002.txt']);
    const bytes = await fs.readFile(path.join(out, 'news-001.txt'));
    expect(bytes.toString('utf8')).toBe('سرلشکر باقری گفت\n😀');
    const native = await readNative(path.join(out, 'news-001.ann.json'));
    expect(native.source).toEqual({ file: 'news-001.txt', sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: 18 });
    expect(native.status).toBe('in-progress');
    expect(native.tokens).toEqual([[0, 6], [7, 12], [13, 16], [17, 18]]);
    expect(native.annotations).toEqual([
      expect.objectContaining({ id: 'T1', type: 'PER', start: 0, end: 12, text: 'سرلشکر باقری', quote: { prefix: '', suffix: ' گفت\n😀' }, author: 'import' }),
    ]);
    expect(typeof native.annotations[0].created).toBe('string');
    expect((await readNative(path.join(out, 'news-002.ann.json'))).status).toBe('new');
  });

  it('refuses a target folder that is not empty, and a file as target; an empty folder is fine', async () => {
    const root = await newFolder();
    const source = path.join(root, 'a.conll');
    await fs.writeFile(source, 'a O\n');
    const busy = path.join(root, 'busy');
    await fs.mkdir(busy);
    await fs.writeFile(path.join(busy, 'keep.txt'), 'mine');
    await expect(importCorpus(source, { from: 'conll', out: busy })).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await fs.readdir(busy)).toEqual(['keep.txt']);
    await expect(importCorpus(source, { from: 'conll', out: source })).rejects.toThrow(/not a folder|cannot be the folder/);
    const empty = path.join(root, 'empty');
    await fs.mkdir(empty);
    expect((await importCorpus(source, { from: 'conll', out: empty })).articles).toBe(1);
    await expect(importCorpus(path.join(root, 'missing.conll'), { from: 'conll', out: path.join(root, 'x') })).rejects.toThrow(/does not exist/);
  });

  it('imports a folder, keeping sub-folders, naming clashes apart, and reporting unreadable files', async () => {
    const root = await newFolder();
    const source = path.join(root, 'src');
    await fs.mkdir(path.join(source, 'sub'), { recursive: true });
    await fs.writeFile(path.join(source, 'a.jsonl'), `${JSON.stringify({ text: 'الف', label: [[0, 1, 'X']] })}\n`);
    await fs.writeFile(path.join(source, 'sub', 'b.jsonl'), `${JSON.stringify({ text: 'ب', label: [] })}\n{bad\n`);
    await fs.writeFile(path.join(source, 'c.jsonl'), Buffer.from([0, 1, 2, 3, 0, 0]));
    await fs.writeFile(path.join(source, 'notes.md'), 'ignored');
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'jsonl', out });
    expect(summary.articles).toBe(2);
    expect(summary.skipped).toEqual([
      { file: path.join(source, 'c.jsonl'), line: 0, reason: expect.stringContaining('cannot be read'), why: { code: 'unreadableFile' } },
      { file: path.join(source, 'sub', 'b.jsonl'), line: 2, reason: expect.stringContaining('not valid JSON'), why: { code: 'invalidJsonLine' } },
    ]);
    expect(await fs.readdir(path.join(out, 'sub'))).toEqual(['b-001.ann.json', 'b-001.txt']);
  });

  it('decodes Windows-1256 sources', async () => {
    const root = await newFolder();
    const source = path.join(root, 'old.conll');
    // Windows-1256 has ک گ پ but no Persian yeh: old Persian files carry Arabic yeh (ي).
    await fs.writeFile(source, iconv.encode('کتاب B-PRO\nگزارش O\nپارسي O\n', 'windows-1256'));
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'conll', out });
    expect(summary.annotations).toBe(1);
    expect(await fs.readFile(path.join(out, 'old-001.txt'), 'utf8')).toBe('کتاب گزارش پارسي');
  });

  it('reports progress to the end and stops when the signal aborts, leaving complete pairs', async () => {
    const root = await newFolder();
    const source = path.join(root, 'many.conll');
    await fs.writeFile(source, Array.from({ length: 20 }, (_, index) => `w${index} O\n`).join('\n'));
    const progress: ImportProgress[] = [];
    const summary = await importCorpus(source, { from: 'conll', out: path.join(root, 'all'), sentencesPerArticle: 2 }, (event) => progress.push(event));
    expect(summary.articles).toBe(10);
    expect(progress[0]).toMatchObject({ phase: 'reading', fraction: 0 });
    expect(progress.at(-1)).toMatchObject({ fraction: 1, articlesWritten: 10 });
    const fractions = progress.map((event) => event.fraction);
    expect([...fractions].sort((left, right) => left - right)).toEqual(fractions);

    const controller = new AbortController();
    const partialOut = path.join(root, 'partial');
    const partial = await importCorpus(source, { from: 'conll', out: partialOut, sentencesPerArticle: 2 }, (event) => {
      if (event.articlesWritten === 3) controller.abort();
    }, controller.signal);
    // A cancelled import leaves no half corpus: nothing at the target, no staging folder beside it.
    expect(partial).toMatchObject({ cancelled: true, articles: 0, annotations: 0 });
    expect(existsSync(partialOut)).toBe(false);
    expect((await fs.readdir(root)).sort()).toEqual(['all', 'many.conll']);
  });

  it('imports a brat folder with an .ann that has no .txt reported', async () => {
    const root = await newFolder();
    const source = path.join(root, 'brat');
    await fs.mkdir(source);
    await fs.writeFile(path.join(source, 'a.txt'), 'علی\r\nتهران');
    await fs.writeFile(path.join(source, 'a.ann'), 'T1\tLOC 5 10\tتهران\n');
    await fs.writeFile(path.join(source, 'b.txt'), 'بدون حاشیه');
    await fs.writeFile(path.join(source, 'orphan.ann'), 'T1\tX 0 1\tx\n');
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'brat', out });
    expect(summary).toMatchObject({ articles: 2, annotations: 1 });
    expect(summary.skipped).toEqual([{ file: path.join(source, 'orphan.ann'), line: 0, reason: expect.stringContaining('cannot be read'), why: { code: 'unreadableFile' } }]);
    const native = await readNative(path.join(out, 'a.ann.json'));
    expect(native.annotations[0]).toMatchObject({ start: 4, end: 9, text: 'تهران' });
    expect(await fs.readFile(path.join(out, 'a.txt'), 'utf8')).toBe('علی\nتهران');
    expect((await readNative(path.join(out, 'b.ann.json'))).status).toBe('new');
  });

  it('reads HF label names from dataset_info.json beside the data', async () => {
    const root = await newFolder();
    const source = path.join(root, 'hf');
    await fs.mkdir(source);
    await fs.writeFile(path.join(source, 'dataset_info.json'), JSON.stringify({ features: { tokens: { feature: { dtype: 'string' } }, ner_tags: { feature: { names: ['O', 'B-PER', 'I-PER'], _type: 'ClassLabel' }, _type: 'Sequence' } } }));
    await fs.writeFile(path.join(source, 'test.jsonl'), `${JSON.stringify({ tokens: ['علی', 'رضایی', 'آمد'], ner_tags: [1, 2, 0] })}\n`);
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'hf', out });
    expect(summary).toMatchObject({ articles: 1, annotations: 1, skipped: [] });
    const native = await readNative(path.join(out, 'test-001.ann.json'));
    expect(native.annotations[0]).toMatchObject({ type: 'PER', text: 'علی رضایی' });
  });
});
