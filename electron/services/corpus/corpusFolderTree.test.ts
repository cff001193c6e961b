import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusFolderTree } from './corpusFolderTree';
import { CorpusWatcher, type CorpusWatchEvent } from './corpusWatcher';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function corpus(): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tree-')));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  await fs.mkdir(path.join(root, 'a', 'b'), { recursive: true });
  await fs.writeFile(path.join(root, 'one.txt'), 'x');
  await fs.writeFile(path.join(root, 'a', 'two.txt'), 'x');
  await fs.writeFile(path.join(root, 'a', 'b', 'three.txt'), 'x');
  return root;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('CorpusFolderTree', () => {
  it('knows every article and folder, and reads again only the folders whose entries changed', async () => {
    const root = await corpus();
    const seen: string[] = [];
    const tree = await CorpusFolderTree.build(root, (folder) => seen.push(folder));
    expect([...tree.ids()].sort()).toEqual(['a/b/three.txt', 'a/two.txt', 'one.txt']);
    expect(seen.sort()).toEqual(['', 'a', 'a/b']);
    expect(await tree.changedFolders()).toEqual([]);
    // Changing an article's bytes does not move its folder; adding and removing entries does.
    await fs.writeFile(path.join(root, 'a', 'two.txt'), 'changed');
    await fs.writeFile(path.join(root, 'a', 'b', 'four.txt'), 'x');
    await fs.rm(path.join(root, 'one.txt'));
    expect((await tree.changedFolders()).sort()).toEqual(['', 'a/b']);
    const change = await tree.refresh(await tree.changedFolders());
    expect(change.added).toEqual(['a/b/four.txt']);
    expect(change.removed).toEqual(['one.txt']);
    expect(await tree.changedFolders()).toEqual([]);
  });

  it('follows folders added and removed', async () => {
    const root = await corpus();
    const tree = await CorpusFolderTree.build(root);
    await fs.mkdir(path.join(root, 'new', 'deep'), { recursive: true });
    await fs.writeFile(path.join(root, 'new', 'deep', 'five.txt'), 'x');
    await fs.rm(path.join(root, 'a'), { recursive: true });
    const change = await tree.refresh(await tree.changedFolders());
    expect(change.added).toEqual(['new/deep/five.txt']);
    expect(change.removed.sort()).toEqual(['a/b/three.txt', 'a/two.txt']);
    expect(change.addedFolders.sort()).toEqual(['new', 'new/deep']);
    expect(change.removedFolders.sort()).toEqual(['a', 'a/b']);
    expect(tree.folderNames().sort()).toEqual(['', 'new', 'new/deep']);
  });

  it('never enters a linked folder', async () => {
    const root = await corpus();
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tree-outside-'));
    cleanups.push(() => fs.rm(outside, { recursive: true, force: true }));
    await fs.writeFile(path.join(outside, 'secret.txt'), 'x');
    await fs.symlink(outside, path.join(root, 'linked'));
    const tree = await CorpusFolderTree.build(root);
    expect([...tree.ids()].some((id) => id.startsWith('linked'))).toBe(false);
  });
});

describe('CorpusWatcher corpus poll', () => {
  it('slows down while nothing changes, and comes back to its pace on a change, which it reports', async () => {
    const root = await corpus();
    const watcher = await CorpusWatcher.start({ root, nativeEvents: false, filePollMs: 0, corpusPollMs: 20, idleCorpusPollMs: 160 });
    cleanups.unshift(() => watcher.close());
    const events: CorpusWatchEvent[] = [];
    watcher.onEvent((event) => events.push(event));
    await until(() => watcher.corpusPollIntervalMs === 160);
    await fs.writeFile(path.join(root, 'a', 'b', 'new.txt'), 'x');
    await until(() => events.length > 0);
    expect(events).toEqual([{ kind: 'corpusChanged', added: ['a/b/new.txt'], removed: [] }]);
    expect(watcher.corpusPollIntervalMs).toBeLessThan(160);
  });

  it('watches every folder, not every file, with file events on Linux', async (context) => {
    if (process.platform !== 'linux') context.skip('per-folder watches are the Linux path; macOS and Windows watch the root recursively');
    const root = await corpus();
    const watcher = await CorpusWatcher.start({ root, nativeEvents: true, filePollMs: 0, corpusPollMs: 60_000, debounceMs: 20 });
    cleanups.unshift(() => watcher.close());
    expect(watcher.watchedFolderCount).toBe(3);
    const events: CorpusWatchEvent[] = [];
    watcher.onEvent((event) => events.push(event));
    // Reported by the folder's own watch (the poll is a minute away).
    await fs.writeFile(path.join(root, 'a', 'b', 'new.txt'), 'x');
    await until(() => events.length > 0);
    expect(events).toEqual([{ kind: 'corpusChanged', added: ['a/b/new.txt'], removed: [] }]);
    // A new folder is watched as soon as it is seen.
    await fs.mkdir(path.join(root, 'c'));
    await until(() => watcher.watchedFolderCount === 4);
    await fs.writeFile(path.join(root, 'c', 'six.txt'), 'x');
    await until(() => events.some((event) => event.kind === 'corpusChanged' && event.added.includes('c/six.txt')));
  });
});
