import { createHash } from 'node:crypto';
import { withUserProblem } from '../problems/userProblems';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getExportFormat } from '../../../shared/formats/registry';
import { seededRandom } from '../../../shared/seededRandom';
import { standoffToNative } from '../../../shared/brat/nativeBridge';
import { parseStandoff } from '../../../shared/brat/standoffDocument';
import type { DocumentOutput, DocumentReport, ExportDocument, ExportFile, ExportFormatId, ExportProblem, FormatSerializer, SerializeOptions } from '../../../shared/formats/exportTypes';
import type { ArticleStatus } from '../../../shared/model/status';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor } from '../storage/annotationStore';
import { listArticleIds } from '../corpus/articleFiles';
import { decodeArticle } from '../article/articleDecoder';
import { encodingRecordIn } from '../article/encodingRecord';
import { beginStagedExport } from './exportStaging';
import { bratAnnotationPathFor, loadBratCorpusTagSet, isBratCorpus } from '../brat/bratStore';
import { loadTagSet } from '../tagset/tagSetLoader';
import { readAnnotationTextSync, readArticleBytesSync } from '../corpus/confinedReaders';
import { readCorpusFileSync, realCorpusRoot } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS } from '../corpus/inputLimits';
import { decodeUtf8Strictly } from '../article/strictUtf8';
import { nameProblemSpans } from '../../../shared/formats/problemSpans';

export const EXPORT_REPORT_FILE = 'export-report.json';
export const EXPORT_MANIFEST_FILE = 'manifest.json';
export const SPLIT_PARTS = ['train', 'dev', 'test'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];

export interface ExportSplit {
  /** Shares of train, dev and test, e.g. [80, 10, 10]; any positive scale. */
  ratios: readonly [number, number, number];
  seed: number;
}

export interface ExportScope {
  /** Only these article ids (the app's "this article"). */
  articleIds?: readonly string[];
  /** Only articles with one of these statuses (the app's "articles marked done"). */
  statuses?: readonly ArticleStatus[];
}

export interface ExportCorpusOptions extends SerializeOptions {
  /**
   * Where to write: a folder, or, for a format with one main file and no split, a file path
   * ending with that format's extension (its schema files, report and manifest go beside it).
   */
  out: string;
  scope?: ExportScope;
  split?: ExportSplit;
  /** Write even when labels would be lost (the report still lists them). */
  allowLossy?: boolean;
  /**
   * Worker threads reading and serializing articles (default: one per core, up to 4, for
   * 500 articles or more). 0 does everything on the calling thread. Workers need the built
   * out/main/exportWorker.js; without it (tests running the TypeScript) the export runs here.
   */
  workers?: number;
}

export interface ExportProgress {
  phase: 'listing' | 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface UnreadableArticle {
  article: string;
  message: string;
}

export interface ExportTotals {
  articles: number;
  annotations: number;
  written: number;
  lost: number;
  changed: number;
  omitted: number;
  unreadable: number;
}

/** `export-report.json`: what each article lost or changed, and why. No timestamps: reproducible. */
export interface ExportReport {
  format: ExportFormatId;
  options: { scheme: string | null; jsonlVariant: string | null; split: ExportSplit | null };
  totals: ExportTotals;
  /** True when some label is not in the output (or an article could not be read). */
  lossy: boolean;
  unreadable: UnreadableArticle[];
  /** Only articles with something to report, in corpus order. */
  documents: DocumentReport[];
}

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  role: ExportFile['role'];
  split: SplitPart | null;
  /** For a main file: the articles and the annotations in it. */
  articles?: number;
  annotations?: number;
}

export interface ExportManifest {
  tool: 'hashiye';
  format: ExportFormatId;
  options: ExportReport['options'];
  articles: number;
  split: Record<SplitPart, string[]> | null;
  files: ManifestFile[];
}

