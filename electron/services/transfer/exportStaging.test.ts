import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTestArticle } from '../testing/testCorpus';
import { ExportCancelledError } from './exportRequest';
import { exportCorpus, exportFileWriter } from './exportCorpus';
import { cleanStaleStaging, isExportStagingName } from './exportStaging';
import { expectIntactExport, listTree } from '../testing/exportManifestCheck';

let scratch: string;
let corpus: string;
const realWrite = exportFileWriter.write;

async function writeCorpus(root: string, articles: number, padding = 0): Promise<void> {
  for (let index = 1; index <= articles; index++) {
    await writeTestArticle(root, {
      id: `a/${String(index).padStart(4, '0')}.txt`,
      bytes: `خبر ${index}: وزیر امور خارجه ایران به دمشق رفت.${' متن'.repeat(padding)}`,
      status: 'done',
      annotations: [{ type: 'LOC', part: 'ایران' }, { type: 'LOC', part: 'دمشق' }],
    });
  }
}

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-export-staging-'));
  corpus = path.join(scratch, 'corpus');
  await writeCorpus(corpus, 12);
});

afterEach(async () => {
  exportFileWriter.write = realWrite;
  await fs.rm(scratch, { recursive: true, force: true });
});

async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listTree(folder)) files.set(file, createHash('sha256').update(await fs.readFile(path.join(folder, file))).digest('hex'));
  return files;
}

function diskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

