import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION } from '../../../shared/model/nativeFormat';
import { CorpusSession } from './corpusSession';
import { listCorpusFirst, openListingCache, scanCorpusWithSkipped } from './corpusScanner';

// (#25) The first listing answers before the annotation files are read; complete() reads them.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tempFolder(prefix: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(folder, { recursive: true, force: true }));
  return folder;
}

function annotationFile(status: string, types: string[]): string {
  const annotations = types.map((type, index) => ({ id: `a${index}`, type, start: index, end: index + 1, quote: { exact: 'x', prefix: '', suffix: '' } }));
  return JSON.stringify({ format: NATIVE_FORMAT_ID, version: NATIVE_FORMAT_VERSION, offsetUnit: 'codepoint', status, annotations, relations: [], labels: [], updated: '2025-01-01T00:00:00.000Z' });
}

/** Five articles in two folders, with statuses, one without an annotation file, one broken. */
async function writeCorpus(root: string): Promise<void> {
  await fs.mkdir(path.join(root, 'part'), { recursive: true });
  for (const [name, status, types] of [
    ['a.txt', 'done', ['PER', 'LOC']],
    ['b.txt', 'in-progress', ['ORG']],
    ['part/c.txt', 'needs-review', []],
  ] as const) {
    await fs.writeFile(path.join(root, name), 'خبری کوتاه');
    await fs.writeFile(path.join(root, name.replace(/\.txt$/, '.ann.json')), annotationFile(status, [...types]));
  }
  await fs.writeFile(path.join(root, 'part/d.txt'), 'بی‌برچسب');
  await fs.writeFile(path.join(root, 'e.txt'), 'خراب');
  await fs.writeFile(path.join(root, 'e.ann.json'), '{"format":');
}

function makeFifo(file: string): string | null {
  try {
    execFileSync('mkfifo', [file]);
    return null;
  } catch {
    return 'mkfifo is not available here';
  }
}

