import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../../shared/corpusWire';
import type { HandlerContext } from './handlerTypes';

/**
 * Opens `folder` as the window's corpus and remembers it (Open Recent, the next start).
 * (#25) A folder is remembered while it is listed, once it is known to be a folder: the settings
 * file's atomic write (with its fsync, 0.4 s on a busy disk) no longer comes after the listing.
 */
export async function openCorpus({ session, settings, host }: HandlerContext, folder: string): Promise<Corpus> {
  const resolved = path.resolve(folder);
  const remembering = fs.stat(resolved).then(
    (stat) => (stat.isDirectory() ? settings.rememberCorpus(resolved) : undefined),
    () => undefined,
  );
  const [corpus] = await Promise.all([session.open(folder), remembering]);
  host.corpusOpened?.(corpus.displayPath);
  return corpus;
}
