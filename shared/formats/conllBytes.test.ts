import { describe, expect, it } from 'vitest';
import { conllFormat } from './conll';
import type { ExportDocument, SerializeOptions } from './exportTypes';
import { fixtureDocument, randomDocument, spanOf } from './testArticles';

/**
 * (#25) Asked for bytes (`utf8Chunks`), CoNLL writes each chunk as UTF-8 itself. They must be
 * exactly TextEncoder's encoding of the string chunk, with the same report, on every kind of text.
 */
const encoder = new TextEncoder();

/** Where two byte arrays first differ (the shorter one's length when one is a prefix of the other), or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) if (a[index] !== b[index]) return index;
  return a.length === b.length ? -1 : Math.min(a.length, b.length);
}

function expectSameBytes(document: ExportDocument, options: SerializeOptions = {}): void {
  const asString = conllFormat.serializeDocument(document, options);
  const asBytes = conllFormat.serializeDocument(document, { ...options, utf8Chunks: true });
  expect(asBytes.chunk).toBe('');
  expect(firstDifference(asBytes.chunkBytes ?? new Uint8Array(0), encoder.encode(asString.chunk))).toBe(-1);
  expect(asBytes.report).toEqual(asString.report);
  expect(asString.chunkBytes).toBeUndefined();
}

describe('CoNLL chunks as UTF-8 bytes (#25)', () => {
  it('are the string chunk encoded: fixtures and random articles, every scheme', () => {
    for (const scheme of ['iob2', 'iob1', 'bioes'] as const) {
      expectSameBytes(fixtureDocument(), { scheme });
      expectSameBytes(fixtureDocument('news/002.txt'), { scheme });
      for (let seed = 1; seed <= 30; seed++) expectSameBytes(randomDocument(seed), { scheme });
    }
  });

  it('encode one-, two-, three- and four-byte characters, lone surrogates and non-ASCII tags', () => {
    const text = 'a é ب ‌ی 😀👍🏽 𝒜lice \uD800 x\uDC00y \uDBFF\uDFFF z\uD83D';
    expectSameBytes({ id: 'u.txt', text, annotations: [spanOf(text, 'T1', 'شخص', 'é ب'), spanOf(text, 'T2', 'Ñame', '𝒜lice')], relations: [] });
    expectSameBytes({ id: 'empty.txt', text: '', annotations: [], relations: [] });
    expectSameBytes({ id: 'blank.txt', text: ' \n\n ', annotations: [], relations: [] });
  });

  it('write a source token`s tab or line end as a space and report it once', () => {
    const text = 'a\tb c\nd e\r\nf 😀';
    const document: ExportDocument = { id: 's.txt', text, annotations: [spanOf(text, 'T1', 'PER', 'c\nd')], relations: [], tokens: [[0, 3], [4, 7], [8, 12], [13, 14]] };
    expectSameBytes(document);
    const output = conllFormat.serializeDocument(document, { utf8Chunks: true });
    expect(output.report.problems.filter((problem) => problem.kind === 'token-text-changed')).toHaveLength(3);
  });

  it('grow past the reused buffer on a long article', () => {
    const text = 'واژه‌ای بلند، 😀 و متن. '.repeat(3000);
    expectSameBytes({ id: 'long.txt', text, annotations: [spanOf(text, 'T1', 'LOC', 'بلند')], relations: [] });
  });

  it('stay as written while later chunks are written: views of one arena that never overlap, across full arenas', () => {
    // Enough chunks to fill several arenas, one of them longer than an arena on its own.
    const documents = Array.from({ length: 240 }, (_, index) => (index === 117 ? { id: 'huge.txt', text: 'واژه 😀. '.repeat(40_000), annotations: [], relations: [] } : randomDocument(index + 1)));
    const chunks = documents.map((document) => conllFormat.serializeDocument(document, { utf8Chunks: true }).chunkBytes ?? new Uint8Array(0));
    documents.forEach((document, index) => expect(firstDifference(chunks[index], encoder.encode(conllFormat.serializeDocument(document, {}).chunk)), document.id).toBe(-1));
    const arenas = new Set(chunks.map((chunk) => chunk.buffer));
    expect(arenas.size).toBeGreaterThan(1);
    expect(arenas.size).toBeLessThan(chunks.length);
  });
});
