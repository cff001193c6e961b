import { fork, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { problemOfError } from '../problems/userProblems';
import { acquireFileLock, AnnotationFileLockedError, isStaleLockFile, LOCK_FILE_NAME, lockPathFor } from './annotationFileLock';
import { annotationPathFor } from './annotationStore';
import { decodeArticle } from '../article/articleDecoder';
import { EMPTY_DOCUMENT, saveMerged } from './mergingSave';

/**
 * Two Hashiye processes saving one NAME.ann.json at the same instants (issue #17): with the
 * per-file lock, their read → merge → rename never interleave, so every annotation either adds
 * is on disk at the end and no reader ever sees a torn file.
 */
const SAVES_EACH = 200;
const INTERVAL_MS = 10;
const PERSIAN = 'وزیر امور خارجه ایران به دمشق رفت و با همتای سوری خود دیدار کرد. '.repeat(40);

let work: string;
let childBundle: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-lock-'));
  // Node 20 cannot run TypeScript: the child and the real services it imports are bundled into one file.
  const { build } = await import('rolldown');
  childBundle = path.join(work, 'lockedSaveChild.mjs');
  await build({ input: path.resolve(import.meta.dirname, '../testing/lockedSaveChild.ts'), platform: 'node', logLevel: 'silent', output: { file: childBundle, format: 'esm' } });
}, 60_000);
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

async function corpus(): Promise<{ root: string; articlePath: string }> {
  const root = await fs.mkdtemp(path.join(work, 'corpus-'));
  const articlePath = path.join(root, 'a.txt');
  await fs.writeFile(articlePath, PERSIAN);
  return { root, articlePath };
}

interface ChildReport {
  kind: 'done' | 'locked';
  outcomes?: Record<string, number>;
  failures?: string[];
}

