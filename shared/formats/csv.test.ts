import { describe, expect, it } from 'vitest';
import { checkDocument } from './checkedSpans';
import { serializeCsv } from './csv';
import { fixtureDocument, randomDocument, sliceCodePoints } from './testArticles';

/** A test-local RFC 4180 reader: quoted fields may hold quotes (doubled), commas, CR and LF. */
function readCsv(content: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < content.length) {
    const character = content[index];
    if (quoted) {
      if (character === '"' && content[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else field += character;
      index++;
      continue;
    }
    if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && content[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += character;
    index++;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe('CSV export', () => {
  it('writes the header and one CRLF record per span, quoting what needs it', () => {
    const { files, reports } = serializeCsv([fixtureDocument('news/a,b.txt')]);
    expect(files[0].path).toBe('annotations.csv');
    const records = readCsv(files[0].content);
    expect(records[0]).toEqual(['article', 'id', 'type', 'start', 'end', 'text', 'note', 'entity', 'wikidata', 'entity_name']);
    expect(records[1]).toEqual(['news/a,b.txt', 'T1', 'PER', '2', '14', 'سرلشکر باقری', 'Chief of staff,\nArmed Forces', '', '', '']);
    expect(files[0].content).toContain('"news/a,b.txt",T1,PER,2,14,سرلشکر باقری,"Chief of staff,\nArmed Forces",,,\r\n');
    // The discontinuous span is one row per fragment, all with its id.
    expect(records.filter((record) => record[1] === 'T8').map((record) => record[5])).toEqual(['سرلشکر', 'گفت']);
    // The span over a line end keeps it, quoted.
    expect(records.find((record) => record[1] === 'T9')?.[5]).toBe('می‌خواهند.\nرئیس');
    // Relations go to relations.csv (relations/relationsCsv.ts), so nothing about them is omitted.
    expect(reports[0].problems.map((problem) => problem.kind)).toEqual(['text-mismatch', 'out-of-range', 'relation-dangling', 'attributes-omitted']);
    expect(files.map((file) => file.path)).toEqual(['annotations.csv', 'relations.csv']);
  });

  it('quotes double quotes by doubling them', () => {
    const text = 'او گفت "سلام" و رفت';
    const content = serializeCsv([{ id: 'q.txt', text, annotations: [{ id: 'a', type: 'MISC', start: 7, end: 13, text: '"سلام"', note: 'quote "x"' }], relations: [] }]).files[0].content;
    expect(content.split('\r\n')[1]).toBe('q.txt,a,MISC,7,13,"""سلام""","quote ""x""",,,');
  });

  it('defuses formula-like notes and texts, and the README rule gives the originals back', () => {
    const text = '=SUM(A1) +98 -5 @x \'=quoted\' فارسی';
    const notes = ['=HYPERLINK("http://x","click")', '+1', '-1', '@SUM(1)', '\tTAB', '\rCR', "'already", 'plain', 'a=b'];
    const annotations = notes.map((note, index) => ({ id: `n${index}`, type: 'MISC', start: 0, end: 8, text: '=SUM(A1)', note }));
    const content = serializeCsv([{ id: '=evil.txt', text, annotations, relations: [] }]).files[0].content;
    const records = readCsv(content).slice(1);
    for (const record of records) {
      for (const cell of [record[0], record[5], record[6]]) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // The README: a cell starting with ' is the original with one ' put in front.
    const original = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);
    expect(records.map((record) => original(record[6]))).toEqual(notes);
    expect(records.every((record) => original(record[0]) === '=evil.txt' && original(record[5]) === '=SUM(A1)')).toBe(true);
    expect(records[6][6]).toBe("''already");
    expect(records[8][6]).toBe('a=b');
  });

  it('round-trips random Persian articles with overlapping spans (property test)', () => {
    for (let seed = 6000; seed < 6300; seed++) {
      const document = randomDocument(seed);
      const records = readCsv(serializeCsv([document]).files[0].content).slice(1);
      const spans = checkDocument(document).spans;
      expect(records.map((record) => [record[1], record[2], Number(record[3]), Number(record[4]), record[5]]), `seed ${seed}`).toEqual(
        spans.map((span) => [span.annotation.id, span.annotation.type, span.annotation.start, span.annotation.end, span.annotation.text]),
      );
      for (const record of records) expect(sliceCodePoints(document.text, Number(record[3]), Number(record[4]))).toBe(record[5]);
    }
  });
});
