import type { Corpus } from '../../../../shared/corpusWire';
import { api } from '../../api';
import { corpusViewActions, useCorpusViewStore } from '../corpusViewStore';

/**
 * (#25) Main lists a corpus before it has read the annotation files it had not cached: those
 * articles come with `statusPending` (the list shows "…"). The window asks for the whole listing
 * at once (corpus.refresh answers when main has read them) and shows it; whatever needs a status
 * (the next unfinished article) waits for it.
 */
export function hasPendingStatuses(corpus: Corpus | null): boolean {
  return corpus?.articles.some((entry) => entry.statusPending === true) ?? false;
}

const RETRY_DELAYS_MS = [500, 2000, 5000];

/** Fetches the whole listing of the corpus shown first with pending statuses, and shows it unless another listing replaced that one. */
export async function fillInStatuses(first: Corpus): Promise<void> {
  for (let attempt = 0; hasPendingStatuses(first); attempt++) {
    try {
      const whole = await api().corpus.refresh({});
      const shown = useCorpusViewStore.getState().corpus;
      // Another listing (a newer one from main, another corpus) came meanwhile: that one stays.
      if (whole && shown && shown.displayPath === whole.displayPath && hasPendingStatuses(shown)) corpusViewActions.showCorpus(whole);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Whether `next` is `previous` with its pending statuses filled in: the same corpus and the same
 * articles in the same order, `previous` with some status pending. (#25) What the file list read
 * for the first listing (metadata, document labels) stands: the statuses came from the same files,
 * and a change on disk meanwhile comes as a listing of its own (the watcher's), read again then.
 */
export function fillsInStatusesOf(previous: Corpus | null, next: Corpus): boolean {
  if (previous === null || previous.displayPath !== next.displayPath || previous.articles.length !== next.articles.length || !hasPendingStatuses(previous)) return false;
  return previous.articles.every((entry, index) => entry.id === next.articles[index].id);
}

/** Resolves once the shown corpus has every status (at once when it has), or no corpus is shown. */
export function whenStatusesKnown(): Promise<void> {
  if (!hasPendingStatuses(useCorpusViewStore.getState().corpus)) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useCorpusViewStore.subscribe((state) => {
      if (hasPendingStatuses(state.corpus)) return;
      stop();
      resolve();
    });
  });
}
