import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statsToCsv } from '../../../shared/stats/statsCsv';
import { runCli } from '../../cli/cli';
import { createDispatcher } from '../../ipc/dispatcher';
import { createHandlerTable } from '../../ipc/handlerTable';
import { switchToAnnotatorFiles } from './annotatorFiles';
import { decodeArticle } from '../article/articleDecoder';
import { CorpusSession } from '../corpus/corpusSession';
import { corpusStats, dayOfTimestamp } from './corpusStats';
import { SettingsStore } from '../app/settingsStore';

// Emoji before the spans, ZWNJ inside one, CRLF line ends: offsets are code points of the LF text.
const TEXT = '😀 سازمان ملل متحد\r\nدر نیویورک و علی‌رضا.';

let root: string;

function span(id: string, type: string, part: string, extra: Record<string, string> = {}) {
  const text = decodeArticle(Buffer.from(TEXT)).text;
  const start = Array.from(text.slice(0, text.indexOf(part))).length;
  return { id, type, start, end: start + Array.from(part).length, text: part, ...extra };
}

async function write(name: string, contents: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
  await fs.writeFile(path.join(root, name), contents);
}

function nativeFile(annotations: object[], fields: Record<string, unknown> = {}): string {
  const article = decodeArticle(Buffer.from(TEXT));
  return JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'x.txt', sha256: article.sha256, encoding: 'utf-8', length: Array.from(article.text).length }, status: 'in-progress', annotations, relations: [], labels: [], ...fields });
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-stats-'));
  await write('a.txt', TEXT);
  await write(
    'a.ann.json',
    nativeFile(
      [
        span('T1', 'ORG', 'سازمان ملل متحد', { author: 'مریم', created: '2024-03-20T23:30:00+03:30' }),
        span('T2', 'LOC', 'نیویورک', { author: 'مریم', created: '2024-03-21T08:00:00Z' }),
        span('T3', 'PER', 'علی‌رضا', { created: 'yesterday' }),
      ],
      { status: 'done', updated: '2024-03-21T09:00:00Z', assignee: 'مریم' },
    ),
  );
  await write('b.txt', 'خبری دیگر.');
  await write('b.ann.json', nativeFile([], { status: 'approved' }));
  await write('c.txt', 'بی برچسب');
  await write('a.annotators/ali.ann.json', nativeFile([span('T1', 'ORG', 'سازمان ملل متحد'), span('T2', 'PER', 'علی‌رضا')]));
  await write('a.annotators/sara.ann.json', '{ broken');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('dayOfTimestamp', () => {
  it('keeps the writer’s own calendar day and refuses what is not a real date', () => {
    expect(dayOfTimestamp('2024-03-20T23:30:00+03:30')).toBe('2024-03-20');
    expect(dayOfTimestamp('2024-02-29T10:00:00Z')).toBe('2024-02-29');
    expect(dayOfTimestamp('2023-02-29T10:00:00Z')).toBeNull();
    expect(dayOfTimestamp('2024-03-20')).toBeNull();
    expect(dayOfTimestamp('yesterday')).toBeNull();
    expect(dayOfTimestamp(undefined)).toBeNull();
  });
});

describe('corpusStats', () => {
  it('counts by tag, status, author, annotator file, article and day', async () => {
    const stats = await corpusStats(root);
    expect(stats.articles).toBe(3);
    expect(stats.byStatus).toEqual({ new: 1, 'in-progress': 0, done: 1, 'needs-review': 0, rejected: 0, approved: 1 });
    expect(stats.annotations).toBe(3);
    expect(stats.byType).toEqual({ LOC: 1, ORG: 1, PER: 1 });
    expect(stats.byAuthor).toEqual({ مریم: 2 });
    expect(stats.withoutAuthor).toBe(1);
    expect(stats.byAnnotatorFile).toEqual({ ali: 2 });
    expect(stats.createdByDay).toEqual({ '2024-03-20': 1, '2024-03-21': 1 });
    expect(stats.undated).toBe(1);
    expect(stats.doneByDay).toEqual({ '2024-03-21': 1 });
    expect(stats.doneUndated).toBe(1);
    expect(stats.unreadable).toEqual([{ article: 'a.txt', annotator: 'sara', message: expect.stringContaining('not valid') }]);
    expect(stats.perArticle[0]).toEqual({ article: 'a.txt', status: 'done', annotations: 3, byType: { LOC: 1, ORG: 1, PER: 1 }, assignee: 'مریم' });
  });

  it('gives an empty corpus zeros, not errors', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-stats-empty-'));
    const stats = await corpusStats(empty);
    expect(stats.articles).toBe(0);
    expect(stats.createdByDay).toEqual({});
    expect(statsToCsv(stats).split('\r\n')[0]).toBe('section,key,count');
    await fs.rm(empty, { recursive: true });
  });
});

