import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { loadAnnotations, saveAnnotations, SaveRefusedError } from '../storage/annotationStore';
import { openArticleAnnotations, saveArticleAnnotations } from './articleAnnotations';
import { decodeArticle, decodedTextKey, type DecodedArticle } from './articleDecoder';
import { articleIn as articleInFolder, FIXTURE_ARTICLE_TEXT, removeArticleFolders } from '../testing/articleFixture';
import { INPUT_LIMITS, inspectJsonShape } from '../corpus/inputLimits';
import { forgetWrittenAnnotationFile, writtenAnnotationFileFor } from '../storage/writtenAnnotationFile';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';

afterAll(removeArticleFolders);

const TEXT = FIXTURE_ARTICLE_TEXT;
const articleIn = (text: string) => articleInFolder(text, 'hashiye-article-annotations-');

async function rewrite(articlePath: string, text: string): Promise<DecodedArticle> {
  await fs.writeFile(articlePath, text);
  return decodeArticle(await fs.readFile(articlePath));
}

function spanOf(text: string, needle: string, id: string, type = 'PER'): StoredAnnotation {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, type, start, end: start + Array.from(needle).length, text: needle };
}

const request = (annotations: StoredAnnotation[]) => ({ status: 'in-progress' as const, annotations, relations: [], labels: [] });

