import { realpathSync } from 'node:fs';
import path from 'node:path';

export class PathOutsideCorpusError extends Error {
  constructor(id: string, reason: string) {
    super(`Refused "${id}": ${reason}`);
    this.name = 'PathOutsideCorpusError';
  }
}

/**
 * Turns an article id (a path relative to the corpus root, forward slashes) into an absolute
 * path, refusing anything that could leave the corpus: absolute paths, drive letters, `..`
 * segments, and symbolic links whose target lies outside the root.
 */
export function resolveInCorpus(root: string, id: string): string {
  if (id.includes('\0')) throw new PathOutsideCorpusError(id, 'it contains a NUL character');
  if (path.isAbsolute(id) || path.win32.isAbsolute(id) || /^[a-zA-Z]:/.test(id)) {
    throw new PathOutsideCorpusError(id, 'absolute paths are not article ids');
  }
  const segments = id.split(/[\\/]/);
  if (segments.some((segment) => segment === '..')) throw new PathOutsideCorpusError(id, '".." is not allowed in an article id');
  if (segments.some((segment) => segment === '')) throw new PathOutsideCorpusError(id, 'empty path segment');
  const rootReal = realpathSync(root);
  const target = path.join(rootReal, ...segments);
  let targetReal: string;
  try {
    targetReal = realpathSync(target);
  } catch {
    // A file that does not exist yet (an annotation file about to be written): check its folder.
    targetReal = path.join(realpathSync(path.dirname(target)), path.basename(target));
  }
  const relative = path.relative(rootReal, targetReal);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new PathOutsideCorpusError(id, 'it resolves outside the opened corpus');
  }
  return target;
}

/** The article id of an absolute path inside the root. */
export function toArticleId(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join('/');
}
