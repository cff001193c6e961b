import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { readFileInOwnFolder } from './corpusFileAccess';
import { INPUT_LIMITS } from './inputLimits';
import { sha256InSlices } from '../storage/sha256InSlices';

/** What the corpus watcher (corpusWatcher.ts) knows of the open article's two files: a hash, and the size and time that let a poll skip hashing. */
/** A file's state as a caller that just read or wrote it knows it (no need to read and hash it again). */
export type KnownFileState = { exists: false } | { exists: true; size: number; mtimeMs: number; sha256: string };

export function sha256Of(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface FileState {
  path: string;
  exists: boolean;
  sha256: string | null;
  size: number;
  mtimeMs: number;
}

export function knownState(file: string, known: KnownFileState): FileState {
  return known.exists ? { path: file, exists: true, sha256: known.sha256, size: known.size, mtimeMs: known.mtimeMs } : { path: file, exists: false, sha256: null, size: 0, mtimeMs: 0 };
}

export async function readState(file: string, previous: FileState | null, force: boolean): Promise<FileState> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { path: file, exists: false, sha256: null, size: 0, mtimeMs: 0 };
  }
  if (!force && previous && previous.exists && previous.size === stat.size && previous.mtimeMs === stat.mtimeMs) return previous;
  let bytes: Buffer;
  try {
    // Hashed only, never shown; still a regular file in its own folder, within the largest
    // limit, read without blocking (a FIFO put in place of the open file must not hang main).
    const read = await readFileInOwnFolder(file, { maxBytes: Math.max(INPUT_LIMITS.articleBytes, INPUT_LIMITS.annotationFileBytes), settle: false });
    if (read === null) return { path: file, exists: false, sha256: null, size: 0, mtimeMs: 0 };
    bytes = read.bytes;
  } catch {
    return { path: file, exists: false, sha256: null, size: 0, mtimeMs: 0 };
  }
  // (#17) A few megabytes a turn: a check on a 39 MB annotation file held main for one task of over 100 ms.
  return { path: file, exists: true, sha256: await sha256InSlices(bytes), size: stat.size, mtimeMs: stat.mtimeMs };
}
