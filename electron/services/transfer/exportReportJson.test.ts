import { describe, expect, it } from 'vitest';
import type { ExportReport } from './exportReport';
import { jsonWithReport, reportJsonOf } from './exportReportJson';

function sampleReport(): ExportReport {
  return {
    format: 'conll',
    options: { scheme: 'iob2', jsonlVariant: null, split: null },
    totals: { articles: 2, annotations: 3, written: 1, lost: 2, changed: 0, omitted: 0, unreadable: 1 },
    lossy: true,
    unreadable: [{ article: 'news/line\nbreak "quoted".txt', message: 'The article cannot be read: \u0000 \t tab' }],
    documents: [
      {
        article: 'news/۰۰۱.txt',
        annotations: 3,
        written: 1,
        problems: [
          { kind: 'overlap', effect: 'lost', annotation: 'T2', span: { text: 'می‌دهد\u00A0تهران', type: 'LOC' }, params: { format: 'CoNLL', other: { text: '😀 {"report": 1}', type: 'ORG' } }, message: '«تهران»\r\n overlaps' },
          { kind: 'empty-span', effect: 'lost', message: '' },
        ],
      },
      { article: 'empty.txt', annotations: 0, written: 0, problems: [] },
    ],
  };
}

describe('the export report made once (#25)', () => {
  it('is the text JSON.stringify gives, made once per report', () => {
    const report = sampleReport();
    expect(reportJsonOf(report)).toBe(JSON.stringify(report, null, 2));
    expect(reportJsonOf(report)).toBe(reportJsonOf(report));
  });

  it('gives the same bytes as stringifying the whole result, for the CLI --json answer', () => {
    const report = sampleReport();
    const result = { format: 'conll', outFolder: '/tmp/"report": x\n', written: true, report, manifest: { files: [], tool: 'hashiye' }, paths: [], bratOrphans: { orphans: [] } };
    expect(jsonWithReport(result)).toBe(JSON.stringify(result, null, 2));
  });

  it('holds for an empty report and for a report placed first', () => {
    const empty: ExportReport = { ...sampleReport(), unreadable: [], documents: [] };
    expect(jsonWithReport({ report: empty })).toBe(JSON.stringify({ report: empty }, null, 2));
    const last = { a: [[], {}], report: empty };
    expect(jsonWithReport(last)).toBe(JSON.stringify(last, null, 2));
  });
});
