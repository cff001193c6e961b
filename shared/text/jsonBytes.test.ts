import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seededRandom';
import { listJsonBytes, listJsonBytesAndLines } from './jsonBytes';

/** (#25) listJsonBytes writes what TextEncoder gives for JSON.stringify's text, byte for byte. */

/** JSON.stringify's items of a list `depth` levels deep: the nested lists' own lines cut off. */
function stringifiedItems(values: readonly unknown[], depth: number): Uint8Array {
  let nested: unknown = values;
  for (let level = 1; level < depth; level++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  const head = Array.from({ length: depth }, (_, level) => `${' '.repeat(level * 2)}[\n`).join('');
  const tail = Array.from({ length: depth }, (_, level) => `\n${' '.repeat((depth - 1 - level) * 2)}]`).join('');
  return new TextEncoder().encode(values.length === 0 ? '' : text.slice(head.length, text.length - tail.length));
}

const AWKWARD = [
  '',
  '"quoted" \\ back\\slash /',
  'line\nend\ttab\r\b\f',
  'controls \u0000\u0001\u001f\u007f and separators \u2028\u2029',
  'lone surrogates \ud800 x \udfff, reversed \udc00\ud800, at the end \ud83d',
  '«ایران» (LOC) می‌دهد\u202f۱۴۰۳ ١٤٠٣',
  'emoji 👍🏽 👨‍👩‍👧 🇮🇷',
  '\ufeff BOM and \uffff',
];

describe('listJsonBytes (#25)', () => {
  it('writes plain data as JSON.stringify + TextEncoder do, at every depth', () => {
    const values: unknown[] = [
      { article: 'news/001.txt', annotations: 3, written: 2, problems: [{ kind: 'overlap', effect: 'lost', annotation: 'a1', span: { text: AWKWARD[5], type: 'LOC' }, params: { format: 'CoNLL', pieces: 2 }, message: AWKWARD[1] }] },
      { empty: {}, list: [], nested: [[], [{}], [1, [2, [3]]]], skipped: undefined, fn: () => 1, kept: null, yes: true, no: false },
      [undefined, () => 0, Symbol('s'), 1.5, -0, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, -12],
      ...AWKWARD,
      { [AWKWARD[4]]: AWKWARD[3], 2: 'integer keys first', 1: 'in order', b: 1, a: 2 },
      Object.assign(Object.create(null) as object, { bare: 'object without a prototype' }),
      undefined,
      42,
      null,
    ];
    for (const depth of [1, 2, 3]) {
      expect(Buffer.from(listJsonBytes(values, depth) ?? []).toString('hex'), `depth ${depth}`).toBe(Buffer.from(stringifiedItems(values, depth)).toString('hex'));
    }
    expect(listJsonBytes([], 2)).toEqual(new Uint8Array(0));
  });

  it('counts the line ends it writes (line ends inside strings are escaped, so every one is counted)', () => {
    const lineEndsIn = (bytes: Uint8Array): number => bytes.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 0);
    const values: unknown[] = [{ text: AWKWARD[2], list: [[], {}, [1, { a: 'b\nc' }]], none: undefined }, ...AWKWARD, 'one', { empty: {} }];
    for (const depth of [1, 2, 3]) {
      const written = listJsonBytesAndLines(values, depth);
      expect(written?.lines, `depth ${depth}`).toBe(lineEndsIn(written?.bytes ?? new Uint8Array(0)));
      expect(written?.lines).toBeGreaterThan(values.length);
    }
    expect(listJsonBytesAndLines([], 2)).toEqual({ bytes: new Uint8Array(0), lines: 0 });
    expect(listJsonBytesAndLines(['a', 'b'], 2)?.lines).toBe(1);
  });

  it('gives the same bytes for random text, units of every kind', () => {
    const random = seededRandom(25);
    const pool = [0x00, 0x09, 0x0a, 0x1f, 0x20, 0x22, 0x41, 0x5c, 0x7f, 0x80, 0x7ff, 0x800, 0x627, 0x200c, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff];
    for (let round = 0; round < 200; round++) {
      const units = Array.from({ length: Math.floor(random() * 40) }, () => (random() < 0.5 ? pool[Math.floor(random() * pool.length)] : Math.floor(random() * 0x10000)));
      const text = String.fromCharCode(...units);
      const values = [{ text, list: [text, { [text]: text }] }];
      expect(Buffer.from(listJsonBytes(values, 2) ?? []).toString('hex')).toBe(Buffer.from(stringifiedItems(values, 2)).toString('hex'));
    }
  });

  it('gives up (null) on what JSON.stringify does not write as plain data', () => {
    expect(listJsonBytes([{ when: new Date(0) }], 2)).toBeNull();
    expect(listJsonBytes([{ custom: { toJSON: () => 'x' } }], 2)).toBeNull();
    expect(listJsonBytes([new (class Point { x = 1 })()], 2)).toBeNull();
    expect(listJsonBytes([{ big: 1n }], 2)).toBeNull();
    // The buffer is reused: a call after one that gave up starts afresh.
    expect(Buffer.from(listJsonBytes(['ok'], 1) ?? []).toString('utf8')).toBe('  "ok"');
  });
});
