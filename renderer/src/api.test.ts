// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type Api } from '../../shared/ipc';
import { packCorpusListing } from '../../shared/articleListWire';
import type { Corpus } from '../../shared/corpusWire';
import { encodeProblem } from '../../shared/userProblem';
import { api, openDroppedPath } from './api';
import { ProblemError, problemOf } from './ipcError';

/** The window's API layer turns every failed call into a ProblemError, once; nothing reads error text after it. */
describe('api()', () => {
  it('decodes main’s coded problem from what Electron carries, and passes answers and events through', async () => {
    const unsubscribe = () => undefined;
    const fake = {
      article: {
        load: async ({ id }: { id: string }) => {
          if (id === 'coded.txt') throw new Error(`Error invoking remote method 'article.load': Error: ${encodeProblem({ code: 'outsideCorpus', file: 'coded.ann.json' }, 'coded.ann.json was not read: it leads outside the corpus.')}`);
          if (id === 'plain.txt') throw new Error("Error invoking remote method 'article.load': Error: something else");
          return { id };
        },
      },
      onCorpusChanged: () => unsubscribe,
    };
    window.api = fake as unknown as Api;
    const coded = await api().article.load({ id: 'coded.txt' }).catch((error: unknown) => error);
    expect(coded).toBeInstanceOf(ProblemError);
    expect((coded as ProblemError).problem).toEqual({ code: 'outsideCorpus', file: 'coded.ann.json' });
    const plain = await api().article.load({ id: 'plain.txt' }).catch((error: unknown) => error);
    expect((plain as ProblemError).problem).toEqual({ code: 'unexpected', detail: "Error invoking remote method 'article.load': Error: something else" });
    await expect(api().article.load({ id: 'fine.txt' })).resolves.toEqual({ id: 'fine.txt' });
    expect(api().onCorpusChanged(() => undefined)).toBe(unsubscribe);
    // Decoded once: catching it again gives the same problem.
    expect(problemOf(coded)).toBe((coded as ProblemError).problem);
  });

  it('decodes the problem of a dropped file main refused, as api() does', async () => {
    window.dropTarget = {
      open: async () => {
        throw new Error(`Error invoking remote method 'corpus.openDropped': Error: ${encodeProblem({ code: 'outsideCorpus', file: 'x.txt' }, 'refused')}`);
      },
    };
    const refused = await openDroppedPath(new File([], 'x.txt')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(problemOf(refused)).toEqual({ code: 'outsideCorpus', file: 'x.txt' });
    // An error of the window itself is unexpected, with its words.
    expect(problemOf(new Error('window broke'))).toEqual({ code: 'unexpected', detail: 'window broke' });
  });

  it('follows a replaced window.api', async () => {
    window.api = { article: { load: async () => ({ id: 'first' }) } } as unknown as Api;
    await expect(api().article.load({ id: 'x' })).resolves.toEqual({ id: 'first' });
    window.api = { article: { load: async () => ({ id: 'second' }) } } as unknown as Api;
    await expect(api().article.load({ id: 'x' })).resolves.toEqual({ id: 'second' });
  });

  it('unpacks the corpus listings main sends in columns, in answers and events (#25)', async () => {
    const corpus: Corpus = { name: 'c', displayPath: '/c', mode: 'native', tagSet: { source: 'default', types: [], problem: null, userProblems: [] }, articles: [{ id: 'p/a.txt', name: 'a.txt', folder: 'p', status: 'done', annotationCount: 2, tags: ['PER'], problem: null, assignee: null }] };
    const listeners: ((payload: unknown) => void)[] = [];
    window.api = {
      corpus: { refresh: async () => packCorpusListing('corpus.refresh', corpus) },
      app: { init: async () => packCorpusListing('app.init', { corpus, annotator: 'x' }) },
      onCorpusListChanged: (listener: (payload: unknown) => void) => {
        listeners.push(listener);
        return () => undefined;
      },
    } as unknown as Api;
    await expect(api().corpus.refresh({})).resolves.toStrictEqual(corpus);
    await expect(api().app.init({})).resolves.toStrictEqual({ corpus, annotator: 'x' });
    const heard: unknown[] = [];
    api().onCorpusListChanged((payload) => heard.push(payload));
    for (const listener of listeners) listener(packCorpusListing('corpus.listChanged', corpus));
    expect(heard).toStrictEqual([corpus]);
  });
});
