import { csvField } from '../formats/csv';
import type { CorpusStats } from './corpusStatsReport';

/**
 * The corpus statistics as one CSV table (RFC 4180, CRLF line ends), three columns:
 * `section,key,count`. One long table rather than several files so that a spreadsheet or
 * pandas reads it in one go and filters by section. Digits are ASCII whatever the UI language.
 */
export const STATS_CSV_HEADER = ['section', 'key', 'count'] as const;

/** Quotes a cell when it must be, and defuses cells a spreadsheet would run as a formula: the export's rule (csv.ts). */
function csvCell(value: string): string {
  // Article names and tags come from users' files; "=HYPERLINK(...)" must stay text (OWASP CSV injection).
  return csvField(value);
}

export function statsCsvRows(stats: CorpusStats): [string, string, number][] {
  const rows: [string, string, number][] = [
    ['total', 'articles', stats.articles],
    ['total', 'annotations', stats.annotations],
    ['total', 'relations', stats.relations],
    ['total', 'without-author', stats.withoutAuthor],
    ['total', 'undated', stats.undated],
    ['total', 'done-undated', stats.doneUndated],
    ['total', 'unreadable', stats.unreadable.length],
  ];
  const section = (name: string, record: Record<string, number>) => {
    for (const [key, value] of Object.entries(record)) rows.push([name, key, value]);
  };
  section('status', stats.byStatus);
  section('tag', stats.byType);
  section('author', stats.byAuthor);
  section('annotator-file', stats.byAnnotatorFile);
  section('created-per-day', stats.createdByDay);
  section('done-per-day', stats.doneByDay);
  for (const entry of stats.perArticle) rows.push(['article', entry.article, entry.annotations]);
  return rows;
}

export function statsToCsv(stats: CorpusStats): string {
  const lines = [STATS_CSV_HEADER.join(','), ...statsCsvRows(stats).map(([section, key, value]) => `${csvCell(section)},${csvCell(key)},${value}`)];
  return `${lines.join('\r\n')}\r\n`;
}
