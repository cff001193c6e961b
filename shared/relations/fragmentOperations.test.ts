import { describe, expect, it } from 'vitest';
import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import type { Utf16Offset, Utf16Range } from '../anchoring/offsetUnits';
import { addFragment, highlightPieces, pieceIndexAt, removeFragment, wordAfter } from './fragmentOperations';

const TEXT = 'وزیر امور خارجهٔ ایران و وزیر امور خارجهٔ عراق';
const at = (start: number, end: number): Utf16Range => ({ start: start as Utf16Offset, end: end as Utf16Offset });
const base = { id: 'a', type: 'ORG', ...at(0, 4), text: 'وزیر' } as DocumentAnnotation;

describe('discontinuous spans', () => {
  it('adds a fragment: outer bounds, text joined by one space, pieces in text order', () => {
    const [changed] = addFragment([base], 'a', at(17, 22), TEXT) ?? [];
    expect(changed.fragments).toEqual([at(0, 4), at(17, 22)]);
    expect([changed.start, changed.end]).toEqual([0, 22]);
    expect(changed.text).toBe('وزیر ایران');
    // Already covered: nothing to do. Touching a piece: joined with it.
    expect(addFragment([changed], 'a', at(18, 20), TEXT)).toBeNull();
    const [joined] = addFragment([changed], 'a', at(4, 10), TEXT) ?? [];
    expect(joined.fragments).toEqual([at(0, 10), at(17, 22)]);
  });

  it('removes a fragment, back to a plain span when one is left, never the last', () => {
    const [two] = addFragment([base], 'a', at(17, 22), TEXT) ?? [];
    const [one] = removeFragment([two], 'a', 0, TEXT) ?? [];
    expect(one).toEqual({ id: 'a', type: 'ORG', ...at(17, 22), text: 'ایران' });
    expect(removeFragment([one], 'a', 0, TEXT)).toBeNull();
  });

  it('draws a discontinuous span as one highlight per fragment, all with its id', () => {
    const [two] = addFragment([base], 'a', at(17, 22), TEXT) ?? [];
    expect(highlightPieces([two]).map((piece) => [piece.id, piece.start, piece.end])).toEqual([['a', 0, 4], ['a', 17, 22]]);
    expect(highlightPieces([base])).toEqual([base]);
  });
});

describe('keyboard fragments', () => {
  const text = 'علی در تهران و مشهد بود';
  const annotation = { id: 'T1', type: 'LOC', start: 7, end: 19, text: 'تهران مشهد', fragments: [{ start: 7, end: 12 }, { start: 15, end: 19 }] } as unknown as DocumentAnnotation;

  it('finds the piece under the caret, else the last piece', () => {
    expect(pieceIndexAt(annotation, 8)).toBe(0);
    expect(pieceIndexAt(annotation, 16)).toBe(1);
    expect(pieceIndexAt(annotation, 2)).toBe(1);
    expect(pieceIndexAt(annotation, null)).toBe(1);
  });

  it('offers the next word after a span for a keyboard selection', () => {
    expect(wordAfter(text, 12)).toEqual({ start: 13, end: 14 });
    expect(text.slice(19, 24)).toBe(' بود');
    expect(wordAfter(text, 19)).toEqual({ start: 20, end: 23 });
    expect(wordAfter(text, 23)).toBeNull();
  });
});
