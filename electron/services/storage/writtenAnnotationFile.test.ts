import { promises as fs } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { loadAnnotations, saveAnnotations } from './annotationStore';
import { saveArticleAnnotations } from '../article/articleAnnotations';
import { decodeArticle } from '../article/articleDecoder';
import { articleIn as articleInFolder, FIXTURE_ARTICLE_TEXT, removeArticleFolders } from '../testing/articleFixture';
import { INPUT_LIMITS, inspectJsonShape, readAnnotationFileWithinLimits } from '../corpus/inputLimits';
import { forgetWrittenAnnotationFile, jsonShapeOf, writtenAnnotationFileFor } from './writtenAnnotationFile';

afterAll(removeArticleFolders);

const TEXT = FIXTURE_ARTICLE_TEXT;
const articleIn = (text: string) => articleInFolder(text, 'hashiye-written-annotations-');

function spanOf(text: string, needle: string, id: string, type = 'PER'): StoredAnnotation {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, type, start, end: start + Array.from(needle).length, text: needle };
}

/** The file's text with the save time blanked, to compare two saves made at different moments. */
async function contentOf(annotationPath: string): Promise<string> {
  return (await fs.readFile(annotationPath, 'utf8')).replace(/"updated": "[^"]*"/, '"updated": ""');
}

describe('jsonShapeOf', () => {
  it('measures plain JSON data as inspectJsonShape measures its indented text', () => {
    fc.assert(
      // Through JSON first, as -0 is generated and is not plain data (it is written as 0).
      fc.property(fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown), (value) => {
        const shape = jsonShapeOf(value);
        // The only JSON data refused: keys with a meaning to JavaScript objects.
        if (shape === null) expect(JSON.stringify(value)).toMatch(/"(__proto__|toJSON)":/);
        else expect(shape).toEqual(inspectJsonShape(`${JSON.stringify(value, null, 2)}\n`));
      }),
      { numRuns: 1000 },
    );
    const file = { annotations: [{ id: 'x', attributes: { k: [[1]] } }], labels: ['a', 'b', 'c'], 'k"ey': [1, 2, 3, 4], [`long${'x'.repeat(70)}`]: [1, 2, 3, 4, 5] };
    expect(jsonShapeOf(file)).toEqual(inspectJsonShape(JSON.stringify(file, null, 2)));
    expect(jsonShapeOf([[1, 2, 3], { a: [1, 2, 3, 4] }])).toEqual(inspectJsonShape(JSON.stringify([[1, 2, 3], { a: [1, 2, 3, 4] }])));
  });

  it('refuses what JSON.stringify would change or drop', () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    for (const value of [
      { a: undefined },
      [undefined],
      sparse,
      { a: () => 1 },
      { a: Symbol('s') },
      { a: Number.NaN },
      { a: Infinity },
      { a: -0 },
      { a: new Date(0) },
      { a: new Map() },
      { toJSON: 'x' },
      JSON.parse('{"__proto__": {"a": 1}}') as unknown,
      { a: 10n },
    ]) {
      expect(jsonShapeOf(value), String(JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? 'bigint' : inner)))).toBeNull();
    }
    expect(jsonShapeOf(Object.assign(Object.create(null) as object, { a: 1 }))).toEqual({ maxDepth: 1, largestCollection: 1, largestCollectionKey: '' });
  });
});

