import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBigArticle } from '../../../bench/benchInputs';
import { compareReadingOrder } from '../../../shared/model/annotationOperations';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { forgetWrittenAnnotationFile } from '../storage/writtenAnnotationFile';
import { previewAnnotationFile } from './annotationFilePreview';
import { decodeArticle } from './articleDecoder';

let corpus: string;
beforeEach(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-preview-'));
});
afterEach(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
});

const PAGE = 500;
const COUNT = 2_000;

async function article(order: (annotations: StoredAnnotation[]) => void) {
  const written = await writeBigArticle(corpus, { name: 'a.txt', bytes: 60_000, annotations: COUNT, seed: 21 });
  const file = JSON.parse(await fs.readFile(written.annotationPath, 'utf8')) as { annotations: StoredAnnotation[] };
  order(file.annotations);
  await fs.writeFile(written.annotationPath, JSON.stringify(file));
  forgetWrittenAnnotationFile(written.annotationPath);
  return { ...written, decoded: decodeArticle(await fs.readFile(written.articlePath)), sorted: [...file.annotations].sort(compareReadingOrder) };
}

describe('previewAnnotationFile (#17)', () => {
  it('gives the first page in reading order and the total of a file in reading order', async () => {
    const written = await article((annotations) => annotations.sort(compareReadingOrder));
    const preview = await previewAnnotationFile(written.articlePath, written.decoded, PAGE, undefined, corpus);
    expect(preview?.total).toBe(COUNT);
    expect(preview?.loaded.problem).toBeNull();
    expect(preview?.loaded.annotations.map((annotation) => annotation.id)).toEqual(written.sorted.slice(0, PAGE).map((annotation) => annotation.id));
  });

  it('gives nothing for a file not in order of start, for an article changed since, or for a file this process knows', async () => {
    const reversed = await article((annotations) => annotations.sort(compareReadingOrder).reverse());
    expect(await previewAnnotationFile(reversed.articlePath, reversed.decoded, PAGE, undefined, corpus)).toBeNull();
    const changed = await article((annotations) => annotations.sort(compareReadingOrder));
    expect(await previewAnnotationFile(changed.articlePath, decodeArticle(Buffer.from(`${changed.text}.`)), PAGE, undefined, corpus)).toBeNull();
    // writeBigArticle's own save is remembered as written: opened from memory anyway.
    const known = await writeBigArticle(corpus, { name: 'b.txt', bytes: 60_000, annotations: COUNT, seed: 22 });
    expect(await previewAnnotationFile(known.articlePath, decodeArticle(await fs.readFile(known.articlePath)), PAGE, undefined, corpus)).toBeNull();
  });

  it('gives nothing for a file outside the corpus (a link), nor for one of a page or less', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-preview-outside-'));
    try {
      const written = await article((annotations) => annotations.sort(compareReadingOrder));
      expect(await previewAnnotationFile(written.articlePath, written.decoded, COUNT, undefined, corpus)).toBeNull();
      await fs.rename(written.annotationPath, path.join(outside, 'a.ann.json'));
      await fs.symlink(path.join(outside, 'a.ann.json'), written.annotationPath);
      expect(await previewAnnotationFile(written.articlePath, written.decoded, PAGE, undefined, corpus)).toBeNull();
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
