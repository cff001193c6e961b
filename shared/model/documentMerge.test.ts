import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SavedDocument } from '../saveWire';
import { duplicateIds, mergeDocuments, sameItem } from './documentMerge';
import type { StoredAnnotation } from './nativeFormat';

const tehran: StoredAnnotation = { id: 'a1', type: 'LOC', start: 0, end: 5, text: 'تهران' };
const mashhad: StoredAnnotation = { id: 'a2', type: 'LOC', start: 10, end: 14, text: 'مشهد' };
const zarif: StoredAnnotation = { id: 'a3', type: 'PER', start: 20, end: 24, text: 'ظریف' };

function documentOf(annotations: StoredAnnotation[], extra: Partial<SavedDocument> = {}): SavedDocument {
  return { status: 'in-progress', annotations, relations: [], labels: [], ...extra };
}

describe('mergeDocuments', () => {
  it('keeps both writers’ new annotations', () => {
    const base = documentOf([tehran]);
    const result = mergeDocuments(base, documentOf([tehran, mashhad]), documentOf([tehran, zarif]));
    expect(result.conflicts).toEqual([]);
    expect(result.merged.annotations.map((item) => item.id).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(result.diskHadChanges).toBe(true);
    expect(result.needsWrite).toBe(true);
  });

  it('applies a deletion on one side and an addition on the other', () => {
    const base = documentOf([tehran, mashhad]);
    const result = mergeDocuments(base, documentOf([mashhad]), documentOf([tehran, mashhad, zarif]));
    expect(result.merged.annotations.map((item) => item.id)).toEqual(['a2', 'a3']);
    expect(result.conflicts).toEqual([]);
  });

  it('writes nothing and adopts the disk when only the disk changed', () => {
    const base = documentOf([tehran]);
    const disk = documentOf([tehran, mashhad], { status: 'done' });
    const result = mergeDocuments(base, disk, base);
    expect(result.needsWrite).toBe(false);
    expect(result.diskHadChanges).toBe(true);
    expect(result.merged).toEqual(disk);
  });

  it('needs no adoption when only this writer changed', () => {
    const base = documentOf([tehran]);
    const mine = documentOf([tehran, zarif]);
    const result = mergeDocuments(base, base, mine);
    expect(result.diskHadChanges).toBe(false);
    expect(result.needsWrite).toBe(true);
    expect(result.merged).toEqual(mine);
  });

  it('reports a conflict when both retag the same annotation differently, and keeps the disk version until settled', () => {
    const base = documentOf([tehran]);
    const disk = documentOf([{ ...tehran, type: 'ORG' }]);
    const mine = documentOf([{ ...tehran, type: 'FAC' }]);
    const result = mergeDocuments(base, disk, mine);
    expect(result.conflicts).toEqual([{ kind: 'annotation', key: 'a1', base: tehran, disk: disk.annotations[0], mine: mine.annotations[0] }]);
    expect(result.merged.annotations[0].type).toBe('ORG');
    expect(mergeDocuments(base, disk, mine, { a1: 'mine' }).merged.annotations[0].type).toBe('FAC');
    expect(mergeDocuments(base, disk, mine, { a1: 'disk' }).conflicts).toEqual([]);
  });

  it('treats the same change on both sides as no conflict, whatever the quote or modification time', () => {
    const base = documentOf([tehran]);
    const disk = documentOf([{ ...tehran, type: 'ORG', modified: '2026-01-01T00:00:00Z', quote: { prefix: 'x', suffix: 'y' } }]);
    const mine = documentOf([{ ...tehran, type: 'ORG', modified: '2026-01-02T00:00:00Z' }]);
    expect(mergeDocuments(base, disk, mine).conflicts).toEqual([]);
  });

  it('reports an edit against a deletion as a conflict', () => {
    const base = documentOf([tehran]);
    const result = mergeDocuments(base, documentOf([]), documentOf([{ ...tehran, note: 'پایتخت' }]));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ kind: 'annotation', key: 'a1', disk: null });
  });

  it('merges the status three ways and reports a status both changed', () => {
    const base = documentOf([], { status: 'in-progress' });
    expect(mergeDocuments(base, documentOf([], { status: 'done' }), base).merged.status).toBe('done');
    const both = mergeDocuments(base, documentOf([], { status: 'done' }), documentOf([], { status: 'needs-review' }));
    expect(both.conflicts).toEqual([{ kind: 'status', key: 'status', base: 'in-progress', disk: 'done', mine: 'needs-review' }]);
    expect(mergeDocuments(base, documentOf([], { status: 'done' }), documentOf([], { status: 'needs-review' }), { status: 'mine' }).merged.status).toBe('needs-review');
  });

  it('merges labels as sets', () => {
    const base = documentOf([], { labels: ['politics', 'economy'] });
    const result = mergeDocuments(base, documentOf([], { labels: ['politics', 'sport'] }), documentOf([], { labels: ['politics', 'economy', 'culture'] }));
    expect(result.merged.labels.sort()).toEqual(['culture', 'politics', 'sport']);
  });

  it('does not let a relation point at an annotation the other side deleted', () => {
    const base = documentOf([tehran, mashhad]);
    const disk = documentOf([mashhad]);
    const mine = documentOf([tehran, mashhad], { relations: [{ id: 'r1', type: 'near', from: 'a1', to: 'a2' }] });
    const result = mergeDocuments(base, disk, mine);
    expect(result.conflicts).toMatchObject([{ kind: 'annotation', key: 'a1' }]);
    const keep = mergeDocuments(base, disk, mine, { a1: 'mine' });
    expect(keep.merged.annotations.map((item) => item.id).sort()).toEqual(['a1', 'a2']);
    expect(keep.merged.relations).toHaveLength(1);
    const drop = mergeDocuments(base, disk, mine, { a1: 'disk' });
    expect(drop.merged.annotations.map((item) => item.id)).toEqual(['a2']);
    expect(drop.merged.relations).toEqual([]);
  });

  it('keeps this writer’s order and places the other writer’s items after their neighbours', () => {
    const base = documentOf([tehran, zarif]);
    const result = mergeDocuments(base, documentOf([tehran, mashhad, zarif]), documentOf([zarif, tehran]));
    expect(result.merged.annotations.map((item) => item.id)).toEqual(['zarif', 'tehran', 'mashhad'].map((name) => ({ tehran: 'a1', mashhad: 'a2', zarif: 'a3' })[name]));
  });

  const annotationArbitrary = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    type: fc.constantFrom('PER', 'ORG', 'LOC'),
    start: fc.integer({ min: 0, max: 50 }),
    end: fc.integer({ min: 51, max: 100 }),
    text: fc.constant('x'),
  });
  const listArbitrary = fc.uniqueArray(annotationArbitrary, { selector: (item) => item.id, maxLength: 6 });

  it('is the identity when nobody changed anything, and takes the only side that changed', () => {
    fc.assert(
      fc.property(listArbitrary, listArbitrary, (base, changed) => {
        const baseDocument = documentOf(base);
        const changedDocument = documentOf(changed);
        const mineOnly = mergeDocuments(baseDocument, baseDocument, changedDocument);
        const diskOnly = mergeDocuments(baseDocument, changedDocument, baseDocument);
        expect(mineOnly.conflicts).toEqual([]);
        expect(diskOnly.conflicts).toEqual([]);
        expect(mineOnly.merged.annotations).toEqual(changed);
        expect(new Set(diskOnly.merged.annotations.map((item) => item.id))).toEqual(new Set(changed.map((item) => item.id)));
        expect(diskOnly.needsWrite).toBe(false);
      }),
    );
  });

  it('never loses an item only one side touched, and conflicts are the same whichever side is mine', () => {
    fc.assert(
      fc.property(listArbitrary, listArbitrary, listArbitrary, (base, disk, mine) => {
        const forward = mergeDocuments(documentOf(base), documentOf(disk), documentOf(mine));
        const backward = mergeDocuments(documentOf(base), documentOf(mine), documentOf(disk));
        expect(forward.conflicts.map((conflict) => conflict.key).sort()).toEqual(backward.conflicts.map((conflict) => conflict.key).sort());
        const merged = new Map(forward.merged.annotations.map((item) => [item.id, item]));
        const baseById = new Map(base.map((item) => [item.id, item]));
        for (const item of mine) {
          const untouchedOnDisk = sameItem(baseById.get(item.id), disk.find((candidate) => candidate.id === item.id));
          if (untouchedOnDisk) expect(merged.get(item.id)).toEqual(item);
        }
        expect(duplicateIds(forward.merged.annotations)).toEqual([]);
      }),
    );
  });
});

describe('duplicateIds', () => {
  it('names each id used twice once', () => {
    expect(duplicateIds([{ id: 'dup' }, { id: 'x' }, { id: 'dup' }, { id: 'dup' }])).toEqual(['dup']);
  });
});
