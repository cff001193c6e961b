import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormatId } from '../shared/formats/exportTypes';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION, type AnnotationFile, type StoredAnnotation } from '../shared/model/nativeFormat';
import { quoteAround } from '../shared/anchoring/quote';
import { exportCorpus } from '../electron/services/transfer/exportCorpus';

/**
 * The export throughput measurement of DESIGN.md's target ("export 10,000 articles to CoNLL
 * from the CLI: at least 2,000 articles a second on 2 cores"): a generated corpus of Persian
 * articles of about 3 KB with 30 annotations each, exported once for warm-up, then timed.
 */

const WORDS = ['سرلشکر', 'باقری', 'گفت', 'همه', 'کشورهای', 'جهان', 'می‌خواهند', 'ستاد', 'کل', 'نیروهای', 'مسلح', 'به', 'دمشق', 'سفر', 'کرد', 'و', 'در', 'اجلاس', 'سه‌جانبه', 'ایران', 'سوریه', 'عراق', 'شرکت', 'خواهد', 'مبارزه', 'با', 'تروریسم', '۱۴۰۳', '۱۲٫۵', 'درصد', 'تهران', 'خبرگزاری', 'گزارش', 'داد'];
const PUNCTUATION = ['،', '.', '؛', '؟'];
const TYPES = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE', 'MISC'];

/** A deterministic article of about `targetBytes` UTF-8 bytes (Persian letters are two bytes). */
function benchmarkArticle(seed: number, targetBytes: number): string {
  let text = '';
  let state = seed;
  const next = (limit: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
  let sentence = 0;
  while (Buffer.byteLength(text) < targetBytes) {
    text += WORDS[next(WORDS.length)];
    sentence++;
    if (sentence > 8 && next(4) === 0) {
      text += PUNCTUATION[next(PUNCTUATION.length)];
      sentence = 0;
      text += next(5) === 0 ? '\n\n' : ' ';
    } else {
      text += next(20) === 0 ? '\u00A0' : ' ';
    }
  }
  return `${text.trimEnd()}\n`;
}

/** Annotations on whole words, spread over the article, some nested. */
function benchmarkAnnotations(text: string, count: number): StoredAnnotation[] {
  const codePoints = Array.from(text);
  const words: [number, number][] = [];
  let start = -1;
  codePoints.forEach((character, index) => {
    const inWord = /[\p{L}\p{N}\u200C٫]/u.test(character);
    if (inWord && start === -1) start = index;
    if (!inWord && start !== -1) {
      words.push([start, index]);
      start = -1;
    }
  });
  const annotations: StoredAnnotation[] = [];
  const step = Math.max(1, Math.floor(words.length / count));
  for (let index = 0; index < count && index * step < words.length; index++) {
    const first = words[index * step];
    const last = words[Math.min(words.length - 1, index * step + (index % 3))];
    const end = last[1];
    annotations.push({
      id: `T${index + 1}`,
      type: TYPES[index % TYPES.length],
      start: first[0],
      end,
      text: codePoints.slice(first[0], end).join(''),
      quote: quoteAround(codePoints, first[0], end),
      author: 'bench',
    });
  }
  return annotations;
}

/** Writes `articles` articles (NAME.txt + NAME.ann.json) into `folder`, 500 a subfolder. */
export async function createBenchmarkCorpus(folder: string, articles: number, annotationsPerArticle = 30, articleBytes = 3000): Promise<void> {
  for (let index = 0; index < articles; index++) {
    const subfolder = path.join(folder, `part-${String(Math.floor(index / 500)).padStart(3, '0')}`);
    if (index % 500 === 0) await fs.mkdir(subfolder, { recursive: true });
    const name = `article-${String(index).padStart(6, '0')}`;
    const text = benchmarkArticle(index + 1, articleBytes);
    const bytes = Buffer.from(text, 'utf8');
    const file: AnnotationFile = {
      format: NATIVE_FORMAT_ID,
      version: NATIVE_FORMAT_VERSION,
      offsetUnit: 'codepoint',
      source: { file: `${name}.txt`, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
      status: index % 3 === 0 ? 'done' : 'in-progress',
      annotations: benchmarkAnnotations(text, annotationsPerArticle),
      relations: [],
      labels: [],
    };
    await fs.writeFile(path.join(subfolder, `${name}.txt`), bytes);
    await fs.writeFile(path.join(subfolder, `${name}.ann.json`), `${JSON.stringify(file, null, 2)}\n`);
  }
}

export interface ExportThroughput {
  format: ExportFormatId;
  articles: number;
  annotations: number;
  seconds: number;
  articlesPerSecond: number;
  cores: number;
}

export interface ThroughputOptions {
  articles?: number;
  annotationsPerArticle?: number;
  format?: ExportFormatId;
  /** An existing benchmark corpus to reuse; otherwise one is generated in a temporary folder and removed. */
  corpus?: string;
}

/** Times `exportCorpus` on a generated corpus (after one warm-up run), for `npm run bench`. */
export async function measureExportThroughput(options: ThroughputOptions = {}): Promise<ExportThroughput> {
  const articles = options.articles ?? 10_000;
  const format = options.format ?? 'conll';
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bench-export-'));
  try {
    const corpus = options.corpus ?? path.join(scratch, 'corpus');
    if (!options.corpus) await createBenchmarkCorpus(corpus, articles, options.annotationsPerArticle ?? 30);
    await exportCorpus(corpus, format, { out: path.join(scratch, 'warm-up'), allowLossy: true });
    const started = performance.now();
    const result = await exportCorpus(corpus, format, { out: path.join(scratch, 'out'), allowLossy: true });
    const seconds = (performance.now() - started) / 1000;
    return {
      format,
      articles: result.report.totals.articles,
      annotations: result.report.totals.written,
      seconds,
      articlesPerSecond: result.report.totals.articles / seconds,
      cores: os.availableParallelism(),
    };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
