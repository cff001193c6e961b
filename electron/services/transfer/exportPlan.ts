import { createHash } from 'node:crypto';
import path from 'node:path';
import { seededRandom } from '../../../shared/seededRandom';
import { streamOf } from '../storage/orderedFileStream';
import type { DocumentOutput, ExportFile, FormatSerializer, SerializeOptions } from '../../../shared/formats/exportTypes';
import { SPLIT_PARTS, type ExportCorpusOptions, type ExportSplit, type SplitPart } from './exportRequest';
import type { ExportManifest, ExportReport } from './exportReport';

/** Which file holds which article: the train/dev/test split, the files of each part, and their manifest. */
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

/** A file's bytes: whole, or (#25) in pieces written one after the other (a main file of 10,000 articles' chunks, the report's batches), never joined. */
export type FileBytes = Buffer | readonly Uint8Array[];

function sha256(content: FileBytes): { sha256: string; bytes: number } {
  if (Buffer.isBuffer(content)) return { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length };
  // (#25) Pieces already written by a stream were hashed as they were written.
  const streamed = streamOf(content);
  if (streamed !== undefined) return streamed.digest();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const piece of content) {
    hash.update(piece);
    bytes += piece.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export interface PlannedFile {
  file: ExportFile;
  part: SplitPart | null;
  /** For a main file: the articles and the annotations in it. */
  articles?: number;
  annotations?: number;
}

/** The export's files, per split part (or one part holding everything), in corpus order; `fileMode` names the main file `out`. */
export function planExportFiles(
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
export function manifestOf(report: ExportReport, articles: number, splitIds: Record<SplitPart, string[]> | null, files: readonly PlannedFile[], contents: readonly FileBytes[]): ExportManifest {
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

