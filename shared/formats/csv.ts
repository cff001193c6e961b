import { checkDocument, documentOutput, omittedAttributes, omittedEvents } from './checkedSpans';
import { RELATIONS_CSV_FILE, RELATIONS_CSV_HEADER, relationsCsvRows } from './relations/relationsCsv';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport } from './exportTypes';
import { serializeWith } from './serializeWith';

/**
 * CSV (RFC 4180): header `article,id,type,start,end,text,note`, CRLF after every record, a
 * field quoted when it holds a quote, comma, CR or LF (quotes doubled). UTF-8 without BOM.
 * Offsets are code points. A discontinuous span is one row per fragment, all with its id.
 * Nothing is trimmed: a span's text keeps its spaces, ZWNJ and NBSP exactly.
 * Relations go to `relations.csv` beside it (relations/relationsCsv.ts), written when there are any.
 */
const TITLE = 'CSV';
export const CSV_HEADER = ['article', 'id', 'type', 'start', 'end', 'text', 'note'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function serializeDocument(document: ExportDocument): DocumentOutput {
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
      ]);
    }
  }
  return { ...documentOutput(checked, { chunk, problems, writesRelations: true }), sideChunk: relationsCsvRows(checked, csvRecord) };
}

function finish(outputs: readonly DocumentOutput[]): ExportFile[] {
  const files: ExportFile[] = [{ path: 'annotations.csv', content: csvRecord(CSV_HEADER) + outputs.map((output) => output.chunk).join(''), role: 'main' }];
  const relationRows = outputs.map((output) => output.sideChunk ?? '').join('');
  if (relationRows !== '') files.push({ path: RELATIONS_CSV_FILE, content: csvRecord(RELATIONS_CSV_HEADER) + relationRows, role: 'schema' });
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

export function serializeCsv(documents: readonly ExportDocument[]): SerializedExport {
  return serializeWith(csvFormat, documents, {});
}
