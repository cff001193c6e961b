import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFifo } from '../testing/specialFiles';
import { loadArticleMetadata, loadArticleMetadataSync, METADATA_FILE_BYTES, saveArticleMetadata } from './articleMetadataFile';
import { summarizeArticles } from './articleSummaries';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function corpus(): Promise<{ root: string; article: string; meta: string; outside: string }> {
  const parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-metadata-')));
  cleanups.push(() => fs.rm(parent, { recursive: true, force: true }));
  const root = path.join(parent, 'corpus');
  await fs.mkdir(root);
  const article = path.join(root, 'news.txt');
  await fs.writeFile(article, 'متن خبر.\n');
  return { root, article, meta: path.join(root, 'news.meta.json'), outside: path.join(parent, 'outside.json') };
}

describe('NAME.meta.json', () => {
  it('reads the known fields and keeps the unknown ones through a save', async () => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(meta, JSON.stringify({ scraper: { run: 7 }, title: 'عنوان', published: '2024-03-20' }));
    expect(await loadArticleMetadata(root, article)).toEqual({ metadata: { title: 'عنوان', published: '2024-03-20' }, exists: true, problem: null });
    const saved = await saveArticleMetadata(root, article, { title: 'عنوان تازه', source: 'ایرنا', url: 'https://www.irna.ir/news/1', author: '  ', published: '2024-03-21' });
    expect(saved.saved).toBe(true);
    expect(JSON.parse(await fs.readFile(meta, 'utf8'))).toEqual({ scraper: { run: 7 }, title: 'عنوان تازه', source: 'ایرنا', url: 'https://www.irna.ir/news/1', published: '2024-03-21' });
    expect(loadArticleMetadataSync(root, article).metadata.source).toBe('ایرنا');
  });

  it('creates the file when there is none, and reads an absent one as empty', async () => {
    const { root, article, meta } = await corpus();
    expect(await loadArticleMetadata(root, article)).toEqual({ metadata: {}, exists: false, problem: null });
    await saveArticleMetadata(root, article, { author: 'مریم' });
    expect(await fs.readFile(meta, 'utf8')).toBe('{\n  "author": "مریم"\n}\n');
  });

  it('never overwrites a file that does not parse, and says why', async () => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(meta, '{"title": "نیمه');
    const loaded = await loadArticleMetadata(root, article);
    expect(loaded.problem).toMatchObject({ code: 'metadataSyntax', file: 'news.meta.json' });
    const saved = await saveArticleMetadata(root, article, { title: 'x' });
    expect(saved).toMatchObject({ saved: false, problem: { code: 'metadataSyntax' } });
    expect(await fs.readFile(meta, 'utf8')).toBe('{"title": "نیمه');
  });

  it('refuses a known field of the wrong form by name, and an impossible date', async () => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(meta, JSON.stringify({ published: '2024-02-30' }));
    expect((await loadArticleMetadata(root, article)).problem).toMatchObject({ code: 'metadataSchema', field: 'published' });
    await fs.writeFile(meta, JSON.stringify({ title: 12 }));
    expect((await loadArticleMetadata(root, article)).problem).toMatchObject({ code: 'metadataSchema', field: 'title' });
    expect((await saveArticleMetadata(root, article, { title: 'x' })).saved).toBe(false);
    expect(await fs.readFile(meta, 'utf8')).toBe('{"title":12}');
  });

  it('does not follow a link out of the corpus, nor write through it', async () => {
    const { root, article, meta, outside } = await corpus();
    await fs.writeFile(outside, JSON.stringify({ title: 'OUTSIDE-CANARY' }));
    await fs.symlink(outside, meta);
    const loaded = await loadArticleMetadata(root, article);
    expect(loaded.problem?.code).toBe('metadataRefused');
    expect(JSON.stringify(loaded)).not.toContain('OUTSIDE-CANARY');
    expect((await saveArticleMetadata(root, article, { title: 'x' })).saved).toBe(false);
    expect(await fs.readFile(outside, 'utf8')).toContain('OUTSIDE-CANARY');
  });

  it('refuses a FIFO without blocking, and a file over the limit', async () => {
    const { root, article, meta } = await corpus();
    const cannot = makeFifo(meta);
    if (cannot !== null) {
      console.warn(`FIFO part skipped: ${cannot}`);
      return;
    }
    expect((await loadArticleMetadata(root, article)).problem?.code).toBe('metadataRefused');
    await fs.rm(meta);
    await fs.writeFile(meta, `{"title": "${'a'.repeat(METADATA_FILE_BYTES)}"}`);
    expect((await loadArticleMetadata(root, article)).problem?.code).toBe('metadataRefused');
  });

  it('two quick saves land one after the other, the last one winning', async () => {
    const { root, article, meta } = await corpus();
    await Promise.all([saveArticleMetadata(root, article, { title: 'یک' }), saveArticleMetadata(root, article, { title: 'دو' })]);
    expect(JSON.parse(await fs.readFile(meta, 'utf8'))).toEqual({ title: 'دو' });
  });
});

describe('summaries for the file list', () => {
  it('gives each article its metadata and document labels, broken files as none', async () => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(meta, JSON.stringify({ source: 'ایسنا' }));
    await fs.writeFile(path.join(root, 'news.ann.json'), JSON.stringify({ format: 'hashiye-annotations', version: 2, annotations: [], documentLabels: { stance: 'against' }, labels: ['old'] }));
    const other = path.join(root, 'other.txt');
    await fs.writeFile(other, 'x');
    await fs.writeFile(path.join(root, 'other.meta.json'), 'not json');
    expect(await summarizeArticles(root, [{ id: 'news.txt', path: article }, { id: 'other.txt', path: other }])).toEqual([
      { id: 'news.txt', metadata: { source: 'ایسنا' }, labels: { stance: 'against', labels: ['old'] }, metadataProblem: false },
      { id: 'other.txt', metadata: {}, labels: {}, metadataProblem: true },
    ]);
  });
});
