import { describe, expect, it } from 'vitest';
import { getExportFormat } from './registry';
import { nameProblemSpans } from './problemSpans';
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
