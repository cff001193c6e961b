import { describe, expect, it } from 'vitest';
import { getExportFormat } from './registry';
import { nameProblemSpans, shownSpan, spanProblem } from './problemSpans';
import type { ExportDocument } from './exportTypes';

const TEXT = 'سفر وزیر امور خارجهٔ ایران به پکن';

function span(id: string, type: string, words: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(words))).length;
  return { id, type, start, end: start + Array.from(words).length, text: words };
}

describe('nameProblemSpans', () => {
  it('names each reported annotation by its text and type, never only by its id', () => {
    const document: ExportDocument = {
      id: 'news/a.txt',
      text: TEXT,
      annotations: [span('amxao41llz4iqdl', 'LOC', 'ایران'), span('b2', 'ORG', 'وزیر امور خارجهٔ ایران')],
      relations: [],
    };
    const output = nameProblemSpans(document, getExportFormat('conll').serializeDocument(document, {}));
    const overlap = output.report.problems.find((problem) => problem.kind === 'overlap');
    expect(overlap).toMatchObject({ annotation: 'amxao41llz4iqdl', span: { text: 'ایران', type: 'LOC' } });
  });
});

describe('token-format problems are coded (#19)', () => {
  it('carry the span overlapped and the format as parameters, and their English never names an internal id', () => {
    const document: ExportDocument = {
      id: 'news/a.txt',
      text: TEXT,
      annotations: [span('amxao41llz4iqdl', 'LOC', 'ایران'), span('b2xq7', 'ORG', 'وزیر امور خارجهٔ ایران'), { id: 'c9', type: 'PER', start: 3, end: 4, text: ' ' }],
      relations: [],
    };
    const { problems } = getExportFormat('conll').serializeDocument(document, {}).report;
    const overlap = problems.find((problem) => problem.kind === 'overlap');
    expect(overlap).toMatchObject({ span: { text: 'ایران', type: 'LOC' }, params: { format: 'CoNLL', other: { text: 'وزیر امور خارجهٔ ایران', type: 'ORG' } } });
    expect(overlap?.message).toContain('«ایران» (LOC) overlaps «وزیر امور خارجهٔ ایران» (ORG)');
    const empty = problems.find((problem) => problem.kind === 'empty-span');
    expect(empty).toMatchObject({ span: { text: ' ', type: 'PER' }, params: { format: 'CoNLL' } });
    for (const problem of problems) {
      for (const id of ['amxao41llz4iqdl', 'b2xq7', 'c9']) expect(problem.message).not.toContain(id);
    }
  });
});

/** The form before #25's change: at most 60 code points shown, else the first 59 and an ellipsis. */
function shownBefore(text: string): string {
  if (text.length <= 60) return text;
  const points = Array.from(text);
  return points.length <= 60 ? text : `${points.slice(0, 59).join('')}…`;
}

describe('shownSpan', () => {
  it('cuts a text exactly as Array.from did: 60 code points kept, more cut to 59 and an ellipsis, pairs and lone surrogates alike', () => {
    const pieces = ['ا', 'b', ' ', '\u200c', '\u00a0', '😀', '𝒜', '\ud800', '\udc00', '۳', '\r\n', '👍🏽'];
    let seed = 25;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const texts = ['', 'x'.repeat(60), 'x'.repeat(61), '😀'.repeat(60), '😀'.repeat(61), `${'x'.repeat(58)}😀😀`, `${'x'.repeat(59)}😀😀`, `${'x'.repeat(59)}\ud800`, `${'x'.repeat(60)}\ud800`];
    for (let index = 0; index < 2000; index++) {
      const length = Math.floor(random() * 90);
      let text = '';
      for (let piece = 0; piece < length; piece++) text += pieces[Math.floor(random() * pieces.length)];
      texts.push(text);
    }
    for (const text of texts) expect(shownSpan({ text, type: 'LOC' }).text, JSON.stringify(text)).toBe(shownBefore(text));
  });
});

describe('spanProblem', () => {
  it('is the plain object the literal was, with its keys in the same order (the report\'s JSON is the same)', () => {
    const annotation = { id: 'a1', text: 'ایران', type: 'LOC' };
    const overlap = spanProblem('overlap', 'lost', annotation, 'CoNLL', shownSpan({ text: 'وزیر', type: 'PER' }), 'm');
    const literal = { kind: 'overlap', effect: 'lost', annotation: 'a1', span: { text: 'ایران', type: 'LOC' }, params: { format: 'CoNLL', other: { text: 'وزیر', type: 'PER' } }, message: 'm' };
    expect(JSON.stringify(overlap, null, 2)).toBe(JSON.stringify(literal, null, 2));
    expect(JSON.stringify(spanProblem('empty-span', 'lost', annotation, 'CoNLL', null, 'm'))).toBe(JSON.stringify({ ...literal, kind: 'empty-span', params: { format: 'CoNLL' } }));
    for (const value of [overlap, overlap.span, overlap.params, overlap.params?.other]) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
