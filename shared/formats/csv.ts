import { checkDocument, documentOutput, omittedAttributes, omittedEvents } from './checkedSpans';
import { RELATIONS_CSV_FILE, RELATIONS_CSV_HEADER, relationsCsvRows } from './relations/relationsCsv';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { csvDocumentsFile } from './documentFields/csvDocuments';
import { exportEntityOf, type ExportEntities } from '../entities/entityExportLinks';

/**
 * CSV (RFC 4180): header `article,id,type,start,end,text,note,entity,wikidata,entity_name`, CRLF after every record, a
 * field quoted when it holds a quote, comma, CR or LF (quotes doubled). UTF-8 without BOM
 * (with one for Excel: the export's `excel` option). A cell a spreadsheet would run as a
 * formula is defused (defuseCsvCell).
 * Offsets are code points. A discontinuous span is one row per fragment, all with its id.
 * Nothing is trimmed: a span's text keeps its spaces, ZWNJ and NBSP exactly.
 * Relations go to `relations.csv` beside it (relations/relationsCsv.ts), written when there are any;
 * (#21) each article's metadata and document labels to `documents.csv` (documentFields/csvDocuments.ts).
 * (#24) A linked annotation's entity: its registry id, its Wikidata QID (when it has one) and its name; empty when unlinked.
 */
const TITLE = 'CSV';
export const CSV_HEADER = ['article', 'id', 'type', 'start', 'end', 'text', 'note', 'entity', 'wikidata', 'entity_name'] as const;

/**
 * A cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a `'` in front, so spreadsheets show
 * it as text instead of running it (OWASP "CSV injection": notes and texts are user text). A
 * cell that itself starts with `'` gets one too, so the rule reads back without doubt: the
 * original is the cell without its first character whenever that is a `'`.
 */
export function defuseCsvCell(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = defuseCsvCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The byte-order mark Excel needs to read a CSV as UTF-8 (without it Persian shows as mojibake). */
export const EXCEL_BOM = '\uFEFF';

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** (#24) The three entity cells of a row: id, QID, name. */
function entityCells(entityId: string | undefined, entities: ExportEntities | undefined): [string, string, string] {
  if (!entityId) return ['', '', ''];
  const entity = exportEntityOf(entityId, entities);
  return [entity.id, entity.wikidata ?? '', entity.name];
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const checked = checkDocument(document);
  const problems = [...omittedAttributes(checked.spans, TITLE), ...omittedEvents(checked.spans, TITLE)];
  let chunk = '';
  for (const span of checked.spans) {
    const { annotation } = span;
    for (const piece of span.pieces) {
      chunk += csvRecord([
        document.id,
        annotation.id,
        annotation.type,
        String(piece.start),
        String(piece.end),
        document.text.slice(piece.start16, piece.end16),
        annotation.note ?? '',
        ...entityCells(annotation.entity, options.entities),
      ]);
    }
  }
  return { ...documentOutput(checked, { chunk, problems, writesRelations: true }), sideChunk: relationsCsvRows(checked, csvRecord) };
}

function finish(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile[] {
  const files: ExportFile[] = [{ path: 'annotations.csv', content: csvRecord(CSV_HEADER) + outputs.map((output) => output.chunk).join(''), role: 'main' }];
  const relationRows = outputs.map((output) => output.sideChunk ?? '').join('');
  if (relationRows !== '') files.push({ path: RELATIONS_CSV_FILE, content: csvRecord(RELATIONS_CSV_HEADER) + relationRows, role: 'schema' });
  // (#21) Each article's metadata and document labels, a row per article.
  const documents = csvDocumentsFile(outputs, options.dimensions, csvRecord);
  if (documents) files.push(documents);
  return files;
}

export const csvFormat: FormatSerializer = {
  id: 'csv',
  title: TITLE,
  mainExtension: '.csv',
  offsetUnit: 'codepoint',
  serializeDocument,
  finish,
};

export function serializeCsv(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(csvFormat, documents, options);
}
