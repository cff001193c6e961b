import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { fastStoredAnnotation } from '../../../shared/model/annotationListFastPath';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { annotationPathFor, loadAnnotations, SaveFailedError, SaveRefusedError, saveAnnotations, type SaveRequest } from './annotationStore';
import { makeFolderReadOnly, readOnlyFolderUnsupportedReason } from '../testing/readOnlyFolder';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-store-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

// CRLF and an emoji before the span: the stored offsets must be code points into the LF text.
const ARTICLE_BYTES = Buffer.from('خبر 😀 فوری\r\nسرلشکر باقری به دمشق رفت.\r\n', 'utf8');

interface Fixture {
  articlePath: string;
  annotationPath: string;
  article: DecodedArticle;
}

async function writeArticle(name = 'خبر.txt', bytes: Uint8Array = ARTICLE_BYTES): Promise<Fixture> {
  const articlePath = path.join(folder, name);
  await fs.writeFile(articlePath, bytes);
  return { articlePath, annotationPath: annotationPathFor(articlePath), article: decodeArticle(await fs.readFile(articlePath)) };
}

/** An annotation over the first occurrence of `text`, offsets in code points. */
function spanOf(article: DecodedArticle, text: string, id: string, type = 'PER'): StoredAnnotation {
  const codePoints = Array.from(article.text);
  const start = Array.from(article.text.slice(0, article.text.indexOf(text))).length;
  expect(codePoints.slice(start, start + Array.from(text).length).join('')).toBe(text);
  return { id, type, start, end: start + Array.from(text).length, text };
}

function request(annotations: StoredAnnotation[]): SaveRequest {
  return { status: 'in-progress', annotations, relations: [], labels: [] };
}

