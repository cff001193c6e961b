/**
 * The one way a corpus file is read (and checked before it is written): nothing outside the
 * opened corpus, nothing but regular files, never more bytes than a limit, never a file caught
 * in the middle of being written.
 *
 * - A path is followed to its real location (every symbolic link on the way resolved) and used
 *   only when that lies inside the corpus's real root: a link is followed only when its target
 *   is in the corpus.
 * - Only regular files are opened. The type is checked with `lstat` on the real path before
 *   opening (opening a device can have effects of its own) and again with `fstat` on the opened
 *   handle, which is what is actually read. The open is non-blocking and does not follow a link,
 *   so a FIFO put in place between the two checks never blocks the main process.
 * - The byte limit is enforced on the bytes actually read: `stat`'s size is 0 for devices and
 *   stale for a growing file, so it is used only as a first guess of the buffer's size.
 * - A file whose size or modification time moves while it is read, or that does not hold as
 *   many bytes as it says, is being written: it is read again a few times, then refused.
 */
import { megabytes } from '../../../shared/text/megabytes';
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fs, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Why a corpus file was not read (or may not be written). */
export type CorpusFileRefusal = 'outside-corpus' | 'dangling-link' | 'not-regular-file' | 'too-large' | 'being-written' | 'linked-folder';

export class CorpusFileRefusedError extends Error {
  constructor(
    /** The path as it was asked for. */
    readonly file: string,
    readonly refusal: CorpusFileRefusal,
    /** What was found, in words: "a FIFO (named pipe)", "links to /etc/passwd"... */
    readonly detail: string,
    /** For a file refused as too large: its size as far as it is known (what stat said, or the bytes read before stopping). */
    readonly foundBytes: number | null = null,
  ) {
    super(`${path.basename(file)} was not read: ${detail}.`);
    this.name = 'CorpusFileRefusedError';
  }
}

/** A corpus file as read: its bytes, and its size and modification time (from the open handle, before and after reading). */
export interface CorpusFileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  /** Where the file really is (links resolved). */
  realPath: string;
}

export interface CorpusReadOptions {
  /** At most this many bytes are read; a file holding more is refused as too large. */
  maxBytes: number;
  /**
   * Look again at a file modified in the last SETTLE_MS before trusting a read of it (default
   * true). Off only for a reader that checks agreement itself (the watcher reads until two reads agree).
   */
  settle?: boolean;
}

/** Tag sets (`hashiye.json`) and brat's `annotation.conf` / `visual.conf`: a few kilobytes in practice. */
export const CONFIGURATION_FILE_BYTES = 4 * 1024 * 1024;

// Not defined on Windows, where FIFOs and links of this kind do not arise the same way: 0 adds nothing.
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Reads made while a file was changing, before it is refused as being written. */
const READ_ATTEMPTS = 4;
const RETRY_DELAY_MS = 25;
/**
 * A file modified this recently may be in the middle of a write that pauses between chunks, and
 * one consistent read of it proves nothing: it is looked at again after this long and read again
 * if it moved. Files the app writes itself are renamed into place whole, so this costs a save's
 * own file a short wait at most.
 */
export const SETTLE_MS = 40;

/** What kind of thing a non-regular file is, in words for a message. */
export function describeFileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stats.isCharacterDevice()) return 'a character device, not a regular file';
  if (stats.isBlockDevice()) return 'a block device, not a regular file';
  if (stats.isSocket()) return 'a socket, not a regular file';
  if (stats.isDirectory()) return 'a folder, not a file';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A folder where a file is expected is an ordinary I/O error (as `fs.readFile` reports it), not a hostile file: callers already say "cannot be read". */
