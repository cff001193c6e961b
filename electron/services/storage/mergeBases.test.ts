import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { CorpusSession } from '../corpus/corpusSession';
import { AnnotationFileBases, EMPTY_DOCUMENT, estimatedDocumentBytes, saveMerged } from './mergingSave';
import { decodeArticle } from '../article/articleDecoder';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const TEXT = 'تهران و مشهد و تبریز و شیراز و اصفهان';
const span = (id: string, start: number, end: number) => ({ id, type: 'LOC', start, end, text: [...TEXT].slice(start, end).join('') });

async function tempFolder(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bases-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  return root;
}

async function onDisk(file: string) {
  const parsed = parseAnnotationFile(await fs.readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.file;
}

describe('merge bases bounded by bytes, not by count', () => {
  it('an analyst opens 200 articles; each still saves with a three-way merge (the first one too)', async () => {
    const root = await tempFolder();
    const count = 200;
    for (let index = 0; index < count; index++) await fs.writeFile(path.join(root, `a${String(index).padStart(3, '0')}.txt`), TEXT);
    const session = new CorpusSession({ watch: false });
    cleanups.unshift(() => session.close());
    await session.open(root);
    const documents = [];
    for (let index = 0; index < count; index++) {
      const id = `a${String(index).padStart(3, '0')}.txt`;
      const opened = await session.loadArticle(id);
      // Each gets a first annotation, saved: its base is that file.
      const saved = await session.saveAnnotations(id, opened.sha256, { status: 'in-progress', annotations: [span('mine-1', 0, 5)], relations: [], labels: [] });
      expect(saved.ok).toBe(true);
      documents.push({ id, sha256: opened.sha256 });
    }
    // Another instance, on every article: adds an annotation of its own.
    for (const { id } of documents) {
      const file = path.join(root, id.replace(/\.txt$/, '.ann.json'));
      const theirs = await onDisk(file);
      theirs.annotations.push(span('theirs', 8, 12));
      await fs.writeFile(file, JSON.stringify(theirs));
    }
    // The window deletes its annotation and adds another, on every article, oldest first: the
    // other's addition is kept and the deletion holds (a merge with the true base, not a guess).
    for (const { id, sha256 } of documents) {
      const saved = await session.saveAnnotations(id, sha256, { status: 'in-progress', annotations: [span('mine-2', 15, 20)], relations: [], labels: [] });
      expect(saved.ok, id).toBe(true);
      const file = await onDisk(path.join(root, id.replace(/\.txt$/, '.ann.json')));
      expect(file.annotations.map((annotation) => annotation.id).sort(), id).toEqual(['mine-2', 'theirs']);
    }
  }, 60_000);

  it('evicts the oldest documents by their estimated bytes; the newest stays whole, even alone over the budget', () => {
    const document = (size: number) => ({ ...EMPTY_DOCUMENT, annotations: Array.from({ length: size }, (_, index) => span(`t${index}`, 0, 5)) });
    const small = document(10);
    const bytes = estimatedDocumentBytes(small);
    const bases = new AnnotationFileBases(bytes * 3);
    for (const id of ['a', 'b', 'c', 'd']) bases.set(id, { document: small, sha256: `sha-${id}` });
    expect(bases.get('a')).toBeNull();
    expect(bases.forMerge('a')).toEqual({ evicted: true, sha256: 'sha-a' });
    expect(bases.get('d')?.document).toBe(small);
    expect(bases.documentBytes).toBe(bytes * 3);
    bases.set('huge', { document: document(1000), sha256: 'sha-huge' });
    expect(bases.get('huge')).not.toBeNull();
    expect(['b', 'c', 'd'].map((id) => bases.get(id))).toEqual([null, null, null]);
    // Opening an article again makes its base whole and newest.
    bases.set('a', { document: small, sha256: 'sha-a2' });
    expect(bases.get('a')?.sha256).toBe('sha-a2');
    const capped = new AnnotationFileBases(bytes, 3);
    for (const id of ['a', 'b', 'c', 'd']) capped.set(id, { document: small, sha256: id });
    expect(capped.forMerge('a')).toBeNull();
    expect(capped.forMerge('b')).toEqual({ evicted: true, sha256: 'b' });
  });

  it('an evicted base: exact while the disk holds its bytes; without a common ancestor otherwise, nothing of either side is lost', async () => {
    const root = await tempFolder();
    const articlePath = path.join(root, 'a.txt');
    await fs.writeFile(articlePath, TEXT);
    const article = decodeArticle(await fs.readFile(articlePath));
    const first = await saveMerged(articlePath, article, { mine: { ...EMPTY_DOCUMENT, annotations: [span('x', 0, 5), span('y', 8, 12)] }, base: null, root });
    if (first.kind !== 'written') throw new Error(first.kind);
    const annotationPath = path.join(root, 'a.ann.json');
    // Disk unchanged: the window's deletion of y holds (the disk is the base, by its hash).
    const deleted = await saveMerged(articlePath, article, { mine: { ...EMPTY_DOCUMENT, annotations: [span('x', 0, 5)] }, base: { evicted: true, sha256: first.base.sha256 }, root });
    expect(deleted.kind).toBe('written');
    expect((await onDisk(annotationPath)).annotations.map((annotation) => annotation.id)).toEqual(['x']);
    // Idle with an evicted base and an unchanged disk: not rewritten.
    if (deleted.kind !== 'written') throw new Error(deleted.kind);
    const idle = await saveMerged(articlePath, article, { mine: { ...EMPTY_DOCUMENT, annotations: [span('x', 0, 5)] }, base: { evicted: true, sha256: deleted.base.sha256 }, root });
    expect(idle.kind).toBe('unchanged');
    // Another writer adds z; the window (evicted base) adds w: both kept.
    const theirs = await onDisk(annotationPath);
    theirs.annotations.push(span('z', 15, 20));
    await fs.writeFile(annotationPath, JSON.stringify(theirs));
    const merged = await saveMerged(articlePath, article, { mine: { ...EMPTY_DOCUMENT, annotations: [span('x', 0, 5), span('w', 22, 26)] }, base: { evicted: true, sha256: deleted.base.sha256 }, root });
    expect(merged.kind).toBe('written');
    expect((await onDisk(annotationPath)).annotations.map((annotation) => annotation.id).sort()).toEqual(['w', 'x', 'z']);
  });
});
