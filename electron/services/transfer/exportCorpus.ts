import { EXCEL_BOM } from '../../../shared/formats/csv';
import path from 'node:path';
import { boilerplateCutOf } from '../../../shared/zones/boilerplateCut';
import { promises as fs } from 'node:fs';
import { withUserProblem } from '../problems/userProblems';
import { getExportFormat } from '../../../shared/formats/registry';
import type { ExportDimension, ExportFormatId, SerializeOptions } from '../../../shared/formats/exportTypes';
import { walkCorpus } from '../corpus/articleFiles';
import { loadBratCorpusTagSet } from '../brat/bratStore';
import { loadTagSet } from '../tagset/tagSetLoader';
import { readBratConfigurations } from '../brat/bratConfigurations';
import { beginStagedExport, type StagedExport } from './exportStaging';
import { OrderedFileStream, streamOf, writePiecesAt } from '../storage/orderedFileStream';
import { ExportCancelledError, ExportInputError, type ExportCorpusOptions, type ExportProgress, type ExportScope, type ExportSplit } from './exportRequest';
import { EXPORT_MANIFEST_FILE, EXPORT_REPORT_FILE, exportReportOf, documentFieldsOf, type ExportCorpusResult, type ExportManifest, type ExportReport } from './exportReport';
import { manifestOf, planExportFiles, type FileBytes, type PlannedFile } from './exportPlan';
import { serializeArticles, startEarlyWorkers, type ExportBatchResult } from './exportSerialization';
import type { EarlyExportWorkers } from './threads/exportWorkerStart';
import { documentsFromBatches, effectsOf, reportFilePieces } from './exportReportJson';
import { readExportRegistry, registryFileFor, withExportEntities } from './exportEntities';

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

