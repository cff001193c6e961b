import { parentPort, workerData } from 'node:worker_threads';
import { getExportFormat } from '../../../shared/formats/registry';
import { exportBatchResult, serializeExportBatch, transferablesOf, type ExportBatchRequest, type ExportWorkerData } from './exportSerialization';
import { exportFolderIndexFor } from './exportFolderIndex';

/**
 * Worker thread of exportCorpus: reads, validates and serializes batches of articles, so that
 * an export uses every core. Built to out/main/exportWorker.js beside the CLI and the main
 * process; the results come back in the order asked and are assembled by the caller.
 */
const { root, formatId, serializeOptions, statuses, encodeChunks, answerIndented } = workerData as ExportWorkerData;
const format = getExportFormat(formatId);
const wanted = statuses === null ? null : new Set(statuses);
const folders = exportFolderIndexFor(root);

parentPort?.on('message', (request: ExportBatchRequest) => {
  const result = exportBatchResult(request.batch, serializeExportBatch(root, request.ids, format, serializeOptions, wanted, folders), { encodeChunks, answerIndented, transferable: true });
  // The bytes are moved, not copied (#25).
  parentPort?.postMessage(result, transferablesOf(result));
});
