import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  annotationFileLimitProblem,
  annotationTextProblem,
  articleSizeProblem,
  assertArticleWithinLimits,
  INPUT_LIMITS,
  InputLimitError,
  inspectJsonShape,
  saveRequestProblem,
} from './inputLimits';

let workspace: string;

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-limits-'));
});

afterEach(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('inspectJsonShape', () => {
  /** The scan as it was before strings were skipped with indexOf (#17): a character at a time. */
  function shapeScannedByCharacter(text: string): ReturnType<typeof inspectJsonShape> {
    const commas: number[] = [];
    const nonEmpty: boolean[] = [];
    let maxDepth = 0;
    let largestCollection = 0;
    let largestCollectionKey = '';
    let topLevelKey = '';
    let lastString = '';
    for (let index = 0; index < text.length; index += 1) {
      const character = text[index];
      if (' \n\r\t'.includes(character)) continue;
      const depth = commas.length;
      if (character === '"') {
        const start = index + 1;
        index += 1;
        while (index < text.length) {
          if (text[index] === '\\') index += 2;
          else if (text[index] === '"') break;
          else index += 1;
        }
        if (depth > 0) nonEmpty[depth - 1] = true;
        lastString = depth === 1 && index - start <= 64 ? text.slice(start, index) : '';
        continue;
      }
      if (character === ':') {
        if (depth === 1) topLevelKey = lastString;
        continue;
      }
      if (character === '{' || character === '[') {
        if (depth > 0) nonEmpty[depth - 1] = true;
        commas.push(0);
        nonEmpty.push(false);
        maxDepth = Math.max(maxDepth, commas.length);
        continue;
      }
      if (character === '}' || character === ']') {
        const separators = commas.pop();
        const holdsAnything = nonEmpty.pop();
        if (separators === undefined) continue;
        const entries = holdsAnything ? separators + 1 : 0;
        if (entries > largestCollection) {
          largestCollection = entries;
          largestCollectionKey = commas.length === 0 ? '' : topLevelKey;
        }
        continue;
      }
      if (character === ',') {
        if (depth > 0) commas[depth - 1] += 1;
        continue;
      }
      if (depth > 0) nonEmpty[depth - 1] = true;
    }
    return { maxDepth, largestCollection, largestCollectionKey };
  }

  it('measures any text, JSON or not, as the character-by-character scan did', () => {
    const jsonish = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'ب', '\n') });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.jsonValue().map((value) => JSON.stringify({ key: value, list: [value, value] }, null, 2))), (text) => {
        expect(inspectJsonShape(text)).toEqual(shapeScannedByCharacter(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures depth and the largest collection, naming its top-level key', () => {
    expect(inspectJsonShape('{}')).toEqual({ maxDepth: 1, largestCollection: 0, largestCollectionKey: '' });
    expect(inspectJsonShape('[]')).toEqual({ maxDepth: 1, largestCollection: 0, largestCollectionKey: '' });
    expect(inspectJsonShape('{"a":1,"b":[1,2,3]}')).toEqual({ maxDepth: 2, largestCollection: 3, largestCollectionKey: 'b' });
    expect(inspectJsonShape('{"annotations":[{"id":"x","attributes":{"k":[[1]]}}],"labels":["a","b","c"]}')).toMatchObject({ maxDepth: 6, largestCollection: 3, largestCollectionKey: 'labels' });
    expect(inspectJsonShape('[[],[],[]]')).toMatchObject({ maxDepth: 2, largestCollection: 3 });
  });

  it('ignores brackets, commas, quotes and colons inside strings, with escapes and Persian text', () => {
    const text = JSON.stringify({ text: 'سلام، [دنیا] {x}, "نقل" \\ 😀 :', labels: ['a,b', '[', '\u200c'] });
    expect(inspectJsonShape(text)).toEqual({ maxDepth: 2, largestCollection: 3, largestCollectionKey: 'labels' });
    expect(inspectJsonShape('{"k\\"ey":[1,2]}')).toMatchObject({ largestCollection: 2, largestCollectionKey: 'k\\"ey' });
  });

  it('measures text that is not JSON without throwing', () => {
    expect(inspectJsonShape(']]]}}}')).toMatchObject({ maxDepth: 0 });
    expect(inspectJsonShape('{"unterminated": "')).toMatchObject({ maxDepth: 1 });
    expect(inspectJsonShape('')).toEqual({ maxDepth: 0, largestCollection: 0, largestCollectionKey: '' });
  });
});

