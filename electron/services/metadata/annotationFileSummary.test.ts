import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAscii, parseJsonBytesAsLatin1, summarizeAnnotationBytes, summarizeAnnotationText } from './annotationFileSummary';

function fileJson(fields: { status?: string; assignee?: string; annotations?: { id: string; type: string; text?: string }[]; relations?: { id: string; from: string; to: string }[]; orphans?: { id: string }[] }): string {
  return JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', status: fields.status ?? 'in-progress', assignee: fields.assignee, annotations: fields.annotations ?? [], relations: fields.relations ?? [], orphans: fields.orphans, labels: [] }, null, 2);
}

describe('summarizeAnnotationBytes (#18: the list reads a file without decoding its UTF-8)', () => {
  it('gives the UTF-8 summary for a file whose listed strings are ASCII, whatever its quotes hold', () => {
    const text = fileJson({ assignee: 'sara', annotations: [{ id: 'a1', type: 'PER', text: 'باقری 😀' }, { id: 'a2', type: 'LOC', text: 'دمشق' }, { id: 'a2', type: 'PER', text: '\u00e9' }], relations: [{ id: 'r1', from: 'a1', to: 'gone' }] });
    const bytes = Buffer.from(text, 'utf8');
    const summary = summarizeAnnotationBytes(bytes);
    expect(summary).not.toBeNull();
    expect(summary).toEqual(summarizeAnnotationText(text));
    expect(summary).toMatchObject({ status: 'in-progress', annotationCount: 3, tags: ['LOC', 'PER'], assignee: 'sara' });
    expect(summary?.invariantProblem?.message).toMatch(/«a2».*«r1» \(«gone»\)/);
  });

  it('leaves a file to the UTF-8 reading when a string it lists is not ASCII (a Persian assignee, type or id)', () => {
    for (const fields of [{ assignee: 'سارا' }, { annotations: [{ id: 'a1', type: 'شخص' }] }, { annotations: [{ id: 'الف', type: 'PER' }] }, { annotations: [{ id: 'a1', type: 'PER' }], relations: [{ id: 'r', from: 'a1', to: 'ب' }] }]) {
      const text = fileJson(fields);
      expect(summarizeAnnotationBytes(Buffer.from(text, 'utf8'))).toBeNull();
      expect(summarizeAnnotationText(text)).not.toBeNull();
    }
  });

  it('skips a UTF-8 byte-order mark, and refuses what is not JSON, as the UTF-8 reading does', () => {
    const text = fileJson({ annotations: [{ id: 'a1', type: 'PER', text: 'خبر' }] });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(summarizeAnnotationBytes(withBom)).toEqual(summarizeAnnotationText(withBom.toString('utf8')));
    expect(parseJsonBytesAsLatin1(Buffer.from('{"format":', 'utf8'))).toBeUndefined();
    expect(summarizeAnnotationBytes(Buffer.from('{"format":', 'utf8'))).toBeNull();
  });

  it('never disagrees with the UTF-8 reading: any strings, escapes and invalid UTF-8 inside them', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('a1', 'a2', 'PER', 'r1', '\\u0041', 'é', '\u2028', '\ufeff'));
    const invalid = fc.constantFrom(Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xff]), Buffer.alloc(0));
    fc.assert(
      fc.property(fc.array(fc.record({ id: piece, type: piece, text: piece }), { maxLength: 5 }), fc.array(fc.record({ id: piece, from: piece, to: piece }), { maxLength: 3 }), piece, invalid, fc.boolean(), (annotations, relations, assignee, junk, bom) => {
        const text = fileJson({ annotations, relations, assignee, orphans: [{ id: assignee }] }).replaceAll('\\\\u0041', '\\u0041');
        // Invalid UTF-8 inside the first string value, where a writer might have put it.
        const at = text.indexOf('"codepoint"') + 1;
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text.slice(0, at), 'utf8'), junk, Buffer.from(text.slice(at), 'utf8')]);
        const fast = summarizeAnnotationBytes(bytes);
        const exact = summarizeAnnotationText(bytes.toString('utf8'));
        if (fast !== null) expect(fast).toEqual(exact);
        if ([...annotations.flatMap((a) => [a.id, a.type]), ...relations.flatMap((r) => [r.id, r.from, r.to]), assignee].every(isAscii)) expect(fast).toEqual(exact);
      }),
      { numRuns: 300 },
    );
  });
});
