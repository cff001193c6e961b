import path from 'node:path';
import type { ArticleStatus } from '../../../shared/model/status';
import type { ImportProblem } from '../../../shared/formats/import/importTypes';
import type {
  ExportFinished,
  ExportProgressWire,
  ExportRunRequestSchema,
  ExportRunResult,
  ImportFinished,
  ImportProblemWire,
  ImportProgressWire,
  ImportRunRequest,
} from '../../../shared/transferWire';
import type { z } from 'zod';
import type { UserProblem } from '../../../shared/userProblem';
import { articlePathIn, PathOutsideCorpusError, type ConfinedArticle } from '../corpus/corpusPaths';
import { EXPORT_MANIFEST_FILE, EXPORT_REPORT_FILE } from './exportReport';
import { ExportCancelledError, type ExportCorpusOptions, type ExportScope } from './exportRequest';
import { exportCorpus } from './exportCorpus';
import { importCorpus, type ImportOptions } from './importCorpus';

/** Statuses the dialog's "articles marked done" takes: done, and done then approved in review. */
export const DONE_STATUSES: readonly ArticleStatus[] = ['done', 'approved'];

/** How much of a report crosses IPC; the full report is in export-report.json or the summary's totals. */
export interface TransferListLimits {
  documents: number;
  files: number;
  problems: number;
}

/** An export request as the dispatcher hands it over: the one article already confined to the corpus. */
export type ExportJobRequest = Omit<z.output<typeof ExportRunRequestSchema>, 'articleId'> & { articleId?: ConfinedArticle };

const DEFAULT_LIMITS: TransferListLimits = { documents: 500, files: 200, problems: 1000 };
/** Progress events at most this often (plus the first and every change of phase). */
const PROGRESS_INTERVAL_MS = 50;

export class TransferBusyError extends Error {
  /** What the window shows (shared/ipc.ts). */
  readonly userProblem: UserProblem;
  constructor(kind: 'export' | 'import') {
    super(`An ${kind} is already running; wait for it or cancel it.`);
    this.name = 'TransferBusyError';
    this.userProblem = { code: 'transferBusy', job: kind };
  }
}

/** Passes the first call, every change of `key`, and then at most one call per interval. */
function throttle<T>(emit: (value: T) => void, key: (value: T) => string, intervalMs: number): (value: T) => void {
  let lastKey: string | null = null;
  let lastTime = 0;
  return (value) => {
    const now = performance.now();
    const currentKey = key(value);
    if (currentKey !== lastKey || now - lastTime >= intervalMs) {
      lastKey = currentKey;
      lastTime = now;
      emit(value);
    }
  };
}

/**
 * The app's export and import jobs: at most one of each at a time, each cancellable from the
 * window. Runs the engines (exportCorpus, importCorpus) and turns their results into what the
 * dialogs show; remembers the corpus the last import wrote, so that main can open it without
 * the renderer ever naming a path.
 */
export class TransferJobs {
  private exportAbort: AbortController | null = null;
  private importAbort: AbortController | null = null;
  private lastImported: string | null = null;

  constructor(private readonly limits: TransferListLimits = DEFAULT_LIMITS) {}

  get exportRunning(): boolean {
    return this.exportAbort !== null;
  }

  get importRunning(): boolean {
    return this.importAbort !== null;
  }

  /** The corpus folder the last import that wrote something created; null before that. */
  get lastImportedCorpus(): string | null {
    return this.lastImported;
  }

