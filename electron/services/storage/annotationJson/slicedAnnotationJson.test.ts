import { describe, expect, it, vi } from 'vitest';
import { checkAnnotationBytes, INPUT_LIMITS, inspectJsonShape } from '../../corpus/inputLimits';
import { parseAnnotationFile } from '../../../../shared/model/readAnnotationFile';
import { checkAndParseAnnotationBytes, parseAnnotationJsonInSlices, scanAnnotationJson } from './slicedAnnotationJson';
import { parseExisting } from '../annotationStore';

/** What opening did before (#17): the whole text decoded, measured, then parsed. */
function wholeWay(bytes: Buffer, limits = INPUT_LIMITS) {
  const checked = checkAnnotationBytes('a.ann.json', bytes, limits);
  if (checked.kind === 'refused') return checked;
  const existing = parseExisting('a.ann.json', checked);
  return { kind: 'read', shape: checked.shape, parsed: existing.kind === 'parsed' ? existing.parsed : null };
}

const annotation = (index: number) => ({ id: `a${index}`, type: 'PER', start: index, end: index + 1, text: 'س', quote: { prefix: 'x,"]}', suffix: '\\"[{' } });
const file = (annotations: unknown, extra: Record<string, unknown> = {}) => ({
  format: 'hashiye-annotations',
  version: 1,
  offsetUnit: 'codepoint',
  source: { file: 'a.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', length: 10 },
  status: 'in-progress',
  annotations,
  relations: [],
  labels: [],
  ...extra,
});

const texts: Record<string, string> = {
  'pretty, 6,000 annotations (three slices)': JSON.stringify(file(Array.from({ length: 6000 }, (_, index) => annotation(index))), null, 2),
  compact: JSON.stringify(file([annotation(1), annotation(2)])),
  'empty array': JSON.stringify(file([])),
  'empty array with spaces': JSON.stringify(file([])).replace('"annotations":[]', '"annotations": [ \n ]'),
  'one annotation': JSON.stringify(file([annotation(1)])),
  'annotations last, unknown fields, Persian keys': JSON.stringify({ ...file(undefined), 'کلید': { a: [1, 2, [3]] }, annotations: [annotation(3)] }),
  'an escaped annotations key': JSON.stringify(file([annotation(1)])).replace('"annotations"', '"annot\\u0061tions"'),
  'two annotations keys': JSON.stringify(file([annotation(1)])).replace('"relations"', '"annotations":[],"relations"'),
  'annotations not an array': JSON.stringify(file({ a: 1 })),
  'a trailing comma': JSON.stringify(file([annotation(1)])).replace('}]', '},]'),
  'a comma too many': JSON.stringify(file([annotation(1), annotation(2)])).replace('},{', '},,{'),
  'a missing comma': JSON.stringify(file([annotation(1), annotation(2)])).replace('},{', '} {'),
  'a leading comma': JSON.stringify(file([annotation(1)])).replace('[{', '[,{'),
  'an array closed by a brace': JSON.stringify(file([annotation(1)])).replace('}],"relations"', '}},"relations"'),
  'a cut file': JSON.stringify(file([annotation(1), annotation(2)])).slice(0, 300),
  'a string never closed': '{"annotations": ["abc',
  'not an object': JSON.stringify([file([])]),
  'a byte-order mark': `\uFEFF${JSON.stringify(file([annotation(1)]))}`,
  'two byte-order marks': `\uFEFF\uFEFF${JSON.stringify(file([annotation(1)]))}`,
  'duplicate ids (parsed; the invariant is checked later)': JSON.stringify(file([annotation(1), annotation(1)])),
  'an invalid annotation': JSON.stringify(file([annotation(1), { id: '' }])),
  'a long top-level key': JSON.stringify({ ['k'.repeat(70)]: [1, 2, 3, 4], ...file([]) }),
  'a 64-character Persian key': JSON.stringify({ ['ک'.repeat(64)]: [1, 2, 3, 4, 5], ...file([]) }),
  'nested deep': JSON.stringify(file([annotation(1)], { deep: [[[[[[[[[[[1]]]]]]]]]]] })),
  empty: '',
  'only spaces': '   ',
};

