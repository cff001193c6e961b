import { promises as fs } from 'node:fs';
import * as nodeFs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBigArticle } from '../../../../bench/benchInputs';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { compareReadingOrder } from '../../../../shared/model/annotationOperations';
import { ANNOTATION_PAGE_SIZE, FIRST_ANNOTATION_PAGE_SIZE } from '../../article/annotationPages';
import { forgetWrittenAnnotationFile } from '../../storage/writtenAnnotationFile';
import { CorpusSession } from '../corpusSession';
import { collectTaggedTexts, suggestionsFor } from '../suggestions';

/** (#17) article.load answered from the first page of a big file, the rest following from the whole parse. */

let corpus: string;
let session: CorpusSession;
const COUNT = ANNOTATION_PAGE_SIZE * 2 + 77;

beforeEach(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-early-page-'));
  session = new CorpusSession();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await session.close();
  await fs.rm(corpus, { recursive: true, force: true });
});

interface FileJson {
  annotations: StoredAnnotation[];
  relations: { id: string; type: string; from: string; to: string }[];
  [key: string]: unknown;
}

/** A big article whose annotation file is `edit`ed on disk (and so never known to this process as written). */
async function bigArticle(edit: (file: FileJson) => void = () => undefined): Promise<string> {
  const written = await writeBigArticle(corpus, { name: 'many.txt', bytes: 300_000, annotations: COUNT, seed: 11 });
  const file = JSON.parse(await fs.readFile(written.annotationPath, 'utf8')) as FileJson;
  // In reading order, as Hashiye saves a file.
  file.annotations.sort(compareReadingOrder);
  edit(file);
  await fs.writeFile(written.annotationPath, `${JSON.stringify(file, null, 2)}\n`);
  forgetWrittenAnnotationFile(written.annotationPath);
  return written.annotationPath;
}

async function allPages(document: ArticleDocument): Promise<StoredAnnotation[]> {
  const all = [...document.annotations];
  while (all.length < (document.annotationsTotal ?? 0)) all.push(...(await session.annotationPage(document.id, document.revision ?? '', all.length)).annotations);
  return all;
}

function withoutRevision({ revision: _revision, ...document }: ArticleDocument): Omit<ArticleDocument, 'revision'> {
  return document;
}

