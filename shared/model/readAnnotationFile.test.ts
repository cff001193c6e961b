import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from './migrations';
import { NATIVE_FORMAT_VERSION, type AnnotationFile } from './nativeFormat';
import { findInvariantProblem, findOffsetProblem, parseAnnotationFile } from './readAnnotationFile';
import { codePointText } from '../anchoring/offsets';

const TEXT = 'خبر 😀 فوری\nسرلشکر باقری به دمشق رفت.';
const CODE_POINTS = Array.from(TEXT);
const SHA = 'a'.repeat(64);

function validFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'خبر.txt', sha256: SHA, encoding: 'utf-8', length: CODE_POINTS.length },
    status: 'in-progress',
    annotations: [{ id: 'a1', type: 'PER', start: 18, end: 23, text: 'باقری', quote: { prefix: 'سرلشکر ', suffix: ' به' } }],
    relations: [],
    labels: [],
    ...overrides,
  };
}

function parseOk(json: string): AnnotationFile {
  const parsed = parseAnnotationFile(json);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.file;
}

describe('parseAnnotationFile: version 1', () => {
  it('accepts a valid file and reports no migration', () => {
    const parsed = parseAnnotationFile(JSON.stringify(validFile()));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: null });
  });

  it('keeps unknown fields at the top level, in source, on annotations, quotes and relations', () => {
    const file = parseOk(JSON.stringify(validFile({
      reviewRound: 2,
      source: { file: 'خبر.txt', sha256: SHA, encoding: 'utf-8', length: CODE_POINTS.length, mtime: 1 },
      annotations: [{ id: 'a1', type: 'PER', start: 18, end: 23, text: 'باقری', confidence: 0.5, quote: { prefix: '', suffix: '', exact: 'x' } }],
      relations: [{ id: 'r1', type: 'r', from: 'a1', to: 'a1', weight: 3 }],
    })));
    expect(file).toMatchObject({ reviewRound: 2, source: { mtime: 1 }, annotations: [{ confidence: 0.5, quote: { exact: 'x' } }], relations: [{ weight: 3 }] });
  });

  it('reads a hand-written file without relations or labels as having none (saves write both)', () => {
    const { relations: _relations, labels: _labels, ...withoutBoth } = validFile();
    const file = parseOk(JSON.stringify(withoutBoth));
    expect(file.relations).toEqual([]);
    expect(file.labels).toEqual([]);
    expect(file.annotations).toHaveLength(1);
  });

  it('accepts a UTF-8 BOM before the JSON', () => {
    expect(parseAnnotationFile(`\ufeff${JSON.stringify(validFile())}`).ok).toBe(true);
  });

  it('accepts every article status and the optional fields', () => {
    for (const status of ['new', 'in-progress', 'done', 'needs-review', 'rejected', 'approved']) {
      expect(parseAnnotationFile(JSON.stringify(validFile({ status, tokens: [[0, 3], [4, 5]], assignee: 'sara', updated: '2026-11-29T00:00:00Z' }))).ok, status).toBe(true);
    }
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['offsets in UTF-16 units', { offsetUnit: 'utf16' }, /offsetUnit/],
    ['a short SHA-256', { source: { file: 'a', sha256: 'abc', encoding: 'utf-8', length: 1 } }, /source\.sha256/],
    ['a negative offset', { annotations: [{ id: 'a', type: 'PER', start: -1, end: 2, text: '' }] }, /annotations\.0\.start/],
    ['a fractional offset', { annotations: [{ id: 'a', type: 'PER', start: 1.5, end: 2, text: '' }] }, /annotations\.0\.start/],
    ['an annotation without text', { annotations: [{ id: 'a', type: 'PER', start: 1, end: 2 }] }, /annotations\.0\.text/],
    ['an empty type', { annotations: [{ id: 'a', type: '', start: 1, end: 2, text: 'x' }] }, /annotations\.0\.type/],
    ['an unknown status', { status: 'finished' }, /status/],
    ['labels that are not strings', { labels: [1] }, /labels\.0/],
  ];
  for (const [name, change, where] of invalid) {
    it(`reports ${name} as a schema problem naming the field`, () => {
      const parsed = parseAnnotationFile(JSON.stringify(validFile(change as Record<string, unknown>)));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem.kind).toBe('schema');
        expect(parsed.problem.message).toMatch(where);
      }
    });
  }

  it('reads source.encodingChosen: true as chosen, and any other value as not chosen rather than refusing the file', () => {
    const chosen = parseOk(JSON.stringify(validFile({ source: { file: 'خبر.txt', sha256: SHA, encoding: 'windows-1256', length: CODE_POINTS.length, encodingChosen: true } })));
    expect(chosen.source.encodingChosen).toBe(true);
    for (const odd of ['yes', 1, null, false]) {
      const file = parseOk(JSON.stringify(validFile({ source: { file: 'خبر.txt', sha256: SHA, encoding: 'windows-1256', length: CODE_POINTS.length, encodingChosen: odd } })));
      expect(file.source.encodingChosen === true).toBe(false);
    }
  });

  it('reports text that is not JSON as a syntax problem', () => {
    expect(parseAnnotationFile('{"format":')).toMatchObject({ ok: false, problem: { kind: 'syntax' } });
    expect(parseAnnotationFile('')).toMatchObject({ ok: false, problem: { kind: 'syntax' } });
  });

  it('reports a JSON value that is not an object, and a foreign format, as schema problems', () => {
    expect(parseAnnotationFile('null')).toMatchObject({ ok: false, problem: { kind: 'schema' } });
    expect(parseAnnotationFile('[1]')).toMatchObject({ ok: false, problem: { kind: 'schema' } });
    expect(parseAnnotationFile(JSON.stringify(validFile({ format: 'doccano' })))).toMatchObject({ ok: false, problem: { kind: 'schema', message: /Unknown "format"/ } });
  });
});

