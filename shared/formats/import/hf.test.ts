import { describe, expect, it } from 'vitest';
import { parseHf } from './hf';

const options = { file: 'train.jsonl', baseName: 'train' };

describe('parseHf', () => {
  it('reads integer tags through the label list and string tags, joining records into articles', () => {
    const content = [
      JSON.stringify({ id: '0', tokens: ['علی', 'به', 'تهران', 'رفت'], ner_tags: [1, 0, 3, 0] }),
      JSON.stringify({ id: '1', tokens: ['کتاب‌ها', '😀'], ner_tags: [0, 0] }),
    ].join('\n');
    const result = parseHf(content, { ...options, labelNames: ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'] });
    expect(result.skipped).toEqual([]);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0].text).toBe('علی به تهران رفت\nکتاب‌ها 😀');
    expect(result.articles[0].tokens).toEqual([[0, 3], [4, 6], [7, 12], [13, 16], [17, 24], [25, 26]]);
    expect(result.articles[0].spans.map((span) => span.type)).toEqual(['PER', 'LOC']);
    const strings = parseHf(JSON.stringify({ tokens: ['a', 'b'], ner_tags: ['B-X', 'I-X'] }), options);
    expect(strings.articles[0].spans).toEqual([{ id: 'T1', type: 'X', start: 0, end: 3 }]);
  });

  it('groups by a document field when records have one', () => {
    const content = ['d1', 'd1', 'd2'].map((document, index) => JSON.stringify({ document, tokens: [`w${index}`], ner_tags: ['O'] })).join('\n');
    expect(parseHf(content, options).articles.map((article) => article.text)).toEqual(['w0\nw1', 'w2']);
  });

  it('reports records it cannot read, each with its line', () => {
    const content = [
      JSON.stringify({ tokens: ['a', 'b'], ner_tags: ['O'] }),
      JSON.stringify({ tokens: ['a', ''], ner_tags: ['O', 'O'] }),
      JSON.stringify({ tokens: ['a'], ner_tags: [7] }),
      JSON.stringify({ words: ['a'], tags: ['O'] }),
      'nonsense',
    ].join('\n');
    const result = parseHf(content, { ...options, labelNames: ['O'] });
    expect(result.skipped.map((problem) => [problem.line, problem.reason.split(';')[0]])).toEqual([
      [5, expect.stringContaining('not valid JSON')],
      [1, '2 tokens but 1 tags'],
      [2, expect.stringContaining('token 1')],
      [3, expect.stringContaining('tag 0 (7)')],
    ]);
    expect(result.articles[0].text).toBe('a');
  });

  it('asks for the label list when tags are numbers and none was given', () => {
    const content = [0, 1, 2].map(() => JSON.stringify({ tokens: ['a'], ner_tags: [0] })).join('\n');
    const result = parseHf(content, options);
    expect(result.articles).toEqual([]);
    expect(result.skipped.at(-1)).toEqual({ file: 'train.jsonl', line: 0, reason: expect.stringContaining('3 records have numeric tags'), why: { code: 'hfNumericTagRecords', count: 3 } });
  });

  it('refuses a file whose tags (as names or through the label list) are not tags, with file:line (#22)', () => {
    const words = [JSON.stringify({ tokens: ['SOCCER', '-', 'JAPAN'], ner_tags: ['O', 'O', 'B-LOC'] }), JSON.stringify({ tokens: ['SOCCERO'], ner_tags: ['SOCCERO'] })].join('\n');
    const result = parseHf(words, options);
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      { file: 'train.jsonl', line: 2, reason: expect.stringContaining('«SOCCERO» is not a tag'), why: { code: 'notATag', tag: 'SOCCERO' } },
      { file: 'train.jsonl', line: 0, reason: expect.stringContaining('nothing of this file was imported'), why: { code: 'tagColumnRefused', lines: 1 } },
    ]);
    // A label list (features) whose names are not tags refuses the file the same way.
    const numbers = JSON.stringify({ tokens: ['a', 'b'], ner_tags: [0, 1] });
    expect(parseHf(numbers, { ...options, labelNames: ['O', 'PERSON NAME'] }).skipped[0].why).toEqual({ code: 'notATag', tag: 'PERSON NAME' });
    expect(parseHf(numbers, { ...options, labelNames: ['O', 'B-PER'] }).articles).toHaveLength(1);
  });
});
