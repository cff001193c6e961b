import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { acceptedAnnotation, markRejected, openSuggestions, selectSuggestions, unmarkRejected } from './suggestionDecisions';

const suggestion = (id: string, type: string, start: number, extra: Partial<StoredAnnotation> = {}): StoredAnnotation => ({
  id,
  type,
  start,
  end: start + 3,
  text: 'abc',
  author: 'gazetteer',
  attributes: { pretag: 'gazetteer', score: 0.9 },
  ...extra,
});

describe('suggestion decisions', () => {
  const suggested = [suggestion('s1', 'PER', 0), suggestion('s2', 'PER', 10), suggestion('s3', 'LOC', 20), suggestion('s4', 'LOC', 30, { attributes: { pretag: 'gazetteer', pretagRejected: true } })];
  const analyst: StoredAnnotation[] = [{ id: 'T1', type: 'PER', start: 10, end: 13, text: 'abc' }];

  it('shows only suggestions neither rejected nor already annotated, and selects one, a type or all', () => {
    const open = openSuggestions(suggested, analyst);
    expect(open.map((entry) => entry.id)).toEqual(['s1', 's3']);
    expect(selectSuggestions(open, { kind: 'type', type: 'PER' }).map((entry) => entry.id)).toEqual(['s1']);
    expect(selectSuggestions(open, { kind: 'one', id: 's3' }).map((entry) => entry.id)).toEqual(['s3']);
    expect(selectSuggestions(open, { kind: 'all' })).toHaveLength(2);
  });

  it('accepts as a plain analyst annotation and marks rejections in the annotator file, undoably', () => {
    expect(acceptedAnnotation(suggested[0], { id: 'T9', author: 'ali', now: 'now' })).toEqual({ id: 'T9', type: 'PER', start: 0, end: 3, text: 'abc', author: 'ali', created: 'now' });
    const rejected = markRejected(suggested, new Set(['s1']));
    expect(rejected[0].attributes).toEqual({ pretag: 'gazetteer', score: 0.9, pretagRejected: true });
    expect(rejected.slice(1)).toEqual(suggested.slice(1));
    expect(unmarkRejected(rejected, new Set(['s1']))[0]).toEqual(suggested[0]);
    // A hand annotation in the file is never marked.
    expect(markRejected([{ id: 'h', type: 'PER', start: 0, end: 1, text: 'a' }], new Set(['h']))[0].attributes).toBeUndefined();
  });
});
