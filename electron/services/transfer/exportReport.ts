import type { DocumentOutput, DocumentReport, ExportFile, ExportFormatId, ProblemEffect } from '../../../shared/formats/exportTypes';
import { DOCUMENT_FIELDS_PLACE, undeclaredDimensions } from '../../../shared/formats/documentFields/documentColumns';
import type { ExportDimension } from '../../../shared/formats/exportTypes';
import type { ExportCorpusOptions, ExportSplit, SplitPart, UnreadableArticle } from './exportRequest';

/** What an export answers: `export-report.json`, `manifest.json` and the result the caller gets. */
export const EXPORT_REPORT_FILE = 'export-report.json';
export const EXPORT_MANIFEST_FILE = 'manifest.json';

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
  /** (#21) Boilerplate cut from articles' text before export, in each original text's code points. */
  boilerplateCut?: { article: string; ranges: { start: number; end: number }[]; unit: 'codepoint' }[];
  /**
   * (#21) Where the format put the articles' metadata and document labels (null: it has no place
   * for them, they are not in the export), how many articles had each, and the dimensions found
   * in the files that the tag set does not declare (exported as they are).
   */
  documentFields?: {
    metadata: { place: string | null; articles: number };
    documentLabels: { place: string | null; articles: number; undeclaredDimensions: string[] };
  };
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

/** How many problems of each effect some reports hold. */
export type EffectCounts = Record<ProblemEffect, number>;

function totalsOf(reports: readonly DocumentReport[], unreadable: readonly UnreadableArticle[], effects: EffectCounts | undefined): ExportTotals {
  const totals: ExportTotals = { articles: reports.length, annotations: 0, written: 0, lost: 0, changed: 0, omitted: 0, unreadable: unreadable.length };
  for (const report of reports) {
    totals.annotations += report.annotations;
    totals.written += report.written;
    if (effects === undefined) for (const problem of report.problems) totals[problem.effect]++;
  }
  if (effects !== undefined) for (const effect of ['lost', 'changed', 'omitted'] as const) totals[effect] = effects[effect];
  return totals;
}

/**
 * The export's report: totals, what was lost or unreadable, and the articles with something to
 * say. (#25) With `effects`, the outputs' problems were counted (and their reports' JSON written)
 * where their batches were made: the totals take those counts and the report lists no documents
 * until it is given them (exportReportJson.documentsFromBatches).
 */
export function exportReportOf(formatId: ExportFormatId, offsetUnit: string, options: ExportCorpusOptions, { outputs, unreadable }: { outputs: readonly DocumentOutput[]; unreadable: UnreadableArticle[] }, effects?: EffectCounts): ExportReport {
  const reports = outputs.map((output) => output.report);
  const totals = totalsOf(reports, unreadable, effects);
  return {
    format: formatId,
    options: { scheme: offsetUnit === 'token' ? (options.scheme ?? 'iob2') : null, jsonlVariant: formatId === 'jsonl' ? (options.jsonlVariant ?? 'label') : null, split: options.split ?? null },
    totals,
    lossy: totals.lost > 0 || unreadable.length > 0,
    unreadable,
    documents: effects === undefined ? reports.filter((documentReport) => documentReport.problems.length > 0) : [],
  };
}

/** (#21) The manifest's `documentFields`: where the format put metadata and labels, and what it found. */
export function documentFieldsOf(formatId: ExportFormatId, outputs: readonly DocumentOutput[], dimensions: readonly ExportDimension[]): Required<Pick<ExportManifest, 'documentFields'>> {
  const place = DOCUMENT_FIELDS_PLACE[formatId];
  const undeclared = new Set(outputs.flatMap((output) => undeclaredDimensions(output.documentLabels, dimensions)));
  return {
    documentFields: {
      metadata: { place: place.metadata, articles: outputs.filter((output) => output.metadata).length },
      documentLabels: { place: place.documentLabels, articles: outputs.filter((output) => output.documentLabels).length, undeclaredDimensions: [...undeclared].sort() },
    },
  };
}
