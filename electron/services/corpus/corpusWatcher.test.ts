import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../storage/atomicWrite';
import { listArticleIds } from './articleFiles';
import { CorpusWatcher, type CorpusWatchEvent, type CorpusWatcherOptions } from './corpusWatcher';
import { sha256Of, type KnownFileState } from './watchedFileState';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function corpus(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-watch-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  await fs.mkdir(path.join(root, 'اخبار'));
  await fs.writeFile(path.join(root, 'اخبار', 'یک.txt'), 'سرلشکر باقری در دمشق');
  await fs.writeFile(path.join(root, 'اخبار', 'یک.ann.json'), '{"v":1}');
  await fs.writeFile(path.join(root, 'دو.txt'), 'علی‌رضا 😀');
  return root;
}

async function startWatcher(options: CorpusWatcherOptions): Promise<{ watcher: CorpusWatcher; events: CorpusWatchEvent[] }> {
  const watcher = await CorpusWatcher.start(options);
  cleanups.unshift(() => watcher.close());
  const events: CorpusWatchEvent[] = [];
  watcher.onEvent((event) => events.push(event));
  return { watcher, events };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the watcher');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function articleOf(root: string) {
  const articlePath = path.join(root, 'اخبار', 'یک.txt');
  return { id: 'اخبار/یک.txt', articlePath, annotationPath: path.join(root, 'اخبار', 'یک.ann.json') };
}

const MODES: [string, Partial<CorpusWatcherOptions>][] = [
  ['file events (polling slowed down)', { nativeEvents: true, filePollMs: 60_000, corpusPollMs: 60_000, debounceMs: 50 }],
  ['polling only (as on a network share)', { nativeEvents: false, filePollMs: 50, corpusPollMs: 80 }],
];

describe('listArticleIds', () => {
  it('lists *.txt by id, skipping hidden folders, .annotators folders and temporary files', async () => {
    const root = await corpus();
    await fs.mkdir(path.join(root, '.git'));
    await fs.writeFile(path.join(root, '.git', 'x.txt'), '');
    await fs.mkdir(path.join(root, 'یک.annotators'));
    await fs.writeFile(path.join(root, 'یک.annotators', 'a.txt'), '');
    await fs.writeFile(path.join(root, '.hidden.txt'), '');
    await fs.writeFile(path.join(root, 'UPPER.TXT'), '');
    expect(await listArticleIds(root)).toEqual(['UPPER.TXT', 'اخبار/یک.txt', 'دو.txt'].sort());
  });
});

