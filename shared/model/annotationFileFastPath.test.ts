import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastAnnotationFile } from './annotationFileFastPath';
import { migrateToCurrent } from './migrations';
import { AnnotationFileSchema, StoredAnnotationSchema } from './nativeFormat';
import { annotationFileOf, parseAnnotationFile } from './readAnnotationFile';

/** (#25) The file-level fast path accepts only what zod accepts, and gives what zod gives. */

/** What a file's check was before the fast path: zod alone, its annotation list without a fast path too. */
const zodFile = AnnotationFileSchema.extend({ annotations: z.array(StoredAnnotationSchema) });

/** The same value, and its objects' keys in the same order (toStrictEqual ignores the order). */
function expectSameValue(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  const keyOrder = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(keyOrder) : typeof value === 'object' && value !== null ? Object.entries(value).map(([key, inner]) => [key, keyOrder(inner)]) : value;
  expect(keyOrder(actual)).toStrictEqual(keyOrder(expected));
}

const SHA = 'a'.repeat(64);
/** A file as Hashiye writes it (the quote after the author, as the bench's files and saves have it). */
const written = {
  format: 'hashiye-annotations',
  version: 1,
  offsetUnit: 'codepoint',
  source: { file: 'a.txt', sha256: SHA, encoding: 'utf-8', length: 20 },
  status: 'in-progress',
  annotations: [
    { id: 'B1', type: 'LOC', start: 0, end: 5, text: 'ایران', author: 'bench', created: '2025-01-01T00:00:00.000Z', quote: { prefix: '', suffix: ' و' } },
    { id: 'B2', type: 'PER', start: 6, end: 9, text: 'علی', quote: { prefix: 'x', suffix: 'y' }, note: 'n', attributes: { sure: true } },
  ],
  relations: [],
  labels: [],
  updated: '2025-01-01T00:00:00.000Z',
};

/** Each field of a file: a good value, a missing one, and wrong ones of each kind. */
const junk = fc.constantFrom<unknown>(undefined, null, true, -1, 0.5, '', 'x', [], {}, [1], ['x'], { a: 1 });
/** Mostly `valid`, sometimes a wrong value of any kind. */
const mostly = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: junk });
const fieldValues: Record<string, fc.Arbitrary<unknown>> = {
  format: fc.constantFrom<unknown>(...Array<string>(12).fill('hashiye-annotations'), 'other'),
  version: fc.constantFrom<unknown>(...Array<number>(12).fill(1), 2),
  offsetUnit: fc.constantFrom<unknown>(...Array<string>(12).fill('codepoint'), 'utf16'),
  source: mostly(
    fc.record(
      {
        file: mostly(fc.string()),
        sha256: fc.constantFrom<unknown>(SHA, SHA, SHA, SHA, SHA, SHA, 'A'.repeat(64), 'abc', 5),
        encoding: mostly(fc.constantFrom('utf-8', 'windows-1256')),
        length: mostly(fc.nat()),
        encodingChosen: mostly(fc.boolean()),
        zz: mostly(fc.string()),
      },
      { requiredKeys: ['file', 'sha256', 'encoding', 'length'] },
    ),
  ),
  status: mostly(fc.constantFrom('new', 'done', 'approved', 'in-progress', 'needs-review', 'rejected', 'finished')),
  annotations: mostly(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(written.annotations) },
      { weight: 1, arbitrary: fc.array(fc.record({ id: fc.constantFrom<unknown>('T1', '', 3), type: fc.constant('LOC'), start: fc.constantFrom<unknown>(0, -1), end: fc.constant(2), text: fc.constant('ab'), roles: fc.constant([{ role: 'r', target: 'T1' }]) }, { requiredKeys: ['id', 'start'] }), { maxLength: 3 }) },
    ),
  ),
  relations: mostly(fc.constantFrom<unknown>([], [], [{ id: 'R1', type: 'in', from: 'B1', to: 'B2', zz: 1 }], [{ id: '', type: 'in', from: 'B1', to: 'B2' }])),
  labels: mostly(fc.constantFrom<unknown>([], [], ['a', 'b'], [1])),
  documentLabels: mostly(fc.constantFrom<unknown>({ topic: 'sport', tags: ['a'], score: 3 }, {}, { topic: 'x' }, { '': 'x' })),
  zones: mostly(fc.constantFrom<unknown>([{ id: 'z1', type: 'boilerplate', start: 0, end: 3 }], [], [], [{ id: 'z1', type: '', start: 0, end: 3 }])),
  tokens: mostly(fc.constantFrom<unknown>([[0, 5], [6, 9]], [], [[1, 2]], [[0, -1]])),
  assignee: mostly(fc.string()),
  updated: mostly(fc.string()),
  orphans: mostly(fc.constant([{ id: 'o' }])),
  zz: mostly(fc.string()),
};

