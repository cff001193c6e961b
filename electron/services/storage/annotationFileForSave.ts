import { constants as fsConstants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { UserProblem } from '../../../shared/userProblem';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { parseExisting, SaveFailedError, type ParsedExisting } from './annotationStore';
import { assertWritableInCorpus, CorpusFileRefusedError } from '../corpus/corpusFileAccess';
import { sha256Of } from '../corpus/watchedFileState';
import { annotationShapeProblem, checkAnnotationBytes, type InputLimits } from '../corpus/inputLimits';
import { writeAccessRefusal } from './writeAccess';
import { writtenAnnotationFileFor } from './writtenAnnotationFile';

/**
 * The annotation file as a merging save (mergingSave.ts) sees it: read through a handle held
 * until after the write, read again while a plain writer may be half way, checked unchanged and
 * writable just before the rename, and read again after it for a writer that slipped in.
 */

/** Waits between reads of a file that does not parse (a plain writer may be half way): about 200 ms in all. */
const UNSETTLED_RETRY_MS = [10, 20, 30, 40, 50, 50];

/** The file's bytes from offset 0 through an open handle, at most `limit` (null when larger). */
async function readWhole(handle: FileHandle, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    // Counted while reading, not trusted from stat (a device or a growing file lies there).
    if (total > limit) return null;
  }
  return Buffer.concat(chunks, total);
}

type Parsed = { kind: 'refused'; message: string } | { kind: 'parsed'; bytes: Buffer; sha256?: string; existing: ParsedExisting & { kind: 'parsed' } };

/** The SHA-256 of the bytes this process wrote last (the same Buffer writtenAnnotationFile keeps), so the next save need not hash megabytes again. */
let lastWritten: { bytes: Uint8Array; sha256: string } | null = null;

/** Remembers the bytes a save just wrote and their SHA-256 (see lastWritten). */
export function rememberWrittenBytes(bytes: Uint8Array, sha256: string): void {
  lastWritten = { bytes, sha256 };
}

function parseBytes(annotationPath: string, bytes: Buffer | null, limits: InputLimits): Parsed {
  const name = path.basename(annotationPath);
  if (bytes === null) return { kind: 'refused', message: `${name} is larger than the ${Math.round(limits.annotationFileBytes / (1024 * 1024))} MB Hashiye opens; it was left as it is.` };
  // The bytes this process wrote last: their parse is known (a 10,000-annotation file is megabytes of JSON).
  const written = writtenAnnotationFileFor(annotationPath, bytes);
  if (written) {
    const problem = annotationShapeProblem(name, written.shape, limits);
    if (problem !== null) return { kind: 'refused', message: problem };
    const sha256 = lastWritten !== null && lastWritten.bytes === written.bytes ? lastWritten.sha256 : undefined;
    return { kind: 'parsed', bytes, sha256, existing: { kind: 'parsed', parsed: written.parsed, offsetsCheckedFor: written.offsetsCheckedFor } };
  }
  const checked = checkAnnotationBytes(name, bytes, limits);
  if (checked.kind === 'refused') return checked;
  return { kind: 'parsed', bytes, existing: parseExisting(annotationPath, checked) as ParsedExisting & { kind: 'parsed' } };
}

/** The file on disk as one merge sees it, with the handle it was read through (closed by the caller). */
export type DiskFile =
  | { kind: 'absent' }
  | { kind: 'refused'; message: string }
  | { kind: 'present'; handle: FileHandle; ino: number; dev: number; size: number; mtimeMs: number; bytes: Buffer; sha256: string; existing: ParsedExisting & { kind: 'parsed' } };

/**
 * Reads the annotation file for a merge. A file that does not parse is read again a few times
 * over about 200 ms (a plain writer truncates, then writes: the file is empty or cut meanwhile);
 * after that it counts as what it is, and the save refuses to replace it.
 */
