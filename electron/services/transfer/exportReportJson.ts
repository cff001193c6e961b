import type { ExportReport } from './exportReport';

/**
 * (#25) `export-report.json`'s text, made once per export. A corpus whose spans overlap gives a
 * report of tens of megabytes (26 MB for the bench's 10,000 articles): the file and the CLI's
 * `--json` answer, which holds the same report, used to stringify it twice.
 *
 * Reports are never changed once the export has made them, so the text is remembered by the
 * report object itself (a WeakMap: it goes when the report goes).
 */
const reportTexts = new WeakMap<ExportReport, string>();

/** The report as `export-report.json` holds it (without the final line end): `JSON.stringify(report, null, 2)`. */
export function reportJsonOf(report: ExportReport): string {
  let text = reportTexts.get(report);
  if (text === undefined) {
    text = JSON.stringify(report, null, 2);
    reportTexts.set(report, text);
  }
  return text;
}

/** Stands in for the report while the rest of the value is stringified; no report field can hold it (NUL is escaped). */
const REPORT_PLACEHOLDER = '\u0000hashiye-export-report\u0000';

/**
 * `JSON.stringify(value, null, 2)` for a value with the export's report as its top-level
 * `report` field, the report's text reused from reportJsonOf: the same bytes, one stringify of
 * the report instead of two. A value nested one level deep is the same text with two more
 * spaces after each line end (JSON strings hold no raw line end).
 */
export function jsonWithReport<T extends { report: ExportReport }>(value: T): string {
  const text = JSON.stringify({ ...value, report: REPORT_PLACEHOLDER }, null, 2);
  const field = `\n  "report": ${JSON.stringify(REPORT_PLACEHOLDER)}`;
  const at = text.indexOf(field);
  if (at === -1) return JSON.stringify(value, null, 2);
  const valueAt = at + field.length - JSON.stringify(REPORT_PLACEHOLDER).length;
  return text.slice(0, valueAt) + reportJsonOf(value.report).replaceAll('\n', '\n  ') + text.slice(at + field.length);
}
