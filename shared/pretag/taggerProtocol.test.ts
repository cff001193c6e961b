import { describe, expect, it } from 'vitest';
import { checkTaggerSpans, describeTaggerSpanProblem, TaggerResponseSchema } from './taggerProtocol';

const TEXT = '😀 علی در تهران';
const TYPES = new Set(['PER', 'LOC']);

describe('the tagger protocol', () => {
  it('defaults the unit to code points and keeps extra fields as attributes', () => {
    const response = TaggerResponseSchema.parse({ spans: [{ start: 2, end: 5, type: 'PER', score: 0.91, source: { model: 'x' } }] });
    expect(response.unit).toBe('codepoint');
    expect(checkTaggerSpans(TEXT, response, TYPES)).toEqual({ spans: [{ start: 2, end: 5, type: 'PER', attributes: { score: 0.91, source: '{"model":"x"}' } }], problems: [] });
  });

  it('converts UTF-16 offsets to code points and refuses one inside a surrogate pair', () => {
    const response = TaggerResponseSchema.parse({ unit: 'utf16', spans: [{ start: 3, end: 6, type: 'PER' }, { start: 1, end: 6, type: 'PER' }] });
    const checked = checkTaggerSpans(TEXT, response, TYPES);
    expect(checked.spans).toEqual([{ start: 2, end: 5, type: 'PER' }]);
    expect(checked.problems).toEqual([{ kind: 'splitsCharacter', index: 1, start: 1, end: 6 }]);
  });

  it('reports spans off the text, empty or reversed, of unknown type or in boilerplate, and writes the rest', () => {
    const response = TaggerResponseSchema.parse({
      spans: [
        { start: 9, end: 14, type: 'LOC' },
        { start: 9, end: 99, type: 'LOC' },
        { start: -1, end: 2, type: 'LOC' },
        { start: 5, end: 5, type: 'LOC' },
        { start: 6, end: 2, type: 'LOC' },
        { start: 2, end: 5, type: 'WEAPON' },
        { start: 6, end: 8, type: 'LOC' },
      ],
    });
    const checked = checkTaggerSpans(TEXT, response, TYPES, [{ start: 6, end: 8 }]);
    expect(checked.spans).toEqual([{ start: 9, end: 14, type: 'LOC' }]);
    expect(checked.problems.map((problem) => problem.kind)).toEqual(['offText', 'offText', 'emptyOrReversed', 'emptyOrReversed', 'unknownType', 'overlapsBoilerplate']);
    expect(describeTaggerSpanProblem(checked.problems[0])).toBe('span 1 [9, 99) is off the text (length 14)');
  });

  it('refuses an answer without spans or with an unknown unit', () => {
    expect(TaggerResponseSchema.safeParse({ entities: [] }).success).toBe(false);
    expect(TaggerResponseSchema.safeParse({ spans: [], unit: 'byte' }).success).toBe(false);
  });
});
