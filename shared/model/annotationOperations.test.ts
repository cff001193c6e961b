import { describe, expect, it } from 'vitest';
import { addAnnotation, createAnnotationId, removeAnnotation, retagAnnotation } from './annotationOperations';
import { toDocumentAnnotations, toStoredAnnotations } from '../anchoring/documentAnnotation';
import { createOffsetConverter } from '../anchoring/offsets';
import { asUtf16Offset } from '../anchoring/offsetUnits';

const text = 'سلام 😀 به خبرگزاری ایرنا و IRNA خوش آمدید';
let counter = 0;
const context = { text, author: 'tester', now: '2026-01-01T00:00:00.000Z', newId: () => `id${++counter}` };

describe('annotation operations', () => {
  it('adds an annotation with the text it covers, in reading order', () => {
    const later = text.indexOf('IRNA');
    const first = addAnnotation([], { start: asUtf16Offset(later), end: asUtf16Offset(later + 4), type: 'ORG' }, context);
    const earlier = text.indexOf('ایرنا');
    const second = addAnnotation(first.annotations, { start: asUtf16Offset(earlier), end: asUtf16Offset(earlier + 5), type: 'ORG' }, context);
    expect(second.annotations.map((annotation) => annotation.text)).toEqual(['ایرنا', 'IRNA']);
    expect(second.annotations[0]).toMatchObject({ author: 'tester', created: context.now, type: 'ORG' });
  });

  it('does not duplicate an identical span of the same type', () => {
    const once = addAnnotation([], { start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'PER' }, context);
    const twice = addAnnotation(once.annotations, { start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'PER' }, context);
    expect(twice.annotations).toHaveLength(1);
    expect(twice.id).toBe(once.id);
  });

  it('finds the identical span among many, with others starting at the same offset before and after it', () => {
    let annotations: ReturnType<typeof addAnnotation>['annotations'] = [];
    for (let start = 0; start < 30; start++) {
      for (const [end, type] of [[start + 9, 'ORG'], [start + 4, 'PER'], [start + 4, 'LOC'], [start + 2, 'PER']] as const) {
        annotations = addAnnotation(annotations, { start: asUtf16Offset(start), end: asUtf16Offset(end), type }, context).annotations;
      }
    }
    const target = annotations.find((annotation) => annotation.start === 17 && annotation.end === 21 && annotation.type === 'LOC');
    const again = addAnnotation(annotations, { start: asUtf16Offset(17), end: asUtf16Offset(21), type: 'LOC' }, context);
    expect(again.id).toBe(target?.id);
    expect(again.annotations).toHaveLength(120);
    const otherType = addAnnotation(annotations, { start: asUtf16Offset(17), end: asUtf16Offset(21), type: 'MISC' }, context);
    expect(otherType.annotations).toHaveLength(121);
    expect(otherType.id).not.toBe(target?.id);
  });

  it('refuses spans outside the text or empty', () => {
    expect(() => addAnnotation([], { start: asUtf16Offset(3), end: asUtf16Offset(3), type: 'PER' }, context)).toThrow(RangeError);
    expect(() => addAnnotation([], { start: asUtf16Offset(0), end: asUtf16Offset(text.length + 1), type: 'PER' }, context)).toThrow(RangeError);
  });

  it('retags and removes by id without touching the others', () => {
    const { annotations, id } = addAnnotation([], { start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'PER' }, context);
    const other = addAnnotation(annotations, { start: asUtf16Offset(5), end: asUtf16Offset(7), type: 'MISC' }, context);
    const retagged = retagAnnotation(other.annotations, id, 'ORG', { author: 'b', now: 'later' });
    expect(retagged.find((annotation) => annotation.id === id)).toMatchObject({ type: 'ORG', modified: 'later' });
    expect(retagged.find((annotation) => annotation.id === other.id)).toBe(other.annotations.find((annotation) => annotation.id === other.id));
    expect(removeAnnotation(retagged, id).map((annotation) => annotation.id)).toEqual([other.id]);
  });

  it('creates distinct ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createAnnotationId()));
    expect(ids.size).toBe(1000);
  });
});

describe('document annotations (UTF-16) and stored annotations (code points)', () => {
  it('converts both ways around an emoji, keeping unknown fields', () => {
    const converter = createOffsetConverter(text);
    const utf16Start = text.indexOf('به');
    const stored = [{ id: 'x', type: 'MISC', start: 7, end: 9, text: 'به', extra: { kept: true } }];
    const inDocument = toDocumentAnnotations(stored, converter);
    expect(inDocument[0].start).toBe(utf16Start);
    expect(text.slice(inDocument[0].start, inDocument[0].end)).toBe('به');
    expect(toStoredAnnotations(inDocument, converter)).toEqual(stored);
  });

  it('converts fragment bounds of discontinuous spans', () => {
    const converter = createOffsetConverter(text);
    const stored = [{ id: 'd', type: 'ORG', start: 0, end: 9, text: 'سلام به', fragments: [{ start: 0, end: 4 }, { start: 7, end: 9 }] }];
    const inDocument = toDocumentAnnotations(stored, converter);
    expect(inDocument[0].fragments?.[1]).toEqual({ start: 8, end: 10 });
    expect(toStoredAnnotations(inDocument, converter)).toEqual(stored);
  });
});

describe('addAnnotations and updateAnnotationDetails', () => {
  it('adds many spans at once, skipping those already tagged with the same type', async () => {
    const { addAnnotations, updateAnnotationDetails } = await import('./annotationOperations');
    const first = addAnnotation([], { start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'LOC' }, context);
    const many = addAnnotations(first.annotations, [{ start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'LOC' }, { start: asUtf16Offset(5), end: asUtf16Offset(7), type: 'LOC' }, { start: asUtf16Offset(0), end: asUtf16Offset(4), type: 'PER' }], context);
    expect(many.ids).toHaveLength(2);
    expect(many.annotations).toHaveLength(3);
    const noted = updateAnnotationDetails(many.annotations, first.id, { note: 'بررسی شود', attributes: { uncertain: true } }, { now: 'n' });
    expect(noted.find((annotation) => annotation.id === first.id)).toMatchObject({ note: 'بررسی شود', attributes: { uncertain: true } });
    const cleared = updateAnnotationDetails(noted, first.id, { note: ' ', attributes: { uncertain: false } }, { now: 'n' });
    const annotation = cleared.find((item) => item.id === first.id);
    expect(annotation?.note).toBeUndefined();
    expect(annotation?.attributes).toBeUndefined();
  });
});
