import { describe, expect, it } from 'vitest';
import { buildFileRows, corpusProgress, EMPTY_FILTER, nextUnfinished, type ListedArticle } from './articleListing';
import type { ArticleStatus } from './status';

function article(id: string, status: ArticleStatus = 'new', tags: string[] = [], annotationCount = tags.length): ListedArticle {
  const slash = id.lastIndexOf('/');
  return { id, name: id.slice(slash + 1), folder: slash === -1 ? '' : id.slice(0, slash), status, annotationCount, tags, problem: null };
}

const corpus = [
  article('b.txt', 'done', ['PER']),
  article('a10.txt', 'new'),
  article('a2.txt', 'in-progress', ['ORG', 'LOC'], 5),
  article('politics/iran/x.txt', 'needs-review', ['LOC']),
  article('politics/y.txt', 'approved'),
  article('sport/z.txt', 'new', ['ORG']),
];

describe('buildFileRows', () => {
  it('lists folders as a tree, folders before articles, names in natural order', () => {
    const rows = buildFileRows(corpus, EMPTY_FILTER, new Set());
    expect(rows.map((row) => (row.kind === 'folder' ? `${'  '.repeat(row.depth)}[${row.name} ${row.count}]` : `${'  '.repeat(row.depth)}${row.article.name}`))).toEqual([
      '[politics 2]',
      '  [iran 1]',
      '    x.txt',
      '  y.txt',
      '[sport 1]',
      '  z.txt',
      'a2.txt',
      'a10.txt',
      'b.txt',
    ]);
  });

  it('hides what is inside a collapsed folder', () => {
    const rows = buildFileRows(corpus, EMPTY_FILTER, new Set(['politics']));
    expect(rows.filter((row) => row.kind === 'article').map((row) => (row.kind === 'article' ? row.article.id : ''))).toEqual(['sport/z.txt', 'a2.txt', 'a10.txt', 'b.txt']);
  });

  it('filters by status, unfinished, tag present and name', () => {
    const ids = (filter: Partial<typeof EMPTY_FILTER>) =>
      buildFileRows(corpus, { ...EMPTY_FILTER, ...filter }, new Set()).flatMap((row) => (row.kind === 'article' ? [row.article.id] : []));
    expect(ids({ status: 'new' })).toEqual(['sport/z.txt', 'a10.txt']);
    expect(ids({ status: 'unfinished' })).toEqual(['politics/iran/x.txt', 'sport/z.txt', 'a2.txt', 'a10.txt']);
    expect(ids({ tag: 'ORG' })).toEqual(['sport/z.txt', 'a2.txt']);
    expect(ids({ text: 'POLITICS/Y' })).toEqual(['politics/y.txt']);
  });

  it('sorts by status or by annotation count within each folder', () => {
    const top = (sort: 'status' | 'count') =>
      buildFileRows(corpus, { ...EMPTY_FILTER, sort }, new Set()).flatMap((row) => (row.kind === 'article' && row.depth === 0 ? [row.article.id] : []));
    expect(top('status')).toEqual(['a10.txt', 'a2.txt', 'b.txt']);
    expect(top('count')).toEqual(['a2.txt', 'b.txt', 'a10.txt']);
  });

  it('lists 10,000 articles in well under a frame budget for typing', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => article(`folder${index % 20}/article-${index}.txt`, index % 3 === 0 ? 'done' : 'new', ['PER']));
    const rows = buildFileRows(many, { ...EMPTY_FILTER, status: 'done' }, new Set());
    expect(rows.filter((row) => row.kind === 'article')).toHaveLength(3334);
  });
});

describe('nextUnfinished and corpusProgress', () => {
  it('finds the next article not done or approved, wrapping around', () => {
    expect(nextUnfinished(corpus, 'a2.txt')?.id).toBe('a10.txt');
    expect(nextUnfinished(corpus, 'b.txt')?.id).toBe('politics/iran/x.txt');
    expect(nextUnfinished(corpus.map((entry) => ({ ...entry, status: 'done' as const })), 'b.txt')).toBeNull();
  });

  it('counts finished articles and each status', () => {
    const progress = corpusProgress(corpus);
    expect(progress).toMatchObject({ total: 6, finished: 2 });
    expect(progress.byStatus.new).toBe(2);
  });
});
