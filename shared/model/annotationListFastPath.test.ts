import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastStoredAnnotation, STORED_ANNOTATION_FIELDS } from './annotationListFastPath';
import { AnnotationFileSchema, StoredAnnotationListSchema, StoredAnnotationSchema } from './nativeFormat';

/** What the list was before the fast path: the reference every answer is compared with. */
const zodList = z.array(StoredAnnotationSchema);
const zodFile = AnnotationFileSchema.extend({ annotations: zodList });

/** The same value, and its objects' keys in the same order (toStrictEqual ignores the order). */
function expectSameValue(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  const keyOrder = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(keyOrder) : typeof value === 'object' && value !== null ? Object.entries(value).map(([key, inner]) => [key, keyOrder(inner)]) : value;
  expect(keyOrder(actual)).toStrictEqual(keyOrder(expected));
}

function expectSameAnswer(schema: z.ZodType, reference: z.ZodType, value: unknown): void {
  const fast = schema.safeParse(value);
  const slow = reference.safeParse(value);
  expect(fast.success).toBe(slow.success);
  if (fast.success && slow.success) expectSameValue(fast.data, slow.data);
  if (!fast.success && !slow.success) expect(fast.error.issues).toStrictEqual(slow.error.issues);
}

/** Values zod's checks care about: good ones and each kind of wrong one. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(-1, -0, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1e21),
  fc.constantFrom('', 'x'),
  fc.constant([]),
  fc.constant({}),
  fc.constant(new Date(0)),
);
const offset = fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 2 ** 40 }) }, { weight: 1, arbitrary: junk });
const text = fc.oneof({ weight: 6, arbitrary: fc.string() }, { weight: 1, arbitrary: junk });
const nonEmptyText = fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1 }) }, { weight: 1, arbitrary: junk });
/** Unknown fields a newer version or another tool may write, an own `__proto__` among them. */
const extraKey = fc.constantFrom('zz', 'orphan', 'confidence', '__proto__', 'toString', '0', 'constructor');
const extraValue = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.array(fc.nat(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.nat(), { maxKeys: 2 }));

/** An object built by JSON.parse, so that an own `__proto__` key stays a key. */
function withExtras(base: Record<string, unknown>, extras: [string, unknown][]): Record<string, unknown> {
  const record: Record<string, unknown> = { ...base };
  for (const [key, value] of extras) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
}

const quote = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.record({ prefix: text, suffix: text }, { requiredKeys: [] }), fc.array(fc.tuple(extraKey, extraValue), { maxLength: 2 })).map(([base, extras]) => withExtras(base, extras)) },
  { weight: 1, arbitrary: junk },
);
const fragment = fc.oneof({ weight: 6, arbitrary: fc.tuple(fc.record({ start: offset, end: offset }), fc.array(fc.tuple(extraKey, extraValue), { maxLength: 1 })).map(([base, extras]) => withExtras(base, extras)) }, { weight: 1, arbitrary: junk });
const attributeValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.double(), junk);
const attributes = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), attributeValue, { maxKeys: 3 }) }, { weight: 1, arbitrary: junk });

const annotation = fc
  .tuple(
    fc.record(
      {
        id: nonEmptyText,
        type: nonEmptyText,
        start: offset,
        end: offset,
        text,
        quote,
        fragments: fc.oneof({ weight: 4, arbitrary: fc.array(fragment, { maxLength: 3 }) }, { weight: 1, arbitrary: junk }),
        note: text,
        attributes,
        author: text,
        created: text,
        modified: text,
      },
      { requiredKeys: [] },
    ),
    fc.array(fc.tuple(extraKey, extraValue), { maxLength: 3 }),
    fc.nat({ max: 15 }),
    fc.boolean(),
  )
  .map(([fields, extras, rotation, reversed]) => {
    // Fields in any order (a file written by another tool: unknown fields first), some of them missing.
    const entries: [string, unknown][] = [...Object.entries(fields), ...extras];
    const turn = entries.length > 0 ? rotation % entries.length : 0;
    const ordered = [...entries.slice(turn), ...entries.slice(0, turn)];
    if (reversed) ordered.reverse();
    return withExtras({}, ordered);
  });
const mostlyGoodAnnotation = fc.oneof({ weight: 3, arbitrary: annotation.filter((value) => StoredAnnotationSchema.safeParse(value).success) }, { weight: 1, arbitrary: annotation }, { weight: 1, arbitrary: junk });