describe('listCorpusFirst', () => {
  it('lists every article before reading annotation files, then completes to exactly what a full scan lists', async () => {
    const root = await tempFolder('hashiye-first-');
    await writeCorpus(root);
    const first = await listCorpusFirst(root, { cacheFolder: null }, { defer: true });
    expect(first.articles.map((entry) => entry.id)).toEqual(['a.txt', 'b.txt', 'e.txt', 'part/c.txt', 'part/d.txt']);
    expect(first.articles.every((entry) => entry.statusPending === true && entry.status === 'new' && entry.problem === null)).toBe(true);
    expect(first.articles.find((entry) => entry.id === 'part/c.txt')).toMatchObject({ name: 'c.txt', folder: 'part' });

    const completed = await first.complete();
    expect(completed).toEqual(await scanCorpusWithSkipped(root));
    expect(completed.articles.some((entry) => entry.statusPending !== undefined)).toBe(false);
    expect(Object.fromEntries(completed.articles.map((entry) => [entry.id, entry.status]))).toEqual({ 'a.txt': 'done', 'b.txt': 'in-progress', 'e.txt': 'new', 'part/c.txt': 'needs-review', 'part/d.txt': 'new' });
    expect(completed.articles.find((entry) => entry.id === 'e.txt')?.problem).toMatch(/^Annotation file:/);
  });

  it('lists cached articles with their status at once, and only the changed ones as pending', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    await fs.writeFile(path.join(root, 'b.ann.json'), annotationFile('approved', ['ORG', 'PER', 'LOC']));

    const second = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    expect(second.articles.filter((entry) => entry.statusPending).map((entry) => entry.id)).toEqual(['b.txt']);
    expect(second.articles.find((entry) => entry.id === 'a.txt')).toMatchObject({ status: 'done', annotationCount: 2 });
    const completed = await second.complete();
    expect(completed.articles.find((entry) => entry.id === 'b.txt')).toMatchObject({ status: 'approved', annotationCount: 3, tags: ['LOC', 'ORG', 'PER'] });
    expect(completed).toEqual(await scanCorpusWithSkipped(root));
  });

  it('keeps confinement: a link leaving the corpus and a FIFO are skipped with their reasons, and listing completes', async () => {
    const root = await tempFolder('hashiye-first-');
    const outside = await tempFolder('hashiye-first-outside-');
    await fs.writeFile(path.join(outside, 'secret.ann.json'), annotationFile('approved', ['CANARY']));
    await fs.writeFile(path.join(root, 'a.txt'), 'خبر');
    await fs.symlink(path.join(outside, 'secret.ann.json'), path.join(root, 'a.ann.json'));
    await fs.writeFile(path.join(root, 'b.txt'), 'خبر');
    const fifoSkip = makeFifo(path.join(root, 'b.ann.json'));

    const first = await listCorpusFirst(root, { cacheFolder: null }, { defer: true });
    expect(first.articles.map((entry) => entry.id)).toEqual(['a.txt', 'b.txt']);
    const reasons = new Map(first.skipped.map((entry) => [entry.path, entry.reason]));
    expect(reasons.get('a.ann.json')).toBe('outside-corpus');
    if (!fifoSkip) expect(reasons.get('b.ann.json')).toBe('not-regular-file');
    const completed = await first.complete();
    expect(completed.articles.map((entry) => [entry.id, entry.status])).toEqual([['a.txt', 'new'], ['b.txt', 'new']]);
    expect(JSON.stringify(completed)).not.toContain('CANARY');
  });

  it('checks a pending file again when it completes: replaced by a link leaving the corpus meanwhile, it is skipped', async () => {
    const root = await tempFolder('hashiye-first-');
    const outside = await tempFolder('hashiye-first-outside-');
    await fs.writeFile(path.join(outside, 'secret.ann.json'), annotationFile('approved', ['CANARY']));
    await fs.writeFile(path.join(root, 'a.txt'), 'خبر');
    await fs.writeFile(path.join(root, 'a.ann.json'), annotationFile('done', ['PER']));
    const first = await listCorpusFirst(root, { cacheFolder: null }, { defer: true });
    await fs.rm(path.join(root, 'a.ann.json'));
    await fs.symlink(path.join(outside, 'secret.ann.json'), path.join(root, 'a.ann.json'));

    const completed = await first.complete();
    expect(completed.skipped.map((entry) => [entry.path, entry.reason])).toEqual([['a.ann.json', 'outside-corpus']]);
    expect(JSON.stringify(completed)).not.toContain('CANARY');
  });
});

describe('listCorpusFirst without a cache entry (#25: listed from the walk alone)', () => {
  it('drops an article removed, and skips one replaced by a FIFO, between the first listing and complete()', async () => {
    const root = await tempFolder('hashiye-first-');
    await writeCorpus(root);
    const first = await listCorpusFirst(root, { cacheFolder: null }, { defer: true });
    expect(first.articles.map((entry) => entry.id)).toContain('b.txt');
    await fs.rm(path.join(root, 'b.txt'));
    await fs.rm(path.join(root, 'a.txt'));
    const fifoSkip = makeFifo(path.join(root, 'a.txt'));

    const completed = await first.complete();
    expect(completed.articles.map((entry) => entry.id)).toEqual(['e.txt', 'part/c.txt', 'part/d.txt']);
    if (!fifoSkip) expect(completed.skipped.map((entry) => [entry.path, entry.reason])).toEqual([['a.txt', 'not-regular-file']]);
  });

  it('lists an article that is a link inside the corpus, and reads it like a full scan', async () => {
    const root = await tempFolder('hashiye-first-');
    await writeCorpus(root);
    await fs.symlink(path.join(root, 'part', 'c.txt'), path.join(root, 'linked.txt'));
    const first = await listCorpusFirst(root, { cacheFolder: null }, { defer: true });
    expect(first.articles.map((entry) => entry.id)).toContain('linked.txt');
    expect(await first.complete()).toEqual(await scanCorpusWithSkipped(root));
  });

  it('reads again an article whose text changed after the cache was written, and lists the others from it', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    const whole = await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    await fs.writeFile(path.join(root, 'a.txt'), 'خبری کوتاه که بلندتر شد');

    const second = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    expect(second.articles.filter((entry) => entry.statusPending).map((entry) => entry.id)).toEqual(['a.txt']);
    expect(second.articles.filter((entry) => !entry.statusPending)).toEqual(whole.articles.filter((entry) => entry.id !== 'a.txt'));
    expect(await second.complete()).toEqual(await scanCorpusWithSkipped(root));
  });
});

