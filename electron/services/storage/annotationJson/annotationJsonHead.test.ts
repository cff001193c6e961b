import { describe, expect, it } from 'vitest';
import { inspectJsonShape } from '../../corpus/inputLimits';
import { readAnnotationJsonHead } from './annotationJsonHead';

/** (#17) The head of a big annotation file read without scanning the whole: what a whole parse gives, but for the array's elements past the head. */

const annotation = (index: number) => ({
  id: `a${index}`,
  type: 'PER',
  start: index,
  end: index + 2,
  text: 'سب',
  quote: { prefix: 'x,"]}\n    {', suffix: '\\"[{\n  ]' },
  fragments: [
    { start: index, end: index + 1 },
    { start: index + 1, end: index + 2 },
  ],
});
const file = (count: number, extra: Record<string, unknown> = {}) => ({
  format: 'hashiye-annotations',
  version: 1,
  offsetUnit: 'codepoint',
  source: { file: 'a.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 10 },
  status: 'in-progress',
  annotations: Array.from({ length: count }, (_, index) => annotation(index)),
  relations: [{ id: 'R1', type: 'rel', from: 'a0', to: 'a1' }],
  labels: ['یک'],
  tokens: [
    [0, 1],
    [1, 2],
  ],
  ...extra,
});

const COUNT = 3_000;
const HEAD = 700;
const pretty = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

function expectedHead(bytes: Buffer, from = 0) {
  const text = bytes.toString('utf8', from);
  const whole = JSON.parse(text) as { annotations: unknown[] };
  return { value: { ...whole, annotations: whole.annotations.slice(0, HEAD) }, total: whole.annotations.length, shape: inspectJsonShape(text) };
}

describe('readAnnotationJsonHead (#17)', () => {
  it('gives the fields, the first elements, the total and the shape a whole parse gives, laid out as Hashiye writes', async () => {
    const bytes = pretty(file(COUNT));
    expect(await readAnnotationJsonHead(bytes, 0, HEAD)).toStrictEqual(expectedHead(bytes));
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(await readAnnotationJsonHead(withMark, 3, HEAD)).toStrictEqual(expectedHead(withMark, 3));
    const last = pretty({ ...file(0), 'کلید': { a: [1, [2]] }, annotations: file(COUNT).annotations });
    expect(await readAnnotationJsonHead(last, 0, HEAD)).toStrictEqual(expectedHead(last));
  });

  it('gives the same for a file laid out otherwise (scanned whole), and nothing for one of the head or less', async () => {
    const compact = Buffer.from(JSON.stringify(file(COUNT)), 'utf8');
    expect(await readAnnotationJsonHead(compact, 0, HEAD)).toStrictEqual(expectedHead(compact));
    const indentedMore = Buffer.from(JSON.stringify(file(COUNT), null, 4), 'utf8');
    expect(await readAnnotationJsonHead(indentedMore, 0, HEAD)).toStrictEqual(expectedHead(indentedMore));
    expect(await readAnnotationJsonHead(pretty(file(HEAD)), 0, HEAD)).toBeUndefined();
    expect(await readAnnotationJsonHead(pretty(file(HEAD + 1)), 0, HEAD)).toMatchObject({ total: HEAD + 1 });
  });

  it('counts what is scanned: a deep or second `annotations` field after the array is seen', async () => {
    const deep = pretty(file(COUNT, { deep: [[[[[[[[[[[1]]]]]]]]]]] }));
    expect((await readAnnotationJsonHead(deep, 0, HEAD))?.shape).toStrictEqual(inspectJsonShape(deep.toString('utf8')));
    const text = pretty(file(COUNT)).toString('utf8');
    const twice = Buffer.from(text.replace('"labels": [', '"annotations": [],\n  "labels": ['), 'utf8');
    expect(await readAnnotationJsonHead(twice, 0, HEAD)).toBeUndefined();
  });

  it('reads no further than the head: what lies between the head and the array end is only counted, left to the whole parse', async () => {
    const text = pretty(file(COUNT)).toString('utf8');
    const lines = text.split('\n');
    // An element past the head broken (not JSON), and two elements joined on one line.
    const broken = lines.findIndex((line) => line === '      "id": "a2000",');
    lines[broken] = '      "id": a2000,';
    const joined = lines.findIndex((line) => line === '      "id": "a2500",') - 1;
    lines[joined - 1] = `${lines[joined - 1]} {`;
    lines.splice(joined, 1);
    const head = await readAnnotationJsonHead(Buffer.from(lines.join('\n'), 'utf8'), 0, HEAD);
    expect(head?.value).toStrictEqual(expectedHead(pretty(file(COUNT))).value);
    // A preview: the whole parse (which refuses this file) is what earlyFirstPage compares it with.
    expect(head?.total).toBe(COUNT - 1);
  });
});