describe('fastStoredAnnotation', () => {
  it('knows the fields of StoredAnnotationSchema, in its order', () => {
    expect([...STORED_ANNOTATION_FIELDS]).toEqual(Object.keys(StoredAnnotationSchema.shape));
  });

  it('takes only annotations zod accepts, and gives what zod gives for them', () => {
    fc.assert(
      fc.property(annotation, (value) => {
        const quick = fastStoredAnnotation(value);
        const parsed = StoredAnnotationSchema.safeParse(value);
        if (quick !== null) {
          expect(parsed.success).toBe(true);
          if (parsed.success) expectSameValue(quick, parsed.data);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the plain annotations Hashiye writes (the fast path is not left to zod)', () => {
    const written = JSON.parse(
      '{"id":"B1","type":"LOC","start":0,"end":13,"text":"بین‌المللی به","author":"bench","created":"2025-01-01T00:00:00.000Z","quote":{"prefix":"","suffix":" و آب"},"fragments":[{"start":0,"end":3},{"start":5,"end":13}],"note":"n","attributes":{"confidence":0.5,"checked":true},"orphan":{"reason":"x"}}',
    ) as unknown;
    expect(fastStoredAnnotation(written)).not.toBeNull();
  });

  it('leaves to zod what it does not recognise: a class instance, an own __proto__ key, an undefined field', () => {
    class Annotation {
      id = 'a';
      type = 'LOC';
      start = 0;
      end = 1;
      text = 'x';
    }
    expect(fastStoredAnnotation(new Annotation())).toBeNull();
    expect(fastStoredAnnotation(JSON.parse('{"id":"a","type":"LOC","start":0,"end":1,"text":"x","__proto__":{}}'))).toBeNull();
    expect(fastStoredAnnotation({ id: 'a', type: 'LOC', start: 0, end: 1, text: 'x', note: undefined })).toBeNull();
    expect(fastStoredAnnotation({ id: 'a', type: 'LOC', start: -0, end: 1, text: 'x' })).toBeNull();
  });
});

describe('StoredAnnotationListSchema', () => {
  it('accepts and refuses exactly the lists z.array(StoredAnnotationSchema) does, with the same value and issues', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 8, arbitrary: fc.array(mostlyGoodAnnotation, { maxLength: 6 }) }, { weight: 1, arbitrary: junk }), (value) => {
        expectSameAnswer(StoredAnnotationListSchema, zodList, value);
      }),
      { numRuns: 600 },
    );
  });

  it('answers for a sparse array as zod does', () => {
    const sparse: unknown[] = [{ id: 'a', type: 'LOC', start: 0, end: 1, text: 'x' }];
    sparse.length = 3;
    expectSameAnswer(StoredAnnotationListSchema, zodList, sparse);
  });

  it('names the problem inside an annotation file as before, path and message', () => {
    const file = {
      format: 'hashiye-annotations',
      version: 1,
      offsetUnit: 'codepoint',
      source: { file: 'a.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 3 },
      status: 'new',
      relations: [],
      labels: [],
    };
    fc.assert(
      fc.property(fc.oneof(fc.array(mostlyGoodAnnotation, { maxLength: 4 }), junk), fc.boolean(), (annotations, drop) => {
        const value: Record<string, unknown> = drop ? { ...file } : { ...file, annotations };
        expectSameAnswer(AnnotationFileSchema, zodFile, value);
      }),
      { numRuns: 1000 },
    );
    const refused = AnnotationFileSchema.safeParse({ ...file, annotations: [{ id: 'a', type: 'LOC', start: 0, end: 1, text: 'x' }, { id: 'b', type: 'LOC', start: '2', end: 3, text: 'y' }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].path).toEqual(['annotations', 1, 'start']);
    expect(refused.error?.issues[0].message).toMatch(/expected number, received string/);
  });

  it('is required where the list was (a missing annotations field is still refused)', () => {
    const parsed = z.object({ annotations: StoredAnnotationListSchema }).safeParse({});
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['annotations']);
  });
});

describe('fastStoredAnnotation on an annotation already in the schema’s form', () => {
  it('gives it back as it is, with nothing copied', () => {
    const plain = { id: 'a', type: 'LOC', start: 0, end: 1, text: 'x', quote: { prefix: '', suffix: 'y' }, fragments: [{ start: 0, end: 1 }], note: 'n', attributes: { k: 1 }, author: 'm', zz: 1 };
    expect(fastStoredAnnotation(plain)).toBe(plain);
  });

  it('copies one whose fields are out of the schema’s order, as zod does (Hashiye writes the quote last)', () => {
    const written = { id: 'a', type: 'LOC', start: 0, end: 1, text: 'x', author: 'm', quote: { prefix: '', suffix: 'y' } };
    const given = fastStoredAnnotation(written);
    expect(given).not.toBe(written);
    expect(Object.keys(given ?? {})).toEqual(['id', 'type', 'start', 'end', 'text', 'quote', 'author']);
    const unknownFirst = { zz: 1, id: 'a', type: 'LOC', start: 0, end: 1, text: 'x' };
    expect(Object.keys(fastStoredAnnotation(unknownFirst) ?? {})).toEqual(['id', 'type', 'start', 'end', 'text', 'zz']);
    const quoteOutOfOrder = { id: 'a', type: 'LOC', start: 0, end: 1, text: 'x', quote: { suffix: 'y', prefix: '' } };
    expect(fastStoredAnnotation(quoteOutOfOrder)).not.toBe(quoteOutOfOrder);
  });

  it('gives back as they are only values zod gives back equal, in the same order', () => {
    fc.assert(
      fc.property(annotation, (value) => {
        const parsed = StoredAnnotationSchema.safeParse(value);
        if (fastStoredAnnotation(value) === value) {
          expect(parsed.success).toBe(true);
          if (parsed.success) expectSameValue(value, parsed.data);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
