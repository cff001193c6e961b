import { closeSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInsideRoot, OPEN_FLAGS, realCorpusRoot } from '../corpus/corpusFileAccess';
import { utf8Text } from '../article/strictUtf8';

/**
 * (#25) What an export knows of the corpus folders it reads: each folder's entries (one
 * `readdir` with their kinds) and its real path (one `realpath`), learnt the first time a file
 * of the folder is read. An export reads an article, its annotation file, its metadata file and
 * its brat file for thousands of articles; through the general corpus reader each costs an
 * `lstat`, a `realpath` of its folder (an `lstat` per path component) and, for the files that
 * are not there, a failed `lstat`. With the index, a regular file costs only its open, reads and
 * `fstat`s (corpusFileAccess's bounded read, which checks the handle again), and a file that is
 * not there costs nothing.
 *
 * The index only ever shortens the path for what it is sure of: a name the folder lists as a
 * regular file, in a folder whose real path is inside the corpus. Anything else (a link, a FIFO,
 * a folder it cannot read, a read that fails or is refused) is answered `unsure`, and the caller
 * reads the file through corpusFileAccess as before, which decides and words the refusal.
 */

type EntryKind = 'file' | 'other';

interface FolderEntries {
  /** The folder's real path, when it is inside the corpus. */
  real: string;
  kinds: ReadonlyMap<string, EntryKind>;
  /** The names folded (case, Unicode normalization): on a file system that folds them, a name missing as such may still be there. */
  folded: ReadonlySet<string>;
}

function foldedName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A quick read: the bytes, the file is not there, or `unsure` (read it through corpusFileAccess). */
export type QuickRead = { bytes: Buffer } | 'absent' | 'unsure';
/** The same for a text file: its text as UTF-8. */
export type QuickText = { text: string } | 'absent' | 'unsure';

/**
 * (#25) Where the files the index is sure of are read, one buffer per thread reused for every
 * file: a fresh buffer per file and the two `fstat`s of the general reader (is it regular? did
 * it change while read?) cost about half the reading's CPU. The index already knows the name is
 * a regular file; what could have changed since is caught here or left to the general reader:
 * a link in its place does not open (O_NOFOLLOW), a folder does not read, a FIFO (O_NONBLOCK)
 * or an empty file reads nothing and a file as large as the buffer fills it (both `unsure`).
 * A file written in place while it is read is read as it then is, as any reader of one would.
 */
const SCRATCH_BYTES = 1024 * 1024;
let scratch: Buffer | null = null;

/** The bytes of the regular file at `realPath` read into the scratch buffer (valid until the next read), or null: let the general reader decide. */
function readIntoScratch(realPath: string, maxBytes: number): Buffer | null {
  scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
  const limit = Math.min(maxBytes + 1, scratch.length);
  let descriptor: number;
  try {
    descriptor = openSync(realPath, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    let filled = 0;
    for (;;) {
      const bytesRead = readSync(descriptor, scratch, filled, limit - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === limit) return null;
    }
    return filled === 0 ? null : scratch.subarray(0, filled);
  } catch {
    return null;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * `path.join(real, name)` for a real folder path and a name its folder lists (no separator, never
 * `.` or `..`: nothing to normalize). (#25) Joined by hand: `path.join` normalizes the whole path
 * character by character, about 2 % of an export's CPU for two files an article.
 */
export function childPath(real: string, name: string): string {
  return real.endsWith(path.sep) ? real + name : real + path.sep + name;
}

export class ExportFolderIndex {
  private readonly folders = new Map<string, FolderEntries | null>();

  constructor(private readonly rootReal: string) {}

  private folderOf(folder: string): FolderEntries | null {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    let entries: FolderEntries | null = null;
    try {
      const real = realpathSync.native(folder);
      if (isInsideRoot(this.rootReal, real)) {
        const kinds = new Map<string, EntryKind>();
        const folded = new Set<string>();
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          kinds.set(entry.name, entry.isFile() ? 'file' : 'other');
          folded.add(foldedName(entry.name));
        }
        entries = { real, kinds, folded };
      }
    } catch {
      // Gone or unreadable: every file of it is read the general way, which says why.
    }
    this.folders.set(folder, entries);
    return entries;
  }

  private lookup(file: string): { entries: FolderEntries; name: string; kind: EntryKind } | 'absent' | 'unsure' {
    const entries = this.folderOf(path.dirname(file));
    if (entries === null) return 'unsure';
    const name = path.basename(file);
    const kind = entries.kinds.get(name);
    if (kind === undefined) return entries.folded.has(foldedName(name)) ? 'unsure' : 'absent';
    return { entries, name, kind };
  }

  /** True when `file` is surely not there (its folder, read, does not list it under any spelling). */
  isAbsent(file: string): boolean {
    return this.lookup(file) === 'absent';
  }

  /** Reads `file` (an absolute path in the corpus) within `maxBytes` with `take`, when the index is sure of it. */
  private readWith<Answer>(file: string, maxBytes: number, take: (bytes: Buffer) => Answer): Answer | 'absent' | 'unsure' {
    const found = this.lookup(file);
    if (typeof found !== 'object') return found;
    const { entries, name, kind } = found;
    if (kind !== 'file') return 'unsure';
    // Too large, empty, replaced since the folder was read...: the general reader decides and says why.
    const bytes = readIntoScratch(childPath(entries.real, name), maxBytes);
    return bytes === null ? 'unsure' : take(bytes);
  }

  /** The bytes of `file`, (#25) not copied: valid only until the index's next read on this thread (the caller decodes them at once). */
  readInPlace(file: string, maxBytes: number): QuickRead {
    return this.readWith(file, maxBytes, (bytes) => ({ bytes }));
  }

  /** The text of `file` as UTF-8 (`toString('utf8')`'s text, made faster: utf8Text), decoded without copying its bytes. */
  readText(file: string, maxBytes: number): QuickText {
    return this.readWith(file, maxBytes, (bytes) => ({ text: utf8Text(bytes) }));
  }
}

/** The index for an export of the corpus at `root`; undefined when its root cannot be resolved (every read then says why). */
export function exportFolderIndexFor(root: string): ExportFolderIndex | undefined {
  try {
    return new ExportFolderIndex(realCorpusRoot(root));
  } catch {
    return undefined;
  }
}
