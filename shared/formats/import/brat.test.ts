import { describe, expect, it } from 'vitest';
import { parseBratDocument } from './brat';

const slice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('parseBratDocument', () => {
  it('imports T (with discontinuous fragments), A, M, # notes, R and E (as roles on the trigger), N Wikidata references as entity links (#24); reports *, N of other databases and malformed lines', () => {
    const text = 'سرلشکر باقری در دمشق 😀 گفت.';
    const ann = [
      'T1\tPER 0 12\tسرلشکر باقری',
      'T2\tLOC 16 20\tدمشق',
      'T3\tEVENT 13 15;23 26\tدر گفت',
      'A1\tNegation T3',
      'M2\tConfidence T1 High',
      '#1\tAnnotatorNotes T1\tفرمانده',
      'R1\tVisit Arg1:T1 Arg2:T2\t',
      'E1\tVisit:T3 Agent:T1',
      'N1\tReference T2 Wikidata:Q3766\tدمشق',
      '*\tEquiv T1 T2',
      'T4\tLOC 5\tbroken',
      'T5\tLOC 30 99\tpast the end',
      'R2\tX Arg1:T1 Arg2:T9',
      'N2\tReference T1 Wikipedia:123\tسرلشکر',
    ].join('\n');
    const result = parseBratDocument({ name: 'news/a', text, ann, annFile: 'a.ann' });
    const [article] = result.articles;
    expect(article.spans.map((span) => [span.id, span.type, slice(text, span.start, span.end)])).toEqual([
      ['T1', 'PER', 'سرلشکر باقری'],
      ['T2', 'LOC', 'دمشق'],
      ['T3', 'EVENT', 'در دمشق 😀 گفت'],
    ]);
    expect(article.spans[2].fragments).toEqual([{ start: 13, end: 15 }, { start: 23, end: 26 }]);
    expect(article.spans[2].attributes).toEqual({ Negation: true });
    expect(article.spans[0].attributes).toEqual({ Confidence: 'High' });
    expect(article.spans[0].note).toBe('فرمانده');
    expect(article.relations).toEqual([{ id: 'R1', type: 'Visit', from: 'T1', to: 'T2' }]);
    expect(result.warnings).toEqual([]);
    expect(result.skipped.map((problem) => problem.line).sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14]);
    expect(article.spans.map((span) => span.link ?? null)).toEqual([null, { db: 'wikidata', qid: 'Q3766' }, null]);
    expect(article.spans.find((span) => span.id === 'T3')?.roles).toEqual([{ role: 'Agent', target: 'T1' }]);
  });

  it('maps offsets that count a BOM and CRLF onto the document text, and warns when the text differs', () => {
    const text = '\ufeffالف\r\nب تهران';
    const ann = 'T1\tLOC 8 13\tتهران\nT2\tLOC 0 4\tغلط\n';
    const result = parseBratDocument({ name: 'a', text, ann, annFile: 'a.ann' });
    const [article] = result.articles;
    expect(article.text).toBe('الف\nب تهران');
    expect(article.spans.map((span) => slice(article.text, span.start, span.end))).toEqual(['تهران', 'الف']);
    expect(result.warnings).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('T2') })]);
  });

  it('imports an article with an empty .ann', () => {
    const result = parseBratDocument({ name: 'a', text: 'متن', ann: '', annFile: 'a.ann' });
    expect(result.articles[0].spans).toEqual([]);
    expect(result.skipped).toEqual([]);
  });
});
