import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBratCorpus } from '../brat/bratStore';
import { walkCorpus } from './articleFiles';
import { CorpusFolderTree } from './corpusFolderTree';
import { scanCorpusWithSkipped } from './corpusScanner';
import { CorpusSession } from './corpusSession';

/**
 * (#25, session 13) The corpus's folders are read once on opening: the watcher's first read of
 * its tree gives the brat signs and the first listing's walk. What it gives must be what
 * isBratCorpus and walkCorpus give, links, FIFOs and skipped folders included.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function workspace(): Promise<string> {
  const folder = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-first-walk-')));
  cleanups.push(() => fs.rm(folder, { recursive: true, force: true }));
  return folder;
}

/** A corpus with every kind of entry the walk sorts: nested, hidden and skipped folders, links in and out, a FIFO, annotation files. */
async function mixedCorpus(): Promise<string> {
  const outside = await workspace();
  await fs.writeFile(path.join(outside, 'secret.txt'), 'بیرون');
  const root = path.join(await workspace(), 'corpus');
  for (const folder of ['part/inner', '.hidden', 'node_modules', 'a.annotators', 'part 10', 'part 9']) await fs.mkdir(path.join(root, folder), { recursive: true });
  for (const file of ['b.txt', 'a 10.txt', 'a 9.txt', 'part/inner/c.txt', 'part 10/d.txt', 'part 9/e.txt', '.hidden/f.txt', 'node_modules/g.txt', 'a.annotators/h.txt', 'UPPER.TXT']) await fs.writeFile(path.join(root, file), 'متن');
  await fs.writeFile(path.join(root, 'b.ann.json'), '{}');
  await fs.writeFile(path.join(root, 'part/inner/c.ann.json'), '{}');
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'out.txt'));
  await fs.symlink(path.join(root, 'b.txt'), path.join(root, 'in.txt'));
  await fs.symlink(outside, path.join(root, 'linked-out'));
  await fs.symlink(path.join(root, 'part'), path.join(root, 'linked-in'));
  await fs.symlink(path.join(root, 'b.ann.json'), path.join(root, 'a 9.ann.json'));
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
  return root;
}

describe('the first read of a corpus', () => {
  it('gives the walk walkCorpus gives, and is taken once', async () => {
    const root = await mixedCorpus();
    const tree = await CorpusFolderTree.build(root, () => undefined, { keepFirstWalk: true });
    const first = tree.takeFirstWalk();
    expect(first).toEqual(await walkCorpus(root));
    expect(first?.ids).toEqual(['a 9.txt', 'a 10.txt', 'b.txt', 'in.txt', 'part 9/e.txt', 'part 10/d.txt', 'part/inner/c.txt', 'UPPER.TXT']);
    expect(first?.skipped.map((file) => [file.path, file.reason])).toEqual(
      [
        ['linked-in', 'linked-folder'],
        ['linked-out', 'outside-corpus'],
        ['out.txt', 'outside-corpus'],
        ...(process.platform === 'win32' ? [] : [['pipe.txt', 'not-regular-file']]),
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(first?.brat).toBe(false);
    expect(tree.takeFirstWalk()).toBeNull();
    // Not kept unless asked: a tree that lives as long as the watcher holds no second copy of the names.
    expect((await CorpusFolderTree.build(root)).takeFirstWalk()).toBeNull();
  });

  it('finds a brat corpus where isBratCorpus does, and not where it does not', async () => {
    const cases: [string, Record<string, string>][] = [
      ['conf in a subfolder', { 'docs/annotation.conf': '[entities]\nPER\n', 'docs/a.txt': 'x' }],
      ['a .ann beside its .txt', { 'x/y/a.txt': 'x', 'x/y/a.ann': 'T1\tPER 0 1\tx\n' }],
      ['a .ann alone', { 'a.ann': '', 'b.txt': 'x' }],
      ['a .ann beside an upper-case .TXT', { 'a.ann': '', 'a.TXT': 'x' }],
      ['signs only in a skipped folder', { 'node_modules/annotation.conf': '', '.git/a.ann': '', '.git/a.txt': 'x', 'c.txt': 'x' }],
      ['native', { 'a.txt': 'x', 'a.ann.json': '{}' }],
    ];
    for (const [name, files] of cases) {
      const root = await workspace();
      for (const [file, text] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await fs.writeFile(path.join(root, file), text);
      }
      const tree = await CorpusFolderTree.build(root, () => undefined, { keepFirstWalk: true });
      expect({ name, brat: tree.takeFirstWalk()?.brat }).toEqual({ name, brat: await isBratCorpus(root) });
    }
  });

  it('lists a watched corpus as a full scan does, and a watched brat corpus in brat mode', async () => {
    const root = await mixedCorpus();
    const cacheFolder = await workspace();
    const session = new CorpusSession({ watch: true, cacheFolder, statusesLater: true });
    cleanups.push(() => session.close());
    const first = await session.open(root);
    const whole = await session.describe();
    const scanned = await scanCorpusWithSkipped(root);
    expect(first.articles.map((entry) => entry.id)).toEqual(scanned.articles.map((entry) => entry.id));
    expect(first.skipped).toEqual(scanned.skipped);
    expect(whole.articles).toEqual(scanned.articles);
    // From the cache (read while the folders were), the same again.
    expect((await session.open(root)).articles).toEqual(scanned.articles);

    const brat = await workspace();
    await fs.writeFile(path.join(brat, 'a.txt'), 'علی');
    await fs.writeFile(path.join(brat, 'a.ann'), 'T1\tPER 0 3\tعلی\n');
    expect((await session.open(brat)).mode).toBe('brat');
  });
});