for (const [mode, options] of MODES) {
  describe(`CorpusWatcher with ${mode}`, () => {
    it('reports a change of the open article with the new SHA-256', async () => {
      const root = await corpus();
      const { watcher, events } = await startWatcher({ root, ...options });
      const article = articleOf(root);
      await watcher.watchArticle({ ...article, articleSha256: sha256Of(await fs.readFile(article.articlePath)) });
      expect(events).toEqual([]);
      const changed = 'خبر تازه: سرلشکر باقری در دمشق';
      await fs.writeFile(article.articlePath, changed);
      const expected = { kind: 'articleChanged', id: article.id, sha256: sha256Of(changed) };
      await until(() => events.some((event) => JSON.stringify(event) === JSON.stringify(expected)));
      await sleep(150);
      // Normally exactly one event; a loaded machine may show the write half done first.
      expect(events.at(-1)).toEqual(expected);
      expect(events.every((event) => event.kind === 'articleChanged')).toBe(true);
    });

    it('reports an annotation file changed by another program, but not our own writes, temporary files or backups', async () => {
      const root = await corpus();
      const { watcher, events } = await startWatcher({ root, ...options });
      const article = articleOf(root);
      await watcher.watchArticle(article);
      const ours = '{"v":2,"note":"ذخیره"}\n';
      watcher.noteOwnWrite(article.annotationPath, sha256Of(ours));
      await writeFileAtomic(article.annotationPath, ours, { backup: true });
      await fs.writeFile(`${article.annotationPath}.bak`, 'x');
      await fs.writeFile(path.join(root, 'اخبار', '.یک.ann.json.new.1.ab.tmp'), 'y');
      // A save lock of another Hashiye (annotationFileLock.ts), made and removed: no event.
      const lock = path.join(root, 'اخبار', '.یک.ann.json.lock');
      await fs.writeFile(lock, '{}');
      await fs.rm(lock);
      await sleep(300);
      expect(events).toEqual([]);
      const theirs = '{"v":3}\n';
      await fs.writeFile(article.annotationPath, theirs);
      await until(() => events.length > 0);
      expect(events).toEqual([{ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of(theirs) }]);
      await fs.rm(article.annotationPath);
      await until(() => events.length > 1);
      expect(events[1]).toEqual({ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: null });
    });

    it('reports articles added (also in a new folder) and removed', async () => {
      const root = await corpus();
      const { events } = await startWatcher({ root, ...options });
      await fs.mkdir(path.join(root, 'تازه'));
      await fs.writeFile(path.join(root, 'تازه', 'سه.txt'), 'متن');
      await fs.rm(path.join(root, 'دو.txt'));
      await until(() => {
        const added = events.flatMap((event) => (event.kind === 'corpusChanged' ? event.added : []));
        const removed = events.flatMap((event) => (event.kind === 'corpusChanged' ? event.removed : []));
        return added.includes('تازه/سه.txt') && removed.includes('دو.txt');
      });
      expect(events.every((event) => event.kind === 'corpusChanged')).toBe(true);
    });
  });
}