/** A file with each field present or not, in a shuffled order, with any of the values above. */
const REQUIRED = ['format', 'version', 'offsetUnit', 'source', 'status', 'annotations'];
const annotationFile = fc
  .tuple(fc.oneof(fc.record(fieldValues, { requiredKeys: REQUIRED }), fc.record(fieldValues, { requiredKeys: [] })), fc.array(fc.nat(), { minLength: 14, maxLength: 14 }))
  .map(([fields, order]) => Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (order[a.length % 14] % 3) - (order[b.length % 14] % 3))));

describe('the annotation file fast path (#25)', () => {
  it('takes only files zod accepts, and gives what zod gives for them', () => {
    let taken = 0;
    fc.assert(
      fc.property(annotationFile, (value) => {
        const quick = fastAnnotationFile(value);
        if (quick !== null) taken++;
        const parsed = AnnotationFileSchema.safeParse(value);
        const reference = zodFile.safeParse(value);
        expect(parsed.success).toBe(reference.success);
        if (quick !== null) {
          expect(parsed.success).toBe(true);
          if (parsed.success && reference.success) {
            expectSameValue(quick, parsed.data);
            expectSameValue(quick, reference.data);
          }
        }
      }),
      { numRuns: 4000 },
    );
    // The generated files reach the fast path often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(40);
  });

  it('answers for every file exactly as zod alone did: the value, or the problem and its message', () => {
    fc.assert(
      fc.property(annotationFile, (value) => {
        const answer = annotationFileOf(value);
        // An unknown format or version is refused before the schema is asked, as it always was.
        const migrated = migrateToCurrent(value);
        if (!migrated.ok || (value.format !== undefined && value.format !== 'hashiye-annotations')) return;
        const reference = zodFile.safeParse(migrated.file);
        expect(answer.ok).toBe(reference.success);
        if (answer.ok && reference.success) expectSameValue(answer.file, reference.data);
        if (!answer.ok && !reference.success) {
          const issue = reference.error.issues[0];
          expect(answer.problem.message).toBe(`Invalid field ${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('takes the files Hashiye writes, with and without the optional fields (zod is not asked)', () => {
    const full = { ...written, documentLabels: { topic: 'sport' }, zones: [{ id: 'z1', type: 'boilerplate', start: 0, end: 3 }], tokens: [[0, 5]], assignee: 'sara', orphans: [] };
    for (const file of [written, full, { ...written, relations: [{ id: 'R1', type: 'in', from: 'B1', to: 'B2' }] }]) {
      const text = JSON.stringify(file, null, 2);
      const quick = fastAnnotationFile(JSON.parse(text));
      expect(quick).not.toBeNull();
      const parsed = parseAnnotationFile(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expectSameValue(parsed.file, zodFile.parse(JSON.parse(text)));
    }
    // Without `relations` and `labels`: read as empty, in their place.
    const { relations: _relations, labels: _labels, ...bare } = written;
    expectSameValue(fastAnnotationFile(bare), zodFile.parse(bare));
  });

  it('leaves to zod what it does not recognise: an own __proto__ key, a class instance, an undefined field, a chosen encoding that is not a boolean', () => {
    const text = JSON.stringify(written);
    expect(fastAnnotationFile(JSON.parse(`${text.slice(0, -1)},"__proto__":{"x":1}}`))).toBeNull();
    expect(fastAnnotationFile(JSON.parse(text.replace('"file":"a.txt"', '"__proto__":{},"file":"a.txt"')))).toBeNull();
    expect(fastAnnotationFile(Object.assign(Object.create({ inherited: 1 }) as object, written))).toBeNull();
    expect(fastAnnotationFile({ ...written, assignee: undefined })).toBeNull();
    const chosen = { ...written, source: { ...written.source, encodingChosen: 'yes' } };
    expect(fastAnnotationFile(chosen)).toBeNull();
    // zod reads it as not chosen, and keeps the file.
    expect(parseAnnotationFile(JSON.stringify(chosen)).ok).toBe(true);
  });
});
