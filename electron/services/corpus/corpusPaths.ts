import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInsideRoot } from './corpusFileAccess';
import type { UserProblem } from '../../../shared/userProblem';

export class PathOutsideCorpusError extends Error {
  /** What the window shows (shared/ipc.ts). */
  readonly userProblem: UserProblem;
  constructor(id: string, reason: string) {
    super(`Refused "${id}": ${reason}`);
    this.name = 'PathOutsideCorpusError';
    this.userProblem = { code: 'badArticleId', id: id.slice(0, 4096) };
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
  const real = realPathOfNearestExisting(id, target);
  if (real === rootReal || !isInsideRoot(rootReal, real)) {
    throw new PathOutsideCorpusError(id, 'it resolves outside the opened corpus');
  }
  return target;
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The real path of `target`, or, for a file that does not exist yet (an annotation file about
 * to be written), of its nearest existing ancestor with the missing part appended: a symbolic
 * link anywhere on the way is followed, so a link that leaves the corpus is caught either way.
 */
function realPathOfNearestExisting(id: string, target: string): string {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error;
      // A dangling link: where it points cannot be checked, and writing through it could leave the corpus.
      if (isSymbolicLink(current)) throw new PathOutsideCorpusError(id, 'it goes through a symbolic link whose target does not exist');
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The article id of an absolute path inside the root. */
export function toArticleId(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join('/');
}

declare const confinedToCorpus: unique symbol;

/**
 * An article id checked against a corpus root by `resolveInCorpus`, with the path it resolved
 * to. Only `confineArticle` makes one: a service that takes it cannot be handed an unchecked id.
 * main's IPC dispatcher confines every article id of a request (electron/ipc/articleRefs.ts);
 * the CLI confines its own.
 */
export interface ConfinedArticle {
  /** The id as given (relative to the root, forward slashes). */
  readonly id: string;
  /** The absolute path inside `root` it resolved to. */
  readonly path: string;
  /** The corpus root it was confined to. */
  readonly root: string;
  readonly [confinedToCorpus]: true;
}

export function confineArticle(root: string, id: string): ConfinedArticle {
  return { id, path: resolveInCorpus(root, id), root } as ConfinedArticle;
}

/**
 * The article's path, when it was confined to this `root`: a request checked against the corpus
 * open then must not reach another one opened since (the id would name a file of that one).
 */
export function articlePathIn(root: string, article: ConfinedArticle): string {
  if (article.root !== root) throw new PathOutsideCorpusError(article.id, 'it was checked against another corpus than the one open now');
  return article.path;
}
