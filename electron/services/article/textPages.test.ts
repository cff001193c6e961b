import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBigArticle } from '../../../bench/benchInputs';
import { ipcContract } from '../../../shared/ipc';
import { ArticleDocumentSchema, type ArticleDocument } from '../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { compareReadingOrder } from '../../../shared/model/annotationOperations';
import { forgetWrittenAnnotationFile } from '../storage/writtenAnnotationFile';
import { CorpusSession } from '../corpus/corpusSession';
import { ANNOTATION_PAGE_SIZE } from './annotationPages';
import { TEXT_HEAD_UNITS, TEXT_PAGE_UNITS, textHeadEnd, textPageOf, withTextHead } from './textPages';

/** (#17) The text of an article sent from the first page of its annotations: its head, the rest in pages. */

let corpus: string;
let session: CorpusSession;
const COUNT = ANNOTATION_PAGE_SIZE * 2 + 31;

beforeEach(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-text-pages-'));
  session = new CorpusSession();
});

afterEach(async () => {
  await session.close();
  await fs.rm(corpus, { recursive: true, force: true });
});

/** Every text page after the head, as the window asks for them (from the length it has), each checked against the channel's schema. */
function textPages(document: ArticleDocument): string[] {
  const pages: string[] = [];
  let length = document.text.length;
  while (length < (document.textTotal ?? 0)) {
    const page = ipcContract['article.textPage'].response.parse(session.textPage(document.id, document.revision ?? '', length)).text;
    pages.push(page);
    length += page.length;
  }
  return pages;
}

/** A big article of `bytes` whose annotation file (COUNT annotations) is in reading order, as Hashiye saves it. */
async function bigArticle(bytes: number, edit: (annotations: StoredAnnotation[]) => void = () => undefined): Promise<{ articlePath: string }> {
  const written = await writeBigArticle(corpus, { name: 'many.txt', bytes, annotations: COUNT, seed: 5, readingOrder: true });
  const file = JSON.parse(await fs.readFile(written.annotationPath, 'utf8')) as { annotations: StoredAnnotation[] };
  file.annotations.sort(compareReadingOrder);
  edit(file.annotations);
  await fs.writeFile(written.annotationPath, `${JSON.stringify(file, null, 2)}\n`);
  forgetWrittenAnnotationFile(written.annotationPath);
  return written;
}

const refused = expect.objectContaining({ userProblem: { code: 'articleChangedOnDisk' } });