describe('exports are staged and swapped in only when complete', () => {
  it('a write failing half-way (injected ENOSPC) leaves the previous export byte-identical and no staging folder', async () => {
    const out = path.join(scratch, 'exports', 'brat');
    await exportCorpus(corpus, 'brat', { out });
    const before = await snapshot(out);
    await expectIntactExport(out);
    await writeCorpus(corpus, 40);
    for (const failAt of [0, 1, 7, 30, 81]) {
      let writes = 0;
      exportFileWriter.write = async (file, content) => {
        if (writes++ === failAt) throw diskFull();
        await realWrite(file, content);
      };
      await expect(exportCorpus(corpus, 'brat', { out })).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await snapshot(out)).toEqual(before);
      expect(await fs.readdir(path.join(scratch, 'exports'))).toEqual(['brat']);
    }
    exportFileWriter.write = realWrite;
    await exportCorpus(corpus, 'brat', { out });
    expect((await expectIntactExport(out)).articles).toBe(40);
    expect(await fs.readdir(path.join(scratch, 'exports'))).toEqual(['brat']);
  });

  it('a one-file export (--out x.conll among other files): a failed write keeps the earlier file, report and manifest, and the folder as it was', async () => {
    const folder = path.join(scratch, 'desktop');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'notes.txt'), 'the user’s own file');
    const out = path.join(folder, 'corpus.conll');
    await exportCorpus(corpus, 'conll', { out });
    const before = await snapshot(folder);
    await expectIntactExport(folder, ['notes.txt']);
    exportFileWriter.write = async (file, content) => {
      if (file.endsWith('.conll')) {
        // The main file may come in pieces (#25): its first ten bytes, whole or not.
        const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.concat(Buffer.isBuffer(content) ? [content] : content);
        await fs.writeFile(file, bytes.subarray(0, 10));
        throw diskFull();
      }
      await realWrite(file, content);
    };
    await writeCorpus(corpus, 20);
    await expect(exportCorpus(corpus, 'conll', { out })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await snapshot(folder)).toEqual(before);
    exportFileWriter.write = realWrite;
    await exportCorpus(corpus, 'conll', { out });
    expect((await expectIntactExport(folder, ['notes.txt'])).articles).toBe(20);
    expect(await fs.readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('the user’s own file');
  });

  it('cancelled while writing: ExportCancelledError, the previous export untouched, nothing left', async () => {
    const out = path.join(scratch, 'exports', 'jsonl');
    await exportCorpus(corpus, 'jsonl', { out });
    const before = await snapshot(out);
    await writeCorpus(corpus, 30);
    const controller = new AbortController();
    let writes = 0;
    exportFileWriter.write = async (file, content) => {
      await realWrite(file, content);
      if (++writes === 1) controller.abort();
    };
    await expect(exportCorpus(corpus, 'jsonl', { out }, undefined, controller.signal)).rejects.toBeInstanceOf(ExportCancelledError);
    expect(await snapshot(out)).toEqual(before);
    expect(await fs.readdir(path.join(scratch, 'exports'))).toEqual(['jsonl']);
  });

  it('a failed first export into a folder that did not exist leaves no folder behind', async () => {
    const out = path.join(scratch, 'new', 'deeper', 'brat');
    exportFileWriter.write = () => Promise.reject(diskFull());
    await expect(exportCorpus(corpus, 'brat', { out })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readdir(scratch)).toEqual(['corpus']);
  });

  it('keeps the user’s own files in the export folder, and drops files of the earlier export that the new one does not write', async () => {
    const out = path.join(scratch, 'exports', 'brat');
    await exportCorpus(corpus, 'brat', { out, split: { ratios: [50, 25, 25], seed: 1 } });
    await fs.writeFile(path.join(out, 'README.md'), 'mine');
    await fs.mkdir(path.join(out, 'notes'));
    await fs.writeFile(path.join(out, 'notes', 'todo.txt'), 'also mine');
    await fs.chmod(out, 0o750);
    await exportCorpus(corpus, 'brat', { out });
    await expectIntactExport(out, ['README.md', 'notes/todo.txt']);
    expect(await fs.readFile(path.join(out, 'notes', 'todo.txt'), 'utf8')).toBe('also mine');
    expect((await fs.stat(out)).mode & 0o777).toBe(0o750);
    expect(await fs.readdir(path.join(scratch, 'exports'))).toEqual(['brat']);
  });

  it('a folder that is neither empty nor an earlier export is never renamed: files are renamed into it, and a failure leaves it as it was', async () => {
    const out = path.join(scratch, 'desktop');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'letter.txt'), 'not an export');
    const inode = (await fs.stat(out)).ino;
    exportFileWriter.write = async (file, content) => {
      if (file.endsWith('.ann')) throw diskFull();
      await realWrite(file, content);
    };
    await expect(exportCorpus(corpus, 'brat', { out })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readdir(out)).toEqual(['letter.txt']);
    exportFileWriter.write = realWrite;
    await exportCorpus(corpus, 'brat', { out });
    expect((await fs.stat(out)).ino).toBe(inode);
    await expectIntactExport(out, ['letter.txt']);
  });

  it('cleans up what a crashed export left (recognised by name, its process gone), and puts back an export renamed aside', async () => {
    const exportsFolder = path.join(scratch, 'exports');
    const out = path.join(exportsFolder, 'conll');
    await exportCorpus(corpus, 'conll', { out });
    // A crash between "old aside" and "new in": only the aside copy and a finished staging folder remain.
    const deadPid = 2 ** 22 + 12345;
    const aside = `.conll.hashiye-export-${deadPid}-0badc0de.previous`;
    const partial = `.conll.hashiye-export-${deadPid}-deadbeef.partial`;
    await fs.rename(out, path.join(exportsFolder, aside));
    await fs.mkdir(path.join(exportsFolder, partial));
    await fs.writeFile(path.join(exportsFolder, partial, 'corpus.conll'), 'half');
    await fs.writeFile(path.join(exportsFolder, '.other.hashiye-export-1-00000000.partial'), 'not this destination');
    expect(isExportStagingName(aside) && isExportStagingName(partial)).toBe(true);
    expect((await cleanStaleStaging(exportsFolder, 'conll')).sort()).toEqual([aside, partial].sort());
    await expectIntactExport(out);
    expect((await fs.readdir(exportsFolder)).sort()).toEqual(['.other.hashiye-export-1-00000000.partial', 'conll']);

    // The next export cleans leftovers of its destination by itself.
    await fs.mkdir(path.join(exportsFolder, partial));
    await exportCorpus(corpus, 'conll', { out });
    expect((await fs.readdir(exportsFolder)).sort()).toEqual(['.other.hashiye-export-1-00000000.partial', 'conll']);
  });

  it('a staging folder of a live process is left alone', async () => {
    const exportsFolder = path.join(scratch, 'exports');
    await fs.mkdir(exportsFolder);
    const live = `.brat.hashiye-export-${process.ppid}-12345678.partial`;
    await fs.mkdir(path.join(exportsFolder, live));
    expect(await cleanStaleStaging(exportsFolder, 'brat')).toEqual([]);
    expect(await fs.readdir(exportsFolder)).toEqual([live]);
  });
});
