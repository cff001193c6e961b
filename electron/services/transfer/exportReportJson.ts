import type { DocumentReport } from '../../../shared/formats/exportTypes';
import { listJsonBytesAndLines } from '../../../shared/text/jsonBytes';
import type { EffectCounts, ExportReport } from './exportReport';

/**
 * (#25) `export-report.json` as bytes, made once per report and mostly where the articles are
 * serialized. A 10,000-article CoNLL export reports about 42,000 overlaps (26 MB): stringifying
 * and encoding them cost about half a second of CPU after the last article, and as much again
 * for the CLI's `--json` answer. Now each batch's reports are stringified where the batch is made
 * (on the export's worker threads), the calling thread joins the bytes, and the `--json` answer,
 * which holds the same report one level deeper, reuses them indented. The bytes are exactly
 * `${JSON.stringify(report, null, 2)}\n`, the answer exactly `${JSON.stringify(answer, null, 2)}\n`
 * (exportReportJson.test.ts).
 */

/** A batch's reports with problems, as their place in the report's file holds them, and how many. */
export interface DocumentsJson {
  count: number;
  bytes: Uint8Array<ArrayBuffer>;
  /**
   * The same one level deeper, as the CLI's `--json` answer holds them, when asked for
   * (`documentsJsonOf(reports, true)`): indented where the batch is made, on the export's
   * worker threads, instead of the whole 26 MB on the calling thread after the last article.
   */
  answerBytes?: Uint8Array<ArrayBuffer>;
  /** (#25) The problems of the batch's reports by effect (all reports, with problems or not). */
  effects: EffectCounts;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
/** A report's documents sit two levels deep in its file: in `documents`, in the report. */
const DOCUMENT_DEPTH = 2;
/** Stands for a part of an answer's text; it holds a NUL, which no path, id or message does. */
const PLACEHOLDER = '\u0000hashiye export report\u0000';

const reportPieces = new WeakMap<ExportReport, readonly Uint8Array[]>();
const documentsByReport = new WeakMap<ExportReport, readonly DocumentsJson[]>();
/** A batch's bytes to the same bytes one level deeper, when the batch came with them (`answerBytes`). */
const answerFormOf = new WeakMap<Uint8Array, Uint8Array>();

/**
 * `json` (JSON.stringify's output with a two-space indent) as it reads nested `depth` levels
 * deeper: two spaces per level after every line end (`lineEnds` of them, when known). JSON.stringify never leaves a raw line
 * end inside a string, so every line end in it is one of its own. (A native search and copy per
 * line measured slower than this loop: 85 against 56 ms for the bench's 26 MB.)
 */
function indentedJson(json: Uint8Array, depth: number, lineEnds?: number): Uint8Array<ArrayBuffer> {
  const extra = depth * 2;
  // (#25) Counted by the writer when it made the bytes (listJsonBytesAndLines): one pass over them less.
  let lines = lineEnds ?? 0;
  if (lineEnds === undefined) for (let index = 0; index < json.length; index++) if (json[index] === NEWLINE) lines++;
  const out = new Uint8Array(json.length + lines * extra);
  let to = 0;
  for (let index = 0; index < json.length; index++) {
    const byte = json[index];
    out[to++] = byte;
    if (byte === NEWLINE) for (let space = 0; space < extra; space++) out[to++] = SPACE;
  }
  return out;
}

/** What JSON.stringify([list], null, 2) writes around the list's items (DOCUMENT_DEPTH levels deep). */
const NESTING_HEAD = '[\n  [\n';
const NESTING_TAIL = '\n  ]\n]';

/** The same by JSON.stringify, for reports that are not plain data (listJsonBytes gave up). */
function stringifiedList(listed: readonly DocumentReport[]): Uint8Array<ArrayBuffer> {
  const nested = JSON.stringify([listed], null, 2);
  return new TextEncoder().encode(nested.slice(NESTING_HEAD.length, nested.length - NESTING_TAIL.length));
}

/** The problems of `reports` counted by effect. */
function effectCountsOf(reports: readonly DocumentReport[]): EffectCounts {
  const effects: EffectCounts = { lost: 0, changed: 0, omitted: 0 };
  for (const report of reports) for (const problem of report.problems) effects[problem.effect]++;
  return effects;
}

/**
 * The part of `export-report.json` that a batch's reports with problems take: each indented to
 * its place in the `documents` list, separated by `,\n`; bytes of their own, to be transferred.
 * (#25) Written straight as UTF-8 (jsonBytes.ts), not stringified and then encoded.
 */
export function documentsJsonOf(reports: readonly DocumentReport[], answerToo = false): DocumentsJson {
  const effects = effectCountsOf(reports);
  const listed = reports.filter((report) => report.problems.length > 0);
  if (listed.length === 0) return { count: 0, bytes: new Uint8Array(0), effects };
  const written = listJsonBytesAndLines(listed, DOCUMENT_DEPTH);
  const bytes = written?.bytes ?? stringifiedList(listed);
  return answerToo ? { count: listed.length, bytes, answerBytes: indentedJson(bytes, 1, written?.lines), effects } : { count: listed.length, bytes, effects };
}

/** The problems of every batch counted by effect. */
export function effectsOf(batches: readonly DocumentsJson[]): EffectCounts {
  const effects: EffectCounts = { lost: 0, changed: 0, omitted: 0 };
  for (const batch of batches) for (const effect of ['lost', 'changed', 'omitted'] as const) effects[effect] += batch.effects[effect];
  return effects;
}

/** Gives `report` its documents' bytes, batch by batch in corpus order (documentsJsonOf). */
export function rememberDocumentsJson(report: ExportReport, batches: readonly DocumentsJson[]): void {
  documentsByReport.set(report, batches);
  for (const batch of batches) if (batch.answerBytes !== undefined) answerFormOf.set(batch.bytes, batch.answerBytes);
}

/**
 * `value`'s own properties in order, `key`'s value (kept in its place, or added last) replaced:
 * what `{ ...value, [key]: replacement }` gives, without reading `value[key]` (a report's
 * documents made from bytes are parsed only when read, documentsFromBatches).
 */
function withReplaced(value: object, key: string, replacement: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(value)) copy[name] = name === key ? replacement : (value as Record<string, unknown>)[name];
  if (!Object.hasOwn(copy, key)) copy[key] = replacement;
  return copy;
}

