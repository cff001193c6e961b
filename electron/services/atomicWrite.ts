import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** Keep the version being replaced as `target.bak` (itself replaced atomically). */
  backup: boolean;
}

/** A name in the target's own folder (rename is only atomic within one file system), hidden from the corpus listing. */
function temporaryNameFor(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces `target` with `contents` so that at every moment the file on disk is either the
 * old version or the new one, never a mix: write a temporary file in the same folder, flush
 * it, keep the previous version as `target.bak`, then rename the temporary file over the target.
 * On failure the target is untouched and the temporary file is removed; the error is rethrown.
 */
export async function writeFileAtomic(target: string, contents: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const temporary = temporaryNameFor(target, 'new');
  await writeDurably(temporary, contents);
  try {
    if (options.backup) await backUp(target);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(target));
}

/** Creates `file` (which must not exist), writes it and flushes it to the disk. */
async function writeDurably(file: string, contents: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

async function backUp(target: string): Promise<void> {
  let previous: Buffer;
  try {
    previous = await fs.readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Written under a temporary name then renamed, so a crash never leaves a half-written `.bak`.
  const backupTemporary = temporaryNameFor(target, 'bak');
  await writeDurably(backupTemporary, previous);
  try {
    await fs.rename(backupTemporary, `${target}.bak`);
  } catch (error) {
    await fs.rm(backupTemporary, { force: true });
    throw error;
  }
}

async function syncFolder(folder: string): Promise<void> {
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
