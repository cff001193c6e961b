import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { mergePretagRun } from './pretagMerge';

const options = (ids: string[]) => ({ source: 'gazetteer' as const, author: 'gazetteer', textOf: () => 'x', now: '2026-01-01T00:00:00.000Z', newId: () => ids.shift() ?? 'none' });

describe('mergePretagRun', () => {
  it('replaces the previous run, keeps hand work and rejected suggestions, and does not bring a rejected span back', () => {
    const existing: StoredAnnotation[] = [
      { id: 'a', type: 'PER', start: 0, end: 3, text: 'x', attributes: { pretag: 'gazetteer' } },
      { id: 'b', type: 'LOC', start: 5, end: 8, text: 'x', attributes: { pretag: 'gazetteer', pretagRejected: true } },
      { id: 'c', type: 'ORG', start: 10, end: 12, text: 'x' },
    ];
    const merged = mergePretagRun(existing, [
      { start: 0, end: 3, type: 'PER' },
      { start: 5, end: 8, type: 'LOC' },
      { start: 10, end: 12, type: 'ORG' },
    ], options(['b', 'n1']));
    expect(merged.annotations.map((annotation) => annotation.id)).toEqual(['b', 'c', 'n1']);
    expect(merged.annotations[2]).toMatchObject({ type: 'PER', start: 0, end: 3, author: 'gazetteer', attributes: { pretag: 'gazetteer' } });
    expect(merged).toMatchObject({ written: 1, alreadyThere: 2, replaced: 1 });
  });
});
