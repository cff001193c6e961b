import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IpcRefusedError } from './ipcRefusedError';

/**
 * A path dropped onto the window: a folder opens as the corpus; an article (.txt) opens its
 * folder at that article. Filesystem roots and the home folder are refused: scanning a whole
 * disk is never what a drop meant.
 */
export async function resolveDroppedPath(dropped: string): Promise<{ folder: string; articleName: string | null }> {
  if (!path.isAbsolute(dropped)) throw new IpcRefusedError('Only a dropped file or folder can be opened this way.', { code: 'dropNotArticle' });
  let stat;
  try {
    stat = await fs.stat(dropped);
  } catch {
    throw new IpcRefusedError(`${path.basename(dropped)} cannot be opened: it does not exist.`, { code: 'fileMissing', file: path.basename(dropped) });
  }
  const folder = stat.isDirectory() ? path.resolve(dropped) : path.dirname(path.resolve(dropped));
  if (!stat.isDirectory() && !(stat.isFile() && /\.txt$/i.test(dropped))) {
    throw new IpcRefusedError('Drop a folder of articles or an article (.txt file).', { code: 'dropNotArticle' });
  }
  if (path.parse(folder).root === folder || folder === path.resolve(os.homedir())) {
    throw new IpcRefusedError(`${folder} is too wide to open as a corpus; drop the folder that holds the articles.`, { code: 'dropTooWide', path: folder });
  }
  return { folder, articleName: stat.isDirectory() ? null : path.basename(dropped) };
}
