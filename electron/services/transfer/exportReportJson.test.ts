import { describe, expect, it } from 'vitest';
import { conllFormat } from '../../../shared/formats/conll';
import { nameProblemSpans } from '../../../shared/formats/problemSpans';
import { randomDocument } from '../../../shared/formats/testArticles';
import type { DocumentOutput, DocumentReport } from '../../../shared/formats/exportTypes';
import { exportReportOf, type ExportReport } from './exportReport';
import { answerJsonPieces, documentsJsonOf, rememberDocumentsJson, reportFileBytes, reportFilePieces } from './exportReportJson';

/** (#25) The report's bytes made batch by batch are JSON.stringify's, byte for byte, and so is the CLI's answer. */

function stringified(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Outputs of real CoNLL serializations (overlaps reported), with reports of awkward text between them. */
function outputsOf(count: number): DocumentOutput[] {
  const awkward = ['"quoted" \\ back\\slash', 'line\nend\ttab', 'separators \u2028\u2029 and NUL \u0000', 'lone surrogate \ud800 here', '«ایران» (LOC) 👍🏽'];
  return Array.from({ length: count }, (_, index) => {
    const document = randomDocument(index + 1);
    const output = nameProblemSpans(document, conllFormat.serializeDocument(document, {}));
    if (index % 3 === 1) output.report.problems.push({ kind: 'overlap', effect: 'lost', annotation: 'x', message: awkward[index % awkward.length], params: { format: 'CoNLL' } });
    if (index % 4 === 3) output.report.problems = [];
    if (index % 5 === 0) output.report.boilerplateCut = [{ start: 0, end: 2 }];
    return output;
  });
}

/** The report of `outputs`, its documents' bytes remembered in batches of `size`. */
function reportInBatches(outputs: readonly DocumentOutput[], size: number, answerToo = false): ExportReport {
  const report = exportReportOf('conll', 'token', { out: '/tmp/x', allowLossy: true }, { outputs, unreadable: [{ article: 'gone.txt', message: 'The article cannot be read: "ENOENT"' }] });
  const batches = [];
  for (let start = 0; start < outputs.length; start += size) batches.push(documentsJsonOf(outputs.slice(start, start + size).map((output) => output.report), answerToo));
  rememberDocumentsJson(report, batches);
  return report;
}

describe('export-report.json from batches (#25)', () => {
  it('is JSON.stringify of the report, whatever the batch size and text', () => {
    const outputs = outputsOf(40);
    expect(outputs.some((output) => output.report.problems.length === 0)).toBe(true);
    for (const size of [1, 3, 7, 40, 100]) {
      const report = reportInBatches(outputs, size);
      expect(reportFileBytes(report).toString('utf8'), `batches of ${size}`).toBe(stringified(report));
    }
  });

  it('writes an empty documents list as JSON.stringify does, and a report without batches the same way', () => {
    const quiet = outputsOf(8).map((output) => ({ ...output, report: { ...output.report, problems: [] } }));
    const report = reportInBatches(quiet, 3);
    expect(report.documents).toEqual([]);
    expect(reportFileBytes(report).toString('utf8')).toBe(stringified(report));
    const unbatched = exportReportOf('conll', 'token', { out: '/tmp/x' }, { outputs: outputsOf(5), unreadable: [] });
    expect(reportFileBytes(unbatched).toString('utf8')).toBe(stringified(unbatched));
  });

  it('falls back to stringifying when the batches do not hold the report’s documents', () => {
    const outputs = outputsOf(12);
    const report = exportReportOf('conll', 'token', { out: '/tmp/x' }, { outputs, unreadable: [] });
    rememberDocumentsJson(report, [documentsJsonOf(outputs.slice(0, 6).map((output) => output.report))]);
    expect(reportFileBytes(report).toString('utf8')).toBe(stringified(report));
  });

  it('gives the --json answer exactly as JSON.stringify, the report one level deeper', () => {
    const report = reportInBatches(outputsOf(30), 4);
    const answer = { format: 'conll', outFolder: '/tmp/out "x"', written: true, report, manifest: { files: [{ path: 'corpus.conll', bytes: 3 }] }, paths: ['/tmp/out/corpus.conll'], durationMs: 12.5, workersUsed: 1, bratOrphans: [] };
    expect(Buffer.concat(answerJsonPieces(answer)).toString('utf8')).toBe(stringified(answer));
    const documents: DocumentReport[] = [];
    const empty = { ...answer, report: { ...report, documents } };
    expect(Buffer.concat(answerJsonPieces(empty)).toString('utf8')).toBe(stringified(empty));
  });

  it('gives the same answer from batches indented where they were made (the CLI’s --json, #25), and the same report file', () => {
    const outputs = outputsOf(30);
    for (const size of [1, 4, 30]) {
      const report = reportInBatches(outputs, size, true);
      const answer = { format: 'conll', outFolder: '/tmp/out', written: true, report, manifest: { files: [] }, paths: [], durationMs: 3, workersUsed: 1, bratOrphans: [] };
      expect(Buffer.concat(answerJsonPieces(answer)).toString('utf8'), `batches of ${size}`).toBe(stringified(answer));
      expect(Buffer.concat(reportFilePieces(report)).toString('utf8')).toBe(stringified(report));
    }
  });
});
