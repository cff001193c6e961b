import { createHash, type Hash } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** At most this many pieces a `writev` call (the system's IOV_MAX is 1,024 on Linux). */
const PIECES_PER_WRITE = 1024;

/** `pieces` one after the other from `position`, a `writev` per group; a short write's rest written again. */
export async function writePiecesAt(handle: fs.FileHandle, pieces: readonly Uint8Array[], position: number): Promise<void> {
  for (let start = 0; start < pieces.length; start += PIECES_PER_WRITE) {
    const group = pieces.slice(start, start + PIECES_PER_WRITE);
    const length = group.reduce((sum, piece) => sum + piece.length, 0);
    const { bytesWritten } = await handle.writev(group, position);
    let rest = bytesWritten < length ? Buffer.concat(group).subarray(bytesWritten) : null;
    let at = position + bytesWritten;
    while (rest !== null && rest.length > 0) {
      const written = (await handle.write(rest, 0, rest.length, at)).bytesWritten;
      rest = rest.subarray(written);
      at += written;
    }
    position += length;
  }
}

/** After about this many bytes written, the kernel is asked to put them on the disk (in the background of the export). */
const FLUSH_EVERY_BYTES = 8 * 1024 * 1024;

/** The stream whose pieces a list is, once `adopt` has checked it (for `streamOf`). */
const adopted = new WeakMap<readonly Uint8Array[], OrderedFileStream>();

/**
 * (#25) A file written while its parts are still being made, possibly out of order: part `n`
 * is written (and hashed) as soon as parts 0 to n−1 are, so that a 42 MB export file is on its
 * way to the disk while the export runs, instead of being written, hashed and flushed after its
 * last part. Nothing here decides where the file ends up: its owner writes it in a staging
 * folder and `finish`es it (flushed, closed) before moving it into place; a failed write is
 * kept and thrown by `finish`, and `abandon` closes the file for its folder to be removed.
 */
export class OrderedFileStream {
  private readonly waiting = new Map<number, readonly Uint8Array[]>();
  private readonly pieces: Uint8Array[] = [];
  private readonly hash: Hash = createHash('sha256');
  private nextPart = 0;
  private bytes = 0;
  private unflushed = 0;
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly handle: fs.FileHandle,
  ) {}

  /** Creates `file`, which must not exist. */
  static async create(file: string): Promise<OrderedFileStream> {
    return new OrderedFileStream(file, await fs.open(file, 'wx'));
  }

  /** Part `part` (0, 1, ... each once): written after the parts before it. */
  add(part: number, pieces: readonly Uint8Array[]): void {
    this.waiting.set(part, pieces);
    for (let next = this.waiting.get(this.nextPart); next !== undefined; next = this.waiting.get(this.nextPart)) {
      this.waiting.delete(this.nextPart++);
      this.append(next);
    }
  }

  private append(pieces: readonly Uint8Array[]): void {
    const position = this.bytes;
    for (const piece of pieces) {
      this.hash.update(piece);
      this.pieces.push(piece);
      this.bytes += piece.length;
      this.unflushed += piece.length;
    }
    const flush = this.unflushed >= FLUSH_EVERY_BYTES;
    if (flush) this.unflushed = 0;
    this.writing = this.writing.then(async () => {
      if (this.failure !== null || this.closed) return;
      try {
        await writePiecesAt(this.handle, pieces, position);
        if (flush) await this.handle.datasync();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /**
   * Whether `pieces` are exactly what was written, in order (the same buffers): then `streamOf`
   * gives this stream for them, and whoever holds them can take the file as their bytes.
   */
  adopt(pieces: readonly Uint8Array[]): boolean {
    if (this.waiting.size > 0 || pieces.length !== this.pieces.length || pieces.some((piece, index) => piece !== this.pieces[index])) return false;
    adopted.set(pieces, this);
    return true;
  }

  /** SHA-256 and length of what was added in order so far (of the whole file once every part came). */
  digest(): { sha256: string; bytes: number } {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytes };
  }

  /** Waits for the writes, then flushes and closes the file; throws the first write's failure. */
  async finish(): Promise<void> {
    await this.writing;
    if (this.failure !== null) {
      await this.abandon();
      throw this.failure.error;
    }
    try {
      await this.handle.sync();
    } finally {
      await this.abandon();
    }
  }

  /** Closes the file once a write under way is done (those not begun are dropped); never throws. */
  async abandon(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    await this.handle.close().catch(() => undefined);
  }
}

/** The stream that wrote `pieces` (they were adopted), if any. */
export function streamOf(pieces: readonly Uint8Array[]): OrderedFileStream | undefined {
  return adopted.get(pieces);
}
