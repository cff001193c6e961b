import { promises as fs } from 'node:fs';
import path from 'node:path';
import { annotationPathFor } from './annotationStore';
import { pathExists } from './pathExists';

/** `2026-11-29T14-57-23-123Z`: sortable, and legal in Windows file names (no colons). */
function fileNameTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves a hard link to `from` under the name `to`, failing with EEXIST rather than replacing
 * anything. Where the file system has no hard links, falls back to a rename after checking
 * that `to` is free.
 */
async function moveWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') throw error;
    if (await pathExists(to)) throw Object.assign(new Error(`${to} already exists`), { code: 'EEXIST' });
    await fs.rename(from, to);
    return;
  }
  await fs.unlink(from);
}

/**
 * Renames the broken `NAME.ann.json` of an article to `NAME.ann.json.broken-<timestamp>` beside
 * it, so that the user can start fresh without losing it: it is never deleted or overwritten.
 * Returns the absolute path of the moved file.
 */
export async function moveAsideBrokenFile(articlePath: string, now: Date = new Date()): Promise<string> {
  const annotationPath = annotationPathFor(articlePath);
  if (!(await pathExists(annotationPath))) {
    throw new Error(`${path.basename(annotationPath)} does not exist, so there is nothing to move aside.`);
  }
  const base = `${annotationPath}.broken-${fileNameTimestamp(now)}`;
  for (let attempt = 1; attempt <= 1000; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      await moveWithoutReplacing(annotationPath, candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Could not find a free name to move ${path.basename(annotationPath)} aside.`);
}
