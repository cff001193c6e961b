import { describe, expect, it } from 'vitest';
import { StringPool } from './stringPool';
import { toDocumentAnnotations } from '../anchoring/documentAnnotation';
import { createOffsetConverter } from '../anchoring/offsets';
import { asCodePointOffset } from '../anchoring/offsetUnits';
import type { StoredAnnotation } from './nativeFormat';

/** Two equal strings that are separate instances, as JSON.parse makes them. */
const parsedTwice = (value: string): [string, string] => JSON.parse(JSON.stringify([value, value])) as [string, string];

describe('StringPool', () => {
  it('gives back the first instance of each value', () => {
    const pool = new StringPool();
    const [first, second] = parsedTwice('PER');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe(first);
    expect(pool.intern('ORG')).toBe('ORG');
    expect(pool.size).toBe(2);
  });

  it('interns only the named fields that hold strings, and adds no field', () => {
    const pool = new StringPool();
    const record: { type: string; author?: string; start: number; note: string } = { type: 'PER', start: 3, note: 'x' };
    pool.internFields(record, ['type', 'author', 'start', 'note']);
    expect(record).toEqual({ type: 'PER', start: 3, note: 'x' });
    expect(Object.keys(record)).toEqual(['type', 'start', 'note']);
  });
});

describe('toDocumentAnnotations shares repeated values', () => {
  it('keeps every field and its order, and converts the offsets', () => {
    const text = 'a😀 bc bc';
    const stored = JSON.parse(
      JSON.stringify([
        { id: 'A1', type: 'PER', start: 3, end: 5, text: 'bc', author: 'sara', created: '2025-01-01T00:00:00.000Z', note: 'n' },
        { id: 'A2', type: 'PER', start: 6, end: 8, text: 'bc', author: 'sara', created: '2025-01-01T00:00:00.000Z' },
        { id: 'A3', start: 0, end: 1, type: 'ORG', text: 'a' },
      ]),
    ) as StoredAnnotation[];
    const converted = toDocumentAnnotations(stored, createOffsetConverter(text));
    expect(converted.map((annotation) => Object.keys(annotation))).toEqual(stored.map((annotation) => Object.keys(annotation)));
    expect(converted[0]).toEqual({ ...stored[0], start: 4, end: 6 });
    expect(converted[2]).toEqual({ id: 'A3', start: 0, end: 1, type: 'ORG', text: 'a' });
    expect('author' in converted[2]).toBe(false);
    expect(stored[0].start).toBe(asCodePointOffset(3));
  });

  it('holds one instance of each repeated type, author, time and quoted text', () => {
    const [typeA, typeB] = parsedTwice('PER');
    const [authorA, authorB] = parsedTwice('sara');
    const [textA, textB] = parsedTwice('bc');
    const stored = [
      { id: 'A1', type: typeA, start: 0, end: 2, text: textA, author: authorA },
      { id: 'A2', type: typeB, start: 3, end: 5, text: textB, author: authorB },
    ] as unknown as StoredAnnotation[];
    const [first, second] = toDocumentAnnotations(stored, createOffsetConverter('bc bc'));
    expect(second.type).toBe(first.type);
    expect(second.author).toBe(first.author);
    expect(second.text).toBe(first.text);
  });
});