describe('the first listing from the cache after changes made while the app was closed (#25)', () => {
  it('lists as pending an edited, a deleted and a new annotation file and a renamed folder, and completes to a full scan', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    // Edited in place (the folder's time does not move), deleted, created, and a folder renamed.
    await fs.writeFile(path.join(root, 'a.ann.json'), annotationFile('approved', ['PER']));
    await fs.rm(path.join(root, 'b.ann.json'));
    await fs.writeFile(path.join(root, 'part', 'd.ann.json'), annotationFile('done', ['LOC']));
    await fs.rename(path.join(root, 'part'), path.join(root, 'moved'));

    const second = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    expect(second.articles.map((entry) => [entry.id, entry.statusPending === true])).toEqual([
      ['a.txt', true],
      ['b.txt', true],
      ['e.txt', false],
      ['moved/c.txt', true],
      ['moved/d.txt', true],
    ]);
    const completed = await second.complete();
    expect(Object.fromEntries(completed.articles.map((entry) => [entry.id, entry.status]))).toEqual({ 'a.txt': 'approved', 'b.txt': 'new', 'e.txt': 'new', 'moved/c.txt': 'needs-review', 'moved/d.txt': 'done' });
    expect(completed).toEqual(await scanCorpusWithSkipped(root));
    // The cache now holds the new state: a third listing has nothing pending.
    const third = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    expect(third.articles).toEqual(completed.articles);
  });
});

