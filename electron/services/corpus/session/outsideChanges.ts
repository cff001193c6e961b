import type { Corpus } from '../../../../shared/corpusWire';
import { annotationPathFor } from '../../storage/annotationStore';
import { saveMerged } from '../../storage/mergingSave';
import { resolveInCorpus } from '../corpusPaths';
import type { CorpusWatchEvent } from '../corpusWatcher';
import type { SessionState } from './sessionState';

export type SessionEvent =
  | { kind: 'articleChangedOnDisk'; id: string }
  | { kind: 'annotationsChangedOnDisk'; id: string }
  | { kind: 'corpusListChanged'; corpus: Corpus };

/** What the window is told of a change another program made on disk (after repairing a blind overwrite of our save). */
export async function sessionEventOf(state: SessionState, event: CorpusWatchEvent, describe: () => Promise<Corpus>): Promise<SessionEvent | null> {
  state.taggedTexts.forget();
  if (event.kind === 'articleChanged') return { kind: 'articleChangedOnDisk', id: event.id };
  if (event.kind === 'annotationFileChanged') {
    await mergeBackBlindOverwrite(state, event.id);
    return { kind: 'annotationsChangedOnDisk', id: event.id };
  }
  return state.root ? { kind: 'corpusListChanged', corpus: await describe() } : null;
}

/**
 * Another program changed the annotation file just after we wrote it. If it wrote a file made
 * from what we had replaced (it never saw our write), our changes would be gone from the disk
 * with nothing to tell: they are merged with its change and written back, once. Otherwise
 * (it saw our write) nothing is written; the window is told in either case and syncs.
 */
async function mergeBackBlindOverwrite(state: SessionState, id: string): Promise<void> {
  const recent = state.lastWrites.recent(id);
  const article = state.loaded.get(id);
  if (recent === null || article === undefined || state.mode !== 'native' || state.root === null) return;
  state.lastWrites.forget(id);
  const articlePath = resolveInCorpus(state.root, id);
  await state.ownWrite(
    annotationPathFor(articlePath),
    () => saveMerged(articlePath, article, { mine: recent.wrote, base: { document: recent.wrote, sha256: recent.sha256 }, lastWrite: recent, root: state.root ?? undefined }),
    (outcome) => (outcome.kind === 'written' ? outcome.state : null),
  );
}
