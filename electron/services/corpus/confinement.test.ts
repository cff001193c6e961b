import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusSession } from './corpusSession';
import { exportCorpus } from '../transfer/exportCorpus';
import { validateCorpus } from '../../cli/validateCorpus';
import { searchCorpus } from './corpusSearch';
import { collectTaggedTexts } from './suggestions';
import { makeFifo, makeSocket } from '../testing/specialFiles';
import { loadAnnotatorAnnotations, saveAnnotatorAnnotations } from '../lead/annotatorFiles';
import { decodeArticle } from '../article/articleDecoder';
import { BratStore, loadBratAnnotations, loadBratTagSet } from '../brat/bratStore';

/**
 * Issue #17, must deliver 4, through the session the window uses: a link leaving the corpus,
 * a FIFO, a device link and a socket never freeze the listing, never show what is outside, and
 * never get an outside file copied in (`.bak`) or overwritten.
 */
const CANARY = 'CANARY-c0a1e5ce-outside-text';
const TEXT = 'سرلشکر باقری امروز در دمشق دیدار کرد.\n';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ root: string; outside: string; outsideFile: string }> {
  const parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-confinement-')));
  cleanups.push(() => fs.rm(parent, { recursive: true, force: true }));
  const root = path.join(parent, 'corpus');
  const outside = path.join(parent, 'outside');
  await fs.mkdir(root);
  await fs.mkdir(outside);
  // The outside file is a valid annotation file and a valid tag set at once would be too clever:
  // it is plain JSON holding the canary, which any reader that followed the link would show.
  const outsideFile = path.join(outside, 'canary.json');
  await fs.writeFile(outsideFile, JSON.stringify({ format: 'hashiye-annotations', version: 1, note: CANARY, types: [{ id: CANARY, label: { fa: CANARY, en: CANARY }, color: '#ff0000' }] }));
  return { root, outside, outsideFile };
}

async function allCorpusText(root: string): Promise<string> {
  let text = '';
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile()) text += await fs.readFile(file, 'utf8');
    }
  };
  await walk(root);
  return text;
}

async function openSession(): Promise<CorpusSession> {
  const session = new CorpusSession({ watch: false });
  cleanups.unshift(() => session.close());
  return session;
}

describe('a corpus with links leaving it and special files', () => {
  it('lists every article, skips the hostile files with a reason, and never shows or copies the outside text', async () => {
    const { root, outsideFile } = await setUp();
    const before = await fs.readFile(outsideFile);
    await fs.writeFile(path.join(root, 'a.txt'), TEXT);
    await fs.symlink(outsideFile, path.join(root, 'a.ann.json'));
    await fs.symlink(outsideFile, path.join(root, 'hashiye.json'));
    await fs.writeFile(path.join(root, 'b.txt'), TEXT);
    await fs.symlink('/dev/zero', path.join(root, 'zero.txt'));
    await fs.symlink(outsideFile, path.join(root, 'outside.txt'));
    const fifoSkip = makeFifo(path.join(root, 'b.ann.json')) ?? makeFifo(path.join(root, 'fifo.txt'));
    const socket = await makeSocket(path.join(root, 'socket.txt'));
    cleanups.push(() => {
      socket.server?.close();
    });
    const session = await openSession();

    const corpus = await session.open(root);
    expect(corpus.articles.map((entry) => entry.id)).toEqual(['a.txt', 'b.txt']);
    const skipped = new Map((corpus.skipped ?? []).map((entry) => [entry.path, entry.reason]));
    expect(skipped.get('a.ann.json')).toBe('outside-corpus');
    expect(skipped.get('zero.txt')).toBe('outside-corpus');
    expect(skipped.get('outside.txt')).toBe('outside-corpus');
    if (!fifoSkip) {
      expect(skipped.get('b.ann.json')).toBe('not-regular-file');
      expect(skipped.get('fifo.txt')).toBe('not-regular-file');
    }
    if (!socket.skip) expect(skipped.get('socket.txt')).toBe('not-regular-file');
    expect(corpus.tagSet.problem).toMatch(/hashiye\.json was not read: it leads outside the corpus/);
    expect(JSON.stringify(corpus)).not.toContain(CANARY);

    // The article opens, read-only, saying why; nothing of the outside file comes through.
    const document = await session.loadArticle('a.txt');
    expect(document.text).toBe(TEXT);
    expect(document.annotations).toEqual([]);
    expect(document.problem?.message).toMatch(/a\.ann\.json was not read: it leads outside the corpus/);
    expect(JSON.stringify(document)).not.toContain(CANARY);
    const fifoArticle = await session.loadArticle('b.txt');
    expect(fifoArticle.text).toBe(TEXT);

    // A save is refused rather than copying the outside file in as `.bak` or writing through the link.
    const saved = await session.saveAnnotations('a.txt', document.sha256, { status: 'in-progress', annotations: [], relations: [], labels: [] });
    expect(saved.ok).toBe(false);
    // Editing the tag set is refused too, before anything is written.
    await expect(session.saveTagSet([{ id: 'PER', label: { fa: 'شخص', en: 'Person' }, color: '#3366cc' }], { renames: [], removals: [] })).rejects.toThrow(/The tag set was not saved: hashiye\.json cannot be replaced here, as it leads outside the corpus/);

    // Every other reader of the corpus.
    expect(JSON.stringify(await searchCorpus(root, 'CANARY', { wholeWords: false, limit: 10 }))).not.toContain(CANARY);
    expect(JSON.stringify(await collectTaggedTexts(root))).not.toContain(CANARY);
    const validation = await validateCorpus(root);
    expect(JSON.stringify(validation)).not.toContain(CANARY);
    expect(validation.problems.some((problem) => problem.file === 'a.ann.json' && /outside the corpus/.test(problem.message))).toBe(true);
    const out = path.join(path.dirname(root), 'export');
    await exportCorpus(root, 'jsonl', { out, allowLossy: true, workers: 0 });
    expect(await allCorpusText(out)).not.toContain(CANARY);

    expect(await allCorpusText(root)).not.toContain(CANARY);
    expect((await fs.readdir(root)).filter((name) => name.endsWith('.bak'))).toEqual([]);
    expect(await fs.readFile(outsideFile)).toEqual(before);
  });
});

