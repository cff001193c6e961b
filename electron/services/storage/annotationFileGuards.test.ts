import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import type { CorpusSession } from '../corpus/corpusSession';
import { ARTICLE_ID, bratCorpusOfOneArticle, corpusOfOneArticle, openSession, spanIn, TestCleanups } from '../testing/sessionFixture';
import { writtenFileProblem } from './annotationStore';
import { makeFolderReadOnly } from '../testing/readOnlyFolder';
import { ConcurrentChangeError, readAnnotationFileAt, saveAnnotationFileAt } from './annotationFileAtPath';
import { decodeArticle } from '../article/articleDecoder';

/** What the app refuses to open for editing, or to write: ambiguous ids, files it may not write, files it could not reopen. */

const cleanups = new TestCleanups();
afterEach(() => cleanups.run());

const TEXT = 'امروز در تهران و سپس در مشهد جلسه برگزار شد.\n';
const ID = ARTICLE_ID;

const span = (needle: string, id: string): StoredAnnotation => spanIn(TEXT, needle, id);

async function corpusWith(file: Record<string, unknown> | null): Promise<{ root: string; annotationPath: string; session: CorpusSession }> {
  const { root, annotationPath } = await corpusOfOneArticle(cleanups, 'hashiye-guards-', TEXT);
  if (file !== null) {
    await fs.writeFile(
      annotationPath,
      JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: ID, sha256: 'a'.repeat(64), encoding: 'utf-8', length: Array.from(TEXT).length }, status: 'in-progress', annotations: [], relations: [], labels: [], ...file }),
    );
  }
  const { session } = await openSession(cleanups, root);
  return { root, annotationPath, session };
}

const save = (session: CorpusSession, sha256: string, annotations: StoredAnnotation[], relations: { id: string; type: string; from: string; to: string }[] = []) =>
  session.saveAnnotations(ID, sha256, { status: 'in-progress', annotations, relations, labels: [] });

describe('duplicate ids and relations to missing annotations', () => {
  it('opens a file with two annotations of one id read-only, naming the id, and never writes it', async () => {
    const { annotationPath, session } = await corpusWith({ annotations: [span('تهران', 'dup'), span('مشهد', 'dup')] });
    const before = await fs.readFile(annotationPath);
    const document = await session.loadArticle(ID);
    expect(document.problem?.kind).toBe('invariant');
    expect(document.problem?.message).toContain('«dup»');
    // Deleting «تهران» by its id would also have deleted «مشهد»: no save reaches the file.
    const saved = await save(session, document.sha256, [span('مشهد', 'dup')]);
    expect(saved.ok).toBe(false);
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
  });

  it('refuses duplicate relation ids and relations to missing annotations, on load and on save', async () => {
    const annotations = [span('تهران', 'T1'), span('مشهد', 'T2')];
    const duplicated = await corpusWith({ annotations, relations: [{ id: 'R1', type: 'near', from: 'T1', to: 'T2' }, { id: 'R1', type: 'near', from: 'T2', to: 'T1' }] });
    const first = await duplicated.session.loadArticle(ID);
    expect(first.problem).toMatchObject({ kind: 'invariant' });
    expect(first.problem?.message).toContain('relation ids used more than once: «R1»');

    const dangling = await corpusWith({ annotations, relations: [{ id: 'R1', type: 'near', from: 'T1', to: 'T9' }] });
    const second = await dangling.session.loadArticle(ID);
    expect(second.problem?.kind).toBe('invariant');
    expect(second.problem?.message).toContain('«R1» («T9»)');

    // A window (or a bug) asking to write such a file is refused, and nothing is written.
    const clean = await corpusWith(null);
    const document = await clean.session.loadArticle(ID);
    const duplicateSave = await save(clean.session, document.sha256, [span('تهران', 'x'), span('مشهد', 'x')]);
    expect(duplicateSave).toMatchObject({ ok: false, retryable: false });
    expect(!duplicateSave.ok && duplicateSave.message).toContain('«x»');
    const danglingSave = await save(clean.session, document.sha256, annotations, [{ id: 'R1', type: 'near', from: 'T1', to: 'gone' }]);
    expect(!danglingSave.ok && danglingSave.message).toContain('«gone»');
    await expect(fs.stat(clean.annotationPath)).rejects.toThrow();
  });
});