describe('versions', () => {
  it('refuses a file from a newer version with a message naming both versions', () => {
    const parsed = parseAnnotationFile(JSON.stringify(validFile({ version: NATIVE_FORMAT_VERSION + 1, somethingNew: true })));
    expect(parsed).toMatchObject({ ok: false, problem: { kind: 'version' } });
    if (!parsed.ok) expect(parsed.problem.message).toBe(`The file was written in format version ${NATIVE_FORMAT_VERSION + 1} by a newer Hashiye; this one reads up to version ${NATIVE_FORMAT_VERSION}.`);
  });

  it('refuses a missing, textual or unknown old version', () => {
    expect(parseAnnotationFile(JSON.stringify(validFile({ version: undefined })))).toMatchObject({ ok: false, problem: { kind: 'version', message: /no numeric "version"/ } });
    expect(parseAnnotationFile(JSON.stringify(validFile({ version: '1' })))).toMatchObject({ ok: false, problem: { kind: 'version' } });
    expect(parseAnnotationFile(JSON.stringify(validFile({ version: 1.5 })))).toMatchObject({ ok: false, problem: { kind: 'version' } });
    expect(parseAnnotationFile(JSON.stringify(validFile({ version: -1 })))).toMatchObject({ ok: false, problem: { kind: 'version', message: /No migration from format version -1/ } });
  });

  const version0 = {
    version: 0,
    source: { file: 'خبر.txt', sha256: SHA, encoding: 'windows-1256', length: CODE_POINTS.length },
    state: 'done',
    entities: [
      { id: 'e1', label: 'PER', begin: 18, end: 23, text: 'باقری', legacyScore: 7 },
      { id: 'e2', label: 'LOC', begin: 27, end: 31, text: 'دمشق' },
    ],
    draftComment: 'kept',
  };

  it('migrates the made-up version 0 to version 1: entities become annotations, state becomes status', () => {
    const parsed = parseAnnotationFile(JSON.stringify(version0));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.migratedFrom).toBe(0);
    expect(parsed.file).toMatchObject({
      format: 'hashiye-annotations',
      version: 1,
      offsetUnit: 'codepoint',
      status: 'done',
      relations: [],
      labels: [],
      draftComment: 'kept',
      annotations: [
        { id: 'e1', type: 'PER', start: 18, end: 23, text: 'باقری', legacyScore: 7 },
        { id: 'e2', type: 'LOC', start: 27, end: 31, text: 'دمشق' },
      ],
    });
    expect(parsed.file).not.toHaveProperty('entities');
    expect(parsed.file).not.toHaveProperty('state');
    expect(parsed.file.annotations[0]).not.toHaveProperty('label');
    expect(parsed.file.annotations[0]).not.toHaveProperty('begin');
    expect(findOffsetProblem(parsed.file, CODE_POINTS)).toBeNull();
  });

  it('gives a version 0 file without a state the status in-progress, and without entities no annotations', () => {
    const { state: _state, entities: _entities, ...bare } = version0;
    const file = parseOk(JSON.stringify(bare));
    expect(file.status).toBe('in-progress');
    expect(file.annotations).toEqual([]);
  });

  it('migrateToCurrent leaves a current file alone', () => {
    const file = validFile();
    expect(migrateToCurrent(file)).toEqual({ ok: true, file, migratedFrom: null });
  });

  it('a version 0 file that is still invalid after migration is a schema problem', () => {
    const parsed = parseAnnotationFile(JSON.stringify({ ...version0, entities: [{ id: 'e1', label: 'PER', begin: 'x', end: 2, text: '' }] }));
    expect(parsed).toMatchObject({ ok: false, problem: { kind: 'schema', message: /annotations\.0\.start/ } });
  });
});

