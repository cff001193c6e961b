import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Whether an annotation file may be written, asked before the article opens, so that a file the
 * user cannot write opens read-only with the reason instead of failing on the first edit. Saves
 * write a temporary file in the folder and rename it over the file, so the folder must be
 * writable too (and a rename would replace even a 0444 file: its own mode is checked here).
 * The mode bits are read explicitly as well as asking the kernel, because root passes every
 * access check: a file made read-only on purpose stays read-only for root too.
 */
export async function writeAccessProblem(file: string): Promise<string | null> {
  const name = path.basename(file);
  let stats: Stats | null = null;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `${name} cannot be examined (${(error as Error).message}); Hashiye leaves it as it is.`;
  }
  if (stats !== null) {
    const refused = (await kernelRefusal(file, FILE_MODE)) ?? (modeAllowsWriting(stats) ? null : FILE_MODE);
    if (refused) return `${name} is read-only (${refused}); Hashiye leaves it as it is. Change its permissions to edit it.`;
  }
  const folder = path.dirname(file);
  let folderStats: Stats;
  try {
    folderStats = await fs.stat(folder);
  } catch {
    // A folder that does not exist yet (an annotator's folder) is created by the save.
    return null;
  }
  const refused = (await kernelRefusal(folder, FOLDER_MODE)) ?? (modeAllowsWriting(folderStats) ? null : FOLDER_MODE);
  return refused === null ? null : `${name} is read-only (${refused}); Hashiye leaves it as it is.`;
}

const FILE_MODE = 'its permissions do not allow writing';
const FOLDER_MODE = 'its folder’s permissions do not allow writing';

/** The kernel's answer to "may I write this" (ACLs, read-only mounts, immutable files), as a reason, or null. */
async function kernelRefusal(file: string, modeReason: string): Promise<string | null> {
  try {
    await fs.access(file, fsConstants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'the disk is mounted read-only';
    if (code === 'EPERM') return 'the system refuses changes to it';
    if (code === 'EACCES') return modeReason;
    return (error as Error).message;
  }
}

/** Whether the mode bits give this process write access: the owner, group or other bits that apply; for root, any write bit. */
function modeAllowsWriting(stats: Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return (stats.mode & 0o200) !== 0;
  const uid = process.getuid();
  if (uid === 0) return (stats.mode & 0o222) !== 0;
  if (stats.uid === uid) return (stats.mode & 0o200) !== 0;
  const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
  if (groups.has(stats.gid)) return (stats.mode & 0o020) !== 0;
  return (stats.mode & 0o002) !== 0;
}

/** Whether a failed write failed for want of permission (errno codes, or the atomic writer's typed refusal), anywhere in its causes. */
export function isPermissionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = (current as Error & { cause?: unknown }).cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || current.name === 'ReadOnlyTargetError' || current.name === 'ReadOnlyAnnotationFileError') return true;
  }
  return false;
}
