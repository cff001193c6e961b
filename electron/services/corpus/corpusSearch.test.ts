import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCorpus, tagAllInCorpus, undoTagAll } from './corpusSearch';
import { saveAnnotations } from '../storage/annotationStore';
import { decodeArticle } from '../article/articleDecoder';

async function corpus() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-search-'));
  await fs.mkdir(path.join(root, 'sub'));
  await fs.writeFile(path.join(root, 'a.txt'), 'وزير خارجه 😀 در تهران با وزیر دیگر دیدار کرد.\n');
  await fs.writeFile(path.join(root, 'sub', 'b.txt'), 'وزیرِ کشور و وزيران.\n');
  await fs.writeFile(path.join(root, 'c.txt'), 'هیچ.\n');
  await fs.writeFile(path.join(root, 'broken.txt'), 'وزیر.\n');
  await fs.writeFile(path.join(root, 'broken.ann.json'), '{');
  return root;
}

describe('corpus-wide search and tag all', () => {
  it('finds Arabic-yeh spellings with a Persian query, with context and code-point offsets', async () => {
    const root = await corpus();
    const result = await searchCorpus(root, 'وزیر', { wholeWords: true, limit: 100 });
    expect(result.hits.map((hit) => [hit.articleId, hit.match])).toEqual([
      ['a.txt', 'وزير'],
      ['a.txt', 'وزیر'],
      ['broken.txt', 'وزیر'],
      ['sub/b.txt', 'وزیرِ'],
    ]);
    const second = result.hits[1];
    const text = Array.from('وزير خارجه 😀 در تهران با وزیر دیگر دیدار کرد.\n');
    expect(text.slice(second.start, second.end).join('')).toBe('وزیر');
    expect(second.before).toContain('تهران با');
    expect(result.total).toBe(4);
  });

  it('matches across a lost, extra or replaced ZWNJ inside a word, with exact code-point offsets (#19)', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-search-zwnj-'));
    // 😀 first: code points and UTF-16 units differ from the start.
    const text = '😀 گروههای مسلح و گروه های دیگر و گروه\u200Cهای سوم.\n';
    await fs.writeFile(path.join(root, 'zwnj.txt'), text);
    const result = await searchCorpus(root, 'گروه\u200Cهای', { wholeWords: true, limit: 100 });
    expect(result.hits.map((hit) => hit.match)).toEqual(['گروههای', 'گروه های', 'گروه\u200Cهای']);
    const points = Array.from(text);
    for (const hit of result.hits) expect(points.slice(hit.start, hit.end).join('')).toBe(hit.match);
    expect(result.hits.map((hit) => [hit.start, hit.end])).toEqual([
      [2, 9],
      [17, 25],
      [33, 41],
    ]);
    // The query without its ZWNJ finds the same three.
    expect((await searchCorpus(root, 'گروههای', { wholeWords: true, limit: 100 })).hits).toHaveLength(3);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('tags every hit in one step, skipping broken files and spans already tagged, and undoes exactly that step', async () => {
    const root = await corpus();
    // An annotation made earlier on the same span stays, and is not doubled.
    const articlePath = path.join(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    await saveAnnotations(articlePath, article, { status: 'done', annotations: [{ id: 'mine', type: 'PER', start: 0, end: 4, text: 'وزير' }], relations: [], labels: [] });
    const tagged = await tagAllInCorpus(root, 'وزیر', { wholeWords: true, type: 'PER', author: 'lead' });
    expect(tagged.added).toBe(2);
    expect(tagged.articles).toEqual(['a.txt', 'sub/b.txt']);
    // The article files themselves are never written.
    expect(await fs.readFile(articlePath, 'utf8')).toBe('وزير خارجه 😀 در تهران با وزیر دیگر دیدار کرد.\n');
    expect(tagged.skipped.map((entry) => entry.id)).toEqual(['broken.txt']);
    const aFile = JSON.parse(await fs.readFile(path.join(root, 'a.ann.json'), 'utf8'));
    expect(aFile.annotations.map((annotation: { id: string; text: string }) => annotation.text)).toEqual(['وزير', 'وزیر']);
    expect(aFile.status).toBe('done');
    expect(await fs.readFile(path.join(root, 'broken.ann.json'), 'utf8')).toBe('{');

    const undone = await undoTagAll(root, tagged.batchId);
    expect(undone.removed).toBe(2);
    const after = JSON.parse(await fs.readFile(path.join(root, 'a.ann.json'), 'utf8'));
    expect(after.annotations.map((annotation: { id: string }) => annotation.id)).toEqual(['mine']);
    const b = JSON.parse(await fs.readFile(path.join(root, 'sub', 'b.ann.json'), 'utf8'));
    expect(b.annotations).toEqual([]);
  });
});
