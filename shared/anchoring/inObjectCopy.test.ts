import { describe, expect, it } from 'vitest';
import { inObjectCopy } from './inObjectCopy';

describe('inObjectCopy', () => {
  it('keeps the keys in their order and the values, as a spread does', () => {
    const source = { id: 'B1', type: 'PER', start: 3, end: 9, text: 'رضا', author: 'a', created: 't', note: undefined };
    const copy = inObjectCopy(source);
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect(copy).not.toBe(source);
    expect(Object.hasOwn(copy, 'note')).toBe(true);
    copy.start = 4;
    expect(source.start).toBe(3);
  });

  it('makes plain objects, as a literal or a spread does', () => {
    const copy = inObjectCopy({ id: 'x', '2': 'two', b: 1 });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.constructor).toBe(Object);
    expect(Object.keys(copy)).toEqual(Object.keys({ id: 'x', '2': 'two', b: 1 }));
    expect(structuredClone(copy)).toStrictEqual({ id: 'x', '2': 'two', b: 1 });
  });

  it('keeps an own __proto__ key a field and leaves the prototype alone', () => {
    const source = JSON.parse('{"id":"x","__proto__":{"polluted":true},"type":"PER"}') as Record<string, unknown>;
    const copy = inObjectCopy(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['id', '__proto__', 'type']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('copies records of other shapes one after the other', () => {
    const records = [{ a: 1 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 }, { z: 0, a: 1 }];
    for (let round = 0; round < 20; round++) {
      for (const record of records) expect(JSON.stringify(inObjectCopy(record))).toBe(JSON.stringify(record));
    }
  });
});
