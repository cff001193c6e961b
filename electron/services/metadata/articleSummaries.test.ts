import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('summarizeArticles: document labels (#25: read without decoding a file that holds none)', () => {
  it('gives the same labels as reading every file as UTF-8: Persian values, legacy labels, escaped keys, a byte-order mark', async () => {
    const { root, articles } = await corpusWith([
      native({ labels: [] }),
      native({ labels: [], documentLabels: { stance: 'مخالف', topics: ['اقتصاد', 'سیاست'] } }),
      native({ labels: ['قدیمی', 7] }),
      native({}).replace(/}$/, ',"\\u006cabels":["old"]}'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(native({ documentLabels: { stance: 'موافق' } }), 'utf8')]),
      native({ documentLabels: { '': 'empty dimension' } }),
      '{"format":',
      '[1, 2]',
    ]);
    const labels = (await summarizeArticles(root, articles)).map((summary) => summary.labels);
    expect(labels).toEqual([{}, { stance: 'مخالف', topics: ['اقتصاد', 'سیاست'] }, { labels: ['قدیمی'] }, { labels: ['old'] }, { stance: 'موافق' }, {}, {}, {}]);
  });
});