describe('checkAndParseAnnotationBytes (#17)', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`measures and parses as a read of the whole text does: ${name}`, async () => {
      const bytes = Buffer.from(text, 'utf8');
      expect(await checkAndParseAnnotationBytes('a.ann.json', bytes)).toStrictEqual(wholeWay(bytes));
    });
  }

  it('measures as inspectJsonShape does, and refuses by the same limits', async () => {
    for (const text of Object.values(texts)) {
      const bytes = Buffer.from(text, 'utf8');
      const from = text.startsWith('\uFEFF') ? 3 : 0;
      expect((await scanAnnotationJson(bytes, from)).shape).toStrictEqual(inspectJsonShape(from === 3 ? text.slice(1) : text));
      for (const limits of [{ ...INPUT_LIMITS, nestingDepth: 3 }, { ...INPUT_LIMITS, collectionEntries: 4 }]) {
        expect(await checkAndParseAnnotationBytes('a.ann.json', bytes, limits)).toStrictEqual(wholeWay(bytes, limits));
      }
    }
  });

  it('parses in slices what JSON.parse parses whole, and hands anything unusual back', async () => {
    const valid = texts['pretty, 6,000 annotations (three slices)'];
    const bytes = Buffer.from(valid, 'utf8');
    const { annotations } = await scanAnnotationJson(bytes);
    expect(annotations.commas).toHaveLength(5999);
    expect(await parseAnnotationJsonInSlices(bytes, 0, annotations)).toStrictEqual(JSON.parse(valid));
    for (const name of ['an escaped annotations key', 'two annotations keys', 'a trailing comma', 'a comma too many', 'a missing comma', 'two byte-order marks']) {
      const unusual = Buffer.from(texts[name], 'utf8');
      const from = texts[name].startsWith('\uFEFF') ? 3 : 0;
      const scanned = await scanAnnotationJson(unusual, from);
      const sliced = await parseAnnotationJsonInSlices(unusual, from, scanned.annotations);
      if (sliced !== undefined) expect(sliced).toStrictEqual(JSON.parse(texts[name].replace(/^\uFEFF/, '')));
    }
    expect(await parseAnnotationJsonInSlices(Buffer.from(texts['two annotations keys']), 0, (await scanAnnotationJson(Buffer.from(texts['two annotations keys']))).annotations)).toBeUndefined();
  });

  it('reports bytes that are not UTF-8 as not UTF-8, and measures them as before', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(await checkAndParseAnnotationBytes('a.ann.json', bytes)).toStrictEqual(wholeWay(bytes));
    expect(await checkAndParseAnnotationBytes('a.ann.json', bytes)).toMatchObject({ parsed: { ok: false, problem: { kind: 'syntax', message: 'a.ann.json is not valid UTF-8.' } } });
  });

  it('lets other work run while it reads a big file', async () => {
    const big = Buffer.from(JSON.stringify(file(Array.from({ length: 30_000 }, (_, index) => annotation(index)))), 'utf8');
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const parsed = await checkAndParseAnnotationBytes('a.ann.json', big);
    clearInterval(ticking);
    expect(parsed).toMatchObject({ kind: 'read', parsed: { ok: true } });
    expect(turns).toBeGreaterThan(2);
    expect(parsed).toStrictEqual({ kind: 'read', shape: inspectJsonShape(big.toString('utf8')), parsed: parseAnnotationFile(big.toString('utf8')) });
  });
  it('stops at its next turn once its signal is aborted, and parses whole with a signal never aborted (#17)', async () => {
    const big = Buffer.from(JSON.stringify(file(Array.from({ length: 30_000 }, (_, index) => annotation(index)))), 'utf8');
    const kept = new AbortController();
    expect(await checkAndParseAnnotationBytes('a.ann.json', big, INPUT_LIMITS, kept.signal)).toStrictEqual(await checkAndParseAnnotationBytes('a.ann.json', big));
    const stopped = new AbortController();
    const groups: number[] = [];
    const parse = JSON.parse;
    // The first group of elements parsed stops the parse: no further group is parsed.
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: (key: string, value: unknown) => unknown) => {
      if (text.startsWith('[')) {
        groups.push(text.length);
        stopped.abort();
      }
      return parse(text, reviver) as unknown;
    });
    try {
      await expect(checkAndParseAnnotationBytes('a.ann.json', big, INPUT_LIMITS, stopped.signal)).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    } finally {
      spy.mockRestore();
    }
    expect(groups).toHaveLength(1);
  });
});