describe('the stamps read early from the cache (#25, session 14)', () => {
  it('never lists from the cache a file replaced by a FIFO or by a link leaving the corpus: skipped with the reason, as a full scan does', async () => {
    const root = await tempFolder('hashiye-first-');
    const outside = await tempFolder('hashiye-first-outside-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    await fs.writeFile(path.join(outside, 'secret.ann.json'), annotationFile('approved', ['CANARY']));
    await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    // Replaced by rename, keeping nothing of the cached stamps but the name.
    await fs.rm(path.join(root, 'a.ann.json'));
    await fs.symlink(path.join(outside, 'secret.ann.json'), path.join(root, 'a.ann.json'));
    await fs.rm(path.join(root, 'b.txt'));
    const fifoSkip = makeFifo(path.join(root, 'b.txt'));

    const second = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    const reasons = new Map(second.skipped.map((entry) => [entry.path, entry.reason]));
    expect(reasons.get('a.ann.json')).toBe('outside-corpus');
    if (!fifoSkip) expect(reasons.get('b.txt')).toBe('not-regular-file');
    expect(second.articles.find((entry) => entry.id === 'a.txt')?.status).toBe('new');
    expect(second.articles.map((entry) => entry.id)).not.toContain(fifoSkip ? '' : 'b.txt');
    const completed = await second.complete();
    expect(JSON.stringify(completed)).not.toContain('CANARY');
    expect(completed).toEqual(await scanCorpusWithSkipped(root));
  });

  it('lists from the cache through a linked root, and reads again what changed behind the link', async () => {
    const root = await tempFolder('hashiye-first-');
    const links = await tempFolder('hashiye-first-links-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    const linked = path.join(links, 'corpus');
    await fs.symlink(root, linked);
    const whole = await (await listCorpusFirst(linked, { cacheFolder }, { defer: true })).complete();
    const again = await listCorpusFirst(linked, { cacheFolder }, { defer: true });
    expect(again.articles).toEqual(whole.articles);
    await fs.writeFile(path.join(root, 'part', 'c.ann.json'), annotationFile('approved', ['LOC', 'PER']));
    const changed = await listCorpusFirst(linked, { cacheFolder }, { defer: true });
    expect(changed.articles.filter((entry) => entry.statusPending).map((entry) => entry.id)).toEqual(['part/c.txt']);
    expect((await changed.complete()).articles.find((entry) => entry.id === 'part/c.txt')?.status).toBe('approved');
  });

  it('lists the same from the cache whether the listing asks before or after the stamps are read, and an edit made after it is read by the next', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    const whole = await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    expect((await listCorpusFirst(root, { cache: openListingCache(cacheFolder, root) }, { defer: true })).articles).toEqual(whole.articles);
    const settled = openListingCache(cacheFolder, root);
    expect((await (await settled).stamps)?.read.length).toBe(whole.articles.length * 8);
    expect((await listCorpusFirst(root, { cache: settled }, { defer: true })).articles).toEqual(whole.articles);
    await fs.writeFile(path.join(root, 'b.ann.json'), annotationFile('approved', []));
    const next = await listCorpusFirst(root, { cacheFolder }, { defer: true });
    expect(next.articles.filter((entry) => entry.statusPending).map((entry) => entry.id)).toEqual(['b.txt']);
    expect((await next.complete()).articles.find((entry) => entry.id === 'b.txt')?.status).toBe('approved');
  });
});

describe('CorpusSession with statusesLater', () => {
  it('answers open() with pending statuses, and describe() with the whole listing once read', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    const session = new CorpusSession({ watch: false, cacheFolder, statusesLater: true });
    cleanups.push(() => session.close());

    const opened = await session.open(root);
    expect(opened.articles.filter((entry) => entry.statusPending).length).toBe(5);
    const whole = await session.describe();
    expect(whole.articles).toEqual(await scanCorpusWithSkipped(root).then((scan) => scan.articles));
    // The cache the completion filled lists the same corpus at once next time.
    const again = await session.open(root);
    expect(again.articles.some((entry) => entry.statusPending)).toBe(false);
    expect(again.articles).toEqual(whole.articles);
  });

  it('reads the pending statuses when describe() asks for them, and on its own when nothing asks (#25: not while the window draws the list)', async () => {
    const root = await tempFolder('hashiye-first-');
    await writeCorpus(root);
    const asked = await tempFolder('hashiye-first-cache-');
    const session = new CorpusSession({ watch: false, cacheFolder: asked, statusesLater: true });
    cleanups.push(() => session.close());
    expect((await session.open(root)).articles.every((entry) => entry.statusPending)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nothing read yet: the completion saves the listing cache, and there is none.
    expect(await fs.readdir(asked)).toEqual([]);
    expect((await session.describe()).articles).toEqual((await scanCorpusWithSkipped(root)).articles);
    expect((await fs.readdir(asked)).length).toBe(1);

    const unasked = await tempFolder('hashiye-first-cache-');
    const alone = new CorpusSession({ watch: false, cacheFolder: unasked, statusesLater: true });
    cleanups.push(() => alone.close());
    await alone.open(root);
    for (let waited = 0; waited < 5000 && (await fs.readdir(unasked)).length === 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fs.readdir(unasked)).length).toBe(1);
    // Opened again, from the cache the unasked completion filled: the listing may answer before
    // its stamps are all compared (session 15), so an article is either as a full scan lists it
    // or still pending, never stale; the whole listing then equals a full scan.
    const full = (await scanCorpusWithSkipped(root)).articles;
    const reopened = (await alone.open(root)).articles;
    expect(reopened.map((entry) => entry.id)).toEqual(full.map((entry) => entry.id));
    reopened.forEach((entry, index) => {
      if (entry.statusPending !== true) expect(entry).toEqual(full[index]);
    });
    expect((await alone.describe()).articles).toEqual(full);
  });
});

/** (#25, session 15) The cache opened with its stamps all read, as a listing sees it when only the first `readCount` had been. */
async function cacheReadUpTo(cacheFolder: string, root: string, readCount: number): Promise<Awaited<ReturnType<typeof openListingCache>>> {
  const opened = await openListingCache(cacheFolder, root);
  const read = await opened.stamps;
  if (read === null || opened.reading === null) throw new Error('No stamps to read.');
  return { ...opened, reading: { ...opened.reading, readCount } };
}

