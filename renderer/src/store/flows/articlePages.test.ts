// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type Api } from '../../../../shared/ipc';
import { type ArticleDocument } from '../../../../shared/articleDocumentWire';
import { encodeProblem } from '../../../../shared/userProblem';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { loadArticleDocument } from './articlePages';

function annotation(index: number): StoredAnnotation {
  return { id: `a${index}`, type: 'PER', start: index, end: index + 1, text: 'x' };
}

function fakeApi(list: StoredAnnotation[], firstPage: number, pageSize: number, asked: number[]): Api {
  const document = { id: 'a.txt', revision: 'r1', annotations: list.slice(0, firstPage), ...(firstPage < list.length ? { annotationsTotal: list.length } : {}) } as unknown as ArticleDocument;
  return {
    article: {
      load: async () => document,
      annotationPage: async ({ revision, from }: { revision: string; from: number }) => {
        asked.push(from);
        if (revision !== 'r1') throw new Error('unknown revision');
        return { annotations: list.slice(from, from + pageSize) };
      },
    },
  } as unknown as Api;
}

describe('loadArticleDocument (#17)', () => {
  it('completes a list sent in part, page by page, in order, and drops the total', async () => {
    const list = Array.from({ length: 23 }, (_, index) => annotation(index));
    const asked: number[] = [];
    window.api = fakeApi(list, 5, 5, asked);
    const document = await loadArticleDocument('a.txt', undefined, () => true);
    expect(document?.annotations).toEqual(list);
    expect(document?.annotationsTotal).toBeUndefined();
    expect(asked.sort((a, b) => a - b)).toEqual([5, 10, 15, 20]);
  });

  it('a first page smaller than the pages that follow: they start after it, a page size apart, and the size is dropped with the total', async () => {
    const list = Array.from({ length: 23 }, (_, index) => annotation(index));
    const asked: number[] = [];
    const api = fakeApi(list, 2, 5, asked);
    const load = api.article.load;
    api.article.load = async (request) => ({ ...(await load(request)), annotationsPageSize: 5 });
    window.api = api;
    const document = await loadArticleDocument('a.txt', undefined, () => true);
    expect(document?.annotations).toEqual(list);
    expect(document?.annotationsTotal).toBeUndefined();
    expect(document?.annotationsPageSize).toBeUndefined();
    expect(asked.sort((a, b) => a - b)).toEqual([2, 7, 12, 17, 22]);
  });

  it('a list sent whole asks for nothing more', async () => {
    const list = Array.from({ length: 3 }, (_, index) => annotation(index));
    const asked: number[] = [];
    window.api = fakeApi(list, 3, 5, asked);
    expect((await loadArticleDocument('a.txt', undefined, () => true))?.annotations).toEqual(list);
    expect(asked).toEqual([]);
  });

  it('stops when the load is no longer wanted, and refuses a list that ends before its total', async () => {
    const list = Array.from({ length: 20 }, (_, index) => annotation(index));
    const asked: number[] = [];
    window.api = fakeApi(list, 5, 5, asked);
    let wanted = 1;
    expect(await loadArticleDocument('a.txt', undefined, () => wanted-- > 0)).toBeNull();
    // One batch of requests at most (four pages in flight), then it stops.
    expect(asked).toEqual([5, 10, 15]);
    const long = Array.from({ length: 60 }, (_, index) => annotation(index));
    const askedLong: number[] = [];
    window.api = fakeApi(long, 5, 5, askedLong);
    wanted = 1;
    expect(await loadArticleDocument('a.txt', undefined, () => wanted-- > 0)).toBeNull();
    expect(askedLong).toHaveLength(4);
    window.api = fakeApi(list, 5, 3, []);
    await expect(loadArticleDocument('a.txt', undefined, () => true)).rejects.toThrow(/sent 3 annotations from 5, not 5 \(of 20\)/);
  });
});

describe('loadArticleDocument when the list is replaced meanwhile (#17)', () => {
  it('loads again from the newest list when a page names a list no longer kept', async () => {
    const list = Array.from({ length: 12 }, (_, index) => annotation(index));
    let loads = 0;
    window.api = {
      article: {
        load: async () => ({ id: 'a.txt', revision: `r${++loads}`, annotations: list.slice(0, 5), annotationsTotal: list.length }),
        annotationPage: async ({ revision, from }: { revision: string; from: number }) => {
          if (revision === 'r1') throw new Error(`Error invoking remote method 'article.annotationPage': Error: ${encodeProblem({ code: 'articleChangedOnDisk' }, 'changed')}`);
          return { annotations: list.slice(from, from + 5) };
        },
      },
    } as unknown as Api;
    expect((await loadArticleDocument('a.txt', undefined, () => true))?.annotations).toEqual(list);
    expect(loads).toBe(2);
  });
});