describe('openArticleAnnotations', () => {
  it('loads what loadAnnotations loads, for an absent file and for one made on this text, writing nothing', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    expect(await openArticleAnnotations(articlePath, article)).toEqual({ kind: 'loaded', loaded: await loadAnnotations(articlePath, article), reanchored: null, readOnly: null });
    await expect(fs.access(annotationPath)).rejects.toThrow();

    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1'), spanOf(TEXT, 'دمشق', 'a2', 'LOC')]));
    const before = await fs.stat(annotationPath);
    const opened = await openArticleAnnotations(articlePath, article);
    expect(opened).toEqual({ kind: 'loaded', loaded: await loadAnnotations(articlePath, article), reanchored: null, readOnly: null });
    expect(opened.kind === 'loaded' && opened.loaded.annotations.map((annotation) => annotation.text)).toEqual(['باقری', 'دمشق']);
    expect((await fs.stat(annotationPath)).mtimeMs).toBe(before.mtimeMs);
  });

  it('re-anchors a file made on another version of the article, saves it at once and loads the result', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1'), spanOf(TEXT, 'دمشق', 'a2', 'LOC')]));
    const previousJson = await fs.readFile(annotationPath, 'utf8');
    const changedText = `تیتر تازه\n${TEXT}`;
    const changed = await rewrite(articlePath, changedText);

    const opened = await openArticleAnnotations(articlePath, changed);
    if (opened.kind !== 'loaded') throw new Error('expected the annotations to load');
    expect(opened.reanchored?.report.changes.map((change) => [change.id, change.status])).toEqual([['a1', 'moved'], ['a2', 'moved']]);
    expect(opened.loaded.problem).toBeNull();
    expect(opened.loaded.migratedFrom).toBeNull();
    expect(opened.loaded.annotations.map(({ start, end, text }) => ({ start, end, text }))).toEqual([spanOf(changedText, 'باقری', 'a1'), spanOf(changedText, 'دمشق', 'a2')].map(({ start, end, text }) => ({ start, end, text })));
    // Written at once, with the previous version kept, and what was loaded is what is on disk.
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(opened.reanchored?.written);
    expect(await fs.readFile(`${annotationPath}.bak`, 'utf8')).toBe(previousJson);
    expect(opened.loaded).toEqual(await loadAnnotations(articlePath, changed));
  });

  it('refuses a file beyond the limits and leaves it as it is, even when the article changed', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]));
    const json = await fs.readFile(annotationPath, 'utf8');
    const changed = await rewrite(articlePath, `x${TEXT}`);
    expect(await openArticleAnnotations(articlePath, changed, { ...INPUT_LIMITS, nestingDepth: 2 })).toEqual({
      kind: 'refused',
      message: 'خبر.ann.json is nested 4 levels deep; an annotation file has at most 2. It was left as it is.',
    });
    expect(await openArticleAnnotations(articlePath, changed, { ...INPUT_LIMITS, annotationFileBytes: 10 })).toMatchObject({ kind: 'refused', message: /^خبر\.ann\.json is 0 MB; Hashiye opens annotation files of up to 0 MB\./ });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(json);
    await expect(fs.access(`${annotationPath}.bak`)).rejects.toThrow();
  });

  it('reports a file that is not UTF-8 or does not parse, and never rewrites it, even when the article changed', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]));
    const valid = await fs.readFile(annotationPath, 'utf8');
    const changed = await rewrite(articlePath, `x${TEXT}`);
    // Valid JSON but for one stray byte in a string: a lenient reader would re-anchor it and write U+FFFD over that byte.
    const notUtf8 = strayByteIn(valid);
    const cases: [Buffer, string, RegExp][] = [
      [notUtf8, 'syntax', /^خبر\.ann\.json is not valid UTF-8\.$/],
      [Buffer.from('{ broken', 'utf8'), 'syntax', /^Not valid JSON/],
      [Buffer.from('{"format":"hashiye-annotations","version":99}', 'utf8'), 'version', /./],
    ];
    for (const [bytes, kind, message] of cases) {
      await fs.writeFile(annotationPath, bytes);
      const opened = await openArticleAnnotations(articlePath, changed);
      expect(opened).toMatchObject({ kind: 'loaded', reanchored: null, loaded: { annotations: [], problem: { kind, message } } });
      expect(await fs.readFile(annotationPath)).toEqual(bytes);
    }
  });

  it('throws when the file cannot be read at all', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await fs.mkdir(annotationPath);
    await expect(openArticleAnnotations(articlePath, article)).rejects.toThrow(/EISDIR/);
  });

  // (#17) 39 MB of JSON for 100,000 annotations took seconds to decode, measure, parse and check on each read.
  it('remembers a file it opened and found usable, so that opening it again and the next save need not parse it', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1'), spanOf(TEXT, 'دمشق', 'a2', 'LOC')]));
    // As another program would write it: not the bytes this process wrote.
    const json = JSON.stringify(JSON.parse(await fs.readFile(annotationPath, 'utf8')));
    await fs.writeFile(annotationPath, json);
    forgetWrittenAnnotationFile(annotationPath);
    const first = await openArticleAnnotations(articlePath, article);
    expect(first).toMatchObject({ kind: 'loaded', loaded: { problem: null } });
    const known = writtenAnnotationFileFor(annotationPath, Buffer.from(json, 'utf8'));
    expect(known).toMatchObject({ offsetsCheckedFor: decodedTextKey(article), shape: inspectJsonShape(json), parsed: parseAnnotationFile(json) });
    expect(await openArticleAnnotations(articlePath, article)).toEqual(first);
    // Its limits still apply to it, from the shape remembered.
    expect(await openArticleAnnotations(articlePath, article, { ...INPUT_LIMITS, nestingDepth: 2 })).toMatchObject({ kind: 'refused', message: /nested 4 levels deep/ });
  });

  // (#17) Write access is asked once, by opening, and handed on: the document says read-only from it.
  it('says why a file it may not write opens read-only, and re-anchors nothing in it', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]));
    await fs.chmod(annotationPath, 0o444);
    const before = await fs.readFile(annotationPath, 'utf8');
    const changed = await rewrite(articlePath, `تیتر تازه\n${TEXT}`);
    const opened = await openArticleAnnotations(articlePath, changed);
    expect(opened).toMatchObject({ kind: 'loaded', reanchored: null, readOnly: { userProblem: { code: 'readOnly', file: 'خبر.ann.json', reason: 'file-mode' } } });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(before);
    // A file with ambiguous ids is not asked about: it opens read-only for its ids.
    const valid = JSON.parse(before) as { annotations: StoredAnnotation[] };
    await fs.chmod(annotationPath, 0o644);
    await fs.writeFile(annotationPath, JSON.stringify({ ...valid, annotations: [...valid.annotations, ...valid.annotations] }));
    expect(await openArticleAnnotations(articlePath, changed)).toMatchObject({ kind: 'loaded', readOnly: null, loaded: { problem: { kind: 'invariant' } } });
  });

  it('remembers no file it cannot use, and reads a file changed since as any other', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]));
    const valid = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: StoredAnnotation[] };
    await openArticleAnnotations(articlePath, article);
    // Two annotations under one id: opened read-only, never remembered as usable.
    const duplicate = JSON.stringify({ ...valid, annotations: [...valid.annotations, { ...valid.annotations[0] }] });
    await fs.writeFile(annotationPath, duplicate);
    expect(await openArticleAnnotations(articlePath, article)).toMatchObject({ kind: 'loaded', loaded: { problem: { kind: 'invariant' } } });
    expect(writtenAnnotationFileFor(annotationPath, Buffer.from(duplicate, 'utf8'))).toBeNull();
    // A text that is not the article's at its offsets: the same.
    const wrongText = JSON.stringify({ ...valid, annotations: [{ ...valid.annotations[0], text: 'دیگر' }] });
    await fs.writeFile(annotationPath, wrongText);
    expect(await openArticleAnnotations(articlePath, article)).toMatchObject({ kind: 'loaded', loaded: { problem: { kind: 'text' } } });
    expect(writtenAnnotationFileFor(annotationPath, Buffer.from(wrongText, 'utf8'))).toBeNull();
  });
});