describe('the text of an article sent from its first page of annotations (#17)', () => {
  it('a huge text is sent as its head, cut at a paragraph end; its pages make the text byte-identical to the file', async () => {
    const { articlePath } = await bigArticle(700_000);
    await session.open(corpus);
    const early = ArticleDocumentSchema.parse(await session.loadArticle('many.txt', undefined, { firstPageEarly: true }));
    const onDisk = await fs.readFile(articlePath);
    const fileText = onDisk.toString('utf8');
    expect(early.textTotal).toBe(fileText.length);
    expect(early.text.length).toBeLessThanOrEqual(TEXT_HEAD_UNITS);
    expect(early.text.length).toBeGreaterThan(TEXT_HEAD_UNITS / 2);
    expect(early.text.endsWith('\n')).toBe(true);
    expect(fileText.startsWith(early.text)).toBe(true);
    const pages = textPages(early);
    expect(pages.length).toBeGreaterThan(1);
    expect(early.textPageSize).toBe(TEXT_PAGE_UNITS);
    for (const page of pages.slice(0, -1)) expect(page.length).toBe(TEXT_PAGE_UNITS);
    expect(Buffer.from(early.text + pages.join(''), 'utf8').equals(onDisk)).toBe(true);
    // Every annotation of the first page the window shows before the rest lies in the head (the benchmark's first page covers far less).
    expect(early.annotations.filter((annotation) => annotation.end > early.text.length)).toEqual([]);
  });

  it('a text page for another article, a stale revision or a path outside the corpus is refused', async () => {
    await bigArticle(300_000);
    await writeBigArticle(corpus, { name: 'other.txt', bytes: 300_000, annotations: 10, seed: 9 });
    await session.open(corpus);
    const first = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    const revision = first.revision ?? '';
    expect(() => session.textPage('other.txt', revision, first.text.length)).toThrow(refused);
    expect(() => session.textPage('../outside.txt', revision, first.text.length)).toThrow();
    // Loaded again: the first load's revision no longer names a text.
    const second = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(() => session.textPage('many.txt', revision, first.text.length)).toThrow(refused);
    expect(textPages(second).join('').length).toBe((second.textTotal ?? 0) - second.text.length);
    // Past the end: refused, never an empty page.
    expect(() => session.textPage('many.txt', second.revision ?? '', second.textTotal ?? 0)).toThrow();
  });

  it('a whole file that turns out unusable (a duplicate id past the first page): its text pages are refused too, and a whole load sends the whole text read-only', async () => {
    await bigArticle(300_000, (annotations) => {
      annotations[ANNOTATION_PAGE_SIZE + 50].id = annotations[ANNOTATION_PAGE_SIZE + 49].id;
    });
    await session.open(corpus);
    const early = await session.loadArticle('many.txt', undefined, { firstPageEarly: true });
    expect(early.textTotal).toBeGreaterThan(early.text.length);
    await expect(session.annotationPage('many.txt', early.revision ?? '', ANNOTATION_PAGE_SIZE)).rejects.toThrow(refused);
    expect(() => session.textPage('many.txt', early.revision ?? '', early.text.length)).toThrow(refused);
    const whole = await session.loadArticle('many.txt');
    expect(whole.problem?.kind).toBe('invariant');
    expect(whole.textTotal).toBeUndefined();
    expect(whole.text.length).toBe(early.textTotal);
  });

  it('a text no longer than a head, and any load not sent from a first page, carry the whole text', async () => {
    await writeBigArticle(corpus, { name: 'many.txt', bytes: 300_000, annotations: COUNT, seed: 5, readingOrder: true });
    await writeBigArticle(corpus, { name: 'long.txt', bytes: 300_000, annotations: 40, seed: 6 });
    await session.open(corpus);
    for (const document of [await session.loadArticle('many.txt'), await session.loadArticle('long.txt', undefined, { firstPageEarly: true })]) {
      expect(document.textTotal).toBeUndefined();
      expect(document.text.length).toBeGreaterThan(TEXT_HEAD_UNITS);
    }
    const short = { text: 'کوتاه\n' } as ArticleDocument;
    expect(withTextHead(short)).toBe(short);
  });
});

describe('where the head and the pages are cut', () => {
  const pair = '\u{1F600}';

  it('the head ends after the last line break in its second half, else at the limit, never inside a surrogate pair', () => {
    const lines = `${'ا'.repeat(TEXT_HEAD_UNITS - 100)}\n${'ب'.repeat(500)}`;
    expect(textHeadEnd(lines)).toBe(TEXT_HEAD_UNITS - 99);
    const oneLine = 'ا'.repeat(TEXT_HEAD_UNITS - 1) + pair + 'ب'.repeat(10);
    expect(textHeadEnd(oneLine)).toBe(TEXT_HEAD_UNITS - 1);
    const earlyBreak = `${'ا'.repeat(10)}\n${'ب'.repeat(TEXT_HEAD_UNITS * 2)}`;
    expect(textHeadEnd(earlyBreak)).toBe(TEXT_HEAD_UNITS);
  });

  it('pages are of a fixed size the window can ask for at once; one ending inside a surrogate pair is made whole by the next', () => {
    const text = 'ا'.repeat(TEXT_PAGE_UNITS - 1) + pair + 'ب'.repeat(TEXT_PAGE_UNITS) + pair;
    const pages: string[] = [];
    for (let from = 0; from < text.length; from += TEXT_PAGE_UNITS) pages.push(textPageOf(text, from).text);
    expect(pages.map((page) => page.length)).toEqual([TEXT_PAGE_UNITS, TEXT_PAGE_UNITS, 3]);
    // A lone half survives JSON (the stand-in's transport) as it does structured clone.
    expect((JSON.parse(JSON.stringify(pages)) as string[]).join('')).toBe(text);
    expect(() => textPageOf(null, 0)).toThrow(refused);
  });
});
