import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOffsetProblem, parseAnnotationFile } from '../shared/model/readAnnotationFile';
import { scanCorpus } from '../electron/services/corpus/corpusScanner';
import { writeBenchCorpus, writeBigArticle } from './benchInputs';

const folders: string[] = [];
async function scratch(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bench-test-'));
  folders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

describe('benchmark inputs (small versions of what `npm run bench` generates)', () => {
  it('writes a Persian article whose annotation file parses, with checked offsets, nested and overlapping spans', async () => {
    const folder = await scratch();
    const article = await writeBigArticle(folder, { bytes: 40_000, annotations: 400, seed: 5 });
    expect(article.bytes).toBeGreaterThanOrEqual(40_000);
    expect(article.text).toContain('\u200C');
    expect(article.text).toMatch(/[۰-۹]/);
    expect(article.text).toMatch(/[A-Za-z]/);
    const parsed = parseAnnotationFile(await fs.readFile(article.annotationPath, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const codePoints = Array.from(article.text);
    expect(findOffsetProblem(parsed.file, codePoints)).toBeNull();
    const annotations = parsed.file.annotations;
    expect(annotations).toHaveLength(400);
    for (const annotation of annotations) expect(codePoints.slice(annotation.start, annotation.end).join('')).toBe(annotation.text);
    const nested = annotations.some((outer) => annotations.some((inner) => inner !== outer && inner.start >= outer.start && inner.end <= outer.end));
    const overlapping = annotations.some((a) => annotations.some((b) => a.start < b.start && b.start < a.end && a.end < b.end));
    expect(nested).toBe(true);
    expect(overlapping).toBe(true);
  });

  it('writes a corpus the scanner lists with statuses and annotation counts', async () => {
    const root = await scratch();
    const corpus = await writeBenchCorpus(root, { articles: 30, articleBytes: 3000, annotationsPerArticle: 30 });
    expect(corpus.annotationFiles).toBe(27);
    const entries = await scanCorpus(root);
    expect(entries).toHaveLength(30);
    expect(entries.every((entry) => entry.problem === null)).toBe(true);
    expect(entries.filter((entry) => entry.status === 'new')).toHaveLength(3);
    expect(entries.filter((entry) => entry.status !== 'new').every((entry) => entry.annotationCount === 30)).toBe(true);
  });
});
