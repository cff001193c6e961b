import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION, type AnnotationFile } from '../shared/model/nativeFormat';
import type { ArticleStatus } from '../shared/model/status';
import { quoteAround } from '../shared/anchoring/quote';
import { decodeArticle } from '../electron/services/article/articleDecoder';
import { annotationPathFor, saveAnnotations } from '../electron/services/storage/annotationStore';
import { benchAnnotations } from './benchAnnotations';
import { compareReadingOrder } from '../shared/model/annotationOperations';
import { persianArticle, seededRandom } from './persianText';

export interface BigArticle {
  articlePath: string;
  annotationPath: string;
  name: string;
  bytes: number;
  paragraphs: number;
  annotations: number;
  text: string;
}

/**
 * Writes the big article (NAME.txt) and its annotations (NAME.ann.json) through the app's own
 * saveAnnotations, so the file is exactly what the app writes: SHA-256 of the bytes,
 * code-point offsets, quotes, checked offsets and schema.
 */
/** `readingOrder`: the annotation file's list in reading order, as Hashiye saves it (#17); else in the order they were made. */
export async function writeBigArticle(folder: string, options: { name?: string; bytes: number; annotations: number; seed?: number; relations?: number; readingOrder?: boolean }): Promise<BigArticle> {
  const name = options.name ?? 'big-article.txt';
  const random = seededRandom(options.seed ?? 1403);
  const text = persianArticle(random, options.bytes);
  const bytes = Buffer.from(text, 'utf8');
  await fs.mkdir(folder, { recursive: true });
  const articlePath = path.join(folder, name);
  await fs.writeFile(articlePath, bytes);
  const made = benchAnnotations(text, options.annotations, random);
  const annotations = options.readingOrder ? [...made].sort(compareReadingOrder) : made;
  await saveAnnotations(articlePath, decodeArticle(bytes), { status: 'in-progress', annotations, relations: benchRelations(annotations, options.relations ?? 0, random), labels: [] });
  return {
    articlePath,
    annotationPath: annotationPathFor(articlePath),
    name,
    bytes: bytes.length,
    paragraphs: text.split('\n').length,
    annotations: annotations.length,
    text,
  };
}

/**
 * Relations between annotations a few apart in reading order (#20), as analysts link entities of
 * one sentence or the next: spread evenly over the article, so every screenful has some.
 */
function benchRelations(annotations: readonly { id: string; start: number }[], count: number, random: () => number): { id: string; type: string; from: string; to: string }[] {
  if (count === 0 || annotations.length < 2) return [];
  const ordered = [...annotations].sort((a, b) => a.start - b.start);
  const relations: { id: string; type: string; from: string; to: string }[] = [];
  for (let index = 0; index < count; index++) {
    const at = Math.floor((index * (ordered.length - 4)) / count);
    const other = Math.min(ordered.length - 1, at + 1 + Math.floor(random() * 3));
    relations.push({ id: `r${index}`, type: index % 3 === 0 ? 'member-of' : 'located-in', from: ordered[at].id, to: ordered[other].id });
  }
  return relations;
}

const STATUSES: readonly ArticleStatus[] = ['in-progress', 'done', 'needs-review', 'approved'];

/** The native annotation file for an article's bytes, as saveAnnotations would write it. */
export function nativeAnnotationFile(fileName: string, bytes: Uint8Array, text: string, status: ArticleStatus, annotationCount: number, random: () => number): AnnotationFile {
  const codePoints = Array.from(text);
  return {
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { file: fileName, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: codePoints.length },
    status,
    annotations: benchAnnotations(text, annotationCount, random).map((annotation) => ({ ...annotation, quote: quoteAround(codePoints, annotation.start, annotation.end) })),
    relations: [],
    labels: [],
    updated: '2025-01-01T00:00:00.000Z',
  };
}

export interface BenchCorpus {
  root: string;
  articles: number;
  annotationFiles: number;
  bytes: number;
}

/**
 * A corpus of `articles` articles of about `articleBytes` bytes, 500 a folder, each with
 * `annotationsPerArticle` annotations except every tenth, left new (no annotation file),
 * as in a corpus being worked on.
 */
export async function writeBenchCorpus(root: string, options: { articles: number; articleBytes: number; annotationsPerArticle: number; seed?: number }): Promise<BenchCorpus> {
  const random = seededRandom(options.seed ?? 7);
  let annotationFiles = 0;
  let total = 0;
  const writes: Promise<void>[] = [];
  for (let index = 0; index < options.articles; index++) {
    const folder = path.join(root, `part-${String(Math.floor(index / 500)).padStart(3, '0')}`);
    if (index % 500 === 0) await fs.mkdir(folder, { recursive: true });
    const name = `article-${String(index).padStart(5, '0')}.txt`;
    const text = persianArticle(random, options.articleBytes);
    const bytes = Buffer.from(text, 'utf8');
    total += bytes.length;
    const articlePath = path.join(folder, name);
    writes.push(fs.writeFile(articlePath, bytes));
    if (index % 10 !== 9) {
      const file = nativeAnnotationFile(name, bytes, text, STATUSES[index % STATUSES.length], options.annotationsPerArticle, random);
      const json = `${JSON.stringify(file, null, 2)}\n`;
      total += Buffer.byteLength(json);
      writes.push(fs.writeFile(annotationPathFor(articlePath), json));
      annotationFiles++;
    }
    // A bounded number of writes in flight keeps file handles under the limit.
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { root, articles: options.articles, annotationFiles, bytes: total };
}

/**
 * The listing benches' two corpora, written once and kept between runs: `big` of `articles`
 * articles (marked ready when whole, so a run cut short writes it again) and a small one the
 * window shows first, so that listing `big` is measured apart from the first opening.
 */
export async function ensureListingCorpora(big: string, small: string, articles: number): Promise<void> {
  if (existsSync(path.join(big, 'ready'))) return;
  await fs.rm(big, { recursive: true, force: true });
  await writeBenchCorpus(big, { articles, articleBytes: 3000, annotationsPerArticle: 30 });
  await writeBenchCorpus(small, { articles: 3, articleBytes: 3000, annotationsPerArticle: 30, seed: 99 });
  // Not a .txt: the listing does not see it.
  await fs.writeFile(path.join(big, 'ready'), '');
}

/**
 * The 100,000-annotation article the #17 benches open (`many-annotations.txt`, 2 MB, seed 1405,
 * in reading order) beside a short article the window shows first; written once and kept.
 */
export async function ensureHundredThousandCorpus(folder: string, name: string, shortName: string): Promise<void> {
  if (existsSync(path.join(folder, name))) return;
  await writeBigArticle(folder, { name, bytes: 2_000_000, annotations: 100_000, seed: 1405, readingOrder: true });
  await fs.writeFile(path.join(folder, shortName), 'متن کوتاهی برای شروع.\n');
}
