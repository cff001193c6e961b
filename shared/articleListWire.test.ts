import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CORPUS_LISTING_PLACES, packArticles, packCorpusListing, unpackArticles, unpackCorpusListing } from './articleListWire';
import { CorpusSchema, type ArticleEntry, type Corpus } from './corpusWire';
import { ipcContract, ipcEvents } from './ipc';
import { ArticleStatusSchema } from './model/status';

// (#25) A listing's articles travel in columns; the window gets back exactly the entries main listed.
const plain: ArticleEntry = { id: 'part/a.txt', name: 'a.txt', folder: 'part', status: 'done', annotationCount: 3, tags: ['LOC', 'PER'], problem: null, assignee: null };
const pending: ArticleEntry = { id: 'b.txt', name: 'b.txt', folder: '', status: 'new', annotationCount: 0, tags: [], problem: null, statusPending: true };
const withProblem: ArticleEntry = { id: 'x/y/c.txt', name: 'c.txt', folder: 'x/y', status: 'approved', annotationCount: 1, tags: ['ORG'], problem: 'Article unreadable: binary', userProblem: { code: 'articleUnreadable', file: 'c.txt', format: null }, problemKind: 'io', assignee: 'مریم' };
const noAssigneeKey: ArticleEntry = { id: 'd.txt', name: 'd.txt', folder: '', status: 'in-progress', annotationCount: 2, tags: ['A\nB'], problem: null };
const oddTags: ArticleEntry = { id: 'e.txt', name: 'e.txt', folder: '', status: 'rejected', annotationCount: 2, tags: ['A', 'B'], problem: null, assignee: 'ali', userProblem: null };
const nameNotFromId: ArticleEntry = { id: 'f.txt', name: 'other.txt', folder: 'elsewhere', status: 'needs-review', annotationCount: 0, tags: [], problem: 'Annotation file: broken', problemKind: 'syntax' };

function roundTrip(entries: ArticleEntry[]): ArticleEntry[] {
  return unpackArticles(JSON.parse(JSON.stringify(packArticles(entries))) as ReturnType<typeof packArticles>);
}

const corpusOf = (articles: ArticleEntry[]): Corpus => ({ name: 'c', displayPath: '/c', mode: 'native', articles, tagSet: { source: 'default', types: [], problem: null, userProblems: [] }, skipped: [] });

describe('articles in columns', () => {
  it('give back every entry exactly: statuses, pending, counts, tags, assignees, problems, names', () => {
    const entries = [plain, pending, withProblem, noAssigneeKey, oddTags, nameNotFromId, { ...plain, id: 'part/g.txt', name: 'g.txt' }];
    expect(roundTrip(entries)).toStrictEqual(entries);
    expect(roundTrip([])).toStrictEqual([]);
  });

  it('give back any listing (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 8 });
    const id = fc.array(fc.stringMatching(/^[a-zA-Z0-9 ._\u0600-\u06ff-]{1,6}$/), { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('/')}.txt`);
    const entry = fc.record(
      {
        id,
        status: fc.constantFrom(...ArticleStatusSchema.options),
        annotationCount: fc.nat(),
        tags: fc.uniqueArray(text, { maxLength: 4 }),
        problem: fc.option(text),
        assignee: fc.option(text),
        statusPending: fc.constant(true as const),
        problemKind: fc.constantFrom('syntax' as const, 'io' as const),
      },
      { requiredKeys: ['id', 'status', 'annotationCount', 'tags', 'problem'] },
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.boolean(), (drafts, oddNames) => {
        const entries: ArticleEntry[] = drafts.map((draft) => {
          const slash = draft.id.lastIndexOf('/');
          return { ...draft, name: oddNames ? 'x' : draft.id.slice(slash + 1), folder: slash === -1 ? '' : draft.id.slice(0, slash) };
        });
        expect(roundTrip(entries)).toStrictEqual(entries);
      }),
    );
  });

  it('are several times smaller than an object per article', () => {
    const entries: ArticleEntry[] = Array.from({ length: 2000 }, (_, index) => ({
      id: `part-${String(index % 20).padStart(3, '0')}/article-${String(index).padStart(5, '0')}.txt`,
      name: `article-${String(index).padStart(5, '0')}.txt`,
      folder: `part-${String(index % 20).padStart(3, '0')}`,
      status: ArticleStatusSchema.options[index % 6],
      annotationCount: 30,
      tags: ['DATE', 'LOC', 'ORG', 'PER'].slice(index % 3),
      problem: null,
      assignee: null,
    }));
    expect(JSON.stringify(packArticles(entries)).length * 3).toBeLessThan(JSON.stringify(entries).length);
  });
});

describe('corpus listings on the wire', () => {
  it('are packed and unpacked where each channel and event carries them, and nothing else is touched', () => {
    const corpus = corpusOf([plain, pending]);
    const packedWhole = packCorpusListing('corpus.openDialog', corpus) as { articles: unknown };
    expect(Array.isArray(packedWhole.articles)).toBe(false);
    expect(corpus.articles).toEqual([plain, pending]);
    expect(unpackCorpusListing('corpus.openDialog', JSON.parse(JSON.stringify(packedWhole)))).toStrictEqual(corpus);
    const state = { corpus, annotator: 'x' };
    expect(unpackCorpusListing('app.init', JSON.parse(JSON.stringify(packCorpusListing('app.init', state))))).toStrictEqual(state);
    expect(unpackCorpusListing('corpus.listChanged', packCorpusListing('corpus.listChanged', corpus))).toStrictEqual(corpus);
    for (const nothing of [null, { corpus: null, annotator: 'x' }]) expect(packCorpusListing('app.init', nothing)).toBe(nothing);
    const other = { articles: [plain] };
    expect(packCorpusListing('corpus.search', other)).toBe(other);
    // What came unpacked (a test's fake main) is passed through as it is.
    expect(unpackCorpusListing('corpus.refresh', corpus)).toBe(corpus);
  });

  it('are named for every channel and event whose schema holds a corpus', () => {
    const found: Record<string, 'whole' | 'corpus'> = {};
    const schemas: [string, z.ZodType][] = [...Object.entries(ipcContract).map(([channel, { response }]) => [channel, response] as [string, z.ZodType]), ...(Object.entries(ipcEvents) as [string, z.ZodType][])];
    for (const [name, schema] of schemas) {
      for (const place of corpusPlaces(schema, [])) found[name] = place.length === 0 ? 'whole' : place.length === 1 && place[0] === 'corpus' ? 'corpus' : (place.join('.') as 'whole');
    }
    expect(found).toEqual(CORPUS_LISTING_PLACES);
  });
});

/** Paths (object keys) at which CorpusSchema sits in `schema`, through nullable, optional and object wrappers. */
function corpusPlaces(schema: z.ZodType, at: string[]): string[][] {
  if (schema === (CorpusSchema as z.ZodType)) return [at];
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; element?: z.ZodType; in?: z.ZodType; out?: z.ZodType } } })._zod.def;
  const inner = [def.innerType, def.element, def.in, def.out, ...(def.options ?? [])].filter((child): child is z.ZodType => child !== undefined);
  const fields = Object.entries(def.shape ?? {}).flatMap(([key, child]) => corpusPlaces(child, [...at, key]));
  return [...fields, ...inner.flatMap((child) => corpusPlaces(child, at))];
}
