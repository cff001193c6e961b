import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginStagedExport } from './exportStaging';

/** Each folder flush, with what the destination held at that moment. */
const flushes = vi.hoisted(() => [] as { folder: string; destinationHas: string[] }[]);
const destination = vi.hoisted(() => ({ folder: '' }));

vi.mock('../storage/atomicWrite', async (importOriginal) => {
  const original = await importOriginal<typeof import('../storage/atomicWrite')>();
  return {
    ...original,
    syncFolder: async (folder: string): Promise<void> => {
      const destinationHas = existsSync(destination.folder) ? await fs.readdir(destination.folder) : [];
      flushes.push({ folder, destinationHas });
      await original.syncFolder(folder);
    },
  };
});

let scratch: string;

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-export-durable-'));
  flushes.length = 0;
});

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

async function stageAndCommit(target: string, oneFile: boolean, files: Record<string, string>): Promise<string> {
  const staging = await beginStagedExport(target, oneFile);
  for (const [relative, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(staging.folder, relative)), { recursive: true });
    await fs.writeFile(path.join(staging.folder, relative), content);
  }
  await staging.commit(Object.keys(files), ['manifest.json']);
  return staging.folder;
}

describe('a swapped-in export is durable (#17, #25)', () => {
  it('flushes the staged folders before the swap and the parent folder after it, over an earlier export too', async () => {
    const target = path.join(scratch, 'exports', 'brat');
    destination.folder = target;
    for (const round of [1, 2]) {
      flushes.length = 0;
      const staged = await stageAndCommit(target, false, { 'part/a.ann': `round ${round}`, 'manifest.json': '{"tool":"hashiye","files":[]}' });
      const folders = flushes.map((flush) => flush.folder);
      // Before the swap: the staged subfolder and the staging folder, while the destination still held the earlier export.
      const stagedFlush = folders.indexOf(staged);
      expect(folders.indexOf(path.join(staged, 'part'))).toBeGreaterThanOrEqual(0);
      expect(folders.indexOf(path.join(staged, 'part'))).toBeLessThan(stagedFlush);
      expect(flushes[stagedFlush].destinationHas).toEqual(round === 1 ? [] : ['manifest.json', 'part']);
      // After the swap: the parent, last, with the new export in place.
      expect(folders.at(-1)).toBe(path.dirname(target));
      expect(await fs.readFile(path.join(target, 'part', 'a.ann'), 'utf8')).toBe(`round ${round}`);
    }
  });

  it('flushes each folder that received a file when files are renamed into a folder of other things', async () => {
    const target = path.join(scratch, 'desktop');
    destination.folder = target;
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, 'notes.txt'), 'mine');
    await stageAndCommit(target, true, { 'corpus.conll': 'x', 'sub/labels.json': '[]', 'manifest.json': '{}' });
    const folders = new Set(flushes.map((flush) => flush.folder));
    expect(folders).toEqual(new Set([target, path.join(target, 'sub')]));
    expect(await fs.readFile(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
