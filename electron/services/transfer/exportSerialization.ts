import { nameProblemSpans } from '../../../shared/formats/problemSpans';
import { reportBoilerplateCut } from '../../../shared/zones/boilerplateCut';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { defaultExportWorkerCount, EarlyExportWorkers, findWorkerScript, maxExportWorkers, takePrestartedWorkers } from './threads/exportWorkerStart';
import { getExportFormat } from '../../../shared/formats/registry';
import type { DocumentOutput, ExportFormatId, FormatSerializer, SerializeOptions } from '../../../shared/formats/exportTypes';
import { readExportDocument } from './exportArticleReader';
import { exportFolderIndexFor, type ExportFolderIndex } from './exportFolderIndex';
import { ExportCancelledError, type ExportCorpusOptions, type ExportProgress, type UnreadableArticle } from './exportRequest';
import { documentsJsonOf, type DocumentsJson } from './exportReportJson';
import { joinedBytes } from '../../../shared/text/joinedBytes';

/** Reading and serializing the articles of an export (on worker threads for many, else here). A batch of ids sent to a worker: */
export interface ExportBatchRequest {
  batch: number;
  ids: string[];
}

/** (#25) What an export worker is sent: first what the export is (it may be started before that is known), then batches. */
export type ExportWorkerMessage = { setup: ExportWorkerData } | ExportBatchRequest;

export type ExportBatchItem = { kind: 'output'; output: DocumentOutput } | { kind: 'unreadable'; entry: UnreadableArticle } | { kind: 'skipped' };

/** What each export worker is started with (exportWorker.ts). */
export interface ExportWorkerData {
  root: string;
  formatId: ExportFormatId;
  serializeOptions: SerializeOptions;
  statuses: string[] | null;
  /** (#25) The format's main file is its chunks joined: each batch's chunks come back encoded (chunkBytesOf). */
  encodeChunks: boolean;
  /** (#25) The CLI's `--json` answer will hold the report: each batch's reports come indented for it too (DocumentsJson.answerBytes). */
  answerIndented: boolean;
}

/** A batch done: its items, their reports' part of the report file and, with `encodeChunks`, their chunks as UTF-8 bytes in order (the items' chunks then empty). */
export interface ExportBatchResult {
  batch: number;
  items: ExportBatchItem[];
  documentsJson: DocumentsJson;
  chunkBytes: Uint8Array[] | null;
}

const BATCH_SIZE = 100;
/** (#25) The last articles go in batches this small (exportBatchesOf). */
const END_BATCH_SIZE = 25;
const END_ARTICLES = 400;
/** (#25) Batches sent to a worker ahead: with one, a worker sat idle while the calling thread finished a batch of its own (16 % of its time). */
const BATCHES_QUEUED_PER_WORKER = 2;
const MIN_ARTICLES_FOR_WORKERS = 500;

/**
 * One batch of articles read and serialized, in order: what a worker answers and what the
 * calling thread does with the batches it takes. `wanted`: only articles of these statuses.
 */
export function serializeExportBatch(root: string, ids: readonly string[], format: FormatSerializer, serializeOptions: SerializeOptions, wanted: ReadonlySet<string> | null, folders: ExportFolderIndex | undefined): ExportBatchItem[] {
  return ids.map((id): ExportBatchItem => {
    const read = readExportDocument(root, id, folders);
    if (wanted !== null && !wanted.has(read.status)) return { kind: 'skipped' };
    if ('unreadable' in read) return { kind: 'unreadable', entry: read.unreadable };
    return { kind: 'output', output: reportBoilerplateCut(read.document, nameProblemSpans(read.document, format.serializeDocument(read.document, serializeOptions))) };
  });
}

const chunkEncoder = new TextEncoder();

/**
 * (#25) The chunks of `items` as UTF-8, in order, each output's chunk then emptied. A batch's
 * bytes cross from a worker as one copy of them (`transferable`: joined into one buffer of their
 * own, see exportWorker.ts) where its strings were cloned, and the calling thread holds bytes outside the collected heap
 * instead of the whole main file as strings. Chunks that came as bytes (`utf8Chunks`) are kept
 * as they are (on the calling thread, joined once with every batch's at the end); runs of string
 * chunks are joined and encoded once.
 */
export function chunkBytesOf(items: readonly ExportBatchItem[], transferable: boolean): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let joined = '';
  for (const item of items) {
    if (item.kind !== 'output') continue;
    const { output } = item;
    if (output.chunkBytes === undefined) joined += output.chunk;
    else {
      if (joined !== '') parts.push(chunkEncoder.encode(joined));
      joined = '';
      parts.push(output.chunkBytes);
      // Not cloned back with the item.
      delete output.chunkBytes;
    }
    output.chunk = '';
  }
  if (joined !== '' || parts.length === 0) parts.push(chunkEncoder.encode(joined));
  // A chunk may be a view of a buffer that holds others (conllChunkBytes's arena): cloned, it would take them along.
  return transferable && (parts.length > 1 || parts[0].byteLength !== parts[0].buffer.byteLength) ? [joinedBytes(parts)] : parts;
}

