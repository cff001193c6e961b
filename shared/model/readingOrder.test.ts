import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReadingOrder } from './annotationOperations';
import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import { loadedInReadingOrder } from './readingOrder';
import { asUtf16Offset } from '../anchoring/offsetUnits';

const annotation = (id: string, start: number, end: number): DocumentAnnotation => ({ id, type: 'LOC', start: asUtf16Offset(start), end: asUtf16Offset(end), text: 'x'.repeat(end - start) });

describe('loadedInReadingOrder', () => {
  it('keeps a list already in reading order as it is, the same array', () => {
    const list = [annotation('a', 0, 5), annotation('b', 0, 3), annotation('c', 4, 6)];
    const result = loadedInReadingOrder(list);
    expect(result.asLoaded).toBe(true);
    expect(result.annotations).toBe(list);
  });

  it('sorts a list out of order, and says so (its revision then names another order)', () => {
    const list = [annotation('c', 4, 6), annotation('a', 0, 5)];
    const result = loadedInReadingOrder(list);
    expect(result.asLoaded).toBe(false);
    expect(result.annotations.map((item) => item.id)).toEqual(['a', 'c']);
    expect(list.map((item) => item.id)).toEqual(['c', 'a']);
  });

  it('gives what sorting gives, and asLoaded exactly when sorting moved nothing', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'B1', 'B10'), start: fc.nat(20), length: fc.nat(5) }).map(({ id, start, length }) => annotation(id, start, start + length));
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (value) => value.id, maxLength: 6 }), (list) => {
        const sorted = [...list].sort(compareReadingOrder);
        const result = loadedInReadingOrder(list);
        expect(result.annotations).toEqual(sorted);
        expect(result.asLoaded).toBe(sorted.every((value, index) => value === list[index]));
      }),
    );
  });
});