describe('files the user may not write', () => {
  it('opens a 0444 annotation file read-only saying why, and a save answers readOnly and replaces nothing', async () => {
    const { annotationPath, session } = await corpusWith({ annotations: [span('تهران', 'T1')] });
    await fs.chmod(annotationPath, 0o444);
    const before = await fs.readFile(annotationPath);
    const document = await session.loadArticle(ID);
    expect(document.problem).toMatchObject({ kind: 'permission' });
    expect(document.problem?.message).toContain('read-only');
    // Still shown: the annotations are readable, only not writable.
    expect(document.annotations.map((annotation) => annotation.id)).toEqual(['T1']);
    const saved = await save(session, document.sha256, [span('تهران', 'T1'), span('مشهد', 'T2')]);
    expect(saved).toMatchObject({ ok: false, readOnly: true });
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
    expect((await fs.stat(annotationPath)).mode & 0o777).toBe(0o444);
    // Nor is it moved aside as if it were broken.
    await expect(session.moveAsideAnnotationFile(ID)).rejects.toThrow(/read-only, not broken/);
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
  });

  it('does the same for a brat NAME.ann', async () => {
    const { root, annotationPath, contents } = await bratCorpusOfOneArticle(cleanups, 'hashiye-guards-brat-', TEXT, 'تهران');
    await fs.chmod(annotationPath, 0o444);
    const { session } = await openSession(cleanups, root);
    const document = await session.loadArticle(ID);
    expect(document.problem).toMatchObject({ kind: 'permission' });
    expect(document.annotations.map((annotation) => annotation.id)).toEqual(['T1']);
    const saved = await save(session, document.sha256, [...document.annotations, span('مشهد', 'new')]);
    expect(saved).toMatchObject({ ok: false, readOnly: true });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(contents);
  });

  it('opens an article whose folder refuses writes read-only', async (context) => {
    const { root, session } = await corpusWith(null);
    const readOnly = makeFolderReadOnly(root);
    if (!readOnly.ok) {
      context.skip(readOnly.reason);
      return;
    }
    cleanups.first(() => readOnly.restore());
    const document = await session.loadArticle(ID);
    expect(document.problem).toMatchObject({ kind: 'permission' });
    const saved = await save(session, document.sha256, [span('تهران', 'T1')]);
    expect(saved).toMatchObject({ ok: false, readOnly: true });
  });
});

describe('a file the app could not reopen is never written', () => {
  it('refuses a save past the 64 MB annotation-file limit before writing, with a clear message', async () => {
    const { annotationPath, session } = await corpusWith({ annotations: [span('تهران', 'T1')] });
    // Opening re-anchors the file (its recorded SHA-256 is not the article's): compared after that.
    const document = await session.loadArticle(ID);
    const before = await fs.readFile(annotationPath);
    const note = 'x'.repeat(65 * 1024 * 1024);
    const saved = await save(session, document.sha256, [{ ...span('تهران', 'T1'), note }]);
    expect(saved).toMatchObject({ ok: false, retryable: false });
    expect(!saved.ok && saved.message).toMatch(/Not saved: .* would be 65 MB, more than the 64 MB/);
    expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
  }, 30000);

  it('measures the size and the shape against the read limits', () => {
    const limits = { articleBytes: 1, annotationFileBytes: 100, nestingDepth: 3, collectionEntries: 2, savedEntries: 2 };
    expect(writtenFileProblem('a.ann.json', 100, null, limits)).toBeNull();
    expect(writtenFileProblem('a.ann.json', 101, null, limits)).toContain('Not saved');
    expect(writtenFileProblem('a.ann.json', 10, { maxDepth: 4, largestCollection: 1, largestCollectionKey: '' }, limits)).toContain('nested');
  });
});

describe('writers that decide on a file they read (curation, switching to annotator files)', () => {
  it('write nothing when the file changed or appeared since they read it', async () => {
    const { root, annotationPath } = await corpusWith({ annotations: [span('تهران', 'T1')] });
    const articlePath = path.join(root, ID);
    const article = decodeArticle(await fs.readFile(articlePath));
    const read = await readAnnotationFileAt(annotationPath, article);
    if (read.kind !== 'usable') throw new Error('expected a usable file');
    // Another window saves in between.
    const theirs = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: StoredAnnotation[] };
    theirs.annotations.push(span('مشهد', 'T2'));
    await fs.writeFile(annotationPath, JSON.stringify(theirs));
    const between = await fs.readFile(annotationPath);
    await expect(saveAnnotationFileAt(annotationPath, articlePath, article, { annotations: [], expectedSha256: read.sha256 })).rejects.toThrow(ConcurrentChangeError);
    expect((await fs.readFile(annotationPath)).equals(between)).toBe(true);
    // "Only if still absent": refused for a file that exists.
    await expect(saveAnnotationFileAt(annotationPath, articlePath, article, { annotations: [], expectedSha256: null })).rejects.toThrow(/changed by another window or program/);
    // On the file as read, it writes.
    const again = await readAnnotationFileAt(annotationPath, article);
    if (again.kind !== 'usable') throw new Error('expected a usable file');
    await saveAnnotationFileAt(annotationPath, articlePath, article, { annotations: [span('مشهد', 'T2')], expectedSha256: again.sha256 });
    expect(JSON.parse(await fs.readFile(annotationPath, 'utf8')).annotations.map((annotation: StoredAnnotation) => annotation.id)).toEqual(['T2']);
  });
});

describe('a FIFO in place of the annotation file', () => {
  it('is refused by a save, which neither hangs nor writes', async (context) => {
    const { execFileSync } = await import('node:child_process');
    const { annotationPath, session } = await corpusWith(null);
    const document = await session.loadArticle(ID);
    try {
      execFileSync('mkfifo', [annotationPath]);
    } catch {
      context.skip('mkfifo is not available here');
      return;
    }
    const saved = await save(session, document.sha256, [span('تهران', 'T1')]);
    expect(saved).toMatchObject({ ok: false, retryable: false });
    expect(!saved.ok && saved.message).toContain('not a regular file');
    expect((await fs.lstat(annotationPath)).isFIFO()).toBe(true);
  }, 10000);
});