describe('findOffsetProblem', () => {
  const withAnnotations = (annotations: unknown[]): AnnotationFile => parseOk(JSON.stringify(validFile({ annotations })));

  it('accepts spans after an emoji given in code points', () => {
    expect(findOffsetProblem(withAnnotations([{ id: 'e', type: 'MISC', start: 4, end: 5, text: '😀' }, { id: 'a', type: 'PER', start: 18, end: 23, text: 'باقری' }]), CODE_POINTS)).toBeNull();
  });

  it('detects UTF-16 offsets (as other tools write them): the text does not match', () => {
    const utf16Start = TEXT.indexOf('باقری');
    expect(utf16Start).toBe(19);
    expect(findOffsetProblem(withAnnotations([{ id: 'a', type: 'PER', start: utf16Start, end: utf16Start + 5, text: 'باقری' }]), CODE_POINTS)).toMatchObject({ kind: 'text' });
  });

  it('detects offsets past the end, naming the annotation and the article length', () => {
    const problem = findOffsetProblem(withAnnotations([{ id: 'late', type: 'PER', start: 30, end: CODE_POINTS.length + 1, text: 'x' }]), CODE_POINTS);
    expect(problem).toEqual({ kind: 'offsets', message: `Annotation late ends at ${CODE_POINTS.length + 1}, past the end of the article (${CODE_POINTS.length} characters).` });
  });

  it('detects an end before the start', () => {
    expect(findOffsetProblem(withAnnotations([{ id: 'a', type: 'PER', start: 5, end: 4, text: '' }]), CODE_POINTS)).toMatchObject({ kind: 'offsets', message: /ends \(4\) before it starts \(5\)/ });
  });

  it('detects text that does not match, quoting both', () => {
    expect(findOffsetProblem(withAnnotations([{ id: 'a', type: 'LOC', start: 27, end: 31, text: 'تهران' }]), CODE_POINTS)).toMatchObject({ kind: 'text', message: /«تهران».*«دمشق»/ });
  });

  it('checks discontinuous spans fragment by fragment (joined with a space) and refuses fragments outside the bounds', () => {
    expect(findOffsetProblem(withAnnotations([{ id: 'd', type: 'PER', start: 11, end: 23, text: 'سرلشکر باقری', fragments: [{ start: 11, end: 17 }, { start: 18, end: 23 }] }]), CODE_POINTS)).toBeNull();
    expect(findOffsetProblem(withAnnotations([{ id: 'd', type: 'PER', start: 11, end: 20, text: 'x', fragments: [{ start: 11, end: 17 }, { start: 18, end: 23 }] }]), CODE_POINTS)).toMatchObject({ kind: 'offsets', message: /fragment 18-23 outside/ });
  });

  it('accepts empty spans and spans at the very end, and an empty article with no annotations', () => {
    expect(findOffsetProblem(withAnnotations([{ id: 'z', type: 'PER', start: CODE_POINTS.length, end: CODE_POINTS.length, text: '' }]), CODE_POINTS)).toBeNull();
    expect(findOffsetProblem(withAnnotations([]), [])).toBeNull();
  });

  it('gives the same answers from a code-point view of the text as from an array of its code points', () => {
    const cases: unknown[][] = [
      [{ id: 'e', type: 'MISC', start: 4, end: 5, text: '😀' }, { id: 'a', type: 'PER', start: 18, end: 23, text: 'باقری' }],
      [{ id: 'a', type: 'PER', start: 19, end: 24, text: 'باقری' }],
      [{ id: 'late', type: 'PER', start: 30, end: CODE_POINTS.length + 1, text: 'x' }],
      [{ id: 'a', type: 'LOC', start: 27, end: 31, text: 'تهران' }],
      [{ id: 'd', type: 'PER', start: 11, end: 23, text: 'سرلشکر باقری', fragments: [{ start: 11, end: 17 }, { start: 18, end: 23 }] }],
      [{ id: 'd', type: 'PER', start: 3, end: 23, text: '😀 فوری باقری', fragments: [{ start: 3, end: 5 }, { start: 5, end: 9 }, { start: 18, end: 23 }] }],
      [{ id: 'z', type: 'PER', start: CODE_POINTS.length, end: CODE_POINTS.length, text: '' }],
    ];
    for (const annotations of cases) {
      const file = withAnnotations(annotations);
      expect(findOffsetProblem(file, codePointText(TEXT))).toEqual(findOffsetProblem(file, CODE_POINTS));
    }
    expect(findOffsetProblem(withAnnotations(cases[0]), codePointText(TEXT))).toBeNull();
    expect(findOffsetProblem(withAnnotations(cases[3]), codePointText(TEXT))).toMatchObject({ kind: 'text', message: /«تهران».*«دمشق»/ });
    expect(findOffsetProblem(withAnnotations([]), codePointText(''))).toBeNull();
  });
});