describe('a listing from the cache before its stamps are all read (#25, session 15)', () => {
  it('lists pending, never with its cached status, every cached article whose stamps were not read yet, and completes to a full scan', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    await writeCorpus(root);
    await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    // Edited while the app was closed: the stamps read now differ from the cache's.
    await fs.writeFile(path.join(root, 'part/c.ann.json'), annotationFile('approved', ['PER']));

    const first = await listCorpusFirst(root, { cache: cacheReadUpTo(cacheFolder, root, 1) }, { defer: true });
    const full = await scanCorpusWithSkipped(root);
    expect(first.articles.map((entry) => entry.id)).toEqual(full.articles.map((entry) => entry.id));
    // The one compared already is as a full scan lists it; every other one is a placeholder.
    expect(first.articles[0]).toEqual(full.articles[0]);
    for (const entry of first.articles.slice(1)) expect(entry).toMatchObject({ statusPending: true, status: 'new', annotationCount: 0, tags: [] });
    expect(first.onlyStampsPending).toBe(true);
    const completed = await first.complete();
    expect(completed).toEqual(full);
    expect(completed.articles.find((entry) => entry.id === 'part/c.txt')).toMatchObject({ status: 'approved', annotationCount: 1 });
  });

  it('checks at once, and skips with the reason, what the walk found not to be a plain file, and says when a pending article needs a read', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    const outside = await tempFolder('hashiye-first-outside-');
    await writeCorpus(root);
    await (await listCorpusFirst(root, { cacheFolder }, { defer: true })).complete();
    await fs.writeFile(path.join(outside, 'secret.ann.json'), annotationFile('approved', ['CANARY']));
    await fs.rm(path.join(root, 'b.ann.json'));
    await fs.symlink(path.join(outside, 'secret.ann.json'), path.join(root, 'b.ann.json'));
    // New since the cache was written: it has to be read, not only compared.
    await fs.writeFile(path.join(root, 'f.txt'), 'تازه');

    const first = await listCorpusFirst(root, { cache: cacheReadUpTo(cacheFolder, root, 0) }, { defer: true });
    expect(first.skipped.map((file) => [file.path, file.reason])).toEqual([['b.ann.json', 'outside-corpus']]);
    const linked = first.articles.find((entry) => entry.id === 'b.txt');
    expect(linked?.problemKind).toBe('io');
    expect(linked?.statusPending).toBeUndefined();
    expect(first.onlyStampsPending).toBe(false);
    const completed = await first.complete();
    expect(completed).toEqual(await scanCorpusWithSkipped(root));
    expect(JSON.stringify(completed)).not.toContain('CANARY');
  });
});

describe('CorpusSession.refreshListing (#25, session 15)', () => {
  it('shows as checked only what a full scan shows, answers the window what describe() would, and describes again after a change', async () => {
    const root = await tempFolder('hashiye-first-');
    const cacheFolder = await tempFolder('hashiye-first-cache-');
    // Enough articles that their stamps take more than a slice to read.
    for (let index = 0; index < 1500; index++) {
      const name = `n${String(index).padStart(4, '0')}`;
      await fs.writeFile(path.join(root, `${name}.txt`), 'خبر');
      await fs.writeFile(path.join(root, `${name}.ann.json`), annotationFile(index % 2 === 0 ? 'done' : 'new', ['PER']));
    }
    const session = new CorpusSession({ watch: false, cacheFolder, statusesLater: true });
    cleanups.push(() => session.close());
    await session.open(root);
    await session.describe();
    await fs.writeFile(path.join(root, 'n0007.ann.json'), annotationFile('approved', []));
    const full = (await scanCorpusWithSkipped(root)).articles;

    const opened = await session.open(root);
    opened.articles.forEach((entry, index) => {
      if (entry.statusPending) expect(entry).toMatchObject({ status: 'new', annotationCount: 0 });
      else expect(entry).toEqual(full[index]);
    });
    expect(await session.refreshListing()).toMatchObject({ articles: full });
    await session.open(root);
    // Something that may change a listing (here another description) since open(): described again.
    await session.describe();
    await fs.writeFile(path.join(root, 'n0008.ann.json'), annotationFile('rejected', []));
    expect((await session.refreshListing()).articles.find((entry) => entry.id === 'n0008.txt')?.status).toBe('rejected');
  });
});