export async function readDisk(annotationPath: string, limits: InputLimits, root: string | undefined): Promise<DiskFile> {
  if (root !== undefined) {
    // Confined as every corpus write is (corpusFileAccess): through a link leading out of the
    // corpus the merge would read an outside file, and the save would copy it in as `.bak`.
    try {
      await assertWritableInCorpus(root, annotationPath);
    } catch (error) {
      if (error instanceof CorpusFileRefusedError) return { kind: 'refused', message: `Not saved: ${error.message}` };
      throw error;
    }
  }
  for (let attempt = 0; ; attempt++) {
    let handle: FileHandle;
    try {
      // Without blocking: a FIFO put in place of the file must not hang the save (it is refused below, not a regular file).
      handle = await fs.open(annotationPath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
      throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: cannot read it (${(error as Error).message})`, { cause: error });
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        return { kind: 'refused', message: `${path.basename(annotationPath)} is not a regular file; it was left as it is.` };
      }
      const parsed = parseBytes(annotationPath, await readWhole(handle, limits.annotationFileBytes), limits);
      const settled = parsed.kind === 'refused' || parsed.existing.parsed.ok;
      if (settled || attempt >= UNSETTLED_RETRY_MS.length) {
        if (parsed.kind === 'refused') {
          await handle.close();
          return parsed;
        }
        return { kind: 'present', handle, ino: stat.ino, dev: stat.dev, size: stat.size, mtimeMs: stat.mtimeMs, bytes: parsed.bytes, sha256: parsed.sha256 ?? sha256Of(parsed.bytes), existing: parsed.existing };
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    await handle.close();
    await sleep(UNSETTLED_RETRY_MS[attempt]);
  }
}

/**
 * What a plain writer put into the replaced file (read through the handle held on it) after the
 * merge read it, once it parses, or null when it holds what was merged against (or never parses).
 */
export async function slippedIn(annotationPath: string, disk: DiskFile & { kind: 'present' }, limits: InputLimits): Promise<AnnotationFile | null> {
  for (let attempt = 0; ; attempt++) {
    const bytes = await readWhole(disk.handle, limits.annotationFileBytes);
    if (bytes !== null && bytes.equals(disk.bytes)) return null;
    const parsed = parseBytes(annotationPath, bytes, limits);
    if (parsed.kind === 'parsed' && parsed.existing.parsed.ok) return parsed.existing.parsed.file;
    if (parsed.kind === 'refused' || attempt >= UNSETTLED_RETRY_MS.length) return null;
    await sleep(UNSETTLED_RETRY_MS[attempt]);
  }
}

/** Thrown just before the rename when the path no longer names the file as it was read: the round starts over. */
export class DiskMovedOnError extends Error {
  constructor() {
    super('The annotation file changed while it was being saved.');
    this.name = 'DiskMovedOnError';
  }
}

/** The file or its folder may not be written (see writeAccess.ts): nothing is written, the edits stay in the window. */
export class ReadOnlyAnnotationFileError extends Error {
  constructor(
    message: string,
    /** Why, coded for the window (shared/ipc.ts). */
    readonly userProblem?: UserProblem,
  ) {
    super(message);
    this.name = 'ReadOnlyAnnotationFileError';
  }
}

/**
 * Just before the rename: the file is still the one merged against, and we may write it. A
 * rename replaces a read-only file as long as its folder is writable, and root passes every
 * access check: the mode is looked at explicitly, so a 0444 file is never replaced.
 */
export async function checkBeforeWrite(annotationPath: string, disk: DiskFile): Promise<void> {
  await checkUnchangedSinceRead(annotationPath, disk);
  const readOnly = await writeAccessRefusal(annotationPath);
  if (readOnly !== null) throw new ReadOnlyAnnotationFileError(`Not saved: ${readOnly.message}`, readOnly.userProblem);
}

async function checkUnchangedSinceRead(annotationPath: string, disk: DiskFile): Promise<void> {
  let current;
  try {
    current = await fs.stat(annotationPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (disk.kind === 'absent') return;
    throw new DiskMovedOnError();
  }
  if (disk.kind !== 'present') throw new DiskMovedOnError();
  const held = await disk.handle.stat();
  if (current.ino !== disk.ino || current.dev !== disk.dev || held.size !== disk.size || held.mtimeMs !== disk.mtimeMs) throw new DiskMovedOnError();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