export interface ExportCorpusResult {
  format: ExportFormatId;
  /** The folder the files went to. */
  outFolder: string;
  /** False when nothing was written because labels would be lost and `allowLossy` was not set. */
  written: boolean;
  report: ExportReport;
  manifest: ExportManifest;
  /** Absolute paths of the files written (empty when `written` is false). */
  paths: string[];
  /** Worker threads that read and serialized the articles; 0 when it all ran on the calling thread. */
  workersUsed: number;
  durationMs: number;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

export class ExportInputError extends Error {
  /** `corpus`: the corpus folder cannot be read; `request`: the options ask for something impossible. */
  constructor(message: string, readonly reason: 'corpus' | 'request' = 'request') {
    super(message);
    this.name = 'ExportInputError';
  }
}

/**
 * The corpus root's real path, remembered for a few seconds: an export reads thousands of
 * articles of one root, and resolving it for each would cost more than reading small files.
 */
let lastRealRoot: { root: string; real: string; at: number } | null = null;
const REAL_ROOT_TTL_MS = 5000;

function realRootOf(root: string): string {
  const now = Date.now();
  if (lastRealRoot && lastRealRoot.root === root && now - lastRealRoot.at < REAL_ROOT_TTL_MS) return lastRealRoot.real;
  const real = realCorpusRoot(root);
  lastRealRoot = { root, real, at: now };
  return real;
}

/** `updated` and `assignee`: the native file's fields of those names, for the corpus statistics. */
export type ReadArticle = { document: ExportDocument; status: ArticleStatus; updated?: string; assignee?: string } | { unreadable: UnreadableArticle; status: ArticleStatus };

/**
 * Reads one article and its annotation file as a serializer input, or says why it cannot.
 * Synchronous on purpose: small files read this way cost a tenth of the promise API's four
 * thread-pool round trips, and the export yields to the event loop between batches.
 */
export function readExportDocument(root: string, id: string): ReadArticle {
  // Every file through corpusFileAccess: confined to the corpus, regular files, within the limits.
  let rootReal: string;
  try {
    rootReal = realRootOf(root);
  } catch (error) {
    return { unreadable: { article: id, message: `The corpus folder cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  const articlePath = path.join(rootReal, ...id.split('/'));
  let bytes: Buffer;
  try {
    bytes = readArticleBytesSync(rootReal, articlePath);
  } catch (error) {
    return { unreadable: { article: id, message: `The article cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  let raw: string | null;
  try {
    raw = readAnnotationTextSync(rootReal, annotationPathFor(articlePath));
  } catch (error) {
    return { unreadable: { article: id, message: `The annotation file cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  let text: string;
  try {
    // Decoded as the annotation file records while the article's bytes are the ones it was recorded for (encodingRecord.ts).
    text = decodeArticle(bytes, { record: raw === null ? null : encodingRecordIn(raw) }).text;
  } catch (error) {
    return { unreadable: { article: id, message: `The article cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  if (raw === null) return readBratDocument(rootReal, id, articlePath, text);
  // Parsed here rather than through loadAnnotations: the export needs the source tokens, and
  // checks each annotation on its own (one bad span is reported and skipped, not the article).
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) return { unreadable: { article: id, message: `The annotation file is not valid: ${parsed.problem.message}` }, status: 'new' };
  const { file } = parsed;
  return {
    document: { id, text, annotations: file.annotations, relations: file.relations, ...(file.tokens ? { tokens: file.tokens } : {}) },
    status: file.status,
    ...(file.updated ? { updated: file.updated } : {}),
    ...(file.assignee ? { assignee: file.assignee } : {}),
  };
}

/**
 * An article of a brat corpus: its `NAME.ann` read as the app shows it (shared/brat's bridge),
 * lines it cannot show reported as lost, text fields that differ from the article as changed.
 * No `NAME.ann` either: an article without annotations.
 */
function readBratDocument(rootReal: string, id: string, articlePath: string, text: string): ReadArticle {
  let bytes: Buffer;
  try {
    const read = readCorpusFileSync(rootReal, bratAnnotationPathFor(articlePath), { maxBytes: INPUT_LIMITS.annotationFileBytes });
    if (read === null) return { document: { id, text, annotations: [], relations: [] }, status: 'new' };
    bytes = read.bytes;
  } catch (error) {
    return { unreadable: { article: id, message: `The brat annotation file cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  const content = decodeUtf8Strictly(bytes, 'keep');
  if (content === null) return { unreadable: { article: id, message: 'The brat annotation file is not valid UTF-8.' }, status: 'new' };
  const view = standoffToNative(parseStandoff(content), Array.from(text));
  // Events, normalizations and equivalences have no place in the native model the export reads.
  const unsupported = content.match(/^(E|N|\*)[^\n]*/gm)?.length ?? 0;
  const sourceProblems: ExportProblem[] = [
    ...(unsupported > 0 ? [{ kind: 'source-line' as const, effect: 'omitted' as const, message: `${unsupported} event, normalization or equivalence line(s) (E, N, *) of the .ann file are not exported.` }] : []),
    ...view.unshown.map((line): ExportProblem => ({ kind: 'source-line', effect: 'lost', message: `Line ${line.line} of the .ann file is not exported: ${line.reason}` })),
    ...view.mismatches.map((mismatch): ExportProblem => ({
      kind: 'text-mismatch',
      effect: 'changed',
      annotation: mismatch.id,
      message: `${mismatch.id}'s text in the .ann file is «${mismatch.written}» but the article has «${mismatch.article}»; the article's text is exported.`,
    })),
  ];
  return {
    document: { id, text, annotations: view.annotations, relations: view.relations, ...(sourceProblems.length > 0 ? { sourceProblems } : {}) },
    status: view.annotations.length > 0 ? 'in-progress' : 'new',
  };
}

/** Seeded shuffle (mulberry32 + Fisher–Yates) of article ids into train/dev/test. */
export function splitArticles(ids: readonly string[], split: ExportSplit): Record<SplitPart, string[]> {
  const random = seededRandom(split.seed);
  const shuffled = [...ids];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
  }
  const total = split.ratios.reduce((sum, ratio) => sum + ratio, 0);
  const trainCount = Math.round((shuffled.length * split.ratios[0]) / total);
  const devCount = Math.min(shuffled.length - trainCount, Math.round((shuffled.length * split.ratios[1]) / total));
  const order = new Map(ids.map((id, index) => [id, index]));
  const byCorpusOrder = (part: string[]): string[] => part.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    train: byCorpusOrder(shuffled.slice(0, trainCount)),
    dev: byCorpusOrder(shuffled.slice(trainCount, trainCount + devCount)),
    test: byCorpusOrder(shuffled.slice(trainCount + devCount)),
  };
}

/** A batch of article ids sent to an export worker. */
export interface ExportBatchRequest {
  batch: number;
  ids: string[];
}

export type ExportBatchItem = { kind: 'output'; output: DocumentOutput } | { kind: 'unreadable'; entry: UnreadableArticle } | { kind: 'skipped' };

export interface ExportBatchResult {
  batch: number;
  items: ExportBatchItem[];
}

const BATCH_SIZE = 100;
const MIN_ARTICLES_FOR_WORKERS = 500;

/** The built worker script, beside the entry (out/main/) or one folder up from a shared chunk. */
function findWorkerScript(): URL | null {
  for (const candidate of ['./exportWorker.js', '../exportWorker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Reads and serializes the articles on worker threads, batch by batch, and gives back the
 * items in article order. Rejects when a worker fails (the caller then runs on its own thread).
 */
async function processOnWorkers(
  script: URL,
  workerCount: number,
  ids: readonly string[],
  data: { root: string; formatId: ExportFormatId; serializeOptions: SerializeOptions; statuses: string[] | null },
  onBatch: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<ExportBatchItem[]> {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += BATCH_SIZE) batches.push(ids.slice(start, start + BATCH_SIZE));
  const results: ExportBatchItem[][] = new Array<ExportBatchItem[]>(batches.length);
  const workers: Worker[] = [];
  let nextBatch = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const onAbort = (): void => reject(new ExportCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (worker: Worker): void => {
        if (nextBatch >= batches.length) return;
        const request: ExportBatchRequest = { batch: nextBatch, ids: batches[nextBatch] };
        nextBatch++;
        worker.postMessage(request);
      };
      for (let index = 0; index < workerCount; index++) {
        // No inherited Node flags: a flag such as --input-type would stop the worker's script from loading.
        const worker = new Worker(script, { workerData: data, execArgv: [] });
        workers.push(worker);
        worker.on('message', (result: ExportBatchResult) => {
          results[result.batch] = result.items;
          done += result.items.length;
          finished++;
          onBatch(done);
          if (finished === batches.length) {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          } else {
            feed(worker);
          }
        });
        worker.on('error', (error) => reject(error));
        worker.on('exit', (code) => {
          if (finished < batches.length) reject(new Error(`An export worker stopped (exit code ${code}).`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}

function selectArticleIds(ids: readonly string[], scope: ExportScope | undefined): string[] {
  if (!scope?.articleIds) return [...ids];
  const known = new Set(ids);
  const missing = scope.articleIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw withUserProblem(new ExportInputError(`No such article in the corpus: ${missing.join(', ')}.`), { code: 'exportArticlesMissing', ids: missing.slice(0, 10), more: Math.max(0, missing.length - 10) });
  const wanted = new Set(scope.articleIds);
  return ids.filter((id) => wanted.has(id));
}

/** Decides file mode: `out` names the main file itself. */
function mainFileTarget(out: string, mainExtension: string | null, split: ExportSplit | undefined): boolean {
  return mainExtension !== null && split === undefined && out.toLowerCase().endsWith(mainExtension);
}

function sha256(buffer: Buffer): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(buffer).digest('hex'), bytes: buffer.length };
}

/** Test hook: replaces the file writer (to inject a failing write). */
export const exportFileWriter: { write: (file: string, content: string | Buffer) => Promise<void> } = {
  write: async (file, content) => {
    const handle = await fs.open(file, 'wx');
    try {
      await handle.writeFile(content);
      // Flushed before the export is moved into place, so the swap never exposes empty files after a power cut.
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** Writes the files into the staging folder, 16 at a time, checking for cancellation between files. */
async function writeStagedFiles(
  folder: string,
  queue: readonly { relative: string; content: string | Buffer }[],
  onWritten: (done: number) => void,
  throwIfCancelled: () => void,
): Promise<void> {
  const folders = new Set(queue.map((item) => path.dirname(path.join(folder, item.relative))));
  for (const sub of [...folders].sort()) await fs.mkdir(sub, { recursive: true });
  let next = 0;
  let written = 0;
  let failed = false;
  const writer = async (): Promise<void> => {
    while (next < queue.length && !failed) {
      const item = queue[next++];
      try {
        throwIfCancelled();
        await exportFileWriter.write(path.join(folder, item.relative), item.content);
      } catch (error) {
        failed = true;
        throw error;
      }
      written++;
      if (written % 200 === 0) onWritten(written);
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: 16 }, writer));
  const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
}

function totalsOf(reports: readonly DocumentReport[], unreadable: readonly UnreadableArticle[]): ExportTotals {
  const totals: ExportTotals = { articles: reports.length, annotations: 0, written: 0, lost: 0, changed: 0, omitted: 0, unreadable: unreadable.length };
  for (const report of reports) {
    totals.annotations += report.annotations;
    totals.written += report.written;
    for (const problem of report.problems) totals[problem.effect]++;
  }
  return totals;
}

/** The corpus folder must be a folder that can be read: anything else is the caller's input error. */
async function checkCorpusFolder(root: string): Promise<void> {
  try {
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) throw withUserProblem(new ExportInputError(`${root} is not a folder.`, 'corpus'), { code: 'notAFolder', path: root });
  } catch (error) {
    if (error instanceof ExportInputError) throw error;
    throw new ExportInputError(`Cannot read the corpus folder ${root}: ${(error as Error).message}`, 'corpus');
  }
}

/** Where the export goes: `fileMode` when `out` names the main file itself. Never the corpus folder, nor (for brat) inside it. */
function exportDestination(root: string, formatId: ExportFormatId, mainExtension: string | null, options: ExportCorpusOptions): { fileMode: boolean; outFolder: string } {
  const fileMode = mainFileTarget(options.out, mainExtension, options.split);
  const outFolder = path.resolve(fileMode ? path.dirname(options.out) : options.out);
  const fromRoot = path.relative(path.resolve(root), outFolder);
  const insideCorpus = !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot);
  // brat writes NAME.txt files: inside the corpus they would become articles, or replace them.
  if (fromRoot === '' || (insideCorpus && formatId === 'brat')) {
    throw withUserProblem(new ExportInputError(`Export into a folder outside the corpus (${outFolder} is ${fromRoot === '' ? 'the corpus folder' : 'inside it'}).`), { code: 'exportIntoCorpus', path: outFolder });
  }
  return { fileMode, outFolder };
}

interface SerializedArticles {
  outputs: DocumentOutput[];
  unreadable: UnreadableArticle[];
  workersUsed: number;
}

interface SerializeJob {
  root: string;
  formatId: ExportFormatId;
  ids: readonly string[];
  serializeOptions: SerializeOptions;
  options: ExportCorpusOptions;
  onProgress: ((progress: ExportProgress) => void) | undefined;
  signal: AbortSignal | undefined;
  throwIfCancelled: () => void;
}

/** Reads and serializes the articles, in corpus order: on worker threads when there are many and the workers load, else here. */
async function serializeArticles(job: SerializeJob): Promise<SerializedArticles> {
  const { ids, options, onProgress } = job;
  const total = ids.length;
  const serialized: SerializedArticles = { outputs: [], unreadable: [], workersUsed: 0 };
  onProgress?.({ phase: 'reading', done: 0, total });
  const workerCount = Math.max(0, Math.min(options.workers ?? Math.min(4, os.availableParallelism()), Math.ceil(total / BATCH_SIZE)));
  const script = workerCount > 0 && (options.workers !== undefined || total >= MIN_ARTICLES_FOR_WORKERS) ? findWorkerScript() : null;
  let items: ExportBatchItem[] | null = null;
  if (script) {
    try {
      const statuses = options.scope?.statuses ? [...options.scope.statuses] : null;
      const data = { root: job.root, formatId: job.formatId, serializeOptions: job.serializeOptions, statuses };
      items = await processOnWorkers(script, workerCount, ids, data, (done) => onProgress?.({ phase: 'reading', done, total }), job.signal);
      serialized.workersUsed = workerCount;
    } catch (error) {
      if (error instanceof ExportCancelledError) throw error;
      // A worker could not start or failed (e.g. its script cannot load here): do it on this thread.
    }
  }
  for (const item of items ?? (await serializeOnThisThread(job))) {
    if (item.kind === 'output') serialized.outputs.push(item.output);
    else if (item.kind === 'unreadable') serialized.unreadable.push(item.entry);
  }
  job.throwIfCancelled();
  return serialized;
}

/** serializeArticles on the calling thread, yielding about every 20 ms so that the app's main process keeps answering. */
async function serializeOnThisThread({ root, formatId, ids, serializeOptions, options, onProgress, throwIfCancelled }: SerializeJob): Promise<ExportBatchItem[]> {
  const format = getExportFormat(formatId);
  const statuses = options.scope?.statuses ? new Set(options.scope.statuses) : null;
  const items: ExportBatchItem[] = [];
  let sliceStarted = performance.now();
  for (let index = 0; index < ids.length; index++) {
    const read = readExportDocument(root, ids[index]);
    if (statuses === null || statuses.has(read.status)) {
      if ('unreadable' in read) items.push({ kind: 'unreadable', entry: read.unreadable });
      else items.push({ kind: 'output', output: nameProblemSpans(read.document, format.serializeDocument(read.document, serializeOptions)) });
    }
    if (performance.now() - sliceStarted > 20 || index === ids.length - 1) {
      onProgress?.({ phase: 'reading', done: index + 1, total: ids.length });
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfCancelled();
      sliceStarted = performance.now();
    }
  }
  return items;
}

/** The export's report: totals, what was lost or unreadable, and the articles with something to say. */
function exportReportOf(formatId: ExportFormatId, offsetUnit: string, options: ExportCorpusOptions, { outputs, unreadable }: SerializedArticles): ExportReport {
  const reports = outputs.map((output) => output.report);
  const totals = totalsOf(reports, unreadable);
  return {
    format: formatId,
    options: { scheme: offsetUnit === 'token' ? (options.scheme ?? 'iob2') : null, jsonlVariant: formatId === 'jsonl' ? (options.jsonlVariant ?? 'label') : null, split: options.split ?? null },
    totals,
    lossy: totals.lost > 0 || unreadable.length > 0,
    unreadable,
    documents: reports.filter((documentReport) => documentReport.problems.length > 0),
  };
}

interface PlannedFile {
  file: ExportFile;
  part: SplitPart | null;
  /** For a main file: the articles and the annotations in it. */
  articles?: number;
  annotations?: number;
}

/** The export's files, per split part (or one part holding everything), in corpus order; `fileMode` names the main file `out`. */
function planExportFiles(
  format: FormatSerializer,
  outputs: readonly DocumentOutput[],
  options: ExportCorpusOptions,
  serializeOptions: SerializeOptions,
  fileMode: boolean,
): { files: PlannedFile[]; splitIds: Record<SplitPart, string[]> | null } {
  const parts: { part: SplitPart | null; outputs: DocumentOutput[] }[] = [];
  let splitIds: Record<SplitPart, string[]> | null = null;
  if (options.split) {
    splitIds = splitArticles(outputs.map((output) => output.article), options.split);
    for (const part of SPLIT_PARTS) {
      const members = new Set(splitIds[part]);
      parts.push({ part, outputs: outputs.filter((output) => members.has(output.article)) });
    }
  } else {
    parts.push({ part: null, outputs: [...outputs] });
  }
  const files: PlannedFile[] = [];
  for (const { part, outputs: partOutputs } of parts) {
    const prefix = part ? `${part}/` : '';
    for (const output of partOutputs) for (const file of output.files) files.push({ file: { ...file, path: prefix + file.path }, part });
    for (const file of format.finish(partOutputs, serializeOptions)) {
      const isMain = file.role === 'main';
      const renamed = isMain && fileMode ? path.basename(options.out) : file.path;
      files.push({
        file: { ...file, path: prefix + renamed },
        part,
        ...(isMain ? { articles: partOutputs.length, annotations: partOutputs.reduce((sum, output) => sum + output.report.written, 0) } : {}),
      });
    }
  }
  return { files, splitIds };
}

/** The manifest: every file with its SHA-256 (of `contents`, the files encoded once), by path. */
function manifestOf(report: ExportReport, articles: number, splitIds: Record<SplitPart, string[]> | null, files: readonly PlannedFile[], contents: readonly Buffer[]): ExportManifest {
  return {
    tool: 'hashiye',
    format: report.format,
    options: report.options,
    articles,
    split: splitIds,
    files: files
      .map(({ file, part, articles, annotations }, index) => ({ path: file.path, ...sha256(contents[index]), role: file.role, split: part, ...(articles !== undefined ? { articles, annotations } : {}) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/**
 * Writes the files, the report and the manifest (last) into a staging folder first and moves
 * them into place only when complete: a failed or cancelled export leaves the previous one as
 * it was and nothing partial (exportStaging.ts). Returns the absolute paths written.
 */
async function writeExport(
  destination: { outFolder: string; fileMode: boolean },
  files: readonly PlannedFile[],
  contents: readonly Buffer[],
  report: ExportReport,
  manifest: ExportManifest,
  onProgress: ((progress: ExportProgress) => void) | undefined,
  throwIfCancelled: () => void,
): Promise<string[]> {
  onProgress?.({ phase: 'writing', done: 0, total: files.length });
  const writeQueue: { relative: string; content: string | Buffer }[] = files.map(({ file }, index) => ({ relative: file.path, content: contents[index] }));
  writeQueue.push({ relative: EXPORT_REPORT_FILE, content: `${JSON.stringify(report, null, 2)}\n` });
  writeQueue.push({ relative: EXPORT_MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
  const staging = await beginStagedExport(destination.outFolder, destination.fileMode);
  try {
    await writeStagedFiles(staging.folder, writeQueue, (done) => onProgress?.({ phase: 'writing', done, total: writeQueue.length }), throwIfCancelled);
    throwIfCancelled();
    const relativePaths = writeQueue.map((item) => item.relative);
    await staging.commit(relativePaths, [EXPORT_REPORT_FILE, EXPORT_MANIFEST_FILE]);
    return relativePaths.map((relative) => path.join(staging.destination, relative)).sort();
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/**
 * Exports a corpus (or part of it) to one format: reads every article and its annotation file,
 * serializes each, checks what the format cannot hold, and writes the format's files with
 * `export-report.json` and `manifest.json` (SHA-256 of each file) beside them. The same corpus
 * gives byte-identical files. When labels would be lost and `allowLossy` is not set, nothing
 * is written and the result's report says why.
 */
export async function exportCorpus(
  root: string,
  formatId: ExportFormatId,
  options: ExportCorpusOptions,
  onProgress?: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportCorpusResult> {
  const started = performance.now();
  const format = getExportFormat(formatId);
  const throwIfCancelled = (): void => {
    if (signal?.aborted) throw new ExportCancelledError();
  };
  await checkCorpusFolder(root);
  const destination = exportDestination(root, formatId, format.mainExtension, options);
  onProgress?.({ phase: 'listing', done: 0, total: 0 });
  const ids = selectArticleIds(await listArticleIds(root), options.scope);
  throwIfCancelled();
  const tagSet = (await isBratCorpus(root)) ? await loadBratCorpusTagSet(root) : await loadTagSet(root);
  const types = options.types ?? tagSet.types.map((type) => type.id);
  const serializeOptions: SerializeOptions = { scheme: options.scheme, jsonlVariant: options.jsonlVariant, types };

  const serialized = await serializeArticles({ root, formatId, ids, serializeOptions, options, onProgress, signal, throwIfCancelled });
  const report = exportReportOf(formatId, format.offsetUnit, options, serialized);
  const { files, splitIds } = planExportFiles(format, serialized.outputs, options, serializeOptions, destination.fileMode);
  // Encoded once: hashed for the manifest, then written as is.
  const contents = files.map(({ file }) => Buffer.from(file.content, 'utf8'));
  const manifest = manifestOf(report, serialized.outputs.length, splitIds, files, contents);
  const result: ExportCorpusResult = { format: formatId, outFolder: destination.outFolder, written: false, report, manifest, paths: [], durationMs: 0, workersUsed: serialized.workersUsed };
  if (report.lossy && !options.allowLossy) {
    result.durationMs = performance.now() - started;
    return result;
  }
  throwIfCancelled();
  result.paths = await writeExport(destination, files, contents, report, manifest, onProgress, throwIfCancelled);
  onProgress?.({ phase: 'done', done: ids.length, total: ids.length });
  result.written = true;
  result.durationMs = performance.now() - started;
  return result;
}
