import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArticleEntryListSchema, ArticleEntrySchema, CorpusSchema } from './corpusWire';

// (#25) The listing's rows are checked by a plain check, and by the object schema when it does not take them.
const plain = { id: 'part/a.txt', name: 'a.txt', folder: 'part', status: 'done', annotationCount: 3, tags: ['LOC', 'PER'], problem: null, assignee: null };
const pending = { id: 'b.txt', name: 'b.txt', folder: '', status: 'new', annotationCount: 0, tags: [], problem: null, statusPending: true };
const withProblem = { ...plain, id: 'c.txt', problem: 'Article unreadable: binary', userProblem: { code: 'articleUnreadable', file: 'c.txt', format: null }, problemKind: 'io' };

describe('ArticleEntryListSchema', () => {
  it('gives what the object schema gives, row by row', () => {
    const rows = [plain, pending, withProblem, { ...plain, id: 'd.txt', stray: 'dropped' }];
    expect(ArticleEntryListSchema.parse(rows)).toEqual(z.array(ArticleEntrySchema).parse(rows));
    expect(ArticleEntryListSchema.parse(rows)[3]).not.toHaveProperty('stray');
  });

  it('refuses what the object schema refuses, naming the row and field', () => {
    for (const bad of [
      { ...plain, status: 'finished' },
      { ...plain, annotationCount: -1 },
      { ...plain, annotationCount: 1.5 },
      { ...plain, id: '' },
      { ...plain, id: 'a\0b.txt' },
      { ...plain, tags: ['PER', 3] },
      { ...plain, problemKind: 'unknown' },
      { ...plain, userProblem: { code: 'no-such-code' } },
      { ...plain, statusPending: false },
      { ...plain, name: undefined },
    ]) {
      expect(z.array(ArticleEntrySchema).safeParse([plain, bad]).success).toBe(false);
      const parsed = ArticleEntryListSchema.safeParse([plain, bad]);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path[0]).toBe(1);
    }
    expect(ArticleEntryListSchema.safeParse({ 0: plain }).success).toBe(false);
  });

  it('is the check of a corpus listing', () => {
    const corpus = { name: 'c', displayPath: '/c', mode: 'native', articles: [plain, pending], tagSet: { source: 'default', types: [], problem: null, userProblems: [] } };
    expect(CorpusSchema.parse(corpus).articles).toEqual([plain, pending]);
    expect(CorpusSchema.safeParse({ ...corpus, articles: [{ ...plain, status: 'x' }] }).success).toBe(false);
  });
});
