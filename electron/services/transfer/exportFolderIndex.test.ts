import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listArticleIds } from '../corpus/articleFiles';
import { makeFifo } from '../testing/specialFiles';
import { readExportDocument } from './exportArticleReader';
import { childPath, ExportFolderIndex, exportFolderIndexFor } from './exportFolderIndex';
import { realCorpusRoot } from '../corpus/corpusFileAccess';

let scratch: string;
let corpus: string;

const TEXT = 'وزیر امور خارجه ایران 𝒜𝒝 به دمشق رفت.\nسازمان ملل متحد در نیویورک 👍🏽 است.';

/** A native annotation file for `bytes` whose text is `text`: overlapping, nested and discontinuous spans. */
function annotationFile(bytes: Buffer, text: string, extra: Record<string, unknown> = {}): string {
  const codePoints = Array.from(text);
  const span = (part: string, occurrence = 0): [number, number] => {
    let from = -1;
    for (let seen = 0; seen <= occurrence; seen++) from = codePoints.join('').indexOf(part, from + 1);
    const start = Array.from(codePoints.join('').slice(0, from)).length;
    return [start, start + Array.from(part).length];
  };
  const [iranStart, iranEnd] = span('ایران');
  const [wideStart, wideEnd] = span('خارجه ایران 𝒜𝒝');
  const [unStart, unEnd] = span('سازمان ملل');
  const [nyStart, nyEnd] = span('نیویورک');
  const slice = (start: number, end: number) => codePoints.slice(start, end).join('');
  const annotations = [
    { id: 'T1', type: 'LOC', start: iranStart, end: iranEnd, text: slice(iranStart, iranEnd), author: 'a', quote: { prefix: 'x', suffix: 'y' } },
    { id: 'T2', type: 'ORG', start: wideStart, end: wideEnd, text: slice(wideStart, wideEnd), note: 'nested' },
    { id: 'T3', type: 'ORG', start: unStart, end: nyEnd, text: `${slice(unStart, unEnd)} ${slice(nyStart, nyEnd)}`, fragments: [{ start: unStart, end: unEnd }, { start: nyStart, end: nyEnd }] },
    { id: 'T4', type: 'LOC', start: 2, end: 400, text: 'out of range' },
  ];
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'x.txt', sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: codePoints.length },
    status: 'in-progress',
    annotations,
    relations: [{ id: 'R1', type: 'in', from: 'T1', to: 'T3' }],
    labels: [],
    ...extra,
  });
}