function folderInPlace(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR', path: file });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A `.` or `..` segment: a path holding one is compared in full by isInsideRoot. */
const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

/** Whether `real` is `rootReal` or inside it (both real paths). The root's prefix, a separator and no dot segment is inside without path.relative (#25: the listing asks for every file). */
export function isInsideRoot(rootReal: string, real: string): boolean {
  if (real.startsWith(rootReal) && real.charAt(rootReal.length) === path.sep && !DOT_SEGMENT.test(real)) return true;
  const relative = path.relative(rootReal, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The corpus root's real path (links resolved), against which every file is confined. */
export function realCorpusRoot(root: string): string {
  return realpathSync.native(path.resolve(root));
}

function outsideDetail(rootReal: string, real: string): string {
  return `it leads outside the corpus (to ${real}, not under ${rootReal})`;
}

/**
 * The outcome of checking a corpus path without reading it: a regular file inside the corpus
 * (with its real path and stat), absent, or refused with the reason.
 */
export type CorpusFileCheck =
  | { kind: 'regular'; realPath: string; stats: Stats }
  | { kind: 'absent' }
  | { kind: 'refused'; error: CorpusFileRefusedError };

/**
 * Checks `file` against the corpus whose real root is `rootReal`, synchronously (the listing
 * checks thousands of files in batches). A plain file costs one `lstat`; a link also a realpath.
 * `folderIsReal`: the caller knows the file's folder is a real path (a walk from the real root
 * that never entered a linked folder), so it need not be resolved again.
 */
export function checkCorpusFileSync(rootReal: string, file: string, options: { folderIsReal?: boolean } = {}): CorpusFileCheck {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false }); // (#25) Many articles have no annotation file: an exception for each cost more than the lstat.
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  if (stats === undefined) return { kind: 'absent' };
  let real = file;
  if (stats.isSymbolicLink()) {
    try {
      real = realpathSync.native(file);
    } catch (error) {
      if (isMissing(error)) return { kind: 'refused', error: new CorpusFileRefusedError(file, 'dangling-link', 'it is a symbolic link whose target does not exist') };
      throw error;
    }
    stats = lstatSync(real);
  } else if (!options.folderIsReal) {
    // The file itself is no link, but a folder above it may be one.
    real = path.join(realpathSync.native(path.dirname(file)), path.basename(file));
  }
  return checkedAt(rootReal, file, real, stats);
}

/** Where the checked path really is and what it is: inside the corpus and a regular file, or why not. */
function checkedAt(rootReal: string, file: string, real: string, stats: Stats): CorpusFileCheck {
  if (!isInsideRoot(rootReal, real)) return { kind: 'refused', error: new CorpusFileRefusedError(file, 'outside-corpus', outsideDetail(rootReal, real)) };
  if (stats.isDirectory()) throw folderInPlace(file);
  if (!stats.isFile()) return { kind: 'refused', error: new CorpusFileRefusedError(file, 'not-regular-file', `it is ${describeFileKind(stats)}`) };
  return { kind: 'regular', realPath: real, stats };
}

/** An open that failed after the check: replaced by a link (O_NOFOLLOW refuses it) is refused, removed is absent (null), anything else is thrown. */
function afterFailedOpen(file: string, error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new CorpusFileRefusedError(file, 'outside-corpus', 'it was replaced by a symbolic link while it was opened');
  if (isMissing(error)) return null;
  throw error;
}

/** checkCorpusFileSync, without blocking the event loop. */
export async function checkCorpusFile(rootReal: string, file: string): Promise<CorpusFileCheck> {
  let stats: Stats;
  try {
    stats = await fs.lstat(file);
  } catch (error) {
    if (isMissing(error)) return { kind: 'absent' };
    throw error;
  }
  let real: string;
  if (stats.isSymbolicLink()) {
    try {
      real = await fs.realpath(file);
    } catch (error) {
      if (isMissing(error)) return { kind: 'refused', error: new CorpusFileRefusedError(file, 'dangling-link', 'it is a symbolic link whose target does not exist') };
      throw error;
    }
    stats = await fs.lstat(real);
  } else {
    real = path.join(await fs.realpath(path.dirname(file)), path.basename(file));
  }
  return checkedAt(rootReal, file, real, stats);
}

function tooLarge(file: string, maxBytes: number, found: number): CorpusFileRefusedError {
  return new CorpusFileRefusedError(file, 'too-large', `it holds ${megabytes(found)} or more; the limit is ${megabytes(maxBytes)}`, found);
}

/** Whether the file stayed the same while it was read and gave as many bytes as it holds. */
function readWhole(before: Stats, after: Stats, bytesRead: number): boolean {
  return before.size === after.size && before.mtimeMs === after.mtimeMs && before.ino === after.ino && bytesRead === after.size;
}

function beingWritten(file: string): CorpusFileRefusedError {
  return new CorpusFileRefusedError(file, 'being-written', `it changed while it was read ${READ_ATTEMPTS} times in a row (another program is writing it); try again once it is complete`);
}

function openedIsNotRegular(file: string, stats: Stats): CorpusFileRefusedError {
  return new CorpusFileRefusedError(file, 'not-regular-file', `it is ${describeFileKind(stats)}`);
}

/** A bounded read's buffer (async or sync): `stat`'s size plus one byte (to see growth), grown as bytes come, refused past `maxBytes`. */
class BoundedReadBuffer {
  buffer: Buffer;
  filled = 0;
  constructor(private readonly file: string, private readonly maxBytes: number, private readonly expectedSize: number) {
    // A size over the limit is believed (nothing is read); a size under it is only a first guess.
    if (expectedSize > maxBytes) throw tooLarge(file, maxBytes, expectedSize);
    this.buffer = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(expectedSize, 0)) + 1);
  }

  /** Makes room for the next read at `filled`, up to the end of `buffer`. */
  makeRoom(): void {
    if (this.filled < this.buffer.length) return;
    if (this.filled > this.maxBytes) throw tooLarge(this.file, this.maxBytes, this.filled);
    const grown = Buffer.allocUnsafe(Math.min(this.maxBytes + 1, Math.max(this.buffer.length * 2, 64 * 1024)));
    this.buffer.copy(grown, 0, 0, this.filled);
    this.buffer = grown;
  }

  /** Counts a read's bytes; true at the end, or at the size stat gave (growth is readWhole's fstat: no read to see the end). */
  received(bytesRead: number): boolean {
    if (bytesRead === 0) return true;
    this.filled += bytesRead;
    return this.filled === this.expectedSize;
  }

  bytes(): Buffer {
    if (this.filled > this.maxBytes) throw tooLarge(this.file, this.maxBytes, this.filled);
    return this.buffer.subarray(0, this.filled);
  }
}