describe('saveArticleAnnotations', () => {
  it('saves as saveAnnotations does, keeping fields this version does not know', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    expect(await saveArticleAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]))).toMatchObject({ kind: 'saved' });
    const json = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(annotationPath, JSON.stringify({ ...json, reviewer: 'sara' }));
    const saved = await saveArticleAnnotations(articlePath, article, request([spanOf(TEXT, 'دمشق', 'a2', 'LOC')]));
    expect(saved).toMatchObject({ kind: 'saved', file: { reviewer: 'sara', annotations: [{ id: 'a2', text: 'دمشق', quote: { prefix: expect.any(String) as string } }] } });
    expect(JSON.parse(await fs.readFile(annotationPath, 'utf8'))).toEqual(saved.kind === 'saved' ? saved.file : null);
  });

  it('refuses a file beyond the limits, reports a broken one as SaveRefusedError, and writes neither', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, request([spanOf(TEXT, 'باقری', 'a1')]));
    const json = await fs.readFile(annotationPath, 'utf8');
    expect(await saveArticleAnnotations(articlePath, article, request([]), { ...INPUT_LIMITS, collectionEntries: 5 })).toEqual({
      kind: 'refused',
      message: 'خبر.ann.json is too large to open: it holds 9 entries; Hashiye opens up to 5. It was left as it is.',
    });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(json);

    await fs.writeFile(annotationPath, Buffer.from([0x7b, 0xff, 0x7d]));
    const broken = await saveArticleAnnotations(articlePath, article, request([]));
    expect(broken.kind === 'failed' && broken.error).toBeInstanceOf(SaveRefusedError);
    expect(broken.kind === 'failed' && (broken.error as Error).message).toMatch(/not valid UTF-8.*left untouched/);
    expect(await fs.readFile(annotationPath)).toEqual(Buffer.from([0x7b, 0xff, 0x7d]));
  });

  it('throws when the file cannot be read at all', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await fs.mkdir(annotationPath);
    await expect(saveArticleAnnotations(articlePath, article, request([]))).rejects.toThrow(/EISDIR/);
  });
});

/** The file's JSON with one more field whose string holds a byte that is not UTF-8: valid JSON to a lenient reader. */
function strayByteIn(json: string): Buffer {
  const at = json.indexOf('"in-progress"') + '"in-progress"'.length;
  return Buffer.concat([Buffer.from(`${json.slice(0, at)}, "x": "`, 'utf8'), Buffer.from([0xff]), Buffer.from(`"${json.slice(at)}`, 'utf8')]);
}
