import { describe, expect, it } from 'vitest';
import { parseJsonl } from './jsonl';

const options = { file: 'data.jsonl', baseName: 'data' };

function textsOf(result: ReturnType<typeof parseJsonl>) {
  return result.articles.map((article) => article.spans.map((span) => [span.type, span.start, span.end, Array.from(article.text).slice(span.start, span.end).join('')]));
}

describe('parseJsonl (doccano)', () => {
  it('converts UTF-16 offsets to code points around emoji before, inside and after spans', () => {
    // JavaScript offsets: 😀 counts 2 units, so «علی» is [3, 6) in UTF-16 and [2, 5) in code points.
    const text = '😀 علی 👍🏽 و 🇮🇷ایران';
    const utf16 = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length];
    const line = JSON.stringify({ text, label: [[...utf16('علی'), 'PER'], [...utf16('🇮🇷ایران'), 'LOC'], [...utf16('👍🏽'), 'EMOJI']] });
    const result = parseJsonl(line, options);
    expect(result.skipped).toEqual([]);
    expect(textsOf(result)).toEqual([[['PER', 2, 5, 'علی'], ['LOC', 11, 18, '🇮🇷ایران'], ['EMOJI', 6, 8, '👍🏽']]]);
  });

  it('reads code-point offsets when asked, and refuses UTF-16 offsets that split a surrogate pair', () => {
    const text = '😀 علی';
    expect(textsOf(parseJsonl(JSON.stringify({ text, label: [[2, 5, 'PER']] }), { ...options, offsetUnit: 'codepoint' }))).toEqual([[['PER', 2, 5, 'علی']]]);
    const split = parseJsonl(JSON.stringify({ text, label: [[1, 3, 'X']] }), options);
    expect(split.articles).toEqual([]);
    expect(split.skipped).toEqual([
      { file: 'data.jsonl', line: 1, reason: expect.stringContaining('split a character beyond U+FFFF'), why: { code: 'offsetSplitsCharacter', start: 1, end: 3, where: 'label[0]' } },
      { file: 'data.jsonl', line: 1, reason: expect.stringContaining('nothing of it was imported'), why: { code: 'recordRefused' } },
    ]);
  });

  it('maps offsets that count CRLF onto the LF document text', () => {
    const result = parseJsonl(JSON.stringify({ text: 'الف\r\nب تهران', label: [[7, 12, 'LOC']] }), options);
    expect(result.articles[0].text).toBe('الف\nب تهران');
    expect(textsOf(result)).toEqual([[['LOC', 6, 11, 'تهران']]]);
  });

  it('reads the entities/relations variant and document labels', () => {
    const record = { text: 'علی در تهران', entities: [{ id: 7, start_offset: 0, end_offset: 3, label: 'PER' }, { id: 9, start_offset: 7, end_offset: 12, label: 'LOC' }], relations: [{ id: 1, from_id: 7, to_id: 9, type: 'livesIn' }, { from_id: 7, to_id: 99, type: 'x' }] };
    const result = parseJsonl(`${JSON.stringify(record)}\n${JSON.stringify({ text: 'خبر', label: ['سیاسی'] })}\n`, options);
    // A relation to an entity that is not there refuses the record whole (#22).
    expect(result.articles.map((article) => article.text)).toEqual(['خبر']);
    expect(result.skipped.map((problem) => [problem.line, problem.why])).toEqual([[1, { code: 'jsonlRelationIncomplete', where: 'relations[1]' }], [1, { code: 'recordRefused' }]]);
    expect(result.articles[0].labels).toEqual(['سیاسی']);
    const whole = { ...record, relations: [record.relations[0]] };
    expect(parseJsonl(JSON.stringify(whole), options).articles[0].relations).toEqual([{ id: 'R1', type: 'livesIn', from: 'T1', to: 'T2' }]);
  });

  it('reports malformed lines and spans by line and goes on', () => {
    const content = [
      JSON.stringify({ text: 'الف', label: [[0, 1, 'A']] }),
      '{"text": "broken", "label": [[0,',
      JSON.stringify({ label: [[0, 1, 'A']] }),
      JSON.stringify({ text: 'ب', label: [[0, 9, 'A'], [1, 0, 'B'], ['x', 1, 'C'], [0, 1]] }),
      '',
      JSON.stringify({ text: 'پ', label: [] }),
    ].join('\n');
    const result = parseJsonl(content, options);
    expect(result.articles.map((article) => article.text)).toEqual(['الف', 'پ']);
    expect(result.skipped.map((problem) => problem.line)).toEqual([2, 3, 4, 4, 4, 4, 4]);
    expect(result.skipped.slice(2).map((problem) => problem.why?.code)).toEqual(['offsetPastEnd', 'spanEmpty', 'offsetsNotWhole', 'jsonlNotSpan', 'recordRefused']);
    expect(result.skipped[0].reason).toContain('not valid JSON');
  });

  it('reads a pretty-printed multi-line record and a JSON array', () => {
    const pretty = `{\n  "text": "علی",\n  "label": [[0, 3, "PER"]]\n}\n{\n  "text": "ب",\n  "label": []\n}\n`;
    const result = parseJsonl(pretty, options);
    expect(result.skipped).toEqual([]);
    expect(result.articles.map((article) => article.origin.line)).toEqual([1, 5]);
    const array = parseJsonl(JSON.stringify([{ text: 'الف', label: [] }, { text: 'ب', label: [] }], null, 1), options);
    expect(array.articles).toHaveLength(2);
    expect(array.articles[1].origin.line).toBeGreaterThan(1);
  });

  it('refuses a record whose label field is not a list instead of importing its text bare', () => {
    const result = parseJsonl(JSON.stringify({ text: 'علی', label: 'PER' }), options);
    expect(result.articles).toEqual([]);
    expect(result.skipped.map((problem) => problem.why)).toEqual([{ code: 'jsonlLabelsNotList', field: 'label' }, { code: 'recordRefused' }]);
  });

  it('(#24) label variant: entity_links link the span with their offsets; one naming no span refuses the record', () => {
    const text = '😀 علی و علی';
    const linked = parseJsonl(JSON.stringify({ text, label: [[3, 6, 'PER'], [3, 6, 'NAME'], [9, 12, 'PER']], entity_links: [[3, 6, 'ali', 'Q42'], [3, 6, 'ali2', null], [9, 12, 'ali', null]] }), options);
    expect(linked.skipped).toEqual([]);
    expect(linked.articles[0].spans.map((span) => [span.type, span.start, span.link])).toEqual([
      ['PER', 2, { db: 'wikidata', qid: 'Q42' }],
      ['NAME', 2, { db: 'hashiye', id: 'ali2' }],
      ['PER', 8, { db: 'hashiye', id: 'ali' }],
    ]);
    for (const entityLinks of [[[0, 2, 'ali', null]], [[3, 6]], 'ali', [[3, 6, 'bad id!', null]]]) {
      const refused = parseJsonl(JSON.stringify({ text, label: [[3, 6, 'PER']], entity_links: entityLinks }), options);
      expect(refused.articles).toEqual([]);
      expect(refused.skipped.map((problem) => problem.why?.code)).toEqual(['jsonlEntityLinkUnmatched', 'recordRefused']);
    }
  });

  it('gives an empty file no article', () => {
    expect(parseJsonl('', options)).toEqual({ articles: [], skipped: [], warnings: [] });
  });
});