/** What a batch's result is made with: the chunks as bytes, the reports indented for the answer too, the bytes to be sent to another thread (on a worker: see chunkBytesOf). */
export interface BatchResultForm {
  encodeChunks: boolean;
  answerIndented: boolean;
  transferable: boolean;
}

/**
 * A batch read and serialized: its reports' JSON and, with `encodeChunks`, the chunks as bytes.
 * (#25) The reports' problems are then in those bytes (and counted there): the items keep their
 * reports without them, so that neither a worker's structured clone nor the calling thread's
 * heap carries 40,000 problems as objects.
 */
export function exportBatchResult(batch: number, items: ExportBatchItem[], form: BatchResultForm): ExportBatchResult {
  const reports = items.flatMap((item) => (item.kind === 'output' ? [item.output.report] : []));
  const documentsJson = documentsJsonOf(reports, form.answerIndented);
  for (const report of reports) report.problems = [];
  return { batch, items, documentsJson, chunkBytes: form.encodeChunks ? chunkBytesOf(items, form.transferable) : null };
}

/** Where the batches go: worker threads, and (`here`, #25) the calling thread between the workers' answers. */
interface BatchRunners {
  script: URL;
  workerCount: number;
  /** Workers already started (EarlyExportWorkers), taken before any new one is. */
  early: EarlyExportWorkers | undefined;
  data: ExportWorkerData;
  here: ((batch: number, ids: readonly string[]) => ExportBatchResult) | null;
}

/** The calling thread's share: a batch at a time while any is left, yielding before each (the workers get their first batches, their answers come in). */
async function takeBatchesHere(here: (batch: number) => ExportBatchResult, next: () => number | null, receive: (result: ExportBatchResult) => boolean): Promise<void> {
  for (;;) {
    await new Promise<void>((resume) => setImmediate(resume));
    const batch = next();
    if (batch === null || !receive(here(batch))) return;
  }
}

/** The items of every batch in order, their reports' JSON, and their chunks' bytes when they were encoded. */
interface BatchOutcome {
  items: ExportBatchItem[];
  documentsJson: DocumentsJson[];
  chunkBytes: Uint8Array[] | null;
}

function batchOutcomeOf(results: readonly ExportBatchResult[], encodeChunks: boolean): BatchOutcome {
  return {
    items: results.flatMap((result) => result.items),
    documentsJson: results.map((result) => result.documentsJson),
    chunkBytes: encodeChunks ? results.flatMap((result) => result.chunkBytes ?? []) : null,
  };
}

/** A worker for the export: one started early when there is one (its failure reported through `fail`), given its setup. */
function setUpWorker(runners: BatchRunners, fail: (error: unknown) => void): Worker {
  const early = runners.early?.take() ?? null;
  // No inherited Node flags: a flag such as --input-type would stop the worker's script from loading.
  const worker = early?.worker ?? new Worker(runners.script, { execArgv: [] });
  if (early !== null && early.failure !== null) fail(early.failure);
  const setup: ExportWorkerMessage = { setup: runners.data };
  worker.postMessage(setup);
  return worker;
}

/**
 * The articles' batches for the workers and the calling thread: BATCH_SIZE articles each, but
 * the last END_ARTICLES in batches of END_BATCH_SIZE. (#25) A worker holds up to
 * BATCHES_QUEUED_PER_WORKER + 1 batches: with full ones, the calling thread, out of batches,
 * waited 40-160 ms for the worker's last ones at the end of a 10,000-article export; small ones
 * end both threads together.
 */
export function exportBatchesOf(ids: readonly string[]): string[][] {
  const batches: string[][] = [];
  const endStart = Math.max(0, ids.length - END_ARTICLES);
  for (let start = 0; start < ids.length; ) {
    const size = start < endStart ? Math.min(BATCH_SIZE, endStart - start) : END_BATCH_SIZE;
    batches.push(ids.slice(start, start + size));
    start += size;
  }
  return batches;
}

/**
 * (#25) Ends the workers without waiting: a worker's isolate is torn down (10-50 ms) on its own
 * core while this thread writes the export, not before; the process ends once it is. Their
 * answers are done with (a late one is not listened to).
 */
function endWorkers(workers: readonly Worker[]): void {
  for (const worker of workers) {
    worker.removeAllListeners('message');
    void worker.terminate();
  }
}