describe('annotator files', () => {
  it('never reads or writes through a NAME.annotators folder that links outside the corpus', async () => {
    const { root, outside } = await setUp();
    await fs.writeFile(path.join(root, 'a.txt'), TEXT);
    const outsideAnnotators = path.join(outside, 'a.annotators');
    await fs.mkdir(outsideAnnotators);
    await fs.writeFile(path.join(outsideAnnotators, 'ali.ann.json'), JSON.stringify({ note: CANARY }));
    await fs.symlink(outsideAnnotators, path.join(root, 'a.annotators'));
    const article = decodeArticle(await fs.readFile(path.join(root, 'a.txt')));
    const loaded = await loadAnnotatorAnnotations(path.join(root, 'a.txt'), 'ali', article);
    expect(loaded.problem?.message).toMatch(/outside the corpus/);
    expect(JSON.stringify(loaded)).not.toContain(CANARY);
    await expect(saveAnnotatorAnnotations(path.join(root, 'a.txt'), 'sara', article, { status: 'new', annotations: [], relations: [], labels: [] })).rejects.toThrow(/leads outside the corpus/);
    expect((await fs.readdir(outsideAnnotators)).sort()).toEqual(['ali.ann.json']);
  });
});

describe('brat files', () => {
  it('never reads an annotation.conf or NAME.ann that links outside the corpus, and never writes through it', async () => {
    const { root, outside } = await setUp();
    await fs.writeFile(path.join(root, 'a.txt'), TEXT);
    const outsideConf = path.join(outside, 'annotation.conf');
    await fs.writeFile(outsideConf, `[entities]\n${CANARY}\n`);
    const outsideAnn = path.join(outside, 'a.ann');
    await fs.writeFile(outsideAnn, `T1\t${CANARY} 0 6\tسرلشکر\n`);
    const before = { conf: await fs.readFile(outsideConf), ann: await fs.readFile(outsideAnn) };
    await fs.symlink(outsideConf, path.join(root, 'annotation.conf'));
    await fs.symlink(outsideAnn, path.join(root, 'a.ann'));
    const tagSet = await loadBratTagSet(root);
    expect(tagSet.problem).toMatch(/annotation\.conf was not read: it leads outside the corpus/);
    expect(JSON.stringify(tagSet)).not.toContain(CANARY);
    const article = decodeArticle(await fs.readFile(path.join(root, 'a.txt')));
    const loaded = await loadBratAnnotations(path.join(root, 'a.txt'), article);
    expect(loaded.problem?.message).toMatch(/a\.ann was not read: it leads outside the corpus/);
    expect(JSON.stringify(loaded)).not.toContain(CANARY);
    await expect(new BratStore().save(path.join(root, 'a.txt'), article, { annotations: [], relations: [] })).rejects.toThrow(/outside the corpus/);
    expect(await fs.readFile(outsideConf)).toEqual(before.conf);
    expect(await fs.readFile(outsideAnn)).toEqual(before.ann);
    expect(await allCorpusText(root)).not.toContain(CANARY);
  });
});