describe('statsToCsv', () => {
  it('quotes commas and quotes and defuses formulas', async () => {
    await write('=HYPERLINK("x"),1.txt', 'متن');
    const csv = statsToCsv(await corpusStats(root));
    expect(csv).toContain('\r\narticle,"\'=HYPERLINK(""x""),1.txt",0\r\n');
    expect(csv).toContain('\r\nauthor,مریم,2\r\n');
    expect(csv).toContain('\r\ncreated-per-day,2024-03-20,1\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('hashiye stats and the app print the same figures', () => {
  it('stats --json equals stats.compute, and --csv equals the CSV the app saves', async () => {
    const session = new CorpusSession();
    await session.open(root);
    const settingsFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-stats-settings-'));
    const csvTarget = path.join(settingsFolder, 'out.csv');
    const dispatch = createDispatcher(
      createHandlerTable({ session, settings: await SettingsStore.open(settingsFolder), host: { pickFolder: async () => null, pickSaveFile: async () => csvTarget, emit: () => {} }, development: false }),
      session,
    );
    const trusted = { trusted: true, description: 'test' };
    const app = await dispatch('stats.compute', {}, trusted);
    const output = { json: '', csv: '', human: '' };
    const io = (key: keyof typeof output) => ({ stdout: { write: (chunk: string) => (output[key] += chunk) }, stderr: { write: () => true } });
    expect(await runCli(['stats', root, '--json'], io('json'))).toBe(1); // the broken annotator file is listed
    // The command line adds the brat orphans it found (#22); the figures are the app's.
    const { bratOrphans, ...figures } = JSON.parse(output.json) as Record<string, unknown>;
    expect(figures).toEqual(app);
    expect(bratOrphans).toMatchObject({ brat: false, annWithoutText: [] });
    await runCli(['stats', root, '--csv'], io('csv'));
    expect(await dispatch('stats.exportCsv', {}, trusted)).toEqual({ savedAs: 'out.csv' });
    expect(await fs.readFile(csvTarget, 'utf8')).toBe(`\uFEFF${output.csv}`);
    await runCli(['stats', root], io('human'));
    expect(output.human).toMatch(/By author:\n {2}مریم {9}2\n {2}\(no author\) {2}1\n/);
    expect(output.human).toContain('By annotator file:\n  ali  2\n');
    expect(output.human).toMatch(/Created per day:\n {2}2024-03-20 {2}1\n {2}2024-03-21 {2}1\n {2}\(no date\) {3}1\n/);
    expect(output.human).toContain('Finished per day:\n  2024-03-21  1\n  (no date)   1\n');
    await session.close();
    await fs.rm(settingsFolder, { recursive: true });
  });
});

describe('switchToAnnotatorFiles dry run', () => {
  it('reports what the switch would write and writes nothing', async () => {
    await fs.rm(path.join(root, 'a.annotators'), { recursive: true });
    const preview = await switchToAnnotatorFiles(root, 'زهرا', { dryRun: true });
    expect(preview.written).toEqual([
      { id: 'a.txt', annotator: 'مریم', annotations: 2 },
      { id: 'a.txt', annotator: 'زهرا', annotations: 1 },
      { id: 'b.txt', annotator: 'زهرا', annotations: 0 },
    ]);
    await expect(fs.access(path.join(root, 'a.annotators'))).rejects.toThrow();
    const done = await switchToAnnotatorFiles(root, 'زهرا');
    expect(done.written).toEqual(preview.written);
  });
});