/**
 * Reads and serializes the articles on worker threads, batch by batch, and gives back the
 * items in article order. With `here`, the calling thread takes batches too, yielding between
 * them so that the workers' answers come in: on 2 cores one worker and the calling thread keep
 * both cores busy, where the calling thread used to wait. Rejects when a worker fails (the
 * caller then runs on its own thread).
 */
async function processOnWorkers(runners: BatchRunners, ids: readonly string[], onBatch: (result: ExportBatchResult, done: number) => void, signal: AbortSignal | undefined): Promise<BatchOutcome> {
  const batches = exportBatchesOf(ids);
  const results: ExportBatchResult[] = new Array<ExportBatchResult>(batches.length);
  const workers: Worker[] = [];
  let nextBatch = 0;
  let done = 0;
  let settled = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const fail = (error: unknown): void => {
        settled = true;
        reject(error);
      };
      const onAbort = (): void => fail(new ExportCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      /** Takes a batch's items; true while batches remain to be asked for. */
      const receive = (result: ExportBatchResult): boolean => {
        results[result.batch] = result;
        done += result.items.length;
        finished++;
        onBatch(result, done);
        if (finished === batches.length) {
          signal?.removeEventListener('abort', onAbort);
          settled = true;
          resolve();
        }
        return !settled && nextBatch < batches.length;
      };
      const feed = (worker: Worker): void => {
        if (nextBatch >= batches.length) return;
        const request: ExportBatchRequest = { batch: nextBatch, ids: batches[nextBatch] };
        nextBatch++;
        worker.postMessage(request);
      };
      for (let index = 0; index < runners.workerCount; index++) {
        const worker = setUpWorker(runners, fail);
        workers.push(worker);
        worker.on('message', (result: ExportBatchResult) => {
          if (receive(result)) feed(worker);
        });
        worker.on('error', (error) => fail(error));
        worker.on('exit', (code) => {
          if (finished < batches.length) fail(new Error(`An export worker stopped (exit code ${code}).`));
        });
        // (#25) A batch queued behind the one it works on: its next one is there when it answers, not when the calling thread next reads its messages (after a batch of its own).
        for (let queued = 0; queued < BATCHES_QUEUED_PER_WORKER; queued++) feed(worker);
      }
      const { here } = runners;
      if (here !== null) takeBatchesHere((batch) => here(batch, batches[batch]), () => (settled || nextBatch >= batches.length ? null : nextBatch++), receive).catch(fail);
    });
  } finally {
    endWorkers(workers);
  }
  return batchOutcomeOf(results, runners.data.encodeChunks);
}

export interface SerializedArticles {
  outputs: DocumentOutput[];
  unreadable: UnreadableArticle[];
  workersUsed: number;
  /** (#25) With `encodeChunks`: the outputs' chunks as UTF-8, in pieces to be written one after the other (the outputs' own chunks are then empty). */
  chunkBytes: Uint8Array[] | null;
  /** (#25) The outputs' reports with problems as the report file holds them, batch by batch (exportReportJson.ts). */
  documentsJson: DocumentsJson[];
}

export interface SerializeJob {
  root: string;
  formatId: ExportFormatId;
  ids: readonly string[];
  serializeOptions: SerializeOptions;
  options: ExportCorpusOptions;
  onProgress: ((progress: ExportProgress) => void) | undefined;
  signal: AbortSignal | undefined;
  throwIfCancelled: () => void;
  /** The format's main file is its chunks joined (`mainFileIsChunks`, no split): give them back as bytes. */
  encodeChunks: boolean;
  /** The reports are wanted indented for the CLI's `--json` answer too (ExportCorpusOptions.jsonAnswer). */
  answerIndented: boolean;
  /** Workers started before the listing (startEarlyWorkers): those used are taken, the rest ended. */
  early?: EarlyExportWorkers;
  /** (#25) Each batch as soon as it is done (batches in any order), before the progress it makes. */
  onBatchDone?: (result: ExportBatchResult) => void;
}

/** How many workers an export of `total` articles uses (none below MIN_ARTICLES_FOR_WORKERS unless asked; never more than maxExportWorkers, which the command line refuses). */
function workerCountFor(total: number, workers: number | undefined): number {
  const cores = os.availableParallelism();
  const count = Math.max(0, Math.min(workers ?? defaultExportWorkerCount(cores), maxExportWorkers(cores), Math.ceil(total / BATCH_SIZE)));
  return count > 0 && (workers !== undefined || total >= MIN_ARTICLES_FOR_WORKERS) ? count : 0;
}

/**
 * (#25) Workers started before an export lists its corpus, as many as it could use: none when
 * the articles asked for by id are too few (an app's "this article"), else the count asked or
 * the default (a whole corpus's size is not known yet: one that turns out small ends them).
 */
