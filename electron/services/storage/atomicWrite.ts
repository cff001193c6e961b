import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** Keep the version being replaced as `target.bak` (itself replaced atomically). */
  backup: boolean;
}

/**
 * Why a target is not ours to replace:
 * - `file-mode`: the file's permission bits give us no write access (for root: no write bit at all);
 * - `folder-mode`: the same for the folder the file is (or would be) in;
 * - `read-only-file-system`: the file system is mounted read-only (EROFS);
 * - `immutable`: the system refuses writes to it whatever the mode (e.g. `chattr +i`, EPERM).
 */
export type ReadOnlyReason = 'file-mode' | 'folder-mode' | 'read-only-file-system' | 'immutable';

/**
 * Thrown by `writeFileAtomic` before anything is written when the target must not be replaced.
 * Rename-over would otherwise replace a read-only file, since only the folder's permission counts
 * for a rename, so the target's own mode is checked first, explicitly (root bypasses mode bits).
 */
export class ReadOnlyTargetError extends Error {
  readonly code = 'READ_ONLY_TARGET';
  constructor(
    readonly path: string,
    readonly reason: ReadOnlyReason,
  ) {
    super(`${path} is read-only (${READ_ONLY_EXPLANATIONS[reason]}); it was not replaced.`);
    this.name = 'ReadOnlyTargetError';
  }
}

/** Why a target is read-only, in words (for messages naming the file). */
export function readOnlyExplanation(reason: ReadOnlyReason): string {
  return READ_ONLY_EXPLANATIONS[reason];
}

const READ_ONLY_EXPLANATIONS: Record<ReadOnlyReason, string> = {
  'file-mode': 'its permissions do not allow writing',
  'folder-mode': 'its folder does not allow writing',
  'read-only-file-system': 'the disk is mounted read-only',
  immutable: 'the system refuses changes to it',
};

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Whether the mode bits let this process write: the owner, group or other bits that apply to us; for root any write bit. */
function modeAllowsWriting(stats: Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return (stats.mode & 0o200) !== 0;
  const uid = process.getuid();
  if (uid === 0) return (stats.mode & 0o222) !== 0;
  if (stats.uid === uid) return (stats.mode & 0o200) !== 0;
  const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
  if (groups.has(stats.gid)) return (stats.mode & 0o020) !== 0;
  return (stats.mode & 0o002) !== 0;
}

/** The kernel's own answer (covers ACLs, read-only mounts and immutable files), as a reason, or null. */
async function kernelRefusal(file: string, modeReason: ReadOnlyReason): Promise<ReadOnlyReason | null> {
  try {
    await fs.access(file, fsConstants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'read-only-file-system';
    if (code === 'EPERM') return 'immutable';
    if (code === 'EACCES') return modeReason;
    throw error;
  }
}

/**
 * Throws ReadOnlyTargetError when `target` (or, for a new file, its folder) must not be written,
 * and gives back the target's stats when it exists (its mode and owner are carried over).
 */
export async function checkWritableTarget(target: string): Promise<Stats | null> {
  let stats: Stats | null;
  try {
    stats = await fs.stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    stats = null;
  }
  if (stats?.isFile()) {
    const refusal = (await kernelRefusal(target, 'file-mode')) ?? (modeAllowsWriting(stats) ? null : 'file-mode');
    if (refusal) throw new ReadOnlyTargetError(target, refusal);
  }
  const folder = path.dirname(target);
  let folderStats: Stats;
  try {
    folderStats = await fs.stat(folder);
  } catch {
    // A missing folder fails the write itself with its own error (ENOENT).
    return stats;
  }
  const folderRefusal = (await kernelRefusal(folder, 'folder-mode')) ?? (modeAllowsWriting(folderStats) ? null : 'folder-mode');
  if (folderRefusal) throw new ReadOnlyTargetError(target, folderRefusal);
  return stats;
}

/** A name in the target's own folder (rename is only atomic within one file system), hidden from the corpus listing. */
function temporaryNameFor(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces `target` with `contents` so that at every moment the file on disk is either the
 * old version or the new one, never a mix: write a temporary file in the same folder, flush
 * it, keep the previous version as `target.bak`, then rename the temporary file over the target.
 * The new file (and the `.bak`) keeps the target's mode and, when running as root, its owner
 * and group. A target we may not write is never replaced (ReadOnlyTargetError, nothing written).
 * On failure the target is untouched and the temporary file is removed; the error is rethrown.
 */
export async function writeFileAtomic(target: string, contents: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const previous = await checkWritableTarget(target);
  const keep = previous?.isFile() ? previous : null;
  const temporary = temporaryNameFor(target, 'new');
  await writeDurably(temporary, contents, keep);
  try {
    if (options.backup) await backUp(target, keep);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(target));
}

/**
 * Creates `file` (which must not exist), writes it, gives it `like`'s mode and owner when
 * given, and flushes it to the disk. Created owner-only when it will take another file's mode,
 * so the contents of a private file are never readable by others in between.
 */
async function writeDurably(file: string, contents: string | Uint8Array, like: Stats | null): Promise<void> {
  const handle = await fs.open(file, 'wx', like ? 0o600 : 0o666);
  try {
    await handle.writeFile(contents);
    if (like) await takeModeAndOwner(handle, like);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

/** Owner first: chown clears the set-user-id and set-group-id bits that chmod then restores. */
async function takeModeAndOwner(handle: fs.FileHandle, like: Stats): Promise<void> {
  if (process.platform !== 'win32') {
    if (runningAsRoot()) {
      await handle.chown(like.uid, like.gid);
    } else if (typeof process.getuid === 'function' && like.uid === process.getuid() && like.gid !== process.getgid?.()) {
      // A user may give a file to another of their groups; when that is not allowed the group is ours.
      await handle.chown(like.uid, like.gid).catch(() => undefined);
    }
  }
  await handle.chmod(like.mode & 0o7777);
}

async function backUp(target: string, like: Stats | null): Promise<void> {
  let previous: Buffer;
  try {
    previous = await fs.readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Written under a temporary name then renamed, so a crash never leaves a half-written `.bak`.
  const backupTemporary = temporaryNameFor(target, 'bak');
  await writeDurably(backupTemporary, previous, like);
  try {
    await fs.rename(backupTemporary, `${target}.bak`);
  } catch (error) {
    await fs.rm(backupTemporary, { force: true });
    throw error;
  }
}

/** Flushes a folder's entries (a rename into it, a file created in it) to the disk; best effort. */
export async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; not possible on Windows, where opening a folder fails.
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Folder fsync is best effort.
  }
}
