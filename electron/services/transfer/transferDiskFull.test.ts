import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli';
import { writeNewsCorpus } from '../testing/sessionFixture';
import type { ExportFormatId } from '../../../shared/formats/exportTypes';
import { expectIntactExport } from '../testing/exportManifestCheck';
import { mountTmpfs, unmountTmpfs } from '../testing/tmpfsDisk';

/**
 * A real full disk: a small tmpfs is mounted (root only; CI runs as root), a first CLI export
 * that fits is written, then a bigger one that cannot fit. The earlier export must stay intact,
 * file by file against its manifest, and nothing partial or temporary may remain.
 */

const TMPFS_SIZE = 2 * 1024 * 1024;
async function runQuiet(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: () => true }, stderr: { write: (chunk: string) => (stderr += chunk) } });
  return { code, stderr };
}

let scratch: string;
let small: string;
let big: string;
let mountPoint: string;
let skipReason: string | null = null;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-diskfull-'));
  small = path.join(scratch, 'small');
  big = path.join(scratch, 'big');
  await writeNewsCorpus(small, 6);
  // About 5 MB in every format: never fits in the 2 MB disk.
  await writeNewsCorpus(big, 300, { digits: 3, twoPlaces: true, body: ' گزارش خبرنگار از تهران'.repeat(350) });
  mountPoint = path.join(scratch, 'disk');
  await fs.mkdir(mountPoint);
  skipReason = mountTmpfs(mountPoint, TMPFS_SIZE);
  if (skipReason) console.log(`disk-full export test skipped: ${skipReason}`);
}, 120_000);

afterAll(async () => {
  if (skipReason === null) unmountTmpfs(mountPoint);
  await fs.rm(scratch, { recursive: true, force: true });
});

const FORMATS: readonly { format: ExportFormatId; out: string }[] = [
  { format: 'brat', out: 'export' },
  { format: 'conll', out: 'export' },
  { format: 'conll', out: 'export/corpus.conll' },
  { format: 'jsonl', out: 'export' },
  { format: 'labelstudio', out: 'export' },
  { format: 'w3c', out: 'export' },
  { format: 'csv', out: 'export' },
  { format: 'hf', out: 'export' },
];
/** Share of the second export's size left free on the disk, so that it runs out at different points. */
const ROOM_LEFT = [0.9, 0.5, 0.1];

/** Disk space an export takes (whole 4 KB pages per file, as tmpfs counts; its folders take none), measured on a normal disk. */
async function exportSize(format: ExportFormatId, out: string): Promise<number> {
  const measure = path.join(scratch, `measure-${format}`);
  const target = path.join(measure, path.relative(mountPoint, path.join(mountPoint, out)));
  const result = await runQuiet(['export', big, '--format', format, '--out', target, '--allow-lossy']);
  expect(result.code).toBe(0);
  let total = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(path.join(folder, entry.name));
      else total += Math.ceil((await fs.stat(path.join(folder, entry.name))).size / 4096) * 4096;
    }
  };
  await walk(measure);
  await fs.rm(measure, { recursive: true });
  return total;
}

async function freeBytes(folder: string): Promise<number> {
  const stats = await fs.statfs(folder);
  return stats.bavail * stats.bsize;
}

describe('CLI export onto a full disk (tmpfs)', () => {
  it(`keeps the earlier export intact and leaves nothing partial (${FORMATS.length * ROOM_LEFT.length} runs)`, async (context) => {
    if (skipReason) {
      context.skip(skipReason);
      return;
    }
    let runs = 0;
    let survived = 0;
    for (const { format, out } of FORMATS) {
      const needed = await exportSize(format, out);
      for (const roomLeft of ROOM_LEFT) {
        const target = path.join(mountPoint, out);
        const exportFolder = path.join(mountPoint, 'export');
        const first = await runQuiet(['export', small, '--format', format, '--out', target, '--allow-lossy']);
        expect(first, `${format} first export`).toMatchObject({ code: 0 });
        const manifestBefore = await expectIntactExport(exportFolder);
        const ballast = Math.max(0, Math.floor((await freeBytes(mountPoint)) - needed * roomLeft));
        if (ballast > 0) await fs.writeFile(path.join(mountPoint, 'ballast'), Buffer.alloc(ballast, 1));
        const second = await runQuiet(['export', big, '--format', format, '--out', target, '--allow-lossy']);
        runs++;
        expect(second.code, `${format} with room for ${roomLeft * 100}% of its ${needed} bytes: ${second.stderr}`).not.toBe(0);
        expect(second.stderr).toMatch(/ENOSPC|no space/i);
        const manifestAfter = await expectIntactExport(exportFolder);
        expect(manifestAfter).toEqual(manifestBefore);
        expect(manifestAfter.articles).toBe(6);
        expect((await fs.readdir(mountPoint)).sort()).toEqual(ballast > 0 ? ['ballast', 'export'] : ['export']);
        survived++;
        await fs.rm(exportFolder, { recursive: true });
        await fs.rm(path.join(mountPoint, 'ballast'), { force: true });
      }
    }
    console.log(`disk full during export: ${runs} runs, ${survived} kept the earlier export intact, ${runs - survived} lost`);
    expect(survived).toBe(FORMATS.length * ROOM_LEFT.length);
  }, 300_000);

  it('an import onto the full disk leaves no half corpus (4 runs, one into the mount point itself)', async (context) => {
    if (skipReason) {
      context.skip(skipReason);
      return;
    }
    const source = path.join(scratch, 'big.conll');
    expect((await runQuiet(['export', big, '--format', 'conll', '--out', source, '--allow-lossy'])).code).toBe(0);
    let runs = 0;
    for (const ballast of [0, 1024 * 1024, 1900 * 1024]) {
      if (ballast > 0) await fs.writeFile(path.join(mountPoint, 'ballast'), Buffer.alloc(ballast, 1));
      const result = await runQuiet(['import', source, '--from', 'conll', '--out', path.join(mountPoint, 'imported')]);
      runs++;
      expect(result.code, result.stderr).not.toBe(0);
      expect(result.stderr).toMatch(/ENOSPC|no space/i);
      expect(await fs.readdir(mountPoint)).toEqual(ballast > 0 ? ['ballast'] : []);
      await fs.rm(path.join(mountPoint, 'ballast'), { force: true });
    }
    // Into the mount point itself (an empty USB stick): staged inside it, and still nothing left on failure.
    const intoMount = await runQuiet(['import', source, '--from', 'conll', '--out', mountPoint]);
    runs++;
    expect(intoMount.code, intoMount.stderr).not.toBe(0);
    expect(await fs.readdir(mountPoint)).toEqual([]);
    const smallSource = path.join(scratch, 'small.conll');
    expect((await runQuiet(['export', small, '--format', 'conll', '--out', smallSource, '--allow-lossy'])).code).toBe(0);
    expect((await runQuiet(['import', smallSource, '--from', 'conll', '--out', mountPoint])).code).toBe(0);
    expect((await fs.readdir(mountPoint)).filter((name) => name.endsWith('.txt'))).toHaveLength(6);
    expect((await fs.readdir(mountPoint)).filter((name) => name.startsWith('.'))).toEqual([]);
    console.log(`disk full during import: ${runs} runs, ${runs} left nothing behind`);
  }, 120_000);
});
