import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateCorpus } from '../electron/cli/validateCorpus';
import { createBenchmarkCorpus, measureExportThroughput } from './exportBenchmark';

/** The export benchmark (npm run bench:export) on a small corpus: what it generates is a valid corpus, and it times a real export. */
let scratch: string | null = null;
afterEach(async () => {
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  scratch = null;
});

describe('export benchmark', () => {
  it('generates a valid corpus of the asked size', async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bench-corpus-'));
    await createBenchmarkCorpus(scratch, 12, 5, 600);
    const result = await validateCorpus(scratch);
    expect(result.problems).toEqual([]);
    expect(result.articles).toBe(12);
    expect(result.annotations).toBe(60);
  });

  it('measures an export of every generated article', async () => {
    const result = await measureExportThroughput({ articles: 10, annotationsPerArticle: 4, format: 'jsonl' });
    expect(result).toMatchObject({ format: 'jsonl', articles: 10, annotations: 40 });
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.articlesPerSecond).toBeGreaterThan(0);
  });
});