describe('CorpusWatcher details', () => {
  it('gathers a burst of writes into one check', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: true, filePollMs: 60_000, corpusPollMs: 60_000, debounceMs: 400 });
    const article = articleOf(root);
    await watcher.watchArticle(article);
    for (let index = 0; index < 10; index++) await fs.writeFile(article.articlePath, `نسخه ${index}`);
    await until(() => events.length > 0);
    await sleep(500);
    expect(events).toEqual([{ kind: 'articleChanged', id: article.id, sha256: sha256Of('نسخه 9') }]);
  });

  it('reports at once an article that changed between load and watch', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    const article = articleOf(root);
    const loadedSha = sha256Of(await fs.readFile(article.articlePath));
    await fs.writeFile(article.articlePath, 'changed');
    await watcher.watchArticle({ ...article, articleSha256: loadedSha });
    expect(events).toEqual([{ kind: 'articleChanged', id: article.id, sha256: sha256Of('changed') }]);
  });

  it('notices a same-size rewrite when asked to check now, and stops after close', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    const article = articleOf(root);
    await watcher.watchArticle(article);
    const original = await fs.readFile(article.articlePath, 'utf8');
    const sameLength = original.replace('دمشق', 'ادلب');
    await fs.writeFile(article.articlePath, sameLength);
    await watcher.checkNow();
    expect(events).toEqual([{ kind: 'articleChanged', id: article.id, sha256: sha256Of(sameLength) }]);
    await watcher.close();
    await fs.writeFile(article.articlePath, 'after close');
    await watcher.checkNow();
    expect(events).toHaveLength(1);
    // A save through a closed watcher still happens.
    expect(await watcher.ownWrite(article.annotationPath, async () => {
      await fs.writeFile(article.annotationPath, 'late save');
      return 1;
    })).toBe(1);
    expect(await fs.readFile(article.annotationPath, 'utf8')).toBe('late save');
  });

  it('does not report a write made through ownWrite, even with polling running during it', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: true, filePollMs: 5, corpusPollMs: 0, debounceMs: 5 });
    const article = articleOf(root);
    await watcher.watchArticle(article);
    const returned = await watcher.ownWrite(article.annotationPath, async () => {
      await writeFileAtomic(article.annotationPath, '{"saved":1}', { backup: true });
      await sleep(100);
      await fs.appendFile(article.annotationPath, '\n');
      return 'saved';
    });
    expect(returned).toBe('saved');
    await sleep(200);
    expect(events).toEqual([]);
    await expect(watcher.ownWrite(article.annotationPath, async () => {
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    await fs.writeFile(article.annotationPath, '{"theirs":1}');
    const theirs = { kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of('{"theirs":1}') };
    await until(() => events.some((event) => JSON.stringify(event) === JSON.stringify(theirs)));
    expect(events.at(-1)).toEqual(theirs);
  });

  it('takes the bytes we wrote as the baseline, so another writer slipping in right after our write is reported', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    const article = articleOf(root);
    await watcher.watchArticle(article);
    const ours = '{"saved":"ours"}';
    await watcher.ownWrite(
      article.annotationPath,
      async () => {
        await writeFileAtomic(article.annotationPath, ours, { backup: true });
        // Another program writes before the watcher could look: a read now would see its bytes.
        await fs.writeFile(article.annotationPath, '{"saved":"theirs"}');
      },
      () => ({ exists: true, size: Buffer.byteLength(ours), mtimeMs: -1, sha256: sha256Of(ours) }),
    );
    await watcher.checkNow();
    expect(events).toEqual([{ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of('{"saved":"theirs"}') }]);
    // A write that reports it left the file as it was (refused) keeps the baseline: nothing is hidden either.
    events.length = 0;
    await watcher.ownWrite(article.annotationPath, async () => fs.writeFile(article.annotationPath, '{"later":1}'), () => null);
    await watcher.checkNow();
    expect(events).toEqual([{ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of('{"later":1}') }]);
  });

  it('takes files the caller has just read as the baseline, and still reports later changes', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    const article = articleOf(root);
    const known = async (file: string): Promise<KnownFileState> => {
      const stat = await fs.stat(file);
      return { exists: true, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256Of(await fs.readFile(file)) };
    };
    const articleFile = await known(article.articlePath);
    // Read once in an ownWrite that wrote nothing: its state is taken as is, nothing is reported.
    const annotationFile = await known(article.annotationPath);
    expect(await watcher.ownWrite(article.annotationPath, async () => 'read', () => annotationFile)).toBe('read');
    await watcher.watchArticle({ ...article, articleSha256: articleFile.exists ? articleFile.sha256 : undefined, articleFile, annotationFile });
    await watcher.checkNow();
    expect(events).toEqual([]);

    // A change after the read, even of the same size, moves the mtime past the baseline's.
    await sleep(20);
    await fs.writeFile(article.annotationPath, '{"v":2}');
    await fs.writeFile(article.articlePath, 'سرلشکر باقری در ادلب');
    await watcher.checkNow();
    expect(events).toEqual([
      { kind: 'articleChanged', id: article.id, sha256: sha256Of('سرلشکر باقری در ادلب') },
      { kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of('{"v":2}') },
    ]);
  });

  it('reports an annotation file created after the caller found it absent', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    const article = { id: 'دو.txt', articlePath: path.join(root, 'دو.txt'), annotationPath: path.join(root, 'دو.ann.json') };
    await watcher.watchArticle({ ...article, annotationFile: { exists: false } });
    await watcher.checkNow();
    expect(events).toEqual([]);
    await fs.writeFile(article.annotationPath, '{}');
    await watcher.checkNow();
    expect(events).toEqual([{ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: sha256Of('{}') }]);
  });

  it('stops reporting the previous article after another one is opened', async () => {
    const root = await corpus();
    const { watcher, events } = await startWatcher({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 0 });
    await watcher.watchArticle(articleOf(root));
    await watcher.watchArticle({ id: 'دو.txt', articlePath: path.join(root, 'دو.txt'), annotationPath: path.join(root, 'دو.ann.json') });
    await fs.writeFile(articleOf(root).articlePath, 'other');
    await fs.writeFile(path.join(root, 'دو.ann.json'), '{}');
    await watcher.checkNow();
    expect(events).toEqual([{ kind: 'annotationFileChanged', id: 'دو.txt', path: path.join(root, 'دو.ann.json'), sha256: sha256Of('{}') }]);
  });
});
