import { describe, expect, it } from 'vitest';
import { buildFileRows, EMPTY_FILTER } from '../model/articleListing';
import { labelCounts, LABEL_FILTER_SEPARATOR, matchesMetadata, metadataOrder, sourcesOf } from './metadataListing';
import type { ArticleSummary } from './metadataWire';

const summary = (id: string, metadata: ArticleSummary['metadata'], labels: ArticleSummary['labels'] = {}): ArticleSummary => ({ id, metadata, labels, metadataProblem: false });
const SUMMARIES: Record<string, ArticleSummary> = {
  'a.txt': summary('a.txt', { source: 'ایرنا', published: '2024-03-20', title: 'ب' }, { stance: 'against', topic: ['war'] }),
  'b.txt': summary('b.txt', { source: 'ایسنا', published: '2024-05-01', title: 'الف' }, { stance: 'for', reliability: 4 }),
  'c.txt': summary('c.txt', {}, {}),
};
const entry = (id: string) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [] as string[], problem: null });
const ARTICLES = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map(entry);

describe('the file list by metadata and labels', () => {
  it('filters by source and by a label value, single or multiple', () => {
    const pass = (filter: { source: string; label: string }) => ARTICLES.filter((article) => matchesMetadata(SUMMARIES[article.id], { ...filter, sort: '' })).map((article) => article.id);
    expect(pass({ source: 'ایرنا', label: '' })).toEqual(['a.txt']);
    expect(pass({ source: '', label: `topic${LABEL_FILTER_SEPARATOR}war` })).toEqual(['a.txt']);
    expect(pass({ source: '', label: `reliability${LABEL_FILTER_SEPARATOR}4` })).toEqual(['b.txt']);
    expect(pass({ source: '', label: '' })).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });

  it('sorts by date newest first and by title, those without last, through the list rows', () => {
    const ids = (sort: 'published' | 'title') => buildFileRows(ARTICLES, EMPTY_FILTER, new Set(), metadataOrder(sort, SUMMARIES) ?? undefined).map((row) => (row.kind === 'article' ? row.article.id : row.folder));
    expect(ids('published')).toEqual(['b.txt', 'a.txt', 'c.txt', 'd.txt']);
    expect(ids('title')).toEqual(['b.txt', 'a.txt', 'c.txt', 'd.txt']);
  });

  it('lists sources and counts labels per dimension', () => {
    expect(sourcesOf(SUMMARIES)).toEqual(['ایرنا', 'ایسنا']);
    const counts = labelCounts(SUMMARIES);
    expect(Object.fromEntries(counts.get('stance') ?? [])).toEqual({ against: 1, for: 1 });
    expect(Object.fromEntries(counts.get('reliability') ?? [])).toEqual({ 4: 1 });
  });
});
