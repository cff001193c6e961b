import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanCorpus } from './corpusScanner';
import { stampOf } from './listingCache';
import { ArticleStatusSchema } from '../../../shared/model/status';

async function annotationFile(text: string, status: string, types: string[]): Promise<string> {
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'x.txt', sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status,
    annotations: types.map((type, index) => ({ id: `a${index}`, type, start: 0, end: 1, text: text[0] })),
    relations: [],
    labels: [],
  });
}

/** The cache file's layout: the listing in columns (shared/articleListWire.ts), six numbers of stamps an article. */
type CacheFile = { stamps: unknown[]; columns: { ids: string[]; statuses: string } };
const STAMP_WIDTH = 6;
/** A status's character in the columns: its index in the schema, twice, from '0'. */
const statusChar = (status: string) => String.fromCharCode(48 + 2 * ArticleStatusSchema.options.indexOf(status as never));

async function listing(root: string, cacheFolder: string) {
  return (await scanCorpus(root, { cacheFolder })).map((entry) => [entry.id, entry.status, entry.annotationCount, entry.tags.join(',')].join(' '));
}

describe('the listing cache', () => {
  it('gives the same listing from the cache, notices changed files, and can be deleted without loss', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cache-'));
    const root = path.join(workspace, 'corpus');
    const cacheFolder = path.join(workspace, 'cache');
    await fs.mkdir(path.join(root, 'sub'), { recursive: true });
    await fs.writeFile(path.join(root, 'a.txt'), 'الف');
    await fs.writeFile(path.join(root, 'a.ann.json'), await annotationFile('الف', 'done', ['PER']));
    await fs.writeFile(path.join(root, 'sub', 'b.txt'), 'ب');
    const corpusBefore = await fs.readdir(root, { recursive: true });

    const first = await listing(root, cacheFolder);
    expect(first).toEqual(['a.txt done 1 PER', 'sub/b.txt new 0 ']);
    expect((await fs.readdir(cacheFolder)).length).toBe(1);
    expect(await listing(root, cacheFolder)).toEqual(first);

    // A changed annotation file (different size) and a new article are seen at once.
    await fs.writeFile(path.join(root, 'a.ann.json'), await annotationFile('الف', 'needs-review', ['PER', 'LOC']));
    await fs.writeFile(path.join(root, 'c.txt'), 'پ');
    expect(await listing(root, cacheFolder)).toEqual(['a.txt needs-review 2 LOC,PER', 'c.txt new 0 ', 'sub/b.txt new 0 ']);

    // A damaged or deleted cache costs nothing but time.
    const [cacheFile] = await fs.readdir(cacheFolder);
    await fs.writeFile(path.join(cacheFolder, cacheFile), '{ damaged');
    expect(await listing(root, cacheFolder)).toEqual(['a.txt needs-review 2 LOC,PER', 'c.txt new 0 ', 'sub/b.txt new 0 ']);
    await fs.rm(cacheFolder, { recursive: true });
    expect(await listing(root, cacheFolder)).toEqual(['a.txt needs-review 2 LOC,PER', 'c.txt new 0 ', 'sub/b.txt new 0 ']);

    // Nothing was written into the corpus but what the test wrote itself.
    expect((await fs.readdir(root, { recursive: true })).sort()).toEqual([...corpusBefore, 'c.txt'].sort());
  });

  it('rewrites the cache only when the listing changed, and checks cached entries one by one', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cache-'));
    const root = path.join(workspace, 'corpus');
    const cacheFolder = path.join(workspace, 'cache');
    await fs.mkdir(root, { recursive: true });
    for (const [name, status] of [['a', 'done'], ['b', 'in-progress'], ['c', 'approved']]) {
      await fs.writeFile(path.join(root, `${name}.txt`), 'متن');
      await fs.writeFile(path.join(root, `${name}.ann.json`), await annotationFile('متن', status, ['PER']));
    }
    expect(await listing(root, cacheFolder)).toEqual(['a.txt done 1 PER', 'b.txt in-progress 1 PER', 'c.txt approved 1 PER']);
    const [cacheName] = await fs.readdir(cacheFolder);
    const cacheFile = path.join(cacheFolder, cacheName);

    // Served wholly from the cache: the file is not written again.
    const written = await fs.stat(cacheFile);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await listing(root, cacheFolder)).toEqual(['a.txt done 1 PER', 'b.txt in-progress 1 PER', 'c.txt approved 1 PER']);
    expect((await fs.stat(cacheFile)).mtimeMs).toBe(written.mtimeMs);

    // An entry whose stamps match is trusted as it is (it says «needs-review» here, the file «done»);
    // a malformed entry is read again from the corpus, and the others are still used.
    // (Columns: the ids, a status character each, ...; stamps: size, time and inode of both files.)
    const indexOf = (file: CacheFile, id: string) => file.columns.ids.indexOf(id);
    const stampsOf = (file: CacheFile, id: string) => file.stamps.slice(indexOf(file, id) * STAMP_WIDTH, indexOf(file, id) * STAMP_WIDTH + 3);
    const cache = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as CacheFile;
    const statuses = [...cache.columns.statuses];
    statuses[indexOf(cache, 'a.txt')] = statusChar('needs-review');
    cache.columns.statuses = statuses.join('');
    cache.stamps.splice(indexOf(cache, 'b.txt') * STAMP_WIDTH, 2, 'not', 'a stamp');
    await fs.writeFile(cacheFile, JSON.stringify(cache));
    expect(await listing(root, cacheFolder)).toEqual(['a.txt needs-review 1 PER', 'b.txt in-progress 1 PER', 'c.txt approved 1 PER']);
    const repaired = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as CacheFile;
    expect(stampsOf(repaired, 'b.txt')).toEqual(stampOf(path.join(root, 'b.txt')));

    // A deleted article drops out of the cache file.
    await fs.rm(path.join(root, 'c.txt'));
    expect(await listing(root, cacheFolder)).toEqual(['a.txt needs-review 1 PER', 'b.txt in-progress 1 PER']);
    expect((JSON.parse(await fs.readFile(cacheFile, 'utf8')) as CacheFile).columns.ids.sort()).toEqual(['a.txt', 'b.txt']);
    await fs.rm(workspace, { recursive: true });
  });

  it('notices a file replaced by another of the same size and time (another inode), and lists in any order', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cache-'));
    const root = path.join(workspace, 'corpus');
    const cacheFolder = path.join(workspace, 'cache');
    await fs.mkdir(root, { recursive: true });
    // Whole seconds: a time given back to a file is then exactly the one it had.
    const time = new Date(1_700_000_000_000);
    for (const name of ['a', 'b', 'c', 'd']) {
      await fs.writeFile(path.join(root, `${name}.txt`), 'متن');
      await fs.writeFile(path.join(root, `${name}.ann.json`), await annotationFile('متن', 'approved', ['PER']));
      await fs.utimes(path.join(root, `${name}.ann.json`), time, time);
    }
    expect(await listing(root, cacheFolder)).toEqual(['a.txt approved 1 PER', 'b.txt approved 1 PER', 'c.txt approved 1 PER', 'd.txt approved 1 PER']);

    // b's annotation file replaced by rename with one of the same size, given the old one's times (as `cp -p` or a restore would).
    const file = path.join(root, 'b.ann.json');
    const before = await fs.stat(file);
    const replacement = await annotationFile('متن', 'rejected', ['PER']);
    expect(Buffer.byteLength(replacement)).toBe(before.size);
    await fs.writeFile(`${file}.tmp`, replacement);
    await fs.utimes(`${file}.tmp`, time, time);
    await fs.rename(`${file}.tmp`, file);
    const after = await fs.stat(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(after.ino).not.toBe(before.ino);
    // A new article between cached ones, and one removed: the others are still found in the cache.
    await fs.writeFile(path.join(root, 'bb.txt'), 'متن');
    await fs.rm(path.join(root, 'c.txt'));
    expect(await listing(root, cacheFolder)).toEqual(['a.txt approved 1 PER', 'b.txt rejected 1 PER', 'bb.txt new 0 ', 'd.txt approved 1 PER']);
    await fs.rm(workspace, { recursive: true });
  });

  it('stamps a file with its size, modification time and inode, and a missing one with null', async () => {
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-cache-'));
    const file = path.join(workspace, 'a.txt');
    await fs.writeFile(file, 'سلام');
    const stat = await fs.stat(file);
    expect(stampOf(file)).toEqual([Buffer.byteLength('سلام'), stat.mtimeMs, stat.ino]);
    expect(stampOf(path.join(workspace, 'none.ann.json'))).toBeNull();
    expect(stampOf(path.join(workspace, 'a.txt', 'below-a-file'))).toBeNull();
    await fs.rm(workspace, { recursive: true });
  });
});
