import { parentPort, workerData } from 'node:worker_threads';
import { reportBoilerplateCut } from '../../../shared/zones/boilerplateCut';
import type { ExportFormatId, SerializeOptions } from '../../../shared/formats/exportTypes';
import { getExportFormat } from '../../../shared/formats/registry';
import { readExportDocument } from './exportArticleReader';
import { exportFolderIndexFor } from './exportFolderIndex';
import type { ExportBatchItem, ExportBatchRequest, ExportBatchResult } from './exportSerialization';
import { nameProblemSpans } from '../../../shared/formats/problemSpans';

/**
 * Worker thread of exportCorpus: reads, validates and serializes batches of articles, so that
 * an export uses every core. Built to out/main/exportWorker.js beside the CLI and the main
 * process; the results come back in the order asked and are assembled by the caller.
 */
export interface ExportWorkerData {
  root: string;
  formatId: ExportFormatId;
  serializeOptions: SerializeOptions;
  statuses: string[] | null;
}

const { root, formatId, serializeOptions, statuses } = workerData as ExportWorkerData;
const format = getExportFormat(formatId);
const wanted = statuses === null ? null : new Set(statuses);
const folders = exportFolderIndexFor(root);

parentPort?.on('message', (request: ExportBatchRequest) => {
  const items: ExportBatchItem[] = request.ids.map((id): ExportBatchItem => {
    const read = readExportDocument(root, id, folders);
    if (wanted !== null && !wanted.has(read.status)) return { kind: 'skipped' };
    if ('unreadable' in read) return { kind: 'unreadable', entry: read.unreadable };
    return { kind: 'output', output: reportBoilerplateCut(read.document, nameProblemSpans(read.document, format.serializeDocument(read.document, serializeOptions))) };
  });
  const result: ExportBatchResult = { batch: request.batch, items };
  parentPort?.postMessage(result);
});
