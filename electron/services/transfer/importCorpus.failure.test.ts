import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Fails the Nth atomic write of the import (counting from 0) with ENOSPC; -1 never fails. */
const failure = vi.hoisted(() => ({ at: -1, writes: 0 }));
vi.mock('../storage/atomicWrite', async (importOriginal) => {
  const original = await importOriginal<typeof import('../storage/atomicWrite')>();
  return {
    ...original,
    writeFileAtomic: async (...args: Parameters<typeof original.writeFileAtomic>) => {
      if (failure.writes++ === failure.at) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return original.writeFileAtomic(...args);
    },
  };
});

const { importCorpus } = await import('./importCorpus');

let scratch: string;
let source: string;
beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-import-failure-'));
  source = path.join(scratch, 'source.conll');
  await fs.writeFile(source, Array.from({ length: 20 }, (_, index) => `-DOCSTART-\tO\n\nتهران${index}\tB-LOC\nرفت\tO\n`).join('\n'));
  failure.at = -1;
  failure.writes = 0;
});
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

describe('a failed import leaves nothing behind', () => {
  it('a write failing at any point (first, middle, last): the error is thrown, no corpus folder and no staging folder remain', async () => {
    for (const failAt of [0, 1, 17, 39]) {
      failure.at = failAt;
      failure.writes = 0;
      const out = path.join(scratch, 'new', 'corpus');
      await expect(importCorpus(source, { from: 'conll', out })).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await fs.readdir(scratch)).toEqual(['source.conll']);
    }
    failure.at = -1;
    const summary = await importCorpus(source, { from: 'conll', out: path.join(scratch, 'new', 'corpus') });
    expect(summary.articles).toBe(20);
    expect((await fs.readdir(path.join(scratch, 'new', 'corpus'))).length).toBe(40);
    expect(await fs.readdir(path.join(scratch, 'new'))).toEqual(['corpus']);
  });

  it('into an existing empty folder: on failure the folder stays, empty; on success it holds the corpus', async () => {
    const out = path.join(scratch, 'empty');
    await fs.mkdir(out);
    failure.at = 5;
    await expect(importCorpus(source, { from: 'conll', out })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readdir(out)).toEqual([]);
    expect((await fs.readdir(scratch)).sort()).toEqual(['empty', 'source.conll']);
    failure.at = -1;
    expect((await importCorpus(source, { from: 'conll', out })).articles).toBe(20);
    expect((await fs.readdir(out)).length).toBe(40);
    expect((await fs.readdir(scratch)).sort()).toEqual(['empty', 'source.conll']);
  });
});
