import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBigArticle } from '../../../bench/benchInputs';
import { ipcContract } from '../../../shared/ipc';
import { ArticleDocumentSchema } from '../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { CorpusSession } from '../corpus/corpusSession';
import { ANNOTATION_PAGE_SIZE, FIRST_ANNOTATION_PAGE_SIZE } from './annotationPages';

let corpus: string;
let session: CorpusSession;

beforeEach(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pages-'));
  session = new CorpusSession();
});

afterEach(async () => {
  await session.close();
  await fs.rm(corpus, { recursive: true, force: true });
});

describe('annotation pages (#17)', () => {
  it('a long list is sent as a first page and its total; the pages that follow give exactly the list, in the order sent', async () => {
    const count = ANNOTATION_PAGE_SIZE * 2 + 123;
    await writeBigArticle(corpus, { name: 'many.txt', bytes: 300_000, annotations: count, seed: 7 });
    await session.open(corpus);
    const document = ArticleDocumentSchema.parse(await session.loadArticle('many.txt'));
    expect(document.annotations).toHaveLength(FIRST_ANNOTATION_PAGE_SIZE);
    expect(document.annotationsTotal).toBe(count);
    expect(document.annotationsPageSize).toBe(ANNOTATION_PAGE_SIZE);
    const revision = document.revision ?? '';
    const all: StoredAnnotation[] = [...document.annotations];
    while (all.length < count) {
      const page = ipcContract['article.annotationPage'].response.parse(await session.annotationPage('many.txt', revision, all.length));
      expect(page.annotations).toHaveLength(Math.min(ANNOTATION_PAGE_SIZE, count - all.length));
      all.push(...page.annotations);
    }
    expect((await session.annotationPage('many.txt', revision, count)).annotations).toEqual([]);
    // The same list, in the same (reading) order, as the file holds.
    const onDisk = JSON.parse(await fs.readFile(path.join(corpus, 'many.ann.json'), 'utf8')) as { annotations: StoredAnnotation[] };
    expect(all.map((annotation) => annotation.id).sort()).toEqual(onDisk.annotations.map((annotation) => annotation.id).sort());
    expect(new Set(all.map((annotation) => annotation.id)).size).toBe(count);
    for (let index = 1; index < all.length; index++) expect(all[index - 1].start <= all[index].start).toBe(true);
    for (const annotation of all) expect(annotation.quote).toBeUndefined();
  });

  it('a short list is sent whole, with no total', async () => {
    await writeBigArticle(corpus, { name: 'few.txt', bytes: 20_000, annotations: 40, seed: 8 });
    await session.open(corpus);
    const document = await session.loadArticle('few.txt');
    expect(document.annotations).toHaveLength(40);
    expect(document.annotationsTotal).toBeUndefined();
  });

  it('a list longer than the first page but no longer than a page is sent whole, as always', async () => {
    await writeBigArticle(corpus, { name: 'page.txt', bytes: 100_000, annotations: ANNOTATION_PAGE_SIZE, seed: 10 });
    await session.open(corpus);
    const document = await session.loadArticle('page.txt');
    expect(document.annotations).toHaveLength(ANNOTATION_PAGE_SIZE);
    expect(document.annotationsTotal).toBeUndefined();
    expect(document.annotationsPageSize).toBeUndefined();
  });

  it('a page of a list that is no longer the one kept (loaded again since) is refused, saying the article changed', async () => {
    await writeBigArticle(corpus, { name: 'many.txt', bytes: 100_000, annotations: ANNOTATION_PAGE_SIZE + 10, seed: 9 });
    await session.open(corpus);
    const first = await session.loadArticle('many.txt');
    await session.loadArticle('many.txt');
    await expect(session.annotationPage('many.txt', first.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    await expect(session.annotationPage('../outside.txt', first.revision ?? '', 0)).rejects.toThrow();
  });
});
