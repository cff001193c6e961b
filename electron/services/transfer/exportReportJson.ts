import type { DocumentReport } from '../../../shared/formats/exportTypes';
import type { ExportReport } from './exportReport';

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
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
/** A report's documents sit two levels deep in its file: in `documents`, in the report. */
const DOCUMENT_DEPTH = 2;
/** What JSON.stringify([list], null, 2) writes around the list's items (DOCUMENT_DEPTH levels deep). */
const NESTING_HEAD = '[\n  [\n';
const NESTING_TAIL = '\n  ]\n]';
/** Stands for a part of an answer's text; it holds a NUL, which no path, id or message does. */
const PLACEHOLDER = '\u0000hashiye export report\u0000';

const encoder = new TextEncoder();
const reportPieces = new WeakMap<ExportReport, readonly Uint8Array[]>();
const documentsByReport = new WeakMap<ExportReport, readonly DocumentsJson[]>();
/** A batch's bytes to the same bytes one level deeper, when the batch came with them (`answerBytes`). */
const answerFormOf = new WeakMap<Uint8Array, Uint8Array>();

/**
 * `json` (JSON.stringify's output with a two-space indent) as it reads nested `depth` levels
 * deeper: two spaces per level after every line end. JSON.stringify never leaves a raw line
 * end inside a string, so every line end in it is one of its own.
 */
function indentedJson(json: Uint8Array, depth: number): Uint8Array<ArrayBuffer> {
  const extra = depth * 2;
  let lines = 0;
  for (let index = 0; index < json.length; index++) if (json[index] === NEWLINE) lines++;
  const out = new Uint8Array(json.length + lines * extra);
  let to = 0;
  for (let index = 0; index < json.length; index++) {
    const byte = json[index];
    out[to++] = byte;
    if (byte === NEWLINE) for (let space = 0; space < extra; space++) out[to++] = SPACE;
  }
  return out;
}

/**
 * The part of `export-report.json` that a batch's reports with problems take: each indented to
 * its place in the `documents` list, separated by `,\n`; bytes of their own, to be transferred.
 */
export function documentsJsonOf(reports: readonly DocumentReport[], answerToo = false): DocumentsJson {
  const listed = reports.filter((report) => report.problems.length > 0);
  if (listed.length === 0) return { count: 0, bytes: new Uint8Array(0) };
  // Nested two lists deep, JSON.stringify itself indents the reports to their depth in the file
  // and separates them by `,\n`: only the two lists' own lines are cut off, `[\n  [\n` and
  // `\n  ]\n]` (no byte loop over the text, #25).
  const nested = JSON.stringify([listed], null, 2);
  const bytes = encoder.encode(nested.slice(NESTING_HEAD.length, nested.length - NESTING_TAIL.length));
  return answerToo ? { count: listed.length, bytes, answerBytes: indentedJson(bytes, 1) } : { count: listed.length, bytes };
}

/** Gives `report` its documents' bytes, batch by batch in corpus order (documentsJsonOf). */
export function rememberDocumentsJson(report: ExportReport, batches: readonly DocumentsJson[]): void {
  documentsByReport.set(report, batches);
  for (const batch of batches) if (batch.answerBytes !== undefined) answerFormOf.set(batch.bytes, batch.answerBytes);
}

/** `${JSON.stringify(value, null, 2)}\n` in pieces, the top-level `value[key]` given as bytes (in pieces of its own); null when that cannot be placed. */
function withPartAsBytes(value: object, key: string, part: () => readonly Uint8Array[]): Uint8Array[] | null {
  const text = `${JSON.stringify({ ...value, [key]: PLACEHOLDER }, null, 2)}\n`;
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

/** The file from the remembered batches, in pieces, when they hold exactly the report's documents. */
function assembledReport(report: ExportReport): Uint8Array[] | null {
  const batches = documentsByReport.get(report);
  if (batches === undefined || batches.reduce((sum, batch) => sum + batch.count, 0) !== report.documents.length) return null;
  return withPartAsBytes(report, 'documents', () => documentsListPieces(batches));
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
