import type { Corpus } from '../../shared/corpusWire';
import type { HandlerContext } from './handlerTypes';

/** Opens `folder` as the window's corpus and remembers it (Open Recent, the next start). */
export async function openCorpus({ session, settings, host }: HandlerContext, folder: string): Promise<Corpus> {
  const corpus = await session.open(folder);
  await settings.rememberCorpus(corpus.displayPath);
  host.corpusOpened?.(corpus.displayPath);
  return corpus;
}