async function write(relative: string, content: string | Buffer): Promise<string> {
  const file = path.join(corpus, ...relative.split('/'));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

async function article(relative: string, text: string, options: { bytes?: Buffer; extra?: Record<string, unknown> } = {}): Promise<void> {
  const bytes = options.bytes ?? Buffer.from(text, 'utf8');
  await write(relative, bytes);
  await write(relative.replace(/\.txt$/, '.ann.json'), annotationFile(bytes, text, options.extra));
}

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-export-index-'));
  corpus = path.join(scratch, 'corpus');
  await article('a/plain.txt', TEXT);
  await article('a/crlf.txt', TEXT, { bytes: Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf8') });
  await article('a/bom.txt', TEXT, { bytes: Buffer.from(`\uFEFF${TEXT}`, 'utf8') });
  await article('a/with-meta.txt', TEXT, { extra: { zones: [{ id: 'Z1', type: 'boilerplate', start: 0, end: 5 }], documentLabels: { topic: 'politics' } } });
  await write('a/with-meta.meta.json', JSON.stringify({ source: 'ISNA', date: '1403-01-01' }));
  await article('a/broken-meta.txt', TEXT);
  await write('a/broken-meta.meta.json', '{ not json');
  await write('b/no-annotations.txt', TEXT);
  await write('b/brat.txt', TEXT);
  await write('b/brat.ann', 'T1\tLOC 18 23\tایران\nE1\tMove:T1\n');
  await write('b/broken.txt', TEXT);
  await write('b/broken.ann.json', '{"format": "hashiye-annotations", "version": 1,');
  await write('b/UPPER.txt', TEXT);
  await write('b/UPPER.ANN.JSON', annotationFile(Buffer.from(TEXT), TEXT));
  await article('c/linked.txt', TEXT);
  await fs.rename(path.join(corpus, 'c/linked.ann.json'), path.join(corpus, 'c/kept-elsewhere.json'));
  await fs.symlink(path.join(corpus, 'c/kept-elsewhere.json'), path.join(corpus, 'c/linked.ann.json'));
  await write('c/outside.txt', TEXT);
  await fs.writeFile(path.join(scratch, 'secret.json'), annotationFile(Buffer.from(TEXT), TEXT));
  await fs.symlink(path.join(scratch, 'secret.json'), path.join(corpus, 'c/outside.ann.json'));
  await write('c/piped.txt', TEXT);
  makeFifo(path.join(corpus, 'c/piped.ann.json'));
  await write('c/article-elsewhere-target.data', TEXT);
  await fs.symlink(path.join(corpus, 'c/article-elsewhere-target.data'), path.join(corpus, 'c/article-link.txt'));
});

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

describe('ExportFolderIndex (#25)', () => {
  it('reads every article as the confined reader alone does: documents, refusals and their messages', async () => {
    const ids = await listArticleIds(corpus);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    const folders = exportFolderIndexFor(corpus);
    expect(folders).toBeDefined();
    for (const id of ids) {
      const expected = readExportDocument(corpus, id);
      const read = readExportDocument(corpus, id, folders);
      expect(read, id).toEqual(expected);
      // Same key order too: the JSON formats write what they are given.
      expect(JSON.stringify(read), id).toBe(JSON.stringify(expected));
    }
    const outcomes = Object.fromEntries(ids.map((id) => [id, readExportDocument(corpus, id, folders)]));
    expect(outcomes['c/outside.txt']).toMatchObject({ unreadable: { message: expect.stringContaining('outside the corpus') } });
    expect(outcomes['b/broken.txt']).toMatchObject({ unreadable: { message: expect.stringContaining('not valid') } });
    expect(outcomes['a/with-meta.txt']).toMatchObject({ document: { metadata: { source: 'ISNA' } } });
    expect(outcomes['c/linked.txt']).toMatchObject({ document: { annotations: expect.arrayContaining([expect.objectContaining({ id: 'T3' })]) } });
  });

  it('answers absent only for a name its folder does not hold under any spelling, and unsure for links and special files', async () => {
    const index = new ExportFolderIndex(realCorpusRoot(corpus));
    const real = realCorpusRoot(corpus);
    expect(index.isAbsent(path.join(real, 'a', 'plain.meta.json'))).toBe(true);
    expect(index.isAbsent(path.join(real, 'b', 'UPPER.ann.json'))).toBe(false);
    expect(index.readInPlace(path.join(real, 'b', 'UPPER.ann.json'), 1024)).toBe('unsure');
    expect(index.readInPlace(path.join(real, 'c', 'linked.ann.json'), 1024 * 1024)).toBe('unsure');
    expect(index.readInPlace(path.join(real, 'a', 'plain.txt'), 10)).toBe('unsure');
    expect(index.readInPlace(path.join(real, 'nowhere', 'x.txt'), 10)).toBe('unsure');
    const read = index.readInPlace(path.join(real, 'a', 'plain.txt'), 1024 * 1024);
    expect(typeof read === 'object' && read.bytes.toString('utf8')).toBe(TEXT);
  });

  it('is unsure of a name replaced after its folder was read, and of files it would only read in part: the general reader decides (#25)', async () => {
    const real = realCorpusRoot(corpus);
    const index = new ExportFolderIndex(real);
    const file = (name: string) => path.join(real, 'a', name);
    await write('a/empty.txt', '');
    await write('a/big.txt', Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect(index.isAbsent(file('plain.txt'))).toBe(false);
    expect(index.readInPlace(file('empty.txt'), 1024)).toBe('unsure');
    expect(index.readText(file('big.txt'), 64 * 1024 * 1024)).toBe('unsure');
    expect(index.readText(file('plain.txt'), 1024 * 1024)).toEqual({ text: TEXT });
    // Replaced since the index read the folder: by a link, a FIFO, a folder.
    await fs.rename(file('plain.txt'), file('moved.txt'));
    await fs.symlink(file('moved.txt'), file('plain.txt'));
    expect(index.readInPlace(file('plain.txt'), 1024 * 1024)).toBe('unsure');
    await fs.rm(file('plain.txt'));
    if (makeFifo(file('plain.txt')) === null) {
      expect(index.readInPlace(file('plain.txt'), 1024 * 1024)).toBe('unsure');
      await fs.rm(file('plain.txt'));
    }
    await fs.mkdir(file('plain.txt'));
    expect(index.readInPlace(file('plain.txt'), 1024 * 1024)).toBe('unsure');
  });

  it('reads a file of a folder that is a link out of the corpus the confined way, which refuses it', async () => {
    await fs.mkdir(path.join(scratch, 'elsewhere'));
    await fs.writeFile(path.join(scratch, 'elsewhere', 'x.txt'), TEXT);
    await fs.symlink(path.join(scratch, 'elsewhere'), path.join(corpus, 'linked-folder'));
    const folders = exportFolderIndexFor(corpus);
    const read = readExportDocument(corpus, 'linked-folder/x.txt', folders);
    expect(read).toEqual(readExportDocument(corpus, 'linked-folder/x.txt'));
    expect(read).toMatchObject({ unreadable: { message: expect.stringContaining('outside the corpus') } });
  });
});

describe('childPath (#25)', () => {
  it('is path.join of a real folder and a listed name, the root included', () => {
    for (const [real, name] of [[path.resolve('/corpus/news'), 'a.ann.json'], [path.parse(process.cwd()).root, 'x.txt'], [path.resolve('/c/fa'), 'خبر ۱.txt']]) {
      expect(childPath(real, name)).toBe(path.join(real, name));
    }
  });
});
