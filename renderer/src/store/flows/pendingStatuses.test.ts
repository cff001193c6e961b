import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { Corpus } from '../../../../shared/corpusWire';
import { corpusViewActions, useCorpusViewStore } from '../corpusViewStore';
import { fillInStatuses, fillsInStatusesOf, hasPendingStatuses, whenStatusesKnown } from './pendingStatuses';

// (#25) Main lists a corpus before reading uncached annotation files; the window fills the statuses in.
function corpusOf(displayPath: string, pending: boolean): Corpus {
  const articles = (['a.txt', 'b.txt'] as const).map((id, index) => ({
    id,
    name: id,
    folder: '',
    status: pending ? ('new' as const) : index === 0 ? ('done' as const) : ('in-progress' as const),
    annotationCount: pending ? 0 : 3,
    tags: [],
    problem: null,
    ...(pending ? { statusPending: true as const } : {}),
  }));
  return { name: 'c', displayPath, mode: 'native', articles, tagSet: { source: 'default', types: [], problem: null, userProblems: [] } };
}

let refresh: () => Promise<Corpus | null>;
beforeEach(() => {
  corpusViewActions.showCorpus(null);
  vi.stubGlobal('window', { api: { corpus: { refresh: () => refresh() } } as unknown as Api });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pending statuses', () => {
  it('shows the whole listing main answers once it has read the annotation files', async () => {
    const first = corpusOf('/c', true);
    refresh = async () => corpusOf('/c', false);
    corpusViewActions.showCorpus(first);
    expect(hasPendingStatuses(useCorpusViewStore.getState().corpus)).toBe(true);
    await fillInStatuses(first);
    expect(useCorpusViewStore.getState().corpus?.articles.map((entry) => [entry.status, entry.statusPending])).toEqual([
      ['done', undefined],
      ['in-progress', undefined],
    ]);
  });

  it('keeps a listing that replaced the first one meanwhile (another corpus opened)', async () => {
    const first = corpusOf('/c', true);
    let answer: (corpus: Corpus) => void = () => undefined;
    refresh = () => new Promise((resolve) => (answer = resolve));
    corpusViewActions.showCorpus(first);
    const filling = fillInStatuses(first);
    const other = corpusOf('/other', false);
    corpusViewActions.showCorpus(other);
    answer(corpusOf('/c', false));
    await filling;
    expect(useCorpusViewStore.getState().corpus).toBe(other);
  });

  it('makes whatever needs a status wait until the statuses are known', async () => {
    corpusViewActions.showCorpus(corpusOf('/c', true));
    let known = false;
    const waiting = whenStatusesKnown().then(() => (known = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(known).toBe(false);
    corpusViewActions.showCorpus(corpusOf('/c', false));
    await waiting;
    expect(known).toBe(true);
    // Nothing pending: at once.
    await expect(whenStatusesKnown()).resolves.toBeUndefined();
  });

  it('tries again when main does not answer, and gives up with the error after a few tries', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      refresh = async () => {
        calls++;
        throw new Error('main is busy');
      };
      const first = corpusOf('/c', true);
      corpusViewActions.showCorpus(first);
      const filling = fillInStatuses(first).catch((error: unknown) => error);
      await vi.runAllTimersAsync();
      expect(await filling).toBeInstanceOf(Error);
      expect(calls).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('fillsInStatusesOf (#25: the file list reads its summaries once for a listing and its statuses)', () => {
  it('is true only for the same corpus and articles, the earlier listing with statuses pending', () => {
    const first = corpusOf('/c', true);
    const whole = corpusOf('/c', false);
    expect(fillsInStatusesOf(first, whole)).toBe(true);
    expect(fillsInStatusesOf(null, whole)).toBe(false);
    // Nothing was pending: a new listing (the watcher's, a save's) is read again.
    expect(fillsInStatusesOf(whole, corpusOf('/c', false))).toBe(false);
    // Another corpus with the same article names.
    expect(fillsInStatusesOf(first, corpusOf('/other', false))).toBe(false);
    // An article added or renamed meanwhile.
    expect(fillsInStatusesOf(first, { ...whole, articles: whole.articles.slice(1) })).toBe(false);
    expect(fillsInStatusesOf(first, { ...whole, articles: [{ ...whole.articles[0], id: 'z.txt' }, whole.articles[1]] })).toBe(false);
  });
});