/** Reads from `handle` until the end of the file, or until more than `maxBytes` have come: then throws. */
export async function readBoundedFromHandle(file: string, handle: fs.FileHandle, maxBytes: number, expectedSize: number): Promise<Buffer> {
  const read = new BoundedReadBuffer(file, maxBytes, expectedSize);
  for (;;) {
    read.makeRoom();
    const { bytesRead } = await handle.read(read.buffer, read.filled, read.buffer.length - read.filled, null);
    if (read.received(bytesRead)) break;
  }
  return read.bytes();
}

/** readBoundedFromHandle, synchronously, on a file descriptor. */
export function readBoundedFromDescriptorSync(file: string, descriptor: number, maxBytes: number, expectedSize: number): Buffer {
  const read = new BoundedReadBuffer(file, maxBytes, expectedSize);
  for (;;) {
    read.makeRoom();
    let bytesRead: number;
    try {
      bytesRead = readSync(descriptor, read.buffer, read.filled, read.buffer.length - read.filled, null);
    } catch (error) {
      // Non-blocking descriptors of special files answer "try again": never waited for.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw error;
    }
    if (read.received(bytesRead)) break;
  }
  return read.bytes();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True unless the file, modified within SETTLE_MS, moves again within SETTLE_MS. */
async function settled(handle: fs.FileHandle, read: Stats): Promise<boolean> {
  if (Date.now() - read.mtimeMs > SETTLE_MS) return true;
  await delay(SETTLE_MS);
  const again = await handle.stat();
  return again.size === read.size && again.mtimeMs === read.mtimeMs;
}

/**
 * Reads a regular file at `realPath` (already confined by the caller), bounded and whole. For a
 * file already checked with checkCorpusFile; exported for readers whose path is not a corpus
 * path (the watcher hashing a file it was told about).
 */
export async function readRegularFileBounded(file: string, realPath: string, options: CorpusReadOptions): Promise<CorpusFileBytes> {
  for (let attempt = 1; ; attempt++) {
    const handle = await fs.open(realPath, OPEN_FLAGS);
    try {
      const before = await handle.stat();
      if (!before.isFile()) throw openedIsNotRegular(file, before);
      const bytes = await readBoundedFromHandle(file, handle, options.maxBytes, before.size);
      const after = await handle.stat();
      if (readWhole(before, after, bytes.length) && (options.settle === false || (await settled(handle, after)))) return { bytes, size: after.size, mtimeMs: after.mtimeMs, realPath };
    } finally {
      await handle.close();
    }
    if (attempt >= READ_ATTEMPTS) throw beingWritten(file);
    await delay(RETRY_DELAY_MS * attempt);
  }
}

/** readRegularFileBounded, synchronously: for a file already checked with checkCorpusFileSync (the listing checks every file first). */
export function readRegularFileBoundedSync(file: string, realPath: string, options: CorpusReadOptions): CorpusFileBytes {
  for (let attempt = 1; ; attempt++) {
    const descriptor = openSync(realPath, OPEN_FLAGS);
    try {
      const before = fstatSync(descriptor);
      if (!before.isFile()) throw openedIsNotRegular(file, before);
      const bytes = readBoundedFromDescriptorSync(file, descriptor, options.maxBytes, before.size);
      const after = fstatSync(descriptor);
      if (readWhole(before, after, bytes.length)) return { bytes, size: after.size, mtimeMs: after.mtimeMs, realPath };
    } finally {
      closeSync(descriptor);
    }
    // Synchronous readers (the listing) do not wait: they read again at once, then give up.
    if (attempt >= READ_ATTEMPTS) throw beingWritten(file);
  }
}

/**
 * Reads the corpus file at `file` (an absolute path under `root`), or null when there is none.
 * Throws CorpusFileRefusedError for a file outside the corpus, one that is not a regular file,
 * one larger than `maxBytes`, or one that keeps changing while it is read; other I/O errors
 * (permissions) are thrown as they are.
 */
export async function readCorpusFile(root: string, file: string, options: CorpusReadOptions): Promise<CorpusFileBytes | null> {
  const rootReal = await fs.realpath(path.resolve(root));
  const checked = await checkCorpusFile(rootReal, file);
  if (checked.kind === 'absent') return null;
  if (checked.kind === 'refused') throw checked.error;
  try {
    return await readRegularFileBounded(file, checked.realPath, options);
  } catch (error) {
    return afterFailedOpen(file, error);
  }
}

/**
 * readCorpusFile for a reader that has the file's path but not the corpus root (a file beside
 * its article, whose path was confined when the article id was resolved): the file must be in
 * its own folder, so a link in its place is followed only to a file beside it. Stricter than
 * the corpus rule for the file itself; callers that have the root pass it to readCorpusFile.
 */
export async function readFileInOwnFolder(file: string, options: CorpusReadOptions): Promise<CorpusFileBytes | null> {
  try {
    return await readCorpusFile(path.dirname(path.resolve(file)), file, options);
  } catch (error) {
    // The folder itself is gone: the file is simply absent.
    if (isMissing(error)) return null;
    throw error;
  }
}

/** readCorpusFile, synchronously, against a root whose real path is known (see realCorpusRoot). */
export function readCorpusFileSync(rootReal: string, file: string, options: CorpusReadOptions & { folderIsReal?: boolean }): CorpusFileBytes | null {
  const checked = checkCorpusFileSync(rootReal, file, { folderIsReal: options.folderIsReal });
  if (checked.kind === 'absent') return null;
  if (checked.kind === 'refused') throw checked.error;
  try {
    return readRegularFileBoundedSync(file, checked.realPath, options);
  } catch (error) {
    return afterFailedOpen(file, error);
  }
}

/** readCorpusFile for a file that must exist: a missing one is an ENOENT error, as `fs.readFile` throws. */
export async function readExistingCorpusFile(root: string, file: string, options: CorpusReadOptions): Promise<CorpusFileBytes> {
  const read = await readCorpusFile(root, file, options);
  if (read === null) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT', path: file });
  return read;
}

/**
 * Throws CorpusFileRefusedError unless `file` may be replaced by a write of the app: its folder
 * is really inside the corpus, and the file is absent or a regular file inside the corpus. A
 * save keeps the previous version as `.bak` by reading the file it replaces: through a link to
 * an outside file that would copy the outside file into the corpus, and on a FIFO it would block.
 */
export async function assertWritableInCorpus(root: string, file: string): Promise<void> {
  const rootReal = await fs.realpath(path.resolve(root));
  let folderReal: string;
  try {
    folderReal = await fs.realpath(path.dirname(file));
  } catch (error) {
    if (isMissing(error)) throw new CorpusFileRefusedError(file, 'dangling-link', 'its folder does not exist');
    throw error;
  }
  if (!isInsideRoot(rootReal, folderReal)) throw new CorpusFileRefusedError(file, 'outside-corpus', outsideDetail(rootReal, folderReal));
  const checked = await checkCorpusFile(rootReal, file);
  if (checked.kind === 'refused') throw checked.error;
}

/** A path relative to the root, with `/`, for messages and the listing's skipped entries. */
export function corpusRelativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
