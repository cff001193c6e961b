import { describe, expect, it } from 'vitest';
import { parseConll } from './conll';
import { decodeSentenceTags, encodeIob2, parseTag, type ParsedTag } from './tagScheme';

const options = { file: 'sample.conll', baseName: 'sample' };

function spansOf(content: string, extra: Partial<Parameters<typeof parseConll>[1]> = {}) {
  const result = parseConll(content, { ...options, ...extra });
  return {
    result,
    spans: result.articles.flatMap((article) => article.spans.map((span) => [span.type, Array.from(article.text).slice(span.start, span.end).join('')])),
  };
}

describe('parseTag', () => {
  it('reads prefixes with - or _, before or after the type, BILOU letters, bare types and keeps type spelling', () => {
    expect(parseTag('B-PER')).toEqual({ outside: false, prefix: 'B', type: 'PER', bare: false });
    expect(parseTag('I_ORG')).toEqual({ outside: false, prefix: 'I', type: 'ORG', bare: false });
    expect(parseTag('PER-B')).toEqual({ outside: false, prefix: 'B', type: 'PER', bare: false });
    expect(parseTag('B-Population-Center')).toMatchObject({ prefix: 'B', type: 'Population-Center' });
    expect(parseTag('I-Other_PER')).toMatchObject({ prefix: 'I', type: 'Other_PER' });
    expect(parseTag('U-LOC')).toMatchObject({ prefix: 'S', type: 'LOC' });
    expect(parseTag('L-LOC')).toMatchObject({ prefix: 'E', type: 'LOC' });
    expect(parseTag('pers')).toMatchObject({ prefix: 'I', type: 'pers', bare: true });
    expect(parseTag('B-pers\u200f')).toMatchObject({ prefix: 'B', type: 'pers' });
    expect(parseTag('O')).toEqual({ outside: true });
    expect(parseTag('B-')).toBeNull();
    expect(parseTag('#$%')).toBeNull();
  });

  it('decodes BIOES, closing at E and S, and encodes IOB2', () => {
    const tags = ['S-PER', 'B-LOC', 'I-LOC', 'E-LOC', 'I-LOC', 'O', 'E-ORG'].map((tag) => parseTag(tag) as ParsedTag);
    const decoded = decodeSentenceTags(tags, 'bioes');
    expect(decoded.entities).toEqual([
      { type: 'PER', from: 0, to: 1 },
      { type: 'LOC', from: 1, to: 4 },
      { type: 'LOC', from: 4, to: 5 },
      { type: 'ORG', from: 6, to: 7 },
    ]);
    expect(decoded.repairedAt).toEqual([4, 6]);
    expect(encodeIob2(decoded.entities, 7)).toEqual(['B-PER', 'B-LOC', 'I-LOC', 'I-LOC', 'B-LOC', 'O', 'B-ORG']);
  });
});

