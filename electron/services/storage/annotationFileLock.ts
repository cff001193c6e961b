import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessRunning } from './processLiveness';
import { writeAccessProblem } from './writeAccess';

/**
 * A short-lived write lock on one annotation file, shared by every Hashiye process on the
 * corpus (two windows, the CLI): `.NAME.ann.json.lock` beside the file, made by an exclusive
 * create. It is held across a save's read → merge → atomic rename, so two instances saving the
 * same file at the same moment take turns instead of interleaving, and neither merges against a
 * file the other is about to replace. Programs that are not Hashiye ignore it; the merging save
 * still checks for them (mergingSave.ts).
 *
 * The lock file holds its owner (process id, host name, time taken, a random token). A lock whose
 * owner is provably gone is taken over: the process is not running on this host, or the lock is
 * older than LOCK_STALE_MS (no save holds it that long; this covers another host on a shared
 * folder and a reused process id). A lock file left empty by a crash between its creation and
 * its content counts as its owner's until EMPTY_LOCK_GRACE_MS have passed.
 */

/** `dir/NAME.ann.json` → `dir/.NAME.ann.json.lock` (hidden, and not an annotation file by name). */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${LOCK_SUFFIX}`);
}

export const LOCK_SUFFIX = '.lock';
/**
 * Lock files of every file saved under a lock: annotation files (`.NAME.ann.json.lock`, `.NAME.ann.lock`
 * for brat), metadata (`.NAME.meta.json.lock`) and the entity registry (`.entities.json.lock`), and a
 * stale one being taken over (`….lock.PID.RAND.stale`). A crash can leave any of them, so start-up's
 * cleanup and the watcher must know them all.
 */
export const LOCK_FILE_NAME = /^\.(?:.+\.ann|.+\.ann\.json|.+\.meta\.json|entities\.json)\.lock(?:\.\d+\.[0-9a-f]{8}\.stale)?$/;

export const LOCK_STALE_MS = 30_000;
export const EMPTY_LOCK_GRACE_MS = 5_000;
/** How long a save waits for another process's save of the same file. */
export const LOCK_WAIT_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** When it was taken (ms since the epoch). */
  at: number;
  token: string;
}

/** The lock could not be had within the wait: another save holds it. Nothing was written; the save may be retried. */
export class AnnotationFileLockedError extends Error {
  readonly code = 'annotation-file-locked';
  constructor(
    readonly file: string,
    readonly owner: LockOwner | null,
  ) {
    super(`Not saved yet: another Hashiye${owner ? ` (process ${owner.pid}${owner.host !== os.hostname() ? ` on ${owner.host}` : ''})` : ''} is saving ${path.basename(file)}; the save will be tried again.`);
    this.name = 'AnnotationFileLockedError';
  }

  /** Read by userProblems.ts, so the window says it in the user's language. */
  get userProblem(): { code: 'fileLocked'; file: string } {
    return { code: 'fileLocked', file: path.basename(this.file) };
  }
}

export interface LockOptions {
  waitMs?: number;
  now?: () => number;
  isRunning?: (pid: number) => boolean;
}

export interface HeldLock {
  /** False when no lock file could be made (a read-only folder): the save goes on, and fails or not on its own. */
  held: boolean;
  release(): Promise<void>;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.at === 'number' && typeof value.token === 'string') return value as LockOwner;
  } catch {
    // Empty or cut: judged by its age.
  }
  return null;
}

type LockState = { kind: 'absent' } | { kind: 'held'; owner: LockOwner | null; text: string; stale: boolean };

async function readLock(lockPath: string, options: Required<Omit<LockOptions, 'waitMs'>>): Promise<LockState> {
  let text: string;
  let mtimeMs: number;
  try {
    // The lock path is made only by an exclusive create, which never follows a link; one found a link is not ours and never read.
    const stat = await fs.lstat(lockPath);
    // A link or FIFO put there holds nothing of ours: once as old as an empty lock, it is moved aside like one (never read, never followed).
    if (!stat.isFile()) return { kind: 'held', owner: null, text: '', stale: !stat.isDirectory() && options.now() - stat.mtimeMs > EMPTY_LOCK_GRACE_MS };
    mtimeMs = stat.mtimeMs;
    text = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  const owner = parseOwner(text);
  const now = options.now();
  if (owner === null) return { kind: 'held', owner, text, stale: now - mtimeMs > EMPTY_LOCK_GRACE_MS };
  const gone = owner.host === os.hostname() && !options.isRunning(owner.pid);
  return { kind: 'held', owner, text, stale: gone || now - owner.at > LOCK_STALE_MS };
}

/**
 * Takes the lock of `file`, waiting (bounded) for another process's save. Throws
 * AnnotationFileLockedError when the wait runs out.
 */
export async function acquireFileLock(file: string, options: LockOptions = {}): Promise<HeldLock> {
  const resolved: Required<Omit<LockOptions, 'waitMs'>> = { now: options.now ?? Date.now, isRunning: options.isRunning ?? isProcessRunning };
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const lockPath = lockPathFor(file);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), at: 0, token: randomBytes(8).toString('hex') };
  const started = Date.now();
  let lastOwner: LockOwner | null = null;
  for (let attempt = 0; ; attempt++) {
    owner.at = resolved.now();
    let handle: fs.FileHandle | null = null;
    try {
      handle = await fs.open(lockPath, 'wx', 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // No lock can be made here (a read-only folder or disk, a full disk): nobody else can
        // write the file either, or the save fails and says why. The save goes on without it.
        return { held: false, release: async () => {} };
      }
    }
    if (handle !== null) {
      try {
        await handle.writeFile(JSON.stringify(owner));
      } catch {
        // An empty lock still excludes others for EMPTY_LOCK_GRACE_MS, longer than a save.
      } finally {
        await handle.close();
      }
      return { held: true, release: () => releaseLock(lockPath, owner.token) };
    }
    const state = await readLock(lockPath, resolved);
    if (state.kind === 'held') {
      lastOwner = state.owner;
      if (state.stale && (await takeOverStale(lockPath, state.text))) continue;
    }
    if (state.kind === 'absent') continue;
    if (Date.now() - started >= waitMs) throw new AnnotationFileLockedError(file, lastOwner);
    // Saves hold the lock for milliseconds: poll briefly at first, then less often; jitter keeps two waiters from colliding again.
    await sleep(Math.min(50, 2 + attempt * 2) + Math.random() * 5);
  }
}

/**
 * Removes a stale lock, only if it still holds what was judged stale: it is moved to a name of
 * our own first, and checked there. If another waiter took it over and a live owner made a new
 * lock meanwhile, that lock is put back (a link, which never replaces a file).
 */
async function takeOverStale(lockPath: string, staleText: string): Promise<boolean> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return false;
  }
  let moved: string;
  try {
    moved = (await fs.lstat(aside)).isFile() ? await fs.readFile(aside, 'utf8') : '';
  } catch {
    moved = staleText;
  }
  if (moved !== staleText) {
    try {
      await fs.link(aside, lockPath);
    } catch {
      // Someone made a lock again meanwhile: it stands; the one moved aside stays excluded by it.
    }
  }
  await fs.rm(aside, { force: true });
  return true;
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  try {
    const owner = parseOwner(await fs.readFile(lockPath, 'utf8'));
    // Only our own lock: one taken over as stale (we held it too long) belongs to someone else now.
    if (owner !== null && owner.token !== token) return;
    await fs.rm(lockPath, { force: true });
  } catch {
    // Gone already (taken over as stale): nothing to release.
  }
}

/**
 * Runs `work` holding the file's lock; released whatever `work` does. A file or folder the user
 * may not write gets no lock file (root could make one in a 0555 folder): `work` refuses the save.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  if ((await writeAccessProblem(file)) !== null) return work();
  const lock = await acquireFileLock(file, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** Whether a lock file (by name, in `folder`) is provably stale: for the start-up cleanup. */
export async function isStaleLockFile(lockPath: string, options: Omit<LockOptions, 'waitMs'> = {}): Promise<boolean> {
  const state = await readLock(lockPath, { now: options.now ?? Date.now, isRunning: options.isRunning ?? isProcessRunning });
  return state.kind === 'held' && state.stale;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