describe('findInvariantProblem', () => {
  const annotation = (id: string) => ({ id });
  const relation = (id: string, from: string, to: string) => ({ id, from, to });

  it('accepts unique ids and relations between existing annotations (orphans included)', () => {
    expect(findInvariantProblem({ annotations: [annotation('a'), annotation('b')], relations: [relation('r1', 'a', 'b'), relation('r2', 'b', 'kept')], orphans: [{ id: 'kept' }] })).toBeNull();
  });

  it('names duplicate annotation ids, duplicate relation ids and the missing ends of relations', () => {
    const problem = findInvariantProblem({
      annotations: [annotation('dup'), annotation('dup'), annotation('b')],
      relations: [relation('r1', 'dup', 'b'), relation('r1', 'b', 'dup'), relation('r2', 'b', 'gone')],
    });
    expect(problem?.kind).toBe('invariant');
    expect(problem?.message).toContain('annotation ids used more than once: «dup»');
    expect(problem?.message).toContain('relation ids used more than once: «r1»');
    expect(problem?.message).toContain('«r2» («gone»)');
  });

  it('lists at most ten ids and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, index) => [annotation(`x${index}`), annotation(`x${index}`)]).flat();
    expect(findInvariantProblem({ annotations: many, relations: [] })?.message).toContain('and 2 more');
  });
});
