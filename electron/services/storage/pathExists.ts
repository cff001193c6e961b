import { promises as fs } from 'node:fs';

/**
 * Whether anything is at `file`, itself not followed: a dangling link counts, so a name in use
 * is never taken for free. Only "no such file" answers false; any other failure is thrown.
 */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