  /**
   * Exports the corpus at `root` into `outFolder`. Resolves to the summary, or to a cancelled
   * outcome when `cancelExport` was called before the files were written.
   */
  async runExport(root: string, request: ExportJobRequest, outFolder: string, onProgress: (progress: ExportProgressWire) => void): Promise<ExportRunResult> {
    if (this.exportAbort) throw new TransferBusyError('export');
    let scope: ExportScope | undefined;
    if (request.scope === 'article') {
      // Confined to this corpus like every id from the window, though the engine only uses it as a filter.
      if (request.articleId === undefined) throw new PathOutsideCorpusError('', 'an export of one article names it');
      articlePathIn(root, request.articleId);
      scope = { articleIds: [request.articleId.id] };
    } else if (request.scope === 'done') {
      scope = { statuses: DONE_STATUSES };
    }
    const options: ExportCorpusOptions = {
      out: outFolder,
      scope,
      scheme: request.scheme,
      jsonlVariant: request.jsonlVariant,
      allowLossy: request.allowLossy,
      excel: request.excel,
    };
    const abort = new AbortController();
    this.exportAbort = abort;
    try {
      const progress = throttle(onProgress, (value: ExportProgressWire) => value.phase, PROGRESS_INTERVAL_MS);
      const result = await exportCorpus(root, request.format, options, (value) => progress({ phase: value.phase, done: value.done, total: value.total }), abort.signal);
      const bytesByPath = new Map(result.manifest.files.map((file) => [file.path, { bytes: file.bytes, role: file.role }]));
      const relativePaths = result.paths.map((file) => path.relative(result.outFolder, file).split(path.sep).join('/'));
      const files = relativePaths.slice(0, this.limits.files).map((relative): ExportFinished['files'][number] => {
        const known = bytesByPath.get(relative);
        if (known) return { path: relative, bytes: known.bytes, role: known.role };
        const role = relative === EXPORT_REPORT_FILE ? 'report' : relative === EXPORT_MANIFEST_FILE ? 'manifest' : 'document';
        return { path: relative, bytes: 0, role };
      });
      return {
        outcome: 'finished',
        format: result.format,
        written: result.written,
        outFolder: result.outFolder,
        files,
        filesTotal: relativePaths.length,
        totals: result.report.totals,
        lossy: result.report.lossy,
        unreadable: result.report.unreadable.slice(0, this.limits.documents),
        documents: result.report.documents.slice(0, this.limits.documents),
        documentsTotal: result.report.documents.length,
        durationMs: result.durationMs,
      };
    } catch (error) {
      if (error instanceof ExportCancelledError) return { outcome: 'cancelled', cancelled: true };
      throw error;
    } finally {
      this.exportAbort = null;
    }
  }

  /** Asks the running export to stop; false when none runs. */
  cancelExport(): boolean {
    if (!this.exportAbort) return false;
    this.exportAbort.abort();
    return true;
  }

  /**
   * Imports `source` (a file or a folder) into the new corpus folder `target`. Cancelling
   * keeps the articles written so far, each whole (text and annotation file).
   */
  async runImport(source: string, target: string, request: ImportRunRequest, onProgress: (progress: ImportProgressWire) => void): Promise<ImportFinished> {
    if (this.importAbort) throw new TransferBusyError('import');
    const options: ImportOptions = {
      from: request.from,
      out: target,
      sentencesPerArticle: request.sentencesPerArticle,
      separator: request.separator,
      scheme: request.scheme,
    };
    const abort = new AbortController();
    this.importAbort = abort;
    const started = performance.now();
    const shown = displayNamer(source);
    try {
      const progress = throttle(onProgress, (value: ImportProgressWire) => `${value.phase} ${value.filesDone}`, PROGRESS_INTERVAL_MS);
      const summary = await importCorpus(
        source,
        options,
        (value) => progress({ phase: value.phase, file: shown(value.file), filesDone: value.filesDone, filesTotal: value.filesTotal, articlesWritten: value.articlesWritten, fraction: value.fraction }),
        abort.signal,
      );
      if (summary.articles > 0) this.lastImported = path.resolve(summary.out);
      const problems = (list: readonly ImportProblem[]): ImportProblemWire[] => list.slice(0, this.limits.problems).map((problem) => ({ file: shown(problem.file), line: problem.line, reason: problem.reason, ...(problem.why ? { why: problem.why } : {}) }));
      return {
        outcome: 'imported',
        out: path.resolve(summary.out),
        articles: summary.articles,
        annotations: summary.annotations,
        skipped: problems(summary.skipped),
        skippedTotal: summary.skipped.length,
        warnings: problems(summary.warnings),
        warningsTotal: summary.warnings.length,
        detected: summary.detected.map((layout) => ({ file: shown(layout.file), ...(layout.separator ? { separator: layout.separator } : {}), ...(layout.scheme ? { scheme: layout.scheme } : {}) })),
        cancelled: summary.cancelled,
        durationMs: performance.now() - started,
      };
    } finally {
      this.importAbort = null;
    }
  }

  /** Asks the running import to stop after the article being written; false when none runs. */
  cancelImport(): boolean {
    if (!this.importAbort) return false;
    this.importAbort.abort();
    return true;
  }
}

/**
 * Names source files as the user knows them: relative to the chosen folder, or the file's own
 * name when one file was chosen. Needs no disk access: a path equal to the source is the file.
 */
function displayNamer(source: string): (file: string) => string {
  const resolved = path.resolve(source);
  return (file) => {
    const absolute = path.resolve(file);
    if (absolute === resolved) return path.basename(absolute);
    const relative = path.relative(resolved, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(absolute);
    return relative.split(path.sep).join('/');
  };
}
