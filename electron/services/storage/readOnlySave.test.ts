import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusSession } from '../corpus/corpusSession';

/**
 * Saves through the session onto annotation files (and folders) that must not be replaced:
 * every save fails with a clear message and the file on disk keeps its bytes, inode, mode and
 * owner; no temporary file or .bak appears.
 */

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const TEXT = 'وزیر امور خارجه ایران به دمشق رفت.\n';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tryCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface ReadOnlyKind {
  name: string;
  /** Makes `corpus/a.ann.json` (or its folder) read-only; false when not possible here. */
  apply(corpus: string, annotationPath: string): boolean;
  undo(corpus: string, annotationPath: string): void;
}

const KINDS: ReadOnlyKind[] = [
  { name: 'file mode 0444 (ours)', apply: (_c, file) => (tryCommand('chmod', ['0444', file]), true), undo: (_c, file) => void tryCommand('chmod', ['0644', file]) },
  { name: 'file mode 0400', apply: (_c, file) => (tryCommand('chmod', ['0400', file]), true), undo: (_c, file) => void tryCommand('chmod', ['0644', file]) },
  {
    name: 'file mode 0444 owned by another user',
    apply: (_c, file) => isRoot && tryCommand('chown', ['1234:1234', file]) && tryCommand('chmod', ['0444', file]),
    undo: (_c, file) => void (tryCommand('chmod', ['0644', file]) && tryCommand('chown', ['0:0', file])),
  },
  { name: 'immutable file (chattr +i)', apply: (_c, file) => tryCommand('chattr', ['+i', file]), undo: (_c, file) => void tryCommand('chattr', ['-i', file]) },
  { name: 'immutable folder (chattr +i)', apply: (corpus) => tryCommand('chattr', ['+i', corpus]), undo: (corpus) => void tryCommand('chattr', ['-i', corpus]) },
  {
    name: 'read-only bind mount',
    apply: (corpus) => isRoot && tryCommand('mount', ['--bind', corpus, corpus]) && (tryCommand('mount', ['-o', 'remount,bind,ro', corpus]) || (tryCommand('umount', [corpus]), false)),
    undo: (corpus) => void tryCommand('umount', [corpus]),
  },
];

const SAVES_PER_KIND = 5;

describe('saves onto read-only annotation files', () => {
  it(`are refused and leave the file exactly as it was (${KINDS.length} kinds × ${SAVES_PER_KIND} saves; kinds impossible here are listed as skipped)`, async () => {
    let tried = 0;
    let survived = 0;
    const skipped: string[] = [];
    for (const kind of KINDS) {
      const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-readonly-save-'));
      cleanups.push(() => fs.rm(corpus, { recursive: true, force: true }));
      await fs.writeFile(path.join(corpus, 'a.txt'), TEXT);
      const session = new CorpusSession({ watch: false });
      await session.open(corpus);
      cleanups.push(() => session.close());
      const document = await session.loadArticle('a.txt');
      const start = Array.from(TEXT.slice(0, TEXT.indexOf('ایران'))).length;
      const first = await session.saveAnnotations('a.txt', document.sha256, { status: 'in-progress', annotations: [{ id: 't1', type: 'LOC', start, end: start + 5, text: 'ایران' }], relations: [], labels: [] });
      expect(first.ok).toBe(true);
      const annotationPath = path.join(corpus, 'a.ann.json');
      const before = await fs.readFile(annotationPath);
      const listing = (await fs.readdir(corpus)).sort();
      if (!kind.apply(corpus, annotationPath)) {
        skipped.push(kind.name);
        continue;
      }
      cleanups.push(() => kind.undo(corpus, annotationPath));
      const stats = await fs.stat(annotationPath);
      for (let save = 0; save < SAVES_PER_KIND; save++) {
        tried++;
        const result = await session.saveAnnotations('a.txt', document.sha256, { status: 'done', annotations: [], relations: [], labels: [] });
        expect(result.ok, kind.name).toBe(false);
        if (!result.ok) expect(result.message, kind.name).toMatch(/read-only/);
        const after = await fs.stat(annotationPath);
        expect((await fs.readFile(annotationPath)).equals(before), kind.name).toBe(true);
        expect([after.ino, after.mode, after.uid, after.gid], kind.name).toEqual([stats.ino, stats.mode, stats.uid, stats.gid]);
        expect((await fs.readdir(corpus)).sort(), kind.name).toEqual(listing);
        survived++;
      }
    }
    console.log(`read-only saves: ${tried} tried, ${survived} refused with the file unchanged, ${tried - survived} lost${skipped.length ? `; kinds skipped here: ${skipped.join(', ')}` : ''}`);
    expect(survived).toBe(tried);
    expect(tried).toBeGreaterThanOrEqual(2 * SAVES_PER_KIND);
  });
});