describe('articles', () => {
  it('refuses a 50 MB article with its size and the limit, reading nothing but its size', async () => {
    const file = path.join(workspace, 'huge.txt');
    const line = 'خبرگزاری ایرنا گزارش داد که «می‌دهد» 😀\n';
    const chunk = line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line)));
    const handle = await fs.open(file, 'w');
    for (let megabyte = 0; megabyte < 50; megabyte += 1) await handle.write(chunk);
    await handle.close();
    await expect(assertArticleWithinLimits(file)).rejects.toThrow(InputLimitError);
    await expect(assertArticleWithinLimits(file)).rejects.toThrow(/huge\.txt is 50(\.\d)? MB; Hashiye opens articles of up to 16 MB/);
  });

  it('accepts articles up to the limit, and an empty one', async () => {
    expect(articleSizeProblem('a.txt', INPUT_LIMITS.articleBytes)).toBeNull();
    expect(articleSizeProblem('a.txt', 0)).toBeNull();
    expect(articleSizeProblem('a.txt', INPUT_LIMITS.articleBytes + 1)).toMatch(/a\.txt is 16 MB/);
    const file = path.join(workspace, 'empty.txt');
    await fs.writeFile(file, '');
    await expect(assertArticleWithinLimits(file)).resolves.toBeUndefined();
  });
});

describe('annotation files', () => {
  it('refuses millions of annotations before anything parses them', async () => {
    const file = path.join(workspace, 'many.ann.json');
    const entries = 2_000_000;
    await fs.writeFile(file, `{"format":"hashiye-annotations","version":1,"annotations":[${'{},'.repeat(entries - 1)}{}],"relations":[],"labels":[]}`);
    expect(await annotationFileLimitProblem(file)).toBe(
      'many.ann.json is too large to open: "annotations" holds 2,000,000 entries; Hashiye opens up to 1,000,000. It was left as it is.',
    );
  });

  it('refuses deep nesting that would exhaust the stack of a recursive reader or writer', async () => {
    const file = path.join(workspace, 'deep.ann.json');
    const depth = 100_000;
    await fs.writeFile(file, `{"annotations":[{"id":"a","type":"PER","start":0,"end":1,"text":"x","extra":${'['.repeat(depth)}${']'.repeat(depth)}}]}`);
    expect(await annotationFileLimitProblem(file)).toBe('deep.ann.json is nested 100,003 levels deep; an annotation file has at most 64. It was left as it is.');
  });

  it('refuses a file larger than the size limit without reading it', async () => {
    const file = path.join(workspace, 'big.ann.json');
    const handle = await fs.open(file, 'w');
    await handle.truncate(INPUT_LIMITS.annotationFileBytes + 1);
    await handle.close();
    expect(await annotationFileLimitProblem(file)).toMatch(/^big\.ann\.json is 64 MB; Hashiye opens annotation files of up to 64 MB\./);
  });

  it('accepts an absent file and a realistic one (10,000 annotations with token boundaries)', async () => {
    expect(await annotationFileLimitProblem(path.join(workspace, 'none.ann.json'))).toBeNull();
    const annotations = Array.from({ length: 10_000 }, (_, index) => ({ id: `a${index}`, type: 'PER', start: index * 10, end: index * 10 + 4, text: 'علی‌', attributes: { certain: true } }));
    const tokens = Array.from({ length: 150_000 }, (_, index) => [index * 4, index * 4 + 3]);
    const file = path.join(workspace, 'real.ann.json');
    await fs.writeFile(file, JSON.stringify({ format: 'hashiye-annotations', version: 1, annotations, relations: [], labels: [], tokens }, null, 2));
    expect(await annotationFileLimitProblem(file)).toBeNull();
    expect(annotationTextProblem('x', JSON.stringify({ annotations }))).toBeNull();
  });
});

describe('save requests', () => {
  it('refuses more entries than an article can hold', () => {
    expect(saveRequestProblem({ annotations: [], relations: [], labels: [] })).toBeNull();
    expect(saveRequestProblem({ annotations: new Array(1_000_001).fill(0), relations: [], labels: [] })).toBe(
      'Not saved: 1,000,001 annotations is more than the 1,000,000 an article can hold.',
    );
    expect(saveRequestProblem({ annotations: [], relations: [], labels: new Array(1_500_000).fill('x') })).toMatch(/1,500,000 labels/);
    // An article that opens can be saved again: as many entries as a file may hold when read (it was 200,000 against 1,000,000).
    expect(saveRequestProblem({ annotations: new Array(INPUT_LIMITS.collectionEntries).fill(0), relations: [], labels: [] })).toBeNull();
    expect(INPUT_LIMITS.savedEntries).toBe(INPUT_LIMITS.collectionEntries);
  });
});
