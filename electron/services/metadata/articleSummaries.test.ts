import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeArticles } from './articleSummaries';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A corpus with one article per annotation file text given, named a0.txt, a1.txt... */
async function corpusWith(annotationTexts: (string | Buffer)[]): Promise<{ root: string; articles: { id: string; path: string }[] }> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-summaries-')));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const articles: { id: string; path: string }[] = [];
  for (const [index, text] of annotationTexts.entries()) {
    const id = `a${index}.txt`;
    await fs.writeFile(path.join(root, id), 'متن خبر.\n');
    await fs.writeFile(path.join(root, `a${index}.ann.json`), text);
    articles.push({ id, path: path.join(root, id) });
  }
  return { root, articles };
}

const native = (fields: Record<string, unknown>) => JSON.stringify({ format: 'hashiye-annotations', version: 1, status: 'new', annotations: [{ id: 'a1', type: 'PER', text: 'باقری' }], relations: [], ...fields });

/** Dates every file of the corpus an hour back: read at once, not left to the read that waits for a file just written to settle. */
async function ageFiles(root: string): Promise<void> {
  const then = new Date(Date.now() - 3_600_000);
  for (const name of await fs.readdir(root)) await fs.utimes(path.join(root, name), then, then);
}

const LABEL_FILES = () => [
  native({ labels: [] }),
  native({ labels: [], documentLabels: { stance: 'مخالف', topics: ['اقتصاد', 'سیاست'] } }),
  native({ labels: ['قدیمی', 7] }),
  native({}).replace(/}$/, ',"\\u006cabels":["old"]}'),
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(native({ documentLabels: { stance: 'موافق' } }), 'utf8')]),
  native({ documentLabels: { '': 'empty dimension' } }),
  '{"format":',
  '[1, 2]',
];
const LABELS = [{}, { stance: 'مخالف', topics: ['اقتصاد', 'سیاست'] }, { labels: ['قدیمی'] }, { labels: ['old'] }, { stance: 'موافق' }, {}, {}, {}];

describe('summarizeArticles: document labels (#25: read without decoding a file that holds none)', () => {
  it('gives the same labels from files read at once (#25: synchronously, in slices) as from files just written', async () => {
    const { root, articles } = await corpusWith(LABEL_FILES());
    await ageFiles(root);
    expect((await summarizeArticles(root, articles)).map((summary) => summary.labels)).toEqual(LABELS);
  });

  it('gives each article its metadata and a problem flag, in the order asked, whichever way each was read', async () => {
    const { root, articles } = await corpusWith([native({ documentLabels: { stance: 'مخالف' } }), native({}), native({}), native({}), native({})]);
    await fs.writeFile(path.join(root, 'a1.meta.json'), JSON.stringify({ title: 'تیتر', published: '2024-02-29', scraper: 'kept' }));
    await fs.writeFile(path.join(root, 'a2.meta.json'), '{ broken');
    await fs.rm(path.join(root, 'a3.ann.json'));
    await ageFiles(root);
    // a4's annotation file is written now: its read waits for it to settle.
    await fs.writeFile(path.join(root, 'a4.ann.json'), native({ documentLabels: { stance: 'موافق' } }));
    const summaries = await summarizeArticles(root, [...articles].reverse());
    expect(summaries.map((summary) => summary.id)).toEqual(['a4.txt', 'a3.txt', 'a2.txt', 'a1.txt', 'a0.txt']);
    expect(summaries.map(({ metadata, labels, metadataProblem }) => ({ metadata, labels, metadataProblem }))).toEqual([
      { metadata: {}, labels: { stance: 'موافق' }, metadataProblem: false },
      { metadata: {}, labels: {}, metadataProblem: false },
      { metadata: {}, labels: {}, metadataProblem: true },
      { metadata: { title: 'تیتر', published: '2024-02-29' }, labels: {}, metadataProblem: false },
      { metadata: {}, labels: { stance: 'مخالف' }, metadataProblem: false },
    ]);
  });

  it('reads nothing through a link out of the corpus or from a FIFO: such files give no labels and no metadata', async () => {
    const { root, articles } = await corpusWith([native({}), native({})]);
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-summaries-outside-'));
    cleanups.push(() => fs.rm(outside, { recursive: true, force: true }));
    await fs.writeFile(path.join(outside, 'labels.json'), native({ documentLabels: { stance: 'outside' } }));
    await fs.writeFile(path.join(outside, 'meta.json'), JSON.stringify({ title: 'outside' }));
    await fs.rm(path.join(root, 'a0.ann.json'));
    await fs.symlink(path.join(outside, 'labels.json'), path.join(root, 'a0.ann.json'));
    await fs.symlink(path.join(outside, 'meta.json'), path.join(root, 'a0.meta.json'));
    await fs.rm(path.join(root, 'a1.ann.json'));
    try {
      execFileSync('mkfifo', [path.join(root, 'a1.ann.json')]);
    } catch {
      await fs.writeFile(path.join(root, 'a1.ann.json'), '{}');
    }
    await ageFiles(root);
    const summaries = await summarizeArticles(root, articles);
    expect(summaries.map((summary) => summary.labels)).toEqual([{}, {}]);
    expect(summaries[0].metadata).toEqual({});
    expect(summaries[0].metadataProblem).toBe(true);
  });

  it('gives the same labels as reading every file as UTF-8: Persian values, legacy labels, escaped keys, a byte-order mark', async () => {
    const { root, articles } = await corpusWith(LABEL_FILES());
    const labels = (await summarizeArticles(root, articles)).map((summary) => summary.labels);
    expect(labels).toEqual(LABELS);
  });
});