export function startEarlyWorkers(options: Pick<ExportCorpusOptions, 'workers' | 'scope'>): EarlyExportWorkers {
  const known = options.scope?.articleIds?.length;
  const count = workerCountFor(known ?? Number.MAX_SAFE_INTEGER, options.workers);
  // (#25) Those the command line started before it loaded this code, as many as this export can use.
  const prestarted = takePrestartedWorkers();
  if (prestarted === null) return new EarlyExportWorkers(count);
  void prestarted.endRest(count);
  prestarted.startUpTo(count);
  return prestarted;
}

/** Reads and serializes the articles, in corpus order: on worker threads when there are many and the workers load, else here. */
export async function serializeArticles(job: SerializeJob): Promise<SerializedArticles> {
  const { ids, options, onProgress } = job;
  const total = ids.length;
  const serialized: SerializedArticles = { outputs: [], unreadable: [], workersUsed: 0, chunkBytes: null, documentsJson: [] };
  onProgress?.({ phase: 'reading', done: 0, total });
  const workerCount = workerCountFor(total, options.workers);
  const script = workerCount > 0 ? findWorkerScript() : null;
  // Those started early that this export does not use are ended before it begins.
  await job.early?.endRest(script === null ? 0 : workerCount);
  let outcome: BatchOutcome | null = null;
  if (script) {
    try {
      const statuses = options.scope?.statuses ? [...options.scope.statuses] : null;
      const data: ExportWorkerData = { root: job.root, formatId: job.formatId, serializeOptions: job.serializeOptions, statuses, encodeChunks: job.encodeChunks, answerIndented: job.answerIndented };
      const wanted = statuses === null ? null : new Set<string>(statuses);
      const folders = exportFolderIndexFor(job.root);
      const format = getExportFormat(job.formatId);
      const form: BatchResultForm = { encodeChunks: job.encodeChunks, answerIndented: job.answerIndented, transferable: false };
      const here = (batch: number, batchIds: readonly string[]): ExportBatchResult => exportBatchResult(batch, serializeExportBatch(job.root, batchIds, format, job.serializeOptions, wanted, folders), form);
      const runners: BatchRunners = { script, workerCount, early: job.early, data, here };
      const onBatch = (result: ExportBatchResult, done: number): void => {
        job.onBatchDone?.(result);
        onProgress?.({ phase: 'reading', done, total });
      };
      outcome = await processOnWorkers(runners, ids, onBatch, job.signal);
      serialized.workersUsed = workerCount;
    } catch (error) {
      if (error instanceof ExportCancelledError) throw error;
      // A worker could not start or failed (e.g. its script cannot load here): do it on this thread.
    }
  }
  outcome ??= await serializeOnThisThread(job);
  for (const item of outcome.items) {
    if (item.kind === 'output') serialized.outputs.push(item.output);
    else if (item.kind === 'unreadable') serialized.unreadable.push(item.entry);
  }
  // (#25) Not joined: written piece by piece and hashed the same way (one 42 MB copy less).
  serialized.chunkBytes = outcome.chunkBytes;
  serialized.documentsJson = outcome.documentsJson;
  job.throwIfCancelled();
  return serialized;
}

/** serializeArticles on the calling thread, yielding about every 20 ms so that the app's main process keeps answering. */
async function serializeOnThisThread({ root, formatId, ids, serializeOptions, options, onProgress, throwIfCancelled, encodeChunks, answerIndented, onBatchDone }: SerializeJob): Promise<BatchOutcome> {
  const format = getExportFormat(formatId);
  const statuses = options.scope?.statuses ? new Set<string>(options.scope.statuses) : null;
  const items: ExportBatchItem[] = [];
  const batches: ExportBatchResult[] = [];
  let batchedUpTo = 0;
  const folders = exportFolderIndexFor(root);
  let sliceStarted = performance.now();
  for (let index = 0; index < ids.length; index++) {
    items.push(...serializeExportBatch(root, [ids[index]], format, serializeOptions, statuses, folders));
    // (#25) Encoded a batch at a time, as the workers do, so that the strings do not pile up.
    if (items.length - batchedUpTo >= BATCH_SIZE || index === ids.length - 1) {
      batches.push(exportBatchResult(batches.length, items.slice(batchedUpTo), { encodeChunks, answerIndented, transferable: false }));
      onBatchDone?.(batches[batches.length - 1]);
      batchedUpTo = items.length;
    }
    if (performance.now() - sliceStarted > 20 || index === ids.length - 1) {
      onProgress?.({ phase: 'reading', done: index + 1, total: ids.length });
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfCancelled();
      sliceStarted = performance.now();
    }
  }
  return { ...batchOutcomeOf(batches, encodeChunks), items };
}
