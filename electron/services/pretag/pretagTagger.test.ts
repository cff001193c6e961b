import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { closedPortUrl, startReferenceTagger, type ReferenceTagger } from '../testing/referenceTagger';
import { callTagger, TaggerError } from './taggerClient';
import { PretagCancelledError, runPretag } from './pretagRun';

/** An emoji first, so code points and UTF-16 units differ by one after it. */
const TEXT = '😀 علی در تهران دید.\nسازمان ملل';
let root: string;
let tagger: ReferenceTagger;

beforeAll(async () => {
  tagger = await startReferenceTagger({ علی: 'PER', تهران: 'LOC', 'سازمان ملل': 'ORG', دید: 'WEAPON' });
});
afterAll(() => tagger.close());

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tagger-'));
  await fs.writeFile(path.join(root, 'a.txt'), TEXT);
  tagger.requests.length = 0;
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

async function written(): Promise<AnnotationFile> {
  return JSON.parse(await fs.readFile(path.join(root, 'a.annotators/tagger.ann.json'), 'utf8')) as AnnotationFile;
}

const run = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  runPretag(root, { as: 'tagger', source: { kind: 'tagger', url: tagger.url, timeoutMs: options.timeoutMs } }, undefined, options.signal);

describe('a tagger over HTTP on 127.0.0.1', () => {
  for (const mode of ['codepoint', 'utf16', 'no-unit'] as const) {
    it(`writes exact spans from an answer in ${mode === 'no-unit' ? 'the default unit' : mode}, score kept, unknown type refused`, async () => {
      tagger.setMode(mode);
      const summary = await run();
      expect(tagger.requests).toEqual([{ text: TEXT, language: 'fa' }]);
      const file = await written();
      expect(file.annotations.map((annotation) => [annotation.type, annotation.text, annotation.start, annotation.end])).toEqual([
        ['PER', 'علی', 2, 5],
        ['LOC', 'تهران', 9, 14],
        ['ORG', 'سازمان ملل', 20, 30],
      ]);
      expect(file.annotations[0].attributes).toEqual({ score: 0.5, pretag: 'tagger' });
      expect(summary.articles[0].refused).toEqual(['span 3 has type "WEAPON", which the tag set does not have']);
    });
  }

  it('writes the good spans of an answer with spans past the end and reports the others', async () => {
    tagger.setMode('past-end');
    const summary = await run();
    expect(summary.articles[0].refused.some((line) => /off the text \(length 30\)/u.test(line))).toBe(true);
    expect((await written()).annotations).toHaveLength(3);
  });

  it('gives up on an article after the timeout, writing nothing for it', async () => {
    tagger.setMode('slow');
    const summary = await run({ timeoutMs: 300 });
    expect(summary.articles[0].problem?.userProblem).toEqual({ code: 'taggerTimeout', url: tagger.url, seconds: 1 });
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });

  it('reports bad JSON and an HTTP error with their codes, writing nothing', async () => {
    tagger.setMode('bad-json');
    expect((await run()).articles[0].problem?.userProblem).toEqual({ code: 'taggerBadJson', url: tagger.url });
    tagger.setMode('http-500');
    expect((await run()).articles[0].problem?.userProblem).toEqual({ code: 'taggerHttpStatus', url: tagger.url, status: 500 });
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });

  it('stops the run on a refused connection (closed port) with a clear message', async () => {
    const url = await closedPortUrl();
    const failure = runPretag(root, { as: 'tagger', source: { kind: 'tagger', url } });
    await expect(failure).rejects.toBeInstanceOf(TaggerError);
    await expect(failure).rejects.toThrow(/refused the connection/u);
    await expect(callTagger(url, { text: 'x', language: 'en' })).rejects.toMatchObject({ problem: { code: 'taggerRefused', url } });
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });

  it('cancels while the tagger thinks, writing nothing', async () => {
    tagger.setMode('slow');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(run({ signal: controller.signal })).rejects.toBeInstanceOf(PretagCancelledError);
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
  });
});