/** `${JSON.stringify(value, null, 2)}\n` in pieces, the top-level `value[key]` given as bytes (in pieces of its own); null when that cannot be placed. */
function withPartAsBytes(value: object, key: string, part: () => readonly Uint8Array[]): Uint8Array[] | null {
  const text = `${JSON.stringify(withReplaced(value, key, PLACEHOLDER), null, 2)}\n`;
  const placeholder = JSON.stringify(PLACEHOLDER);
  const marker = `${JSON.stringify(key)}: ${placeholder}`;
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1) return null;
  return [Buffer.from(text.slice(0, at + marker.length - placeholder.length), 'utf8'), ...part(), Buffer.from(text.slice(at + marker.length), 'utf8')];
}

/** The `documents` list from its batches' bytes, in pieces (joined once, with the rest of the file): `[]`, or the batches' parts on their own lines. */
function documentsListPieces(batches: readonly DocumentsJson[]): Uint8Array[] {
  const parts = batches.filter((batch) => batch.count > 0).map((batch) => batch.bytes);
  if (parts.length === 0) return [Buffer.from('[]')];
  const separator = Buffer.from(',\n');
  return [Buffer.from('[\n'), ...parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])), Buffer.from(`\n${' '.repeat(DOCUMENT_DEPTH)}]`)];
}

/** Reports whose documents are their batches' bytes, not yet parsed (documentsFromBatches). */
const unparsedDocuments = new WeakSet<ExportReport>();

/** How many documents `report` lists, without parsing documents given as bytes. */
function documentCount(report: ExportReport): number {
  const batches = documentsByReport.get(report);
  if (batches !== undefined && unparsedDocuments.has(report)) return batches.reduce((sum, batch) => sum + batch.count, 0);
  return report.documents.length;
}

/** The file from the remembered batches, in pieces, when they hold exactly the report's documents. */
function assembledReport(report: ExportReport): Uint8Array[] | null {
  const batches = documentsByReport.get(report);
  if (batches === undefined || batches.reduce((sum, batch) => sum + batch.count, 0) !== documentCount(report)) return null;
  return withPartAsBytes(report, 'documents', () => documentsListPieces(batches));
}

/** Sets `report.documents` to `documents`, an ordinary property from then on. */
function setDocuments(report: ExportReport, documents: DocumentReport[]): void {
  unparsedDocuments.delete(report);
  Object.defineProperty(report, 'documents', { value: documents, writable: true, enumerable: true, configurable: true });
}

/**
 * (#25) `report` (made with no documents) given its documents as its batches' bytes, in corpus
 * order: the file and the CLI's answer are written from those bytes, and `report.documents` is
 * parsed from them only when read (the app's export job reads a few; the CLI's `--json` none).
 * The export's calling thread then holds bytes, not 40,000 problems as objects, and the
 * outputs cross from the workers without them (exportBatchResult).
 */
export function documentsFromBatches(report: ExportReport, batches: readonly DocumentsJson[]): ExportReport {
  rememberDocumentsJson(report, batches);
  unparsedDocuments.add(report);
  Object.defineProperty(report, 'documents', {
    enumerable: true,
    configurable: true,
    get: (): DocumentReport[] => {
      const documents = JSON.parse(Buffer.concat(documentsListPieces(batches)).toString('utf8')) as DocumentReport[];
      setDocuments(report, documents);
      return documents;
    },
    set: (documents: DocumentReport[]) => setDocuments(report, documents),
  });
  return report;
}

/**
 * The bytes of `export-report.json` for `report` in pieces, to be written one after the other
 * (the same object gives the same pieces, made once): the batches' bytes as they came, not
 * joined into a second 26 MB buffer (#25).
 */
export function reportFilePieces(report: ExportReport): readonly Uint8Array[] {
  let pieces = reportPieces.get(report);
  if (pieces === undefined) {
    pieces = assembledReport(report) ?? [Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8')];
    reportPieces.set(report, pieces);
  }
  return pieces;
}

/** The bytes of `export-report.json` for `report`, joined. */
export function reportFileBytes(report: ExportReport): Buffer {
  return Buffer.concat(reportFilePieces(report));
}

/**
 * `${JSON.stringify(answer, null, 2)}\n` as bytes, in pieces to be written one after the other,
 * for an answer whose top-level `report` is an export's report: the report's part is its file's
 * pieces indented one level (a batch's already indented when it came so, `answerBytes`); the
 * file's last line end is not the report's.
 */
export function answerJsonPieces<Answer extends { report: ExportReport }>(answer: Answer): Buffer[] {
  const report = (): Uint8Array[] => {
    const pieces = reportFilePieces(answer.report);
    const last = pieces.length - 1;
    return pieces.map((piece, index) => answerFormOf.get(piece) ?? indentedJson(index === last ? piece.subarray(0, piece.length - 1) : piece, 1));
  };
  const pieces = withPartAsBytes(answer, 'report', report) ?? [Buffer.from(`${JSON.stringify(answer, null, 2)}\n`, 'utf8')];
  return pieces.map((bytes) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)));
}