describe('saveAnnotations and loadAnnotations', () => {
  it('saves code-point offsets (emoji and CRLF before the span) and loads them back', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    const annotation = spanOf(article, 'باقری', 'a1');
    // «خبر 😀 فوری\n» is 11 code points and 12 UTF-16 units; «سرلشکر » 7 more.
    expect(annotation.start).toBe(18);
    const saved = await saveAnnotations(articlePath, article, request([annotation]));
    const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8'));
    expect(onDisk).toMatchObject({
      format: 'hashiye-annotations',
      version: 1,
      offsetUnit: 'codepoint',
      status: 'in-progress',
      source: { file: 'خبر.txt', sha256: article.sha256, encoding: 'utf-8', length: Array.from(article.text).length },
      annotations: [{ id: 'a1', type: 'PER', start: 18, end: 23, text: 'باقری', quote: { prefix: 'خبر 😀 فوری\nسرلشکر ', suffix: ' به دمشق رفت.\n' } }],
    });
    expect(saved.updated).toBe(onDisk.updated);
    const loaded = await loadAnnotations(articlePath, article);
    expect(loaded.problem).toBeNull();
    expect(loaded.annotations).toEqual(onDisk.annotations);
    // The article's bytes are never written.
    expect((await fs.readFile(articlePath)).equals(ARTICLE_BYTES)).toBe(true);
  });

  it('keeps unknown fields of a newer version at the top level, in source, on annotations and on relations', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    const a1 = spanOf(article, 'باقری', 'a1');
    const a2 = spanOf(article, 'دمشق', 'a2', 'LOC');
    await fs.writeFile(annotationPath, JSON.stringify({
      format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint',
      source: { file: 'خبر.txt', sha256: article.sha256, encoding: 'utf-8', length: Array.from(article.text).length, mtime: 12345 },
      status: 'in-progress',
      annotations: [{ ...a1, confidence: 0.93, reviewer: { name: 'سارا' } }, { ...a2, note: 'old note', linkedEntity: 'Q3766' }],
      relations: [{ id: 'r1', type: 'located-in', from: 'a1', to: 'a2', weight: 2 }],
      labels: ['politics'],
      tokens: [[0, 3]],
      assignee: 'sara',
      reviewRound: 3,
      futureBlock: { nested: [1, 2, 3] },
    }));
    // The edit drops a2's note and changes a1's type; unknown fields must survive, the note must not.
    await saveAnnotations(articlePath, article, {
      status: 'done',
      annotations: [{ ...a1, type: 'ORG' }, a2],
      relations: [{ id: 'r1', type: 'located-in', from: 'a1', to: 'a2' }],
      labels: ['politics', 'syria'],
    });
    const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8'));
    expect(onDisk.reviewRound).toBe(3);
    expect(onDisk.futureBlock).toEqual({ nested: [1, 2, 3] });
    expect(onDisk.tokens).toEqual([[0, 3]]);
    expect(onDisk.assignee).toBe('sara');
    expect(onDisk.source.mtime).toBe(12345);
    expect(onDisk.status).toBe('done');
    // The flat labels list moves into documentLabels as reading moves it (#21).
    expect(onDisk.labels).toEqual([]);
    expect(onDisk.documentLabels).toEqual({ labels: ['politics', 'syria'] });
    expect(onDisk.annotations[0]).toMatchObject({ id: 'a1', type: 'ORG', confidence: 0.93, reviewer: { name: 'سارا' } });
    expect(onDisk.annotations[1]).toMatchObject({ id: 'a2', linkedEntity: 'Q3766' });
    expect(onDisk.annotations[1]).not.toHaveProperty('note');
    expect(onDisk.relations[0]).toEqual({ id: 'r1', type: 'located-in', from: 'a1', to: 'a2', weight: 2 });
  });

  it('keeps the previous file as .bak', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    await saveAnnotations(articlePath, article, request([spanOf(article, 'باقری', 'a1')]));
    const first = await fs.readFile(annotationPath);
    await saveAnnotations(articlePath, article, request([]));
    expect((await fs.readFile(`${annotationPath}.bak`)).equals(first)).toBe(true);
  });

  it('refuses an edit whose text is not the article text at its offsets, writing nothing', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    const wrong = { ...spanOf(article, 'باقری', 'a1'), text: 'باقر' };
    await expect(saveAnnotations(articlePath, article, request([wrong]))).rejects.toThrow(SaveRefusedError);
    const pastEnd = { id: 'a2', type: 'PER', start: 30, end: 999, text: 'x' };
    await expect(saveAnnotations(articlePath, article, request([pastEnd]))).rejects.toThrow(/past the end/);
    await expect(fs.access(annotationPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('migrates a version 0 file on load, and writes version 1 on the next save', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    const span = spanOf(article, 'دمشق', 'e1');
    await fs.writeFile(annotationPath, JSON.stringify({
      version: 0,
      source: { file: 'خبر.txt', sha256: article.sha256, encoding: 'utf-8', length: Array.from(article.text).length },
      state: 'done',
      entities: [{ id: 'e1', label: 'LOC', begin: span.start, end: span.end, text: 'دمشق', extra: 'kept' }],
    }));
    const loaded = await loadAnnotations(articlePath, article);
    expect(loaded).toMatchObject({ problem: null, migratedFrom: 0, status: 'done', annotations: [{ id: 'e1', type: 'LOC', start: span.start, end: span.end, extra: 'kept' }] });
    await saveAnnotations(articlePath, article, { status: loaded.status, annotations: loaded.annotations, relations: loaded.relations, labels: loaded.labels });
    const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8'));
    expect(onDisk).toMatchObject({ format: 'hashiye-annotations', version: 1, status: 'done' });
    expect(onDisk).not.toHaveProperty('entities');
    expect(onDisk).not.toHaveProperty('state');
  });
});

