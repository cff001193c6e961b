import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { toDocumentAnnotations, toStoredAnnotations } from './documentAnnotation';
import { createOffsetConverter } from './offsets';

const text = '😀 تهران و 😀 شیراز';
const converter = createOffsetConverter(text);

describe('annotations loaded and saved', () => {
  it('come back byte for byte, each with its keys in the file order', () => {
    const stored = [
      { id: 'B1', type: 'LOC', start: 2, end: 7, text: 'تهران', author: 'bench', created: '2025-01-01T00:00:00.000Z' },
      { type: 'LOC', id: 'B2', end: 17, start: 12, text: 'شیراز', note: 'یادداشت', attributes: { a: 1 } },
      { id: 'B3', type: 'LOC', start: 2, end: 17, text: 'تهران و 😀 شیراز', fragments: [{ start: 2, end: 7 }, { start: 12, end: 17 }], modified: 't' },
      { id: 'B4', type: 'LOC', start: 12, end: 17, text: 'شیراز', author: 'bench', created: 'c', modified: 'm' },
      { id: 'B5', type: 'LOC', start: 12, end: 17, text: 'شیراز', author: undefined, created: 'c' },
      { id: 'B6', type: 'LOC', start: 12, end: 17, text: 'شیراز', author: 'bench', created: 'c', modified: 'm', note: 'n' },
    ] as StoredAnnotation[];
    const loaded = toDocumentAnnotations(stored, converter);
    expect(loaded.map((annotation) => Object.keys(annotation))).toEqual(stored.map((annotation) => Object.keys(annotation)));
    expect(loaded[1].start).toBe(14);
    expect(loaded[2].fragments?.[1]).toEqual({ start: 14, end: 19 });
    expect(JSON.stringify(toStoredAnnotations(loaded, converter))).toBe(JSON.stringify(stored));
    expect(toStoredAnnotations(loaded, converter)).toStrictEqual(stored);
    expect(Object.hasOwn(loaded[4], 'author')).toBe(true);
    expect(stored[1].start).toBe(12);
  });

  it('are plain objects', () => {
    const stored = JSON.parse(JSON.stringify([{ id: 'B1', type: 'LOC', start: 2, end: 7, text: 'تهران', author: 'bench' }])) as StoredAnnotation[];
    const [loaded] = toDocumentAnnotations(stored, converter);
    expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
    expect(loaded.constructor).toBe(Object);
    expect(structuredClone(loaded)).toStrictEqual({ ...stored[0], start: 3, end: 8 });
  });
});
