import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces `target` with `contents` so that at every moment the file on disk is either the
 * old version or the new one, never a mix: write a temporary file in the same folder, flush
 * it, keep the previous version as `target.bak`, then rename the temporary file over the target.
 */
export async function writeFileAtomic(target: string, contents: string, options: { backup: boolean }): Promise<void> {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.backup) await backUp(target);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function backUp(target: string): Promise<void> {
  try {
    await fs.access(target, fsConstants.F_OK);
  } catch {
    return;
  }
  // Copy then rename, so a crash never leaves a half-written backup under the real name.
  const backupTemporary = `${target}.bak.tmp`;
  await fs.copyFile(target, backupTemporary);
  await fs.rename(backupTemporary, `${target}.bak`);
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
