import { describe, expect, it } from 'vitest';
import { parseBratDocument } from '../../../../shared/formats/import/brat';
import { parseHf } from '../../../../shared/formats/import/hf';
import type { ImportProblem } from '../../../../shared/formats/import/importTypes';
import { parseJsonl } from '../../../../shared/formats/import/jsonl';
import { parseLabelStudio } from '../../../../shared/formats/import/labelstudio';
import { catalogText } from './defineCatalog';
import { importReasonCatalog, isImportReasonKey } from './importReasons';

const text = '😀 سرلشکر باقری در دمشق';

/** Every skip and warning the importers give for a batch of flawed sources (brat, Hugging Face, Label Studio, doccano). */
function flawedImportProblems(): ImportProblem[] {
  const brat = parseBratDocument({
    name: 'a',
    annFile: 'a.ann',
    text: 'Tehran and Damascus',
    ann: ['T1\tLOC 0 6\tTehrun', 'T1\tLOC 11 19\tDamascus', 'T2\tLOC 0 99\tx', 'T3 broken', 'A1\tNegated T9', '#1\tOther T1\tx', 'R1\tnear Arg1:T1 Arg2:T8', 'E1\tEvent:T1', 'N1\tReference T1 W:1', '*\tEquiv T1 T1', 'X1\twhat'].join('\n'),
  });
  const hf = parseHf(
    [
      '[1]',
      '{"tokens": ["a"]}',
      '{"tokens": ["a", "b"], "ner_tags": ["O"]}',
      '{"tokens": [""], "ner_tags": ["O"]}',
      '{"tokens": ["a"], "ner_tags": [7]}',
      '{"tokens": ["a"], "ner_tags": [{}]}',
      '{"tokens": ["a", "b"], "ner_tags": ["B-", "I-PER"]}',
    ].join('\n'),
    { file: 'hf.jsonl', baseName: 'hf' },
  );
  const hfNumbers = parseHf(['{"tokens": ["a"], "ner_tags": [1]}', '{"tokens": ["b"], "ner_tags": [1]}'].join('\n'), { file: 'n.jsonl', baseName: 'n' });
  const hfLabels = parseHf('{"tokens": ["a"], "ner_tags": [9]}', { file: 'l.jsonl', baseName: 'l', labelNames: ['O'] });
  const labelStudio = parseLabelStudio(
    JSON.stringify([
      7,
      { id: 2, data: {} },
      {
        id: 3,
        data: { text },
        annotations: [
          { id: 10, was_cancelled: true, result: [] },
          {
            id: 11,
            result: [
              5,
              { id: 'a', type: 'labels', value: { start: 'x', labels: ['PER'] } },
              { id: 'b', type: 'labels', value: { start: 3, end: 3, labels: ['PER'] } },
              { id: 'c', type: 'labels', value: { start: 3, end: 999, labels: ['PER'] } },
              { id: 'd', type: 'labels', value: { start: 1, end: 5, labels: ['PER'] } },
              { id: 'e', type: 'labels', value: { start: 3, end: 9, text: 'سرلشکر', labels: [] } },
              { id: 'f', type: 'labels', value: { start: 2, end: 8, text: 'سرلشکر', labels: ['PER'] } },
              { id: 'g', type: 'labels', value: { start: 3, end: 9, text: 'دمشق', labels: ['PER'] } },
              { id: 'h', type: 'rating', value: { rating: 3 } },
              { id: 'z', type: 'textarea', value: { text: ['note'] } },
              { type: 'relation', from_id: 'q', to_id: 'r' },
            ],
          },
          { id: 12, result: [] },
        ],
        predictions: [{ result: [] }],
      },
      { id: 4, data: { text }, annotations: [{ id: 13, result: 5 }] },
      {
        id: 5,
        data: { text },
        annotations: [{ id: 14, result: [{ id: 'a', type: 'labels', value: { start: 2, end: 8, labels: ['PER'] } }] }],
        predictions: [{ result: [] }],
      },
    ]),
    { file: 'ls.json', baseName: 'ls' },
  );
  const jsonl = parseJsonl(
    ['3', '{"x": 1}', '{"text": "abc", "label": 5}', '{"text": "abc", "label": [[0], [0, 9, "PER"]], "relations": [{}]}'].join('\n'),
    { file: 'd.jsonl', baseName: 'd' },
  );
  return [brat, hf, hfNumbers, hfLabels, labelStudio, jsonl].flatMap((result) => [...result.skipped, ...result.warnings]);
}

const ISOLATED = /\u2068[^\u2069]*\u2069/g;

describe('import reasons in the user’s language', () => {
  const problems = flawedImportProblems();

  it('every skip and warning of the importers carries a worded code', () => {
    expect(problems.length).toBeGreaterThan(30);
    expect(problems.filter((problem) => !problem.why || !isImportReasonKey(problem.why.code)).map((problem) => problem.reason)).toEqual([]);
  });

  it('covers the brat, Hugging Face, Label Studio and doccano codes', () => {
    const codes = new Set<string | undefined>(problems.map((problem) => problem.why?.code));
    const missing: string[] = [];
    for (const code of ['bratTextDiffers', 'bratDuplicateId', 'bratUnknownLine', 'hfCountMismatch', 'hfNumericTagRecords', 'lsAnnotationCancelled', 'offsetsReadAsCodePoints', 'statedTextDiffers', 'recordRefused',
      // The specific reasons a refused record or task gives (#22), never collapsed into a generic one.
      'lsRegionNotNumeric', 'lsRegionNoLabel', 'lsResultNotObject', 'lsResultsNotList', 'lsNoteUnattached', 'lsRelationUnattached', 'spanEmpty', 'offsetPastEnd',
      'jsonlLabelsNotList', 'jsonlNotSpan', 'jsonlRelationIncomplete']) {
      if (!codes.has(code)) missing.push(code);
    }
    expect(missing).toEqual([]);
    // The generic code is left only for a reason no specific code names.
    expect(codes.has('malformedRecord')).toBe(false);
  });

  it('each reason reads in Persian with Persian digits, its Latin names isolated, every placeholder filled; and in English', () => {
    const fa = catalogText(importReasonCatalog, 'fa');
    const en = catalogText(importReasonCatalog, 'en');
    for (const problem of problems) {
      if (!problem.why || !isImportReasonKey(problem.why.code)) continue;
      const { code, ...values } = problem.why;
      const persian = fa(code, values);
      expect(persian, code).not.toMatch(/\{\w+\}/);
      expect(persian.replace(ISOLATED, ''), `${code}: ${persian}`).not.toMatch(/[A-Za-z0-9]/);
      const english = en(code, values);
      expect(english, code).not.toMatch(/\{\w+\}/);
      expect(english, code).not.toMatch(/[۰-۹]/);
    }
  });
});
