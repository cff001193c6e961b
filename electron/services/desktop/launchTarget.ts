import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { UserProblem } from '../../../shared/userProblem';

/** What a path given by the OS (a second launch, a file opened with the app) opens, or why it opens nothing. */
export type LaunchTarget = { folder: string; articleFile: string | null } | { refused: UserProblem };

async function statOf(target: string): Promise<'folder' | 'file' | null> {
  try {
    const stats = await fs.stat(target);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** Corpora are rarely deeper than this below their hashiye.json. */
const MARKER_SEARCH_DEPTH = 8;

async function nearestMarkedFolder(start: string): Promise<string | null> {
  let folder = start;
  for (let depth = 0; depth < MARKER_SEARCH_DEPTH; depth += 1) {
    for (const marker of ['hashiye.json', 'annotation.conf']) if ((await statOf(path.join(folder, marker))) === 'file') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
  return null;
}

/** The article (.txt) a file names: itself, the text beside its `.ann.json` or brat `.ann`, or the text an annotator's file in `NAME.annotators/` belongs to. */
function articleFileOf(file: string): string | null {
  const name = path.basename(file);
  const folder = path.dirname(file);
  if (/\.txt$/i.test(name)) return file;
  if (/\.ann\.json$/i.test(name) && folder.endsWith('.annotators')) return `${folder.slice(0, -'.annotators'.length)}.txt`;
  const annotations = /^(.*)\.(?:ann\.json|ann)$/i.exec(name);
  return annotations ? path.join(folder, `${annotations[1]}.txt`) : null;
}

function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The corpus folder and article a path opens: a folder is itself; a corpus's `hashiye.json` is its
 * folder; an article or its `.ann.json` (also an annotator's file in `NAME.annotators/`) opens the
 * nearest folder above it holding `hashiye.json` or `annotation.conf` (else its own folder) at that
 * article. The article must exist and, links resolved, lie inside that corpus: nothing outside the
 * opened corpus is ever read.
 */
export async function launchTargetForPath(target: string): Promise<LaunchTarget> {
  const shown = path.basename(target);
  const kind = await statOf(target);
  if (kind === null) return { refused: { code: 'fileMissing', file: shown } };
  if (kind === 'folder') return { folder: target, articleFile: null };
  if (path.basename(target) === 'hashiye.json') return { folder: path.dirname(target), articleFile: null };
  const articleFile = articleFileOf(target);
  if (!articleFile) return { refused: { code: 'notOpenable', file: shown } };
  if ((await statOf(articleFile)) !== 'file') return { refused: { code: 'fileMissing', file: path.basename(articleFile) } };
  const folder = (await nearestMarkedFolder(path.dirname(articleFile))) ?? path.dirname(articleFile);
  const [realArticle, realFolder] = await Promise.all([fs.realpath(articleFile), fs.realpath(folder)]);
  if (!isInside(realArticle, realFolder)) return { refused: { code: 'outsideCorpus', file: path.basename(articleFile) } };
  return { folder, articleFile };
}

/** The id of an article file in the corpus at `root` (its path relative to the root, forward slashes); null when it is not inside. */
export function articleIdIn(root: string, articleFile: string): string | null {
  if (!isInside(articleFile, root) || articleFile === root) return null;
  return path.relative(root, articleFile).split(path.sep).join('/');
}

/** Whether a folder is the corpus at `root` or one of its folders. */
export function isFolderOf(folder: string, root: string): boolean {
  return isInside(folder, root);
}