/** Test hook: replaces the file writer (to inject a failing write). */
export const exportFileWriter: { write: (file: string, content: string | FileBytes) => Promise<void> } = {
  write: async (file, content) => {
    const streamed = typeof content === 'string' || Buffer.isBuffer(content) ? undefined : streamOf(content);
    if (streamed !== undefined) {
      // (#25) Written while the batches came (openEarlyStaging): flushed, then given its name.
      await streamed.finish();
      await fs.rename(streamed.file, file);
      return;
    }
    const handle = await fs.open(file, 'wx');
    try {
      if (typeof content === 'string' || Buffer.isBuffer(content)) await handle.writeFile(content);
      else await writePiecesAt(handle, content, 0);
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
  queue: readonly { relative: string; content: string | FileBytes }[],
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

/** (#25) The staging folder begun before the articles are read, and the main file being written into it. */
interface EarlyStaging {
  staging: StagedExport;
  stream: OrderedFileStream;
}

/** The main file's name in the staging folder while it is written (no format writes a dot file); it gets its own when the export is written. */
const STREAMED_MAIN_FILE = '.main-file.hashiye-export-stream';

/**
 * (#25) For a main file that is the chunks joined: the export's staging folder begun before the
 * articles are read, with the main file open in it, so that each batch's chunks are written and
 * hashed as the batches come (in order) and little is left to write and flush after the last
 * one. Null when that cannot be done now: the files are then staged after the last batch, as
 * before, which meets the same problem (a destination that cannot be written) at the same step.
 */
async function openEarlyStaging(destination: { outFolder: string; fileMode: boolean }): Promise<EarlyStaging | null> {
  let staging: StagedExport;
  try {
    staging = await beginStagedExport(destination.outFolder, destination.fileMode);
  } catch {
    return null;
  }
  try {
    return { staging, stream: await OrderedFileStream.create(path.join(staging.folder, STREAMED_MAIN_FILE)) };
  } catch {
    await staging.discard();
    return null;
  }
}

/** The main file's pieces are the streamed file when it holds exactly them; else (a worker failed and the batches were made again) it is removed, and they are written whole. */
async function adoptStreamedMainFile({ stream }: EarlyStaging, chunkBytes: readonly Uint8Array[] | null): Promise<void> {
  if (chunkBytes !== null && stream.adopt(chunkBytes)) return;
  await stream.abandon();
  await fs.rm(stream.file, { force: true });
}

/** Nothing of the export is kept: the main file closed, the staging folder removed. */
async function discardEarlyStaging({ staging, stream }: EarlyStaging): Promise<void> {
  await stream.abandon();
  await staging.discard();
}

/**
 * Writes the files, the report and the manifest (last) into a staging folder first and moves
 * them into place only when complete: a failed or cancelled export leaves the previous one as
 * it was and nothing partial (exportStaging.ts). Returns the absolute paths written.
 */
async function writeExport(
  where: { destination: { outFolder: string; fileMode: boolean }; staging: StagedExport | null },
  { files, contents, report, manifest }: { files: readonly PlannedFile[]; contents: readonly FileBytes[]; report: ExportReport; manifest: ExportManifest },
  onProgress: ((progress: ExportProgress) => void) | undefined,
  throwIfCancelled: () => void,
): Promise<string[]> {
  onProgress?.({ phase: 'writing', done: 0, total: files.length });
  const writeQueue: { relative: string; content: string | FileBytes }[] = files.map(({ file }, index) => ({ relative: file.path, content: contents[index] }));
  writeQueue.push({ relative: EXPORT_REPORT_FILE, content: reportFilePieces(report) });
  writeQueue.push({ relative: EXPORT_MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
  const staging = where.staging ?? (await beginStagedExport(where.destination.outFolder, where.destination.fileMode));
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
  // (#25) Started first: the workers load the export's code while the corpus is listed.
  const early = startEarlyWorkers(options);
  try {
    return await exportListedCorpus({ root, formatId, options, onProgress, signal, throwIfCancelled, started, destination, early });
  } finally {
    await early.endRest();
  }
}

/** What exportCorpus has checked and started before it lists the corpus. */
interface ExportStart {
  root: string;
  formatId: ExportFormatId;
  options: ExportCorpusOptions;
  onProgress: ((progress: ExportProgress) => void) | undefined;
  signal: AbortSignal | undefined;
  throwIfCancelled: () => void;
  started: number;
  destination: { fileMode: boolean; outFolder: string };
  early: EarlyExportWorkers;
}

/** exportCorpus once the corpus folder and the destination are checked and the workers started. */
async function exportListedCorpus(start: ExportStart): Promise<ExportCorpusResult> {
  const { root, formatId, options, onProgress, throwIfCancelled } = start;
  onProgress?.({ phase: 'listing', done: 0, total: 0 });
  // (#25) One walk of the corpus's folders gives the articles and whether it is a brat corpus (as isBratCorpus would find).
  const listed = await walkCorpus(root);
  options.onListed?.(listed);
  const ids = selectArticleIds(listed.ids, options.scope);
  throwIfCancelled();
  const bratCorpus = listed.brat;
  const tagSet = bratCorpus ? await loadBratCorpusTagSet(root) : await loadTagSet(root);
  const types = options.types ?? tagSet.types.map((type) => type.id);
  // (#21) The declared dimensions: Hugging Face's ClassLabels, Label Studio's choices, the columns' order.
  const dimensions = (tagSet.dimensions ?? []).map((dimension) => ({ id: dimension.id, kind: dimension.kind, values: dimension.values.map((value) => value.id) }));
  // (#24) The registry's entities name each link (QID, name) in every format.
  const registry = await readExportRegistry(root);
  const serializeOptions: SerializeOptions = withExportEntities({ scheme: options.scheme, jsonlVariant: options.jsonlVariant, types, dimensions }, registry);
  // brat to brat: each folder's annotation.conf is written back where it was (DESIGN.md's fixed contract).
  // One that cannot be read as it is (not UTF-8): placing the others without it could give its articles a parent's; one made-up file instead.
  if (bratCorpus && formatId === 'brat') {
    const read = await readBratConfigurations(root);
    if (read.unreadable.length === 0) serializeOptions.bratConfigurations = read.configurations;
  }

  return exportArticles(start, { ids, serializeOptions, registry, dimensions });
}

/** What the articles are exported with, once the corpus is listed and its tag set and registry read. */
interface ExportInputs {
  ids: string[];
  serializeOptions: SerializeOptions;
  registry: Awaited<ReturnType<typeof readExportRegistry>>;
  dimensions: ExportDimension[];
}

/** exportCorpus's articles read and serialized, the report and manifest made, and the files written (unless labels would be lost). */
async function exportArticles(start: ExportStart, { ids, serializeOptions, registry, dimensions }: ExportInputs): Promise<ExportCorpusResult> {
  const { root, formatId, options, onProgress, signal, throwIfCancelled, started, destination, early } = start;
  const format = getExportFormat(formatId);
  // (#25) A main file that is the chunks joined comes back as bytes, encoded batch by batch where they were made (CoNLL writes its chunks as bytes).
  const encodeChunks = format.mainFileIsChunks === true && options.split === undefined;
  if (encodeChunks) serializeOptions.utf8Chunks = true;
  const staged = encodeChunks ? await openEarlyStaging(destination) : null;
  try {
    const onBatchDone = staged && ((batch: ExportBatchResult) => batch.chunkBytes !== null && staged.stream.add(batch.batch, batch.chunkBytes));
    const serialized = await serializeArticles({ root, formatId, ids, serializeOptions, options, onProgress, signal, throwIfCancelled, encodeChunks, answerIndented: options.jsonAnswer === true, early, onBatchDone: onBatchDone ?? undefined });
    if (staged) await adoptStreamedMainFile(staged, serialized.chunkBytes);
    // (#25) The problems were counted and written as JSON where their batches were made: the report holds their bytes.
    const report = documentsFromBatches(exportReportOf(formatId, format.offsetUnit, options, serialized, effectsOf(serialized.documentsJson)), serialized.documentsJson);
    const planned = planExportFiles(format, serialized.outputs, options, serializeOptions, destination.fileMode);
    const files = [...planned.files, ...registryFileFor(formatId, registry)];
    // Encoded once: hashed for the manifest, then written as is.
    const contents = files.map(({ file }): FileBytes => {
      if (file.role === 'main' && serialized.chunkBytes !== null) return serialized.chunkBytes;
      return Buffer.from(options.excel && file.path.endsWith('.csv') ? EXCEL_BOM + file.content : file.content, 'utf8');
    });
    // (#21) The manifest names the boilerplate cut from each article.
    const manifest = { ...manifestOf(report, serialized.outputs.length, planned.splitIds, files, contents), ...boilerplateCutOf(serialized.outputs.map((output) => output.report)), ...documentFieldsOf(formatId, serialized.outputs, dimensions) };
    const result: ExportCorpusResult = { format: formatId, outFolder: destination.outFolder, written: false, report, manifest, paths: [], durationMs: 0, workersUsed: serialized.workersUsed };
    if (report.lossy && !options.allowLossy) {
      if (staged) await discardEarlyStaging(staged);
      result.durationMs = performance.now() - started;
      return result;
    }
    throwIfCancelled();
    result.paths = await writeExport({ destination, staging: staged?.staging ?? null }, { files, contents, report, manifest }, onProgress, throwIfCancelled);
    onProgress?.({ phase: 'done', done: ids.length, total: ids.length });
    result.written = true;
    result.durationMs = performance.now() - started;
    return result;
  } catch (error) {
    if (staged) await discardEarlyStaging(staged);
    throw error;
  }
}
