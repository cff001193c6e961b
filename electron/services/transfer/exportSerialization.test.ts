import { describe, expect, it } from 'vitest';
import { conllFormat } from '../../../shared/formats/conll';
import { fixtureDocument } from '../../../shared/formats/testArticles';
import { chunkBytesOf, exportBatchesOf, type ExportBatchItem } from './exportSerialization';
import { defaultExportWorkerCount } from './threads/exportWorkerStart';

describe('defaultExportWorkerCount', () => {
  it('leaves one core to the thread that receives and writes, and uses at most 4 workers', () => {
    // Measured (#25): on 2 cores a worker per core was slower than none; one core is left to the writer.
    expect([1, 2, 3, 4, 5, 8, 64].map(defaultExportWorkerCount)).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('never asks for a negative count on a machine reporting no cores', () => {
    expect(defaultExportWorkerCount(0)).toBe(0);
  });
});

describe('chunkBytesOf', () => {
  it('gives a worker bytes of their own to move, even for one chunk that is a view of a larger buffer (#25)', () => {
    const output = conllFormat.serializeDocument(fixtureDocument(), { utf8Chunks: true });
    const expected = Uint8Array.from(output.chunkBytes ?? []);
    // CoNLL's chunks are views of one arena: moving the arena would take the other chunks along.
    expect(output.chunkBytes?.byteLength).toBeLessThan(output.chunkBytes?.buffer.byteLength ?? 0);
    const items: ExportBatchItem[] = [{ kind: 'output', output }];
    const [moved, ...rest] = chunkBytesOf(items, true);
    expect(rest).toEqual([]);
    expect(moved.byteLength).toBe(moved.buffer.byteLength);
    expect(moved).toEqual(expected);
  });
});

describe('exportBatchesOf', () => {
  const ids = (count: number): string[] => Array.from({ length: count }, (_, index) => `a/${index}.txt`);

  it('keeps every article once and in order, in batches of 100 and the last 400 in batches of 25 (#25)', () => {
    const batches = exportBatchesOf(ids(10_000));
    expect(batches.flat()).toEqual(ids(10_000));
    expect(batches.map((batch) => batch.length)).toEqual([...Array<number>(96).fill(100), ...Array<number>(16).fill(25)]);
  });

  it('cuts a full batch short where the small ones begin, and gives small corpora small batches only', () => {
    expect(exportBatchesOf(ids(1_050)).map((batch) => batch.length)).toEqual([100, 100, 100, 100, 100, 100, 50, ...Array<number>(16).fill(25)]);
    expect(exportBatchesOf(ids(60)).map((batch) => batch.length)).toEqual([25, 25, 10]);
    expect(exportBatchesOf([])).toEqual([]);
  });
});
