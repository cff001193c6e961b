import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS } from './exportTypes';
import { getExportFormat } from './registry';
import { fixtureDocument, randomDocument } from './testArticles';

/**
 * (#25) A format that says its main file is its chunks joined (`mainFileIsChunks`) gives exactly
 * that from `finish` and nothing else: the export then joins the chunks' bytes, encoded where the
 * articles were serialized, instead of calling `finish`.
 */
describe('mainFileIsChunks', () => {
  const documents = [fixtureDocument(), ...Array.from({ length: 12 }, (_, index) => randomDocument(index + 1)), fixtureDocument('news/002.txt')];

  it('is said of CoNLL and doccano JSONL', () => {
    expect(EXPORT_FORMAT_IDS.filter((id) => getExportFormat(id).mainFileIsChunks === true)).toEqual(['conll', 'jsonl']);
  });

  for (const id of EXPORT_FORMAT_IDS.filter((format) => getExportFormat(format).mainFileIsChunks === true)) {
    it(`${id}: finish gives one main file, the chunks joined in order`, () => {
      const format = getExportFormat(id);
      for (const scheme of ['iob2', 'bioes'] as const) {
        const outputs = documents.map((document) => format.serializeDocument(document, { scheme }));
        expect(outputs.every((output) => output.files.length === 0)).toBe(true);
        const files = format.finish(outputs, { scheme });
        expect(files).toEqual([{ path: files[0].path, content: outputs.map((output) => output.chunk).join(''), role: 'main' }]);
        expect(files[0].path.endsWith(format.mainExtension ?? '')).toBe(true);
      }
    });
  }
});
