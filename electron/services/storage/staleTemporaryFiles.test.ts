import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';
import { isProcessRunning } from './processLiveness';
import { removeStaleTemporaryFiles, scheduleStaleTemporaryCleanup, STALE_AFTER_MS, writerOfTemporaryFile } from './staleTemporaryFiles';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-stale-')));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  return root;
}

/** A process id that ran and has exited: a child started and waited for. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

async function makeOld(file: string): Promise<void> {
  const old = new Date(Date.now() - STALE_AFTER_MS - 5000);
  await fs.utimes(file, old, old);
}

describe('writerOfTemporaryFile', () => {
  it('reads the writer pid from the names atomicWrite gives, and nothing else', () => {
    expect(writerOfTemporaryFile('.a.ann.json.new.1234.0a1b2c3d.tmp')).toBe(1234);
    expect(writerOfTemporaryFile('.hashiye.json.bak.77.ffffffff.tmp')).toBe(77);
    expect(writerOfTemporaryFile('a.ann.json.new.1234.0a1b2c3d.tmp')).toBeNull();
    expect(writerOfTemporaryFile('.a.ann.json.new.x.0a1b2c3d.tmp')).toBeNull();
    expect(writerOfTemporaryFile('notes.tmp')).toBeNull();
  });
});

describe('removeStaleTemporaryFiles', () => {
  it('removes old leftovers of dead writers, in sub-folders and annotator folders too, and keeps everything else', async () => {
    const root = await folder();
    const dead = await deadPid();
    expect(isProcessRunning(dead)).toBe(false);
    await fs.mkdir(path.join(root, 'news', 'a.annotators'), { recursive: true });
    const stale = [
      path.join(root, `.a.ann.json.new.${dead}.0a1b2c3d.tmp`),
      path.join(root, 'news', `.b.ann.json.bak.${dead}.00000000.tmp`),
      path.join(root, 'news', 'a.annotators', `.ali.ann.json.new.${dead}.12345678.tmp`),
    ];
    const kept = {
      // The writer is alive (this very process): never touched, however old.
      alive: path.join(root, `.c.ann.json.new.${process.pid}.0a1b2c3d.tmp`),
      // Dead writer, but too recent to be sure it is a leftover.
      recent: path.join(root, `.d.ann.json.new.${dead}.0a1b2c3d.tmp`),
      // Not one of ours.
      other: path.join(root, '.notes.tmp'),
      article: path.join(root, 'a.txt'),
      annotations: path.join(root, 'a.ann.json'),
    };
    for (const file of [...stale, ...Object.values(kept)]) await fs.writeFile(file, 'x');
    for (const file of [...stale, kept.alive, kept.other, kept.article, kept.annotations]) await makeOld(file);
    const removed = await removeStaleTemporaryFiles(root);
    expect(removed.sort()).toEqual([...stale].sort());
    for (const file of stale) await expect(fs.access(file)).rejects.toThrow();
    for (const file of Object.values(kept)) await fs.access(file);
  });

  it('leaves alone what a real save in progress writes, and what a save leaves behind when it is done', async () => {
    const root = await folder();
    const target = path.join(root, 'a.ann.json');
    await writeFileAtomic(target, '{"v":1}', { backup: true });
    await writeFileAtomic(target, '{"v":2}', { backup: true });
    expect(await removeStaleTemporaryFiles(root, { now: Date.now() + 10 * STALE_AFTER_MS })).toEqual([]);
    expect((await fs.readdir(root)).sort()).toEqual(['a.ann.json', 'a.ann.json.bak']);
  });

  it('never follows a link to a folder', async () => {
    const root = await folder();
    const outside = await folder();
    const dead = await deadPid();
    const outsideFile = path.join(outside, `.x.ann.json.new.${dead}.0a1b2c3d.tmp`);
    await fs.writeFile(outsideFile, 'x');
    await makeOld(outsideFile);
    await fs.symlink(outside, path.join(root, 'linked'));
    expect(await removeStaleTemporaryFiles(root)).toEqual([]);
    await fs.access(outsideFile);
  });
});

describe('scheduleStaleTemporaryCleanup', () => {
  it('cleans up in the background after the delay, and not at all once the corpus is closed', async () => {
    const root = await folder();
    const closed = await folder();
    const dead = await deadPid();
    const leftover = (dir: string) => path.join(dir, `.a.ann.json.new.${dead}.0a1b2c3d.tmp`);
    for (const dir of [root, closed]) {
      await fs.writeFile(leftover(dir), 'x');
      await makeOld(leftover(dir));
    }
    scheduleStaleTemporaryCleanup(root, () => true, 10);
    scheduleStaleTemporaryCleanup(closed, () => false, 10);
    // Not on the caller's path: the file is still there when the call returns.
    await fs.access(leftover(root));
    for (let waited = 0; waited < 5000; waited += 20) {
      try {
        await fs.access(leftover(root));
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect(fs.access(leftover(root))).rejects.toThrow();
    await fs.access(leftover(closed));
  });
});

describe('save locks left behind (annotationFileLock.ts)', () => {
  it('removes a lock whose owner is gone (annotation, metadata and registry files), and a takeover leftover once old; keeps a live owner\'s lock and a fresh empty one', async () => {
    const root = await folder();
    await fs.mkdir(path.join(root, 'news', 'a.annotators'), { recursive: true });
    const lock = (owner: object | string) => (typeof owner === 'string' ? owner : JSON.stringify(owner));
    const dead = await deadPid();
    const files: Record<string, string> = {
      'news/.a.ann.json.lock': lock({ pid: dead, host: os.hostname(), at: Date.now(), token: 'dead' }),
      'news/a.annotators/.ali.ann.json.lock': lock({ pid: dead, host: os.hostname(), at: Date.now(), token: 'dead2' }),
      'news/.a.meta.json.lock': lock({ pid: dead, host: os.hostname(), at: Date.now(), token: 'dead3' }),
      '.entities.json.lock': lock({ pid: dead, host: os.hostname(), at: Date.now(), token: 'dead4' }),
      '.hashiye.json.lock': lock({ pid: dead, host: os.hostname(), at: Date.now(), token: 'not ours' }),
      '.b.ann.json.lock': lock({ pid: process.pid, host: os.hostname(), at: Date.now(), token: 'live' }),
      '.c.ann.json.lock': '',
      '.d.ann.json.lock.123.0a1b2c3d.stale': '',
      '.e.ann.json.lock.123.0a1b2c3d.stale': '',
    };
    for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(root, name), content);
    await makeOld(path.join(root, '.d.ann.json.lock.123.0a1b2c3d.stale'));
    const removed = (await removeStaleTemporaryFiles(root)).map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
    expect(removed).toEqual(['.d.ann.json.lock.123.0a1b2c3d.stale', '.entities.json.lock', 'news/.a.ann.json.lock', 'news/.a.meta.json.lock', 'news/a.annotators/.ali.ann.json.lock']);
    // A lock name Hashiye never makes is not removed, whatever it holds.
    expect((await fs.readdir(root)).sort()).toEqual(['.b.ann.json.lock', '.c.ann.json.lock', '.e.ann.json.lock.123.0a1b2c3d.stale', '.hashiye.json.lock', 'news']);
  });
});