describe('broken annotation files are never overwritten', () => {
  const validButWrongFor = (article: DecodedArticle, change: Record<string, unknown>): string => JSON.stringify({
    format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint',
    source: { file: 'خبر.txt', sha256: article.sha256, encoding: 'utf-8', length: Array.from(article.text).length },
    status: 'in-progress', annotations: [], relations: [], labels: [], ...change,
  }, null, 2);

  const cases: Array<{ name: string; kind: string; message: RegExp; bytes: (article: DecodedArticle) => Buffer }> = [
    { name: 'truncated JSON', kind: 'syntax', message: /Not valid JSON/, bytes: () => Buffer.from('{"format":"hashiye-annotations","version":1,"annotations":[{"id":"a1"', 'utf8') },
    { name: 'an empty file', kind: 'syntax', message: /Not valid JSON/, bytes: () => Buffer.alloc(0) },
    { name: 'bytes that are not UTF-8', kind: 'syntax', message: /not valid UTF-8/, bytes: (article) => Buffer.concat([Buffer.from(validButWrongFor(article, {}).slice(0, -1), 'utf8'), Buffer.from(', "x": "\xff\xfe"}', 'latin1')]) },
    { name: 'a JSON array', kind: 'schema', message: /JSON object/, bytes: () => Buffer.from('[]') },
    { name: 'a missing field', kind: 'schema', message: /status/, bytes: (article) => Buffer.from(validButWrongFor(article, { status: undefined })) },
    { name: 'an unknown status', kind: 'schema', message: /status/, bytes: (article) => Buffer.from(validButWrongFor(article, { status: 'finished' })) },
    { name: 'a newer version', kind: 'version', message: /version 2 by a newer Hashiye/, bytes: (article) => Buffer.from(validButWrongFor(article, { version: 2 })) },
    { name: 'another format', kind: 'schema', message: /Unknown "format"/, bytes: (article) => Buffer.from(validButWrongFor(article, { format: 'brat' })) },
    {
      name: 'offsets past the end', kind: 'offsets', message: /past the end/,
      bytes: (article) => Buffer.from(validButWrongFor(article, { annotations: [{ id: 'a1', type: 'PER', start: 40, end: 4000, text: 'x' }] })),
    },
    {
      name: 'text that does not match', kind: 'text', message: /says it covers «تهران»/,
      bytes: (article) => Buffer.from(validButWrongFor(article, { annotations: [{ id: 'a1', type: 'LOC', start: 0, end: 5, text: 'تهران' }] })),
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.name}: loading reports "${testCase.kind}", saving is refused and the file stays byte-identical`, async () => {
      const { articlePath, annotationPath, article } = await writeArticle();
      const bytes = testCase.bytes(article);
      await fs.writeFile(annotationPath, bytes);
      const loaded = await loadAnnotations(articlePath, article);
      expect(loaded.problem?.kind).toBe(testCase.kind);
      expect(loaded.problem?.message).toMatch(testCase.message);
      expect(loaded.annotations).toEqual([]);
      const error = await saveAnnotations(articlePath, article, request([spanOf(article, 'باقری', 'a1')])).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SaveRefusedError);
      expect((error as Error).message).toMatch(/left untouched/);
      expect((await fs.readFile(annotationPath)).equals(bytes)).toBe(true);
      expect((await fs.readdir(folder)).sort()).toEqual([path.basename(annotationPath), path.basename(articlePath)].sort());
    });
  }

  it('says the article changed on disk when its spans no longer fit a modified article', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    await saveAnnotations(articlePath, article, request([spanOf(article, 'دمشق', 'a1')]));
    const before = await fs.readFile(annotationPath);
    await fs.writeFile(articlePath, 'متن دیگر');
    const changed = decodeArticle(await fs.readFile(articlePath));
    const loaded = await loadAnnotations(articlePath, changed);
    expect(loaded.problem?.message).toMatch(/changed on disk/);
    await expect(saveAnnotations(articlePath, changed, request([]))).rejects.toThrow(SaveRefusedError);
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
  });

  it('saving another article in the same folder still works', async () => {
    const broken = await writeArticle('broken.txt');
    await fs.writeFile(broken.annotationPath, '{');
    const healthy = await writeArticle('healthy.txt');
    await expect(saveAnnotations(broken.articlePath, broken.article, request([]))).rejects.toThrow(SaveRefusedError);
    await saveAnnotations(healthy.articlePath, healthy.article, request([spanOf(healthy.article, 'دمشق', 'a1')]));
    expect(JSON.parse(await fs.readFile(healthy.annotationPath, 'utf8')).annotations).toHaveLength(1);
    expect(await fs.readFile(broken.annotationPath, 'utf8')).toBe('{');
  });

  it('reports an annotation path that is a folder as an I/O problem; saving fails (retryable) without touching it', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    await fs.mkdir(annotationPath);
    expect((await loadAnnotations(articlePath, article)).problem?.kind).toBe('io');
    await expect(saveAnnotations(articlePath, article, request([]))).rejects.toThrow(SaveFailedError);
    expect((await fs.stat(annotationPath)).isDirectory()).toBe(true);
  });
});

describe('save failures', () => {
  const readOnlyUnsupported = readOnlyFolderUnsupportedReason(os.tmpdir());
  it.skipIf(readOnlyUnsupported !== null)(`a read-only folder fails with SaveFailedError, the file and its backup stay as they were${readOnlyUnsupported ? ` (skipped: ${readOnlyUnsupported})` : ''}`, async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    await saveAnnotations(articlePath, article, request([spanOf(article, 'باقری', 'a1')]));
    await saveAnnotations(articlePath, article, request([spanOf(article, 'باقری', 'a1'), spanOf(article, 'دمشق', 'a2', 'LOC')]));
    const current = await fs.readFile(annotationPath);
    const backup = await fs.readFile(`${annotationPath}.bak`);
    const readOnly = makeFolderReadOnly(folder);
    if (!readOnly.ok) throw new Error(readOnly.reason);
    const edit = request([spanOf(article, 'دمشق', 'a2', 'LOC')]);
    try {
      const error = await saveAnnotations(articlePath, article, edit).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SaveFailedError);
      expect((error as Error).message).toMatch(/Could not save خبر\.ann\.json/);
      expect((await fs.readFile(annotationPath)).equals(current)).toBe(true);
      expect((await fs.readFile(`${annotationPath}.bak`)).equals(backup)).toBe(true);
    } finally {
      readOnly.restore();
    }
    // The same edit, retried once the folder is writable, is saved.
    await saveAnnotations(articlePath, article, edit);
    expect(JSON.parse(await fs.readFile(annotationPath, 'utf8')).annotations.map((annotation: StoredAnnotation) => annotation.id)).toEqual(['a2']);
  });

  it('a backup path blocked by a folder fails with SaveFailedError and the file stays as it was', async () => {
    const { articlePath, annotationPath, article } = await writeArticle();
    await saveAnnotations(articlePath, article, request([spanOf(article, 'باقری', 'a1')]));
    const current = await fs.readFile(annotationPath);
    await fs.mkdir(`${annotationPath}.bak`);
    await expect(saveAnnotations(articlePath, article, request([]))).rejects.toThrow(SaveFailedError);
    expect((await fs.readFile(annotationPath)).equals(current)).toBe(true);
  });
});

// (#17) Opening takes an annotation in the schema's own form as it is; with the quote written last, each of 100,000 was copied.
describe('the order saveAnnotations writes an annotation’s fields in', () => {
  it('is StoredAnnotationSchema’s, quote after the five required fields, then fields this version does not know', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-field-order-'));
    try {
      const articlePath = path.join(folder, 'a.txt');
      const text = 'سلام بر تهران و مشهد';
      await fs.writeFile(articlePath, text);
      const article = decodeArticle(await fs.readFile(articlePath));
      const tehran = { id: 'a1', type: 'LOC', start: 8, end: 13, text: 'تهران', note: 'پایتخت', author: 'sara' }; // in the schema's order, as a request parsed by zod is
      await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [tehran], relations: [], labels: [] });
      const annotationPath = annotationPathFor(articlePath);
      const written = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: Record<string, unknown>[] };
      written.annotations[0] = { reviewer: 'omid', ...written.annotations[0], author: 'old' };
      await fs.writeFile(annotationPath, JSON.stringify(written));
      await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [{ ...tehran, note: 'شهر' }], relations: [], labels: [] });
      const again = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: Record<string, unknown>[] };
      expect(Object.keys(again.annotations[0])).toEqual(['id', 'type', 'start', 'end', 'text', 'quote', 'note', 'author', 'reviewer']);
      // The edit's own fields win; the unknown field is kept.
      expect(again.annotations[0]).toMatchObject({ note: 'شهر', author: 'sara', reviewer: 'omid' });
      expect(fastStoredAnnotation(again.annotations[0])).toBe(again.annotations[0]);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