describe('parseConll', () => {
  it('detects a space separator and IOB2; rebuilds text with spaces and line breaks; keeps token boundaries', () => {
    const { result, spans } = spansOf('علی B-PER\nدر O\nتهران B-LOC\n\nمی‌رود O\n');
    expect(result.separator).toBe('space');
    expect(result.scheme).toBe('iob2');
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0].text).toBe('علی در تهران\nمی‌رود');
    expect(result.articles[0].tokens).toEqual([[0, 3], [4, 6], [7, 12], [13, 19]]);
    expect(spans).toEqual([['PER', 'علی'], ['LOC', 'تهران']]);
  });

  it('reads | separated files whose tokens hold spaces, with B_ and I_ tags', () => {
    const { result, spans } = spansOf('حزب الله|B_ORG\nلبنان|I_ORG\nمی افتد|O\n\n');
    expect(result.separator).toBe('pipe');
    expect(result.articles[0].text).toBe('حزب الله لبنان می افتد');
    expect(result.articles[0].tokens).toEqual([[0, 8], [9, 14], [15, 22]]);
    expect(spans).toEqual([['ORG', 'حزب الله لبنان']]);
  });

  it('tolerates BOM, CRLF, LRM in tokens (kept), RLM in tags, and tab-only separator lines', () => {
    const content = '\ufeff\u200eبغداد\tB-LOC\r\n(\tO\r\n\t\r\n\u200eالعراق\tB-Nation\u200f\r\n\t\r\n';
    const { result, spans } = spansOf(content);
    expect(result.separator).toBe('tab');
    expect(result.skipped).toEqual([]);
    expect(result.articles[0].text).toBe('\u200eبغداد (\n\u200eالعراق');
    expect(spans).toEqual([['LOC', '\u200eبغداد'], ['Nation', '\u200eالعراق']]);
  });

  it('splits at -DOCSTART- into one article each, else every N sentences', () => {
    const withDocs = parseConll('-DOCSTART- -X- O O\n\nA B-PER\n\nB O\n-DOCSTART- -X- O O\n\nC B-LOC\n', options);
    expect(withDocs.articles.map((article) => article.text)).toEqual(['A\nB', 'C']);
    expect(withDocs.articles.map((article) => article.name)).toEqual(['sample-001', 'sample-002']);
    const sentences = Array.from({ length: 7 }, (_, index) => `w${index} O\n`).join('\n');
    const chunked = parseConll(sentences, { ...options, sentencesPerArticle: 3 });
    expect(chunked.articles.map((article) => article.text)).toEqual(['w0\nw1\nw2', 'w3\nw4\nw5', 'w6']);
  });

  it('is lenient about I- without B- in IOB2 and says so with the line', () => {
    const { result, spans } = spansOf('a B-PER\nb O\nc I-PER\nd I-PER\ne B-LOC\n');
    expect(result.scheme).toBe('iob2');
    expect(spans).toEqual([['PER', 'a'], ['PER', 'c d'], ['LOC', 'e']]);
    expect(result.warnings).toEqual([expect.objectContaining({ file: 'sample.conll', line: 3, reason: expect.stringContaining('I-PER') })]);
  });

  it('detects IOB1 (I- opens entities, B- only between two of a type) and BIOES', () => {
    const iob1 = spansOf('a I-PER\nb I-PER\nc B-PER\nd O\ne I-LOC\n');
    expect(iob1.result.scheme).toBe('iob1');
    expect(iob1.result.warnings).toEqual([]);
    expect(iob1.spans).toEqual([['PER', 'a b'], ['PER', 'c'], ['LOC', 'e']]);
    const bioes = spansOf('a B-ORG\nb E-ORG\nc S-ORG\nd U-PER\n');
    expect(bioes.result.scheme).toBe('bioes');
    expect(bioes.spans).toEqual([['ORG', 'a b'], ['ORG', 'c'], ['PER', 'd']]);
  });

  it('honours a forced separator and scheme', () => {
    const forced = parseConll('a b\tB-PER\nc\tE-PER\n', { ...options, separator: 'tab', scheme: 'bioes' });
    expect(forced.articles[0].text).toBe('a b c');
    expect(forced.scheme).toBe('bioes');
    // IOB2 has no E-: the file is refused at the line that says otherwise.
    const refused = parseConll('a b\tB-PER\nc\tE-PER\n', { ...options, separator: 'tab', scheme: 'iob2' });
    expect(refused.articles).toEqual([]);
    expect(refused.skipped[0]).toMatchObject({ line: 2, why: { code: 'tagOutsideScheme', tag: 'E-PER', scheme: 'iob2' } });
  });

  it('reports lines without a tag with file and line number, keeps the rest', () => {
    const { result, spans } = spansOf('a B-PER\nlonely\n\tO\nc B-LOC\n', { separator: 'space' });
    expect(result.skipped).toEqual([
      { file: 'sample.conll', line: 2, reason: expect.stringContaining('no tag'), why: { code: 'noTag', separator: 'space' } },
      { file: 'sample.conll', line: 3, reason: expect.stringContaining('no tag'), why: { code: 'noTag', separator: 'space' } },
    ]);
    expect(result.articles[0].text).toBe('a c');
    expect(spans).toEqual([['PER', 'a'], ['LOC', 'c']]);
  });

  it('refuses a file whose tag column is not tags, with file:line and a coded reason (#22)', () => {
    const { result } = spansOf('a B-PER\nb ???\nc B-LOC\n', { separator: 'space' });
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      { file: 'sample.conll', line: 2, reason: expect.stringContaining('«???» is not a tag'), why: { code: 'notATag', tag: '???' } },
      { file: 'sample.conll', line: 0, reason: expect.stringContaining('nothing of this file was imported'), why: { code: 'tagColumnRefused', lines: 1 } },
    ]);
  });

  it("refuses doccano's malformed CoNLL test file (first line SOCCERO SOCCERO SOCCERO) instead of reading it as IO", () => {
    // The first line as doccano's tests/data/sequence_labeling malformed file has it, and lines of its kind.
    const malformed = 'SOCCERO SOCCERO SOCCERO\nJAPAN JAPAN JAPAN\n\nNadim Nadim Nadim\n';
    const result = parseConll(malformed, options);
    expect(result.articles).toEqual([]);
    expect(result.skipped.map((problem) => [problem.line, problem.why?.code])).toEqual([[1, 'notATag'], [2, 'notATag'], [4, 'notATag'], [0, 'tagColumnRefused']]);
    expect(result.skipped[0].reason).toContain('«SOCCERO» is not a tag');
    // Said to be IO, the same file is read as IO: the user declared it.
    expect(parseConll(malformed, { ...options, scheme: 'io' }).articles).toHaveLength(1);
  });

  it('accepts only a declared tag set when one is given', () => {
    const result = parseConll('a B-PER\nb B-ORG\n', { ...options, tagSet: ['O', 'B-PER', 'I-PER'] });
    expect(result.articles).toEqual([]);
    expect(result.skipped[0]).toMatchObject({ line: 2, why: { code: 'tagNotDeclared', tag: 'B-ORG' } });
    expect(parseConll('a B-PER\nb O\n', { ...options, tagSet: ['O', 'B-PER', 'I-PER'] }).articles).toHaveLength(1);
  });

  it('counts emoji tokens as one code point each in the token boundaries', () => {
    const { result, spans } = spansOf('😀 O\nعلی B-PER\n🇮🇷 B-LOC\n');
    expect(result.articles[0].tokens).toEqual([[0, 1], [2, 5], [6, 8]]);
    expect(spans).toEqual([['PER', 'علی'], ['LOC', '🇮🇷']]);
  });

  it('returns no article for an empty file and for a file of blank lines', () => {
    expect(parseConll('', options).articles).toEqual([]);
    expect(parseConll('\n\t\n  \n', options).articles).toEqual([]);
  });

  it('handles a large file quickly (100,000 tokens)', () => {
    const content = Array.from({ length: 10_000 }, (_, sentence) => Array.from({ length: 10 }, (_, index) => `توکن${index} ${index === 0 ? 'B-PER' : index === 1 ? 'I-PER' : 'O'}`).join('\n') + (sentence % 500 === 499 ? '\n\n' : '\n\n')).join('');
    const result = parseConll(content, options);
    expect(result.articles).toHaveLength(200);
    expect(result.articles.reduce((sum, article) => sum + article.spans.length, 0)).toBe(10_000);
  });
});