function start(args: string[]): { child: ChildProcess; message: Promise<ChildReport> } {
  const child = fork(childBundle, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = new Promise<ChildReport>((resolve, reject) => {
    child.once('message', (report) => resolve(report as ChildReport));
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
  return { child, message };
}

describe('annotation file lock between processes', () => {
  it(`two processes, ${SAVES_EACH} saves each at the same instants: every annotation on disk, no torn file`, async () => {
    const { root, articlePath } = await corpus();
    const annotationPath = annotationPathFor(articlePath);
    const startAt = Date.now() + 1500;
    const a = start([articlePath, root, 'A', String(SAVES_EACH), String(startAt), String(INTERVAL_MS)]);
    const b = start([articlePath, root, 'B', String(SAVES_EACH), String(startAt), String(INTERVAL_MS)]);
    // A reader meanwhile, as a third window or the watcher: never a file that does not parse.
    let reads = 0;
    let torn = 0;
    let finished = false;
    const reader = (async () => {
      while (!finished) {
        try {
          const text = await fs.readFile(annotationPath, 'utf8');
          reads++;
          if (!parseAnnotationFile(text).ok) torn++;
        } catch {
          // Not there yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    const [reportA, reportB] = await Promise.all([a.message, b.message]);
    finished = true;
    await reader;
    const parsed = parseAnnotationFile(await fs.readFile(annotationPath, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const ids = new Set(parsed.file.annotations.map((annotation) => annotation.id));
    const tried = SAVES_EACH * 2;
    const survived = [...ids].filter((id) => /^[AB]-\d+$/.test(id)).length;
    console.log(`lock fault run: tried ${tried} saves (${tried} annotations), survived ${survived}, lost ${tried - survived}, torn reads ${torn} of ${reads}; outcomes A ${JSON.stringify(reportA.outcomes)}, B ${JSON.stringify(reportB.outcomes)}`);
    expect([...(reportA.failures ?? []), ...(reportB.failures ?? [])]).toEqual([]);
    expect(torn).toBe(0);
    expect(survived).toBe(tried);
    expect(parsed.file.annotations).toHaveLength(tried);
    // Every lock released: nothing left beside the file.
    expect((await fs.readdir(root)).filter((name) => LOCK_FILE_NAME.test(name))).toEqual([]);
  }, 60_000);

  it('a lock left by a killed process is taken over at once; a live holder makes the save wait, then give a coded, retryable failure', async () => {
    const { root, articlePath } = await corpus();
    const annotationPath = annotationPathFor(articlePath);
    const holder = start(['hold', annotationPath]);
    expect((await holder.message).kind).toBe('locked');
    const exited = new Promise((resolve) => holder.child.once('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    const lockPath = lockPathFor(annotationPath);
    expect(await isStaleLockFile(lockPath)).toBe(true);

    const article = decodeArticle(await fs.readFile(articlePath));
    const mine = { ...EMPTY_DOCUMENT, annotations: [{ id: 'x', type: 'LOC', start: 0, end: 4, text: [...PERSIAN].slice(0, 4).join('') }] };
    const started = Date.now();
    const saved = await saveMerged(articlePath, article, { mine, base: null, root, lockWaitMs: 2000 });
    expect(saved.kind).toBe('written');
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fs.access(lockPath)).rejects.toThrow();

    // A live holder (this process, in another save): the save waits its bound, writes nothing, and says why.
    const held = await acquireFileLock(annotationPath);
    const before = await fs.readFile(annotationPath, 'utf8');
    const blocked = await saveMerged(articlePath, article, { mine: { ...mine, status: 'done' }, base: null, root, lockWaitMs: 300 });
    expect(blocked.kind).toBe('failed');
    const error = (blocked as { error: unknown }).error;
    expect(error).toBeInstanceOf(AnnotationFileLockedError);
    expect((error as AnnotationFileLockedError).code).toBe('annotation-file-locked');
    expect(problemOfError(error)).toEqual({ code: 'fileLocked', file: expect.stringMatching(/\.ann\.json$/) });
    expect((error as Error).message).toContain(`process ${process.pid}`);
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(before);
    await held.release();
    expect((await saveMerged(articlePath, article, { mine: { ...mine, status: 'done' }, base: null, root })).kind).toBe('written');
  }, 30_000);

  it('an empty lock (a crash between creating and filling it) counts as held for a few seconds, then as stale', async () => {
    const { articlePath } = await corpus();
    const lockPath = lockPathFor(annotationPathFor(articlePath));
    await fs.writeFile(lockPath, '');
    expect(await isStaleLockFile(lockPath)).toBe(false);
    expect(await isStaleLockFile(lockPath, { now: () => Date.now() + 10_000 })).toBe(true);
    // Another host's lock: only its age tells.
    await fs.writeFile(lockPath, JSON.stringify({ pid: 1, host: 'elsewhere', at: Date.now(), token: 'x' }));
    expect(await isStaleLockFile(lockPath)).toBe(false);
    expect(await isStaleLockFile(lockPath, { now: () => Date.now() + 60_000 })).toBe(true);
  });

  it('a link planted as the lock is never followed: its target is untouched, and an old one is moved aside like an empty lock', async () => {
    const { root, articlePath } = await corpus();
    const annotationPath = annotationPathFor(articlePath);
    const outside = path.join(work, `canary-${path.basename(root)}.txt`);
    await fs.writeFile(outside, 'canary');
    const lockPath = lockPathFor(annotationPath);
    await fs.symlink(outside, lockPath);
    const old = new Date(Date.now() - 60_000);
    await fs.lutimes(lockPath, old, old);
    const article = decodeArticle(await fs.readFile(articlePath));
    const saved = await saveMerged(articlePath, article, { mine: EMPTY_DOCUMENT, base: null, root, lockWaitMs: 2000 });
    expect(saved.kind).toBe('written');
    expect(await fs.readFile(outside, 'utf8')).toBe('canary');
    expect((await fs.readdir(root)).filter((name) => LOCK_FILE_NAME.test(name))).toEqual([]);
  });
});