describe('the first page of a big annotation file sent before the whole file is parsed (#17)', () => {
  it('sends what a whole load sends, and the pages that follow give the whole list', async () => {
    const annotationPath = await bigArticle();
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(early.annotations).toHaveLength(FIRST_ANNOTATION_PAGE_SIZE);
    expect(early.annotationsTotal).toBe(COUNT);
    expect(early.annotationsPageSize).toBe(ANNOTATION_PAGE_SIZE);
    const earlyList = await allPages(early);
    forgetWrittenAnnotationFile(annotationPath);
    const whole = await session.loadArticle('many.txt');
    expect(withoutRevision(early)).toEqual(withoutRevision(whole));
    expect(earlyList).toEqual(await allPages(whole));
  });

  it('once the pages came, the list sent is the merge base: changes saved against its revision are written', async () => {
    await bigArticle();
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    const list = await allPages(early);
    const removed = list[ANNOTATION_PAGE_SIZE + 5];
    const saved = await session.saveAnnotationChanges('many.txt', early.sha256, early.revision ?? '', { remove: [removed.id], insert: [], count: list.length - 1 }, { status: early.status, relations: early.relations, labels: early.labels });
    expect(saved.ok).toBe(true);
    const onDisk = JSON.parse(await fs.readFile(path.join(corpus, 'many.ann.json'), 'utf8')) as FileJson;
    expect(onDisk.annotations).toHaveLength(COUNT - 1);
    expect(onDisk.annotations.some((annotation) => annotation.id === removed.id)).toBe(false);
  });

  it('a duplicate id after the first page: the pages are refused (the window loads again whole) and a whole load reports it read-only, as always', async () => {
    await bigArticle((file) => {
      file.annotations[ANNOTATION_PAGE_SIZE + 100].id = file.annotations[ANNOTATION_PAGE_SIZE + 99].id;
    });
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(early.annotationsTotal).toBe(COUNT);
    await expect(session.annotationPage('many.txt', early.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    const whole = await session.loadArticle('many.txt');
    expect(whole.problem?.message).toMatch(/duplicate|twice|more than once/i);
    expect(whole.annotationsTotal).toBeUndefined();
    const saved = await session.saveAnnotations('many.txt', whole.sha256, { status: 'done', annotations: [], relations: [], labels: [] });
    expect(saved.ok).toBe(false);
  });

  it('a file whose layout misleads the count past the first page (two annotations on one line): the pages are refused, a whole load sends them all', async () => {
    const annotationPath = await bigArticle();
    const lines = (await fs.readFile(annotationPath, 'utf8')).split('\n');
    // The line opening an annotation near the end joined to the line before: the head reader counts one less.
    const opening = lines.lastIndexOf('    {', lines.length - 40);
    lines[opening - 1] = `${lines[opening - 1]} {`;
    lines.splice(opening, 1);
    await fs.writeFile(annotationPath, lines.join('\n'));
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(early.annotationsTotal).toBe(COUNT - 1);
    await expect(session.annotationPage('many.txt', early.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    const whole = await session.loadArticle('many.txt');
    expect(whole.problem).toBeNull();
    expect(await allPages(whole)).toHaveLength(COUNT);
  });

  it('a relation to a missing annotation: the pages are refused, nothing is taken as the list', async () => {
    await bigArticle((file) => {
      file.relations = [{ id: 'R1', type: 'rel', from: file.annotations[0].id, to: 'nobody' }];
    });
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    // The relation names an id the first page lacks: not sent early at all.
    expect(early.problem).not.toBeNull();
    expect(early.revision).toBeUndefined();
  });

  it('a list out of reading order after the first page: the pages are refused, and a whole load sends it sorted', async () => {
    let moved = '';
    await bigArticle((file) => {
      // The file's last annotation moved to sort before the first page's end.
      const last = file.annotations[file.annotations.length - 1];
      const first = file.annotations[0];
      file.annotations[file.annotations.length - 1] = { ...first, id: last.id };
      moved = last.id;
    });
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    await expect(session.annotationPage('many.txt', early.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    const whole = await session.loadArticle('many.txt');
    const list = await allPages(whole);
    expect(list).toHaveLength(COUNT);
    expect(list.findIndex((annotation) => annotation.id === moved)).toBeLessThan(2);
  });

  it('an article changed since its file was made is re-anchored by a whole load, never sent early', async () => {
    await bigArticle();
    await fs.appendFile(path.join(corpus, 'many.txt'), 'یک جملهٔ تازه.\n');
    await session.open(corpus);
    const document = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(document.reanchored).not.toBeNull();
  });

  it('the same article loaded again while the first load still reads its file: the first revision is refused', async () => {
    const annotationPath = await bigArticle();
    await session.open(corpus);
    const first = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    forgetWrittenAnnotationFile(annotationPath);
    const second = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    await expect(session.annotationPage('many.txt', first.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    expect(await allPages(second)).toHaveLength(COUNT);
  });

  it('a file not in order of start (another tool wrote it): sent whole, as always, and scanned once', async () => {
    await bigArticle((file) => {
      file.annotations.reverse();
    });
    await session.open(corpus);
    const document = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(document.problem).toBeNull();
    const list = await allPages(document);
    expect(list).toHaveLength(COUNT);
    for (let index = 1; index < list.length; index++) expect(compareReadingOrder(list[index - 1], list[index])).toBeLessThan(0);
  });

  it('a file of more than the first page but no more than a page is sent whole, as always', async () => {
    await writeBigArticle(corpus, { name: 'page.txt', bytes: 100_000, annotations: ANNOTATION_PAGE_SIZE, seed: 14, readingOrder: true });
    forgetWrittenAnnotationFile(path.join(corpus, 'page.ann.json'));
    await session.open(corpus);
    const document = await session.loadArticle('page.txt', undefined, { firstPageEarly: true });
    expect(document.problem).toBeNull();
    expect(document.annotations).toHaveLength(ANNOTATION_PAGE_SIZE);
    expect(document.annotationsTotal).toBeUndefined();
  });

  it('a file of one page or less is sent whole, as always', async () => {
    await writeBigArticle(corpus, { name: 'few.txt', bytes: 20_000, annotations: 40, seed: 12 });
    forgetWrittenAnnotationFile(path.join(corpus, 'few.ann.json'));
    await session.open(corpus);
    const document = await session.loadArticle('few.txt', undefined, { firstPageEarly: true });
    expect(document.annotations).toHaveLength(40);
    expect(document.annotationsTotal).toBeUndefined();
  });

  it('suggestions asked while the pages come are made from the list the pages are served from: the file is read by the load alone', async () => {
    const annotationPath = await bigArticle();
    // The texts tagged in the rest of the corpus: an article of its own.
    await writeBigArticle(corpus, { name: 'other.txt', bytes: 20_000, annotations: 40, seed: 13 });
    await session.open(corpus);
    const opened = vi.spyOn(nodeFs.promises, 'open');
    const opensOf = (file: string) => opened.mock.calls.filter(([opening]) => path.basename(String(opening)) === path.basename(file)).length;
    // The reads of an open without suggestions: the first page's, and the whole parse's the pages wait for.
    await allPages(await session.loadArticle('many.txt', undefined, { firstPageEarly: true }));
    const loadAlone = opensOf(annotationPath);
    forgetWrittenAnnotationFile(annotationPath);
    opened.mockClear();
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    // As the window asks: its suggestions as soon as the first page is shown, its pages meanwhile.
    const suggesting = session.suggestions('many.txt');
    const list = await allPages(early);
    const suggestions = await suggesting;
    // Not one read more for the suggestions (there were two: the article's file, and again among the corpus's).
    expect(opensOf(annotationPath)).toBe(loadAlone);
    const tagged = await collectTaggedTexts(corpus, new Map([['many.txt', list]]));
    expect(suggestions).toEqual(await suggestionsFor(early.text, list, tagged, undefined, []));
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it('suggestions of an article whose list is not kept (a file that cannot be used) read its file, as before', async () => {
    await bigArticle((file) => {
      file.annotations[ANNOTATION_PAGE_SIZE + 100].id = file.annotations[ANNOTATION_PAGE_SIZE + 99].id;
    });
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    const suggesting = session.suggestions('many.txt');
    await expect(session.annotationPage('many.txt', early.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    // The file does not load (duplicate ids): nothing from it is taken as tagged or as occupied.
    expect(await suggesting).toEqual(await suggestionsFor(early.text, [], await collectTaggedTexts(corpus), undefined, []));
  });
  it('a search for another article stops the one still running for the article before, which answers nothing; two for one article both answer (#25)', async () => {
    await bigArticle();
    await writeBigArticle(corpus, { name: 'other.txt', bytes: 20_000, annotations: 40, seed: 13 });
    await session.open(corpus);
    await session.loadArticle('many.txt');
    const whole = await session.suggestions('many.txt');
    expect(whole.length).toBeGreaterThan(0);
    const both = await Promise.all([session.suggestions('many.txt'), session.suggestions('many.txt')]);
    expect(both).toEqual([whole, whole]);
    const dropped = session.suggestions('many.txt');
    const other = session.suggestions('other.txt');
    expect(await dropped).toEqual([]);
    await other;
    // The next search for it answers in full again.
    expect(await session.suggestions('many.txt')).toEqual(whole);
  });

  /** Counts the parses of groups of a big file's annotations, and opens `third.txt` at the first (as a window moving on would). */
  function openThirdAfterFirstGroup() {
    const parse = JSON.parse;
    let groups = 0;
    const openings: Promise<ArticleDocument>[] = [];
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: (key: string, value: unknown) => unknown) => {
      if (text.length > 100_000 && text.startsWith('[')) {
        groups += 1;
        if (openings.length === 0) openings.push(session.loadArticle('third.txt'));
      }
      return parse(text, reviver) as unknown;
    });
    return { spy, openings, groups: () => groups };
  }

  it('opening another article stops the whole read of the big file the window left; shown again, it loads whole (#17)', async () => {
    await bigArticle();
    await fs.writeFile(path.join(corpus, 'third.txt'), 'متن کوتاهی برای شروع.\n');
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    // As soon as the first group of the whole file's annotations is parsed, the window opens another article.
    const opening = openThirdAfterFirstGroup();
    try {
      // The page asked meanwhile is refused as a file changed on disk: a window still showing the article would load it whole.
      await expect(session.annotationPage('many.txt', early.revision ?? '', FIRST_ANNOTATION_PAGE_SIZE)).rejects.toThrow(expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } }));
    } finally {
      opening.spy.mockRestore();
    }
    expect((await Promise.all(opening.openings)).map((document) => document.id)).toEqual(['third.txt']);
    // Over 20,000 annotations are five groups: one was parsed.
    expect(opening.groups()).toBe(1);
    // Opened again, it loads (the window's reload after a refusal is whole) with every annotation, editable.
    forgetWrittenAnnotationFile(path.join(corpus, 'many.ann.json'));
    const again = await session.loadArticle('many.txt');
    expect(again.problem).toBeNull();
    expect((await allPages(again)).length).toBe(COUNT);
  });

  it('suggestions asked for the article shown while the window opens another wait for that load and answer nothing; after a load that failed they answer (#17)', async () => {
    await bigArticle();
    await writeBigArticle(corpus, { name: 'other.txt', bytes: 20_000, annotations: 40, seed: 13 });
    await session.open(corpus);
    await session.loadArticle('other.txt');
    const answered = await session.suggestions('other.txt');
    const gathered = vi.spyOn(nodeFs.promises, 'open');
    const reads = () => gathered.mock.calls.filter(([opening]) => path.basename(String(opening)) === 'many.ann.json').length;
    const loading = session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    const asked = session.suggestions('other.txt');
    expect((await loading).annotationsTotal).toBe(COUNT);
    const readsByTheLoad = reads();
    expect(answered.length).toBeGreaterThan(0);
    expect(await asked).toEqual([]);
    // Nothing was gathered for the article left once the load was done either.
    expect(reads()).toBe(readsByTheLoad);
    gathered.mockRestore();
    // Back on the article, then a load of another that fails: the window still shows it, and its suggestions answer.
    await session.loadArticle('other.txt');
    await expect(session.loadArticle('gone.txt')).rejects.toThrow();
    expect(await session.suggestions('other.txt')).toEqual(answered);
  });

  it('opening another article stops the gathering of tagged texts for the article left: the big file\'s parse stops at its next slice (#17)', async () => {
    await bigArticle();
    await writeBigArticle(corpus, { name: 'other.txt', bytes: 20_000, annotations: 40, seed: 13 });
    await fs.writeFile(path.join(corpus, 'third.txt'), 'متن کوتاهی برای شروع.\n');
    await session.open(corpus);
    // As soon as the first group of the big file's annotations is parsed, the window opens another article.
    const opening = openThirdAfterFirstGroup();
    try {
      expect(await session.suggestions('other.txt')).toEqual([]);
    } finally {
      opening.spy.mockRestore();
    }
    expect((await Promise.all(opening.openings)).map((document) => document.id)).toEqual(['third.txt']);
    // Over 20,000 annotations are five groups: one was parsed.
    expect(opening.groups()).toBe(1);
    // Nothing half-gathered was kept: once it is opened, its search gathers the whole corpus and answers as a fresh session does.
    const fresh = new CorpusSession();
    await fresh.open(corpus);
    try {
      await session.loadArticle('other.txt');
      expect(await session.suggestions('other.txt')).toEqual(await fresh.suggestions('other.txt'));
    } finally {
      await fresh.close();
    }
  });
});
