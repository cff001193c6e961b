import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isStaleLockFile, LOCK_FILE_NAME } from './annotationFileLock';
import { isCorpusSubfolder } from '../corpus/articleFiles';
import { isProcessRunning } from './processLiveness';

/**
 * Crash leftovers of atomicWrite (`.NAME.new.PID.RAND.tmp`, `.NAME.bak.PID.RAND.tmp`) and of the
 * save lock (`.NAME.ann.json.lock`, annotationFileLock.ts, removed by its own staleness rule): a process
 * killed during a save leaves one behind, and nothing else ever removes it (849 of 1,000 kills
 * in issue #17's fault run left one). They are removed when a corpus is opened, but only when
 * provably stale: the process named in the file is not running on this machine, and the file
 * has not been touched for STALE_AFTER_MS. A file whose writer may be alive is never touched;
 * a writer on another machine (a shared folder) finishes a save in far less than that.
 */
const TEMPORARY_NAME = /^\..+\.(?:new|bak)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export const STALE_AFTER_MS = 60_000;

/** The writer's process id in an atomicWrite temporary file name, or null when the name is not one. */
export function writerOfTemporaryFile(name: string): number | null {
  const match = TEMPORARY_NAME.exec(name);
  if (!match) return null;
  const pid = Number(match[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

export interface StaleCleanupOptions {
  /** Now, for the age test. */
  now?: number;
  staleAfterMs?: number;
  /** Checked between folders: a cleanup of a corpus closed meanwhile stops. */
  shouldStop?: () => boolean;
  isRunning?: (pid: number) => boolean;
}

/**
 * Removes the stale temporary files of atomicWrite under `root` (its folders and the
 * `NAME.annotators` folders, never through a link). Returns the removed files. Errors on one
 * file (removed meanwhile, no permission) leave it and go on.
 */
export async function removeStaleTemporaryFiles(root: string, options: StaleCleanupOptions = {}): Promise<string[]> {
  const staleAfter = options.staleAfterMs ?? STALE_AFTER_MS;
  const isRunning = options.isRunning ?? isProcessRunning;
  const removed: string[] = [];
  const folders = [path.resolve(root)];
  while (folders.length > 0) {
    if (options.shouldStop?.()) break;
    const folder = folders.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (isCorpusSubfolder(entry.name) || entry.name.endsWith('.annotators')) folders.push(path.join(folder, entry.name));
        continue;
      }
      if (!entry.isFile()) continue;
      if (LOCK_FILE_NAME.test(entry.name)) {
        const file = path.join(folder, entry.name);
        if (await isRemovableLock(file, entry.name, options.now ?? Date.now(), staleAfter, isRunning)) {
          try {
            await fs.rm(file);
            removed.push(file);
          } catch {
            // Taken over or released meanwhile.
          }
        }
        continue;
      }
      const pid = writerOfTemporaryFile(entry.name);
      if (pid === null || isRunning(pid)) continue;
      const file = path.join(folder, entry.name);
      try {
        const stat = await fs.lstat(file);
        const now = options.now ?? Date.now();
        if (!stat.isFile() || now - stat.mtimeMs < staleAfter) continue;
        await fs.rm(file);
        removed.push(file);
      } catch {
        // Gone meanwhile (its writer finished after all), or not ours to remove.
      }
    }
  }
  return removed;
}

/**
 * A save lock left by a crash (annotationFileLock.ts): removable when its owner is provably gone
 * (not running on this host, or the lock far older than any save); a stale lock moved aside
 * for a takeover that crashed, once it is as old as a stale temporary file.
 */
async function isRemovableLock(file: string, name: string, now: number, staleAfter: number, isRunning: (pid: number) => boolean): Promise<boolean> {
  if (name.endsWith('.stale')) {
    try {
      return now - (await fs.lstat(file)).mtimeMs >= staleAfter;
    } catch {
      return false;
    }
  }
  try {
    return await isStaleLockFile(file, { now: () => now, isRunning });
  } catch {
    return false;
  }
}

/** How long after a corpus opens its leftovers are looked for: after the first listing, off its critical path. */
export const STALE_CLEANUP_DELAY_MS = 3000;

/**
 * Removes the corpus's stale temporary files a little after it opens, in the background; stops
 * when `isStillOpen` says the corpus was closed meanwhile. Never throws.
 */
export function scheduleStaleTemporaryCleanup(root: string, isStillOpen: () => boolean, delayMs: number = STALE_CLEANUP_DELAY_MS): void {
  setTimeout(() => {
    if (!isStillOpen()) return;
    removeStaleTemporaryFiles(root, { shouldStop: () => !isStillOpen() }).catch(() => {
      // Best effort: a leftover that stays is only clutter, hidden from the listing.
    });
  }, delayMs).unref();
}
