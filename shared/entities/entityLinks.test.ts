import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../model/documentMerge';
import { updateAnnotationDetails } from '../model/annotationOperations';
import { StoredAnnotationListSchema, type StoredAnnotation } from '../model/nativeFormat';
import { parseAnnotationFile } from '../model/readAnnotationFile';
import type { SavedDocument } from '../saveWire';
import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import { asUtf16Offset } from '../anchoring/offsetUnits';

const zarif: StoredAnnotation = { id: 'a1', type: 'PER', start: 0, end: 4, text: 'ظریف' };
const tehran: StoredAnnotation = { id: 'a2', type: 'LOC', start: 10, end: 15, text: 'تهران' };

function documentOf(annotations: StoredAnnotation[]): SavedDocument {
  return { status: 'in-progress', annotations, relations: [], labels: [] };
}

describe('the entity link on an annotation (#24)', () => {
  it('is read from a version 1 file and kept, by the fast path and by zod alike', () => {
    const file = {
      format: 'hashiye-annotations',
      version: 1,
      offsetUnit: 'codepoint',
      source: { file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', length: 15 },
      status: 'in-progress',
      annotations: [{ ...zarif, entity: 'e1' }, { ...tehran, roles: [], entity: 'e2' }],
      relations: [],
      labels: [],
    };
    const parsed = parseAnnotationFile(JSON.stringify(file));
    expect(parsed.ok && parsed.file.annotations.map((annotation) => annotation.entity)).toEqual(['e1', 'e2']);
    expect(StoredAnnotationListSchema.safeParse([{ ...zarif, entity: 3 }]).success).toBe(false);
  });

  it('merges like any other field: a link made here and a note made elsewhere both stay', () => {
    const base = documentOf([zarif, tehran]);
    const disk = documentOf([zarif, { ...tehran, note: 'capital' }]);
    const mine = documentOf([{ ...zarif, entity: 'e1' }, tehran]);
    const merge = mergeDocuments(base, disk, mine);
    expect(merge.conflicts).toEqual([]);
    expect(merge.merged.annotations).toEqual([{ ...zarif, entity: 'e1' }, { ...tehran, note: 'capital' }]);
  });

  it('two different links of one annotation are a conflict, never a silent overwrite', () => {
    const merge = mergeDocuments(documentOf([zarif]), documentOf([{ ...zarif, entity: 'e2' }]), documentOf([{ ...zarif, entity: 'e1' }]));
    expect(merge.conflicts).toHaveLength(1);
  });

  it('links and unlinks from the details', () => {
    const annotation: DocumentAnnotation = { id: 'a1', type: 'PER', start: asUtf16Offset(0), end: asUtf16Offset(4), text: 'ظریف' };
    const linked = updateAnnotationDetails([annotation], 'a1', { entity: 'e1' }, { now: 'now' });
    expect(linked[0]).toMatchObject({ entity: 'e1', modified: 'now' });
    expect('entity' in updateAnnotationDetails(linked, 'a1', { entity: null }, { now: 'later' })[0]).toBe(false);
  });
});
