import { describe, expect, it } from 'vitest';
import { gazetteerFromRegistry, gazetteerSyntaxOf, parseGazetteer } from './gazetteer';
import { matchGazetteer } from './gazetteerMatch';

describe('parseGazetteer', () => {
  it('reads phrase TAB type lines, with a BOM, CRLF, comments and blank lines', () => {
    const parsed = parseGazetteer('\uFEFF# names\r\nمحمدجواد ظریف\tPER\r\n\r\n  # indented comment\nتهران\tLOC\n', 'tsv');
    expect(parsed.entries).toEqual([
      { phrase: 'محمدجواد ظریف', type: 'PER', line: 2 },
      { phrase: 'تهران', type: 'LOC', line: 5 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports every bad line with its number and keeps the good ones', () => {
    const parsed = parseGazetteer('ظریف\tPER\nno type here\n\tLOC\na\tb\tc\nتهران\tLOC\nتهران\tORG\nظریف\tPER\nx\tnot a type\n', 'tsv');
    expect(parsed.entries.map((entry) => entry.phrase)).toEqual(['ظریف', 'تهران']);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([2, 3, 4, 6, 8]);
    expect(parsed.problems[0].message).toMatch(/^Line 2: no type/u);
    expect(parsed.problems[3].message).toMatch(/already LOC \(line 5\)/u);
  });

  it('reads CSV with quoted fields, and picks the syntax by the file name', () => {
    expect(gazetteerSyntaxOf('names.CSV')).toBe('csv');
    expect(gazetteerSyntaxOf('names.tsv')).toBe('tsv');
    const parsed = parseGazetteer('phrase with, comma" ,x\n"سازمان ملل, نیویورک",ORG\n"He said ""hi""",MISC\n"unclosed,ORG\n', 'csv');
    expect(parsed.entries.map((entry) => [entry.phrase, entry.type])).toEqual([
      ['سازمان ملل, نیویورک', 'ORG'],
      ['He said "hi"', 'MISC'],
    ]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([1, 4]);
  });
});

describe('gazetteerFromRegistry', () => {
  it('makes a phrase of every name and alias, of the entity type, once each', () => {
    const entries = gazetteerFromRegistry([
      { id: 'e1', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Mohammad Javad Zarif' }, aliases: ['ظریف', 'Zarif', ' ظریف '] },
      { id: 'e2', type: 'LOC', names: {}, aliases: ['تهران'] },
    ]);
    expect(entries).toEqual([
      { phrase: 'محمدجواد ظریف', type: 'PER' },
      { phrase: 'Mohammad Javad Zarif', type: 'PER' },
      { phrase: 'ظریف', type: 'PER' },
      { phrase: 'Zarif', type: 'PER' },
      { phrase: 'تهران', type: 'LOC' },
    ]);
  });
});

describe('matchGazetteer', () => {
  const slice = (text: string, span: { start: number; end: number }) => Array.from(text).slice(span.start, span.end).join('');

  it('prefers the longest match, whole words only, with code-point offsets past an emoji', () => {
    const text = '😀 محمدجواد ظریف و ظریفی و ظریف.';
    const spans = matchGazetteer(text, [
      { phrase: 'ظریف', type: 'PER' },
      { phrase: 'محمدجواد ظریف', type: 'PER' },
    ]);
    expect(spans.map((span) => slice(text, span))).toEqual(['محمدجواد ظریف', 'ظریف']);
    expect(spans[0]).toEqual({ start: 2, end: 15, type: 'PER' });
  });

  it('matches across a lost, extra or replaced ZWNJ and Arabic letter forms', () => {
    const text = 'نیروهای مسلح و نيرو‌های مسلح و نیرو های مسلح';
    const spans = matchGazetteer(text, [{ phrase: 'نیرو‌های مسلح', type: 'ORG' }]);
    expect(spans.map((span) => slice(text, span))).toEqual(['نیروهای مسلح', 'نيرو‌های مسلح', 'نیرو های مسلح']);
  });

  it('leaves boilerplate ranges alone', () => {
    const text = 'تهران ... تهران';
    expect(matchGazetteer(text, [{ phrase: 'تهران', type: 'LOC' }], [{ start: 6, end: 15 }])).toEqual([{ start: 0, end: 5, type: 'LOC' }]);
  });
});