describe('saving again the file this process wrote', () => {
  it('remembers exactly what reading the written bytes gives, unknown fields and all', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    const annotations: StoredAnnotation[] = [
      { ...spanOf(TEXT, 'باقری', 'a1'), note: 'یادداشت', attributes: { confidence: 0.5, checked: true }, extra: { nested: [1, 'two', null] } },
      { ...spanOf(TEXT, 'دمشق', 'a2', 'LOC'), fragments: [{ start: spanOf(TEXT, 'دمشق', 'a2').start, end: spanOf(TEXT, 'دمشق', 'a2').end, side: 'x' }] },
    ];
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations, relations: [{ id: 'r1', type: 'AT', from: 'a1', to: 'a2', weight: 2 }], labels: ['سیاسی'] });
    const bytes = await fs.readFile(annotationPath);
    const written = writtenAnnotationFileFor(annotationPath, bytes);
    expect(written).not.toBeNull();
    const read = parseAnnotationFile(bytes.toString('utf8'));
    // Same values and the same key order (JSON.stringify follows it), as a later save spreads them.
    expect(written?.parsed).toEqual(read);
    expect(JSON.stringify(written?.parsed)).toBe(JSON.stringify(read));
    expect(written?.shape).toEqual(inspectJsonShape(bytes.toString('utf8')));
    expect(written?.offsetsCheckedFor).toBe(`${article.sha256}/${article.encoding}`);

    // Any other bytes (another program's edit of the same length) are not taken for it.
    const edited = Buffer.from(bytes);
    edited[edited.indexOf('سیاسی')] ^= 1;
    expect(writtenAnnotationFileFor(annotationPath, edited)).toBeNull();
    expect(writtenAnnotationFileFor(`${annotationPath}.other`, bytes)).toBeNull();
  });

  it('writes the same bytes as a save that reads the file from scratch', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    const first = [{ ...spanOf(TEXT, 'باقری', 'a1'), futureField: { a: [1, 2] } }, spanOf(TEXT, 'دمشق', 'a2', 'LOC')];
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: first, relations: [], labels: [] });
    // Top-level and per-annotation fields of a newer version, written by it (not by this process).
    const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(annotationPath, `${JSON.stringify({ curation: { by: 'lead' }, ...onDisk }, null, 2)}\n`);
    expect(writtenAnnotationFileFor(annotationPath, await fs.readFile(annotationPath))).toBeNull();

    const second = { status: 'done' as const, annotations: [spanOf(TEXT, 'باقری', 'a1'), spanOf(TEXT, 'سوری', 'a3', 'LOC')], relations: [], labels: ['x'] };
    const saved = await saveArticleAnnotations(articlePath, article, second);
    expect(saved.kind).toBe('saved');
    const third = { ...second, annotations: [...second.annotations, { ...spanOf(TEXT, 'دمشق', 'a2', 'LOC'), futureField: 'back' }] };

    // With what the last save remembered...
    expect(writtenAnnotationFileFor(annotationPath, await fs.readFile(annotationPath))).not.toBeNull();
    const backup = await fs.readFile(annotationPath);
    await saveArticleAnnotations(articlePath, article, third);
    const remembered = await contentOf(annotationPath);
    // ...and with the same file read from scratch.
    await fs.writeFile(annotationPath, backup);
    forgetWrittenAnnotationFile(annotationPath);
    await saveArticleAnnotations(articlePath, article, third);
    expect(remembered).toBe(await contentOf(annotationPath));
    expect(remembered).toContain('"curation"');
    expect((await loadAnnotations(articlePath, article)).annotations.map((annotation) => annotation.id)).toEqual(['a1', 'a3', 'a2']);
  });

  it('applies the limits to the remembered file as to a file read from disk', async () => {
    const { articlePath, annotationPath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [{ ...spanOf(TEXT, 'باقری', 'a1'), deep: { a: { b: { c: [1] } } } }], relations: [], labels: ['a', 'b', 'c'] });
    expect(writtenAnnotationFileFor(annotationPath, await fs.readFile(annotationPath))).not.toBeNull();
    for (const limits of [{ ...INPUT_LIMITS, nestingDepth: 5 }, { ...INPUT_LIMITS, collectionEntries: 2 }]) {
      const read = await readAnnotationFileWithinLimits(annotationPath, limits);
      expect(read.kind).toBe('refused');
      const saved = await saveArticleAnnotations(articlePath, article, { status: 'done', annotations: [], relations: [], labels: [] }, limits);
      expect(saved).toEqual(read);
    }
  });

  it('checks a remembered file against an article whose text changed since', async () => {
    const { articlePath, article } = await articleIn(TEXT);
    await saveAnnotations(articlePath, article, { status: 'in-progress', annotations: [spanOf(TEXT, 'دمشق', 'a1', 'LOC')], relations: [], labels: [] });
    await fs.writeFile(articlePath, `x${TEXT}`);
    const changed = decodeArticle(await fs.readFile(articlePath));
    const saved = await saveArticleAnnotations(articlePath, changed, { status: 'in-progress', annotations: [], relations: [], labels: [] });
    expect(saved.kind).toBe('failed');
    expect(saved.kind === 'failed' && (saved.error as Error).message).toMatch(/changed on disk/);
  });
});
