import { describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../../shared/model/readAnnotationFile';
import type { AnnotationFile } from '../../../../shared/model/nativeFormat';
import { utf8Text } from '../../article/strictUtf8';
import { scanSpanAnnotationFile } from './spanAnnotationFile';

/** What the span formats read of a file the full way gives (the fields the scan leaves out removed). */
function spansOf(file: AnnotationFile): unknown {
  const annotations = file.annotations.map(({ id, type, start, end, text, note }) => ({ id, type, start, end, text, ...(note !== undefined ? { note } : {}) }));
  return { ...file, annotations };
}

/** The scan's one promise: null, or what the full way gives for the same bytes, less the fields left out. */
function expectAsFullWay(bytes: Buffer): AnnotationFile | null {
  const scanned = scanSpanAnnotationFile(bytes);
  if (scanned === null) return null;
  const full = parseAnnotationFile(utf8Text(bytes));
  expect(full.ok, bytes.toString('utf8')).toBe(true);
  if (full.ok) expect(scanned).toStrictEqual(spansOf(full.file));
  return scanned;
}

const SHA = 'a'.repeat(64);

function plainFile(extra: Record<string, unknown> = {}, annotation: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'a.txt', sha256: SHA, encoding: 'utf-8', length: 40 },
    status: 'in-progress',
    annotations: [
      { id: 'T1', type: 'LOC', start: 0, end: 5, text: 'ایران', author: 'bench', created: '2025-01-01T00:00:00.000Z', quote: { prefix: '', suffix: ' «به»\nدمشق' }, ...annotation },
      { id: 'ت۲', type: 'سازمان', start: 7, end: 9, text: 'ab', note: 'یادداشت', modified: 'x', entity: 'Q1' },
    ],
    relations: [],
    labels: [],
    updated: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

const bytesOf = (value: unknown, indent: number | undefined = 2): Buffer => Buffer.from(`${JSON.stringify(value, null, indent)}\n`, 'utf8');

describe('scanSpanAnnotationFile', () => {
  it('reads a plain file, indented or not, as the full way does less the fields a span format does not read', () => {
    for (const indent of [2, undefined, 0, 4]) {
      const scanned = expectAsFullWay(bytesOf(plainFile(), indent));
      expect(scanned?.annotations).toStrictEqual([
        { id: 'T1', type: 'LOC', start: 0, end: 5, text: 'ایران' },
        { id: 'ت۲', type: 'سازمان', start: 7, end: 9, text: 'ab', note: 'یادداشت' },
      ]);
    }
    expect(expectAsFullWay(bytesOf(plainFile({ assignee: 'مریم', source: { file: 'a.txt', sha256: SHA, encoding: 'windows-1256', length: 3, encodingChosen: true } })))?.assignee).toBe('مریم');
    expect(expectAsFullWay(bytesOf({ ...plainFile(), annotations: [], relations: undefined, labels: undefined }))?.annotations).toStrictEqual([]);
  });

  it('decodes escapes as JSON.parse does: line ends, quotes, \\u escapes, lone surrogates, astral characters', () => {
    const texts = ['a\nb\t"c"\\/', '\u0645\u200c\ud83d\ude00', '\ud800 lone', 'e\u0301', '𝒜𝒝👍🏽', '\u2028\u2029', '\u007f'];
    for (const text of texts) {
      const written = JSON.stringify(plainFile({}, { text, id: text, type: text, note: text })).replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(expectAsFullWay(Buffer.from(written, 'utf8'))?.annotations[0]).toMatchObject({ id: text, type: text, text, note: text });
      expect(expectAsFullWay(bytesOf(plainFile({}, { text })))?.annotations[0].text).toBe(text);
    }
  });

  it('leaves to the full way every file it is not sure of', () => {
    const unsure: Buffer[] = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(plainFile())]),
      Buffer.concat([bytesOf(plainFile()).subarray(0, 30), Buffer.from([0xff]), bytesOf(plainFile()).subarray(30)]),
      bytesOf(plainFile({ version: 2 })),
      bytesOf(plainFile({ relations: [{ id: 'R1', type: 'r', from: 'T1', to: 'ت۲' }] })),
      bytesOf(plainFile({ labels: ['x'] })),
      bytesOf(plainFile({ zones: [] })),
      bytesOf(plainFile({ tokens: [[0, 1]] })),
      bytesOf(plainFile({ documentLabels: {} })),
      bytesOf(plainFile({ newerField: 1 })),
      bytesOf(plainFile({}, { fragments: [{ start: 0, end: 5 }] })),
      bytesOf(plainFile({}, { attributes: {} })),
      bytesOf(plainFile({}, { roles: [] })),
      bytesOf(plainFile({}, { quote: { prefix: '', suffix: '', extra: 'x' } })),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"end": 5', '"end": 5.0')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"end": 5', '"end": 5e0')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"version": 1', '"version": 1.0')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"format"', '"form\\u0061t"')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"labels": []', '"labels": [], "labels": []')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"LOC"', '"LOC", "type": "PER"')),
      Buffer.from(bytesOf(plainFile()).toString('utf8').replace('"ایران"', '"ایر\nان"')),
    ];
    for (const bytes of unsure) expect(scanSpanAnnotationFile(bytes), bytes.toString('utf8')).toBeNull();
  });

  it('takes nothing the full way refuses', () => {
    const refused = [
      '',
      '[]',
      '{}',
      '{"format": "hashiye-annotations"}',
      JSON.stringify(plainFile({}, { id: '' })),
      JSON.stringify(plainFile({}, { type: '' })),
      JSON.stringify(plainFile({}, { start: -1 })),
      JSON.stringify(plainFile({}, { start: 1.5 })),
      JSON.stringify(plainFile({}, { text: 3 })),
      JSON.stringify(plainFile({}, { author: null })),
      JSON.stringify(plainFile({}, { quote: { prefix: 'a' } })),
      JSON.stringify(plainFile({ status: 'finished' })),
      JSON.stringify(plainFile({ offsetUnit: 'utf16' })),
      JSON.stringify(plainFile({ source: { file: 'a.txt', sha256: 'A'.repeat(64), encoding: 'utf-8', length: 1 } })),
      JSON.stringify(plainFile({ source: { file: 'a.txt', sha256: SHA, encoding: 'utf-8' } })),
      `${JSON.stringify(plainFile())} x`,
      `${JSON.stringify(plainFile())},`,
      JSON.stringify(plainFile()).replace('"end":5', '"end":05'),
      JSON.stringify(plainFile()).replace('"LOC"', '"L\\qOC"'),
      JSON.stringify(plainFile()).replace('"LOC"', '"L\\u00GOC"'),
      JSON.stringify(plainFile()).replace('"LOC"', '"LOC",'),
      JSON.stringify(plainFile()).replace('"LOC"', '"L\u0001OC"'),
    ];
    for (const text of refused) {
      expect(parseAnnotationFile(text).ok, text).toBe(false);
      expect(scanSpanAnnotationFile(Buffer.from(text, 'utf8')), text).toBeNull();
    }
  });

  it('agrees with the full way on thousands of damaged files: each byte cut, changed or repeated', () => {
    const original = bytesOf(plainFile({ assignee: 'x' }, { note: 'n\\"' }));
    let state = 7;
    const random = (limit: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % limit;
    };
    const alphabet = Buffer.from('{}[],:"\\ 0123456789-.eEtrufalsn\n\tx\u0000é', 'utf8');
    let taken = 0;
    for (let round = 0; round < 4000; round++) {
      const at = random(original.length);
      const kind = round % 3;
      const replacement = Buffer.from([alphabet[random(alphabet.length)]]);
      const damaged = kind === 0 ? Buffer.concat([original.subarray(0, at), original.subarray(at + 1)]) : kind === 1 ? Buffer.concat([original.subarray(0, at), replacement, original.subarray(at + 1)]) : Buffer.concat([original.subarray(0, at + 1), original.subarray(at)]);
      if (expectAsFullWay(damaged) !== null) taken++;
    }
    // Many damaged files are still valid (a changed digit, a space): those are taken, and read as the full way reads them.
    expect(taken).toBeGreaterThan(100);
  });
});
