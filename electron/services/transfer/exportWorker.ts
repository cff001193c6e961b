import { parentPort } from 'node:worker_threads';
import { getExportFormat } from '../../../shared/formats/registry';
import type { FormatSerializer } from '../../../shared/formats/exportTypes';
import { exportBatchResult, serializeExportBatch, type ExportWorkerData, type ExportWorkerMessage } from './exportSerialization';
import { exportFolderIndexFor, type ExportFolderIndex } from './exportFolderIndex';

// Worker thread of exportCorpus: reads, validates and serializes batches of articles, so that
// an export uses every core. Built to out/main/exportWorker.js beside the CLI and the main
// process; the results come back in the order asked and are assembled by the caller.

/** The export this worker serves, as its setup message says, with what its batches reuse. */
interface WorkerJob extends ExportWorkerData {
  format: FormatSerializer;
  wanted: ReadonlySet<string> | null;
  folders: ExportFolderIndex | undefined;
}

// (#25) What the export is comes in the first message: the worker may be started (and load this code) before the corpus is listed.
let job: WorkerJob | null = null;

parentPort?.on('message', (message: ExportWorkerMessage) => {
  if ('setup' in message) {
    const { setup } = message;
    job = { ...setup, format: getExportFormat(setup.formatId), wanted: setup.statuses === null ? null : new Set(setup.statuses), folders: exportFolderIndexFor(setup.root) };
    return;
  }
  if (job === null) throw new Error('An export worker was sent a batch before what the export is.');
  const { root, format, serializeOptions, wanted, folders, encodeChunks, answerIndented } = job;
  const result = exportBatchResult(message.batch, serializeExportBatch(root, message.ids, format, serializeOptions, wanted, folders), { encodeChunks, answerIndented, transferable: true });
  // (#25) Copied by the structured clone, not moved with a transfer list: moving an ArrayBuffer
  // detaches it, and the first detach in an isolate invalidates V8's ArrayBufferDetaching
  // protector: every optimized function that reads or writes a typed array (the tokenizer's
  // class table, the CoNLL and report byte writers, the token tables) is thrown away and
  // compiled again with a detach check on each access, for the rest of the export. Copying a
  // batch's bytes (about 1 MB) costs far less.
  parentPort?.postMessage(result);
});
