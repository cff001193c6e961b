import { describe, expect, it } from 'vitest';
import { exportFormats } from './registry';
import type { ExportDocument, SerializeOptions } from './exportTypes';
import { fixtureDocument, randomDocument } from './testArticles';

/** The fields a format that `readsSpansOnly` never reads, given values that would show in any output that did. */
function withUnreadFields(document: ExportDocument): ExportDocument {
  return {
    ...document,
    annotations: document.annotations.map((annotation, index) => ({
      ...annotation,
      quote: { prefix: `«پیش ${index}»`, suffix: 'پس\t"' },
      author: `author-${index}`,
      created: '2020-01-01T00:00:00.000Z',
      modified: '2021-01-01T00:00:00.000Z',
      entity: `Q${index}`,
    })),
  };
}

function withoutUnreadFields(document: ExportDocument): ExportDocument {
  return { ...document, annotations: document.annotations.map(({ quote: _quote, author: _author, created: _created, modified: _modified, entity: _entity, ...kept }) => kept) };
}

describe('FormatSerializer.readsSpansOnly (#25)', () => {
  const spanFormats = Object.values(exportFormats).filter((format) => format.readsSpansOnly === true);

  it('is said by the token formats', () => {
    expect(spanFormats.map((format) => format.id).sort()).toEqual(['conll', 'hf']);
  });

  it('holds: a document with or without quotes, authors, dates and entity links gives the same output', () => {
    const documents = [fixtureDocument(), ...Array.from({ length: 30 }, (_, seed) => randomDocument(seed + 1))];
    const options: SerializeOptions[] = [{}, { scheme: 'bioes' }, { utf8Chunks: true, entities: new Map([['Q1', { id: 'Q1', name: 'x' }]]) }];
    for (const format of spanFormats) {
      for (const option of options) {
        const read = documents.map((document) => format.serializeDocument(withUnreadFields(document), option));
        const bare = documents.map((document) => format.serializeDocument(withoutUnreadFields(document), option));
        expect(read).toStrictEqual(bare);
        expect(format.finish(read, option)).toStrictEqual(format.finish(bare, option));
      }
    }
  });
});
