import type { StoredRelation } from '../../model/nativeFormat';
import type { CheckedDocument, CheckedSpan } from '../checkedSpans';

/**
 * The relations CSV (`relations.csv`, beside the CSV export's `annotations.csv`): one row per
 * relation with both arguments' ids, types, offsets (code points; a discontinuous span's outer
 * bounds) and texts, so a reader needs no other file. RFC 4180 as `annotations.csv`: CRLF after
 * every record, fields quoted when they hold a quote, comma, CR or LF.
 */
export const RELATIONS_CSV_FILE = 'relations.csv';
export const RELATIONS_CSV_HEADER = ['article', 'id', 'type', 'from_id', 'from_type', 'from_start', 'from_end', 'from_text', 'to_id', 'to_type', 'to_start', 'to_end', 'to_text', 'note'] as const;

function argumentFields(span: CheckedSpan): string[] {
  const { annotation } = span;
  return [annotation.id, annotation.type, String(annotation.start), String(annotation.end), annotation.text];
}

/** The rows of one document's relations whose both ends are exported spans, each written by `csvRecord` (csv.ts's, passed in: csv.ts imports this file). */
export function relationsCsvRows(checked: CheckedDocument, csvRecord: (fields: readonly string[]) => string): string {
  const spans = new Map(checked.spans.map((span) => [span.annotation.id, span]));
  let rows = '';
  for (const relation of checked.relations) {
    const from = spans.get(relation.from);
    const to = spans.get(relation.to);
    if (!from || !to) continue;
    rows += csvRecord([checked.document.id, relation.id, relation.type, ...argumentFields(from), ...argumentFields(to), relation.note ?? '']);
  }
  return rows;
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line ends). */
export function readCsvRecords(content: string): { records: string[][]; problem: string | null } {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index += 2; continue; }
      if (char === '"') { quoted = false; index++; continue; }
      field += char;
      index++;
      continue;
    }
    if (char === '"' && field === '') { quoted = true; index++; continue; }
    if (char === ',') { record.push(field); field = ''; index++; continue; }
    if (char === '\r' || char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += char;
    index++;
  }
  if (quoted) return { records, problem: 'a quoted field is not closed before the end of the file' };
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return { records, problem: null };
}

export interface RelationsCsvRow {
  article: string;
  relation: StoredRelation;
  from: { id: string; type: string; start: number; end: number; text: string };
  to: { id: string; type: string; start: number; end: number; text: string };
}

export interface RelationsCsvRead {
  rows: RelationsCsvRow[];
  /** Rows left out, by their 1-based record number (the header is record 1), with why. */
  skipped: { record: number; reason: string }[];
}

/** Reads a relations CSV back: by header names, so columns may come in any order. */
export function parseRelationsCsv(content: string): RelationsCsvRead {
  const { records, problem } = readCsvRecords(content);
  const read: RelationsCsvRead = { rows: [], skipped: problem ? [{ record: records.length + 1, reason: problem }] : [] };
  const header = records[0] ?? [];
  const column = new Map(header.map((name, position) => [name.trim(), position]));
  const missing = RELATIONS_CSV_HEADER.filter((name) => name !== 'note' && !column.has(name));
  if (missing.length > 0) return { rows: [], skipped: [{ record: 1, reason: `the header lacks ${missing.join(', ')}` }] };
  records.slice(1).forEach((fields, position) => {
    const record = position + 2;
    if (fields.length === 1 && fields[0] === '') return;
    const get = (name: string): string => fields[column.get(name) ?? -1] ?? '';
    const offset = (name: string): number | null => (/^\d+$/.test(get(name)) ? Number(get(name)) : null);
    const ends = (['from', 'to'] as const).map((side) => ({ id: get(`${side}_id`), type: get(`${side}_type`), start: offset(`${side}_start`), end: offset(`${side}_end`), text: get(`${side}_text`) }));
    if (get('article') === '' || get('id') === '' || get('type') === '' || ends.some((end) => end.id === '' || end.start === null || end.end === null || end.end < end.start)) {
      read.skipped.push({ record, reason: 'needs an article, an id, a type, and for each argument an id and offsets (start ≤ end)' });
      return;
    }
    const [from, to] = ends.map((end) => ({ ...end, start: end.start ?? 0, end: end.end ?? 0 }));
    const relation: StoredRelation = { id: get('id'), type: get('type'), from: from.id, to: to.id };
    if (get('note') !== '') relation.note = get('note');
    read.rows.push({ article: get('article'), relation, from, to });
  });
  return read;
}
