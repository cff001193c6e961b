import { promises as fs } from 'node:fs';

/** True when `folder` exists, is a folder and can be listed. */
export async function isReadableFolder(folder: string): Promise<boolean> {
  try {
    if (!(await fs.stat(folder)).isDirectory()) return false;
    await fs.readdir(folder);
    return true;
  } catch {
    return false;
  }
}
