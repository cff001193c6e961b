import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { BratStore, bratAnnotationPathFor, countBratEntities, findAnnotationConf, isBratCorpus, loadBratAnnotations, loadBratCorpusTagSet, loadBratTagSet, reanchorBratAnnotations, saveBratAnnotations } from './bratStore';
import { copyWritable } from '../testing/writableCopy';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const DATA_SETS = [
  path.resolve(projectRoot, '../shared/data/brat-example-data'),
  path.resolve(projectRoot, '../shared/data/raredis-brat'),
];

const temporaryFolders: string[] = [];
async function temporaryFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-brat-'));
  temporaryFolders.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(temporaryFolders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

async function articlesUnder(folder: string, found: string[] = []): Promise<string[]> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await articlesUnder(full, found);
    else if (entry.name.endsWith('.txt') && existsSync(bratAnnotationPathFor(full))) found.push(full);
  }
  return found.sort();
}

async function openArticle(articlePath: string) {
  const article = decodeArticle(await fs.readFile(articlePath));
  const loaded = await loadBratAnnotations(articlePath, article);
  expect(loaded.problem).toBeNull();
  return { article, loaded };
}

/** Lines split the way a reader of the file sees them (without their line end). */
function linesOf(content: string): string[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Independent of the implementation: the lines that deleting `id` must take with it, found by
 * reading ids out of the second field of each line, repeated until nothing more refers to a removed id.
 */
function expectedRemovedLines(lines: readonly string[], id: string): Set<number> {
  const removedIds = new Set([id]);
  const removed = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    lines.forEach((line, index) => {
      if (removed.has(index)) return;
      const [own, data = ''] = line.split('\t');
      const refs = own.startsWith('T') ? [] : (data.match(/(?<=^|[\s:])[TREAMN#]\d+(?=\s|$)/g) ?? []);
      if (removedIds.has(own) || refs.some((ref) => removedIds.has(ref))) {
        removed.add(index);
        removedIds.add(own);
        grew = true;
      }
    });
  }
  return removed;
}

for (const dataSet of DATA_SETS) {
  const present = existsSync(dataSet);
  const title = present ? `brat corpus ${path.basename(dataSet)}` : `brat corpus ${path.basename(dataSet)} (SKIPPED: ${dataSet} is absent)`;
  describe.skipIf(!present)(title, () => {
    let corpus = '';
    let articles: string[] = [];
    beforeAll(async () => {
      corpus = path.join(await temporaryFolder(), path.basename(dataSet));
      await copyWritable(dataSet, corpus);
      articles = await articlesUnder(corpus);
    });

    it('is detected as a brat corpus', async () => {
      expect(articles.length).toBeGreaterThan(10);
      expect(await isBratCorpus(corpus)).toBe(true);
    });

    it('opens every document and saves it unchanged: each .ann byte-identical', async () => {
      let entities = 0;
      for (const articlePath of articles) {
        const annotationPath = bratAnnotationPathFor(articlePath);
        const original = await fs.readFile(annotationPath);
        const { article, loaded } = await openArticle(articlePath);
        entities += loaded.annotations.length;
        const result = await saveBratAnnotations(articlePath, article, { annotations: loaded.annotations, relations: loaded.relations });
        expect(Buffer.from(result.contents, 'utf8').equals(original), path.basename(annotationPath)).toBe(true);
        expect(result.written).toBe(false);
        expect((await fs.readFile(annotationPath)).equals(original)).toBe(true);
        expect(result.annotations).toEqual(loaded.annotations);
      }
      expect(entities).toBeGreaterThan(300);
    });

    it('adds one entity: every original line still there verbatim, the new line valid', async () => {
      for (const articlePath of articles) {
        const annotationPath = bratAnnotationPathFor(articlePath);
        const original = await fs.readFile(annotationPath, 'utf8');
        const { article, loaded } = await openArticle(articlePath);
        const codePoints = Array.from(article.text);
        const word = /\p{L}+/u.exec(article.text);
        if (!word) continue;
        const start = Array.from(article.text.slice(0, word.index)).length;
        const end = start + Array.from(word[0]).length;
        const added = { id: 'new-entity', type: 'Hashiye_Test', start, end, text: codePoints.slice(start, end).join('') };
        const result = await saveBratAnnotations(articlePath, article, { annotations: [...loaded.annotations, added], relations: loaded.relations });
        const written = await fs.readFile(annotationPath, 'utf8');
        const before = linesOf(original);
        const after = linesOf(written);
        expect(after.slice(0, before.length)).toEqual(before);
        expect(after).toHaveLength(before.length + 1);
        const largest = Math.max(0, ...before.map((line) => /^T(\d+)\t/.exec(line)).filter((match) => match !== null).map((match) => Number(match[1])));
        const newId = `T${largest + 1}`;
        expect(result.idMap).toEqual({ 'new-entity': newId });
        expect(after[after.length - 1]).toBe(`${newId}\tHashiye_Test ${start} ${end}\t${word[0]}`);
        expect(written.endsWith('\n')).toBe(true);
        // The previous version is kept beside it.
        expect(await fs.readFile(`${annotationPath}.bak`, 'utf8')).toBe(original);
        await fs.writeFile(annotationPath, original);
      }
    });

    it('deletes an entity with relations: exactly its lines gone, and undo puts them back byte for byte', async () => {
      let checked = 0;
      for (const articlePath of articles) {
        const annotationPath = bratAnnotationPathFor(articlePath);
        const original = await fs.readFile(annotationPath, 'utf8');
        const { article, loaded } = await openArticle(articlePath);
        const target = loaded.relations[0]?.from;
        if (!target) continue;
        checked++;
        const store = new BratStore();
        const preview = await store.previewDelete(articlePath, target);
        const remaining = loaded.annotations.filter((annotation) => annotation.id !== target);
        const relations = loaded.relations.filter((relation) => relation.from !== target && relation.to !== target);
        const result = await store.save(articlePath, article, { annotations: remaining, relations });
        const before = linesOf(original);
        const gone = expectedRemovedLines(before, target);
        const written = await fs.readFile(annotationPath, 'utf8');
        expect(linesOf(written)).toEqual(before.filter((_, index) => !gone.has(index)));
        expect(preview).toEqual(before.filter((_, index) => gone.has(index)));
        expect(result.removed.flatMap((group) => group.lines.map((entry) => entry.line.raw))).toEqual(preview);
        // Undo in the UI brings back the entity and its relations; the save restores every line in place.
        await store.save(articlePath, article, { annotations: loaded.annotations, relations: loaded.relations });
        expect(await fs.readFile(annotationPath, 'utf8')).toBe(original);
      }
      expect(checked).toBeGreaterThan(5);
    });
  });
}

const RAREDIS = DATA_SETS[1];
describe.skipIf(!existsSync(RAREDIS))(`RareDis details${existsSync(RAREDIS) ? '' : ` (SKIPPED: ${RAREDIS} is absent)`}`, () => {
  it('reads discontinuous spans as fragments and reports the text field that differs from the article', async () => {
    const articlePath = path.join(RAREDIS, 'dev/Cornelia-de-Lange-Syndrome.txt');
    const { loaded } = await openArticle(articlePath);
    const mismatch = loaded.mismatches.find((entry) => entry.id === 'T35');
    expect(mismatch).toEqual({ id: 'T35', written: '"low-pitched ""growling"" cry and low voice"', article: 'low-pitched "growling" cry and low voice' });
    const discontinuous = loaded.annotations.filter((annotation) => annotation.fragments);
    expect(discontinuous.length).toBeGreaterThan(0);
    for (const annotation of discontinuous) {
      expect(annotation.start).toBe(annotation.fragments?.[0].start);
      expect(annotation.end).toBe(annotation.fragments?.[annotation.fragments.length - 1].end);
    }
    expect(await countBratEntities(articlePath)).toBe(loaded.annotations.length);
  });

  it('re-anchors a brat article edited on disk: every T line moves with its words, the rest keeps its bytes', async () => {
    const corpus = path.join(await temporaryFolder(), 'dev');
    await copyWritable(path.join(RAREDIS, 'dev'), corpus);
    const articlePath = path.join(corpus, 'Cornelia-de-Lange-Syndrome.txt');
    const { article: before, loaded } = await openArticle(articlePath);
    const original = await fs.readFile(bratAnnotationPathFor(articlePath), 'utf8');
    await fs.writeFile(articlePath, `Updated 2026 😀\r\n${before.text}`);
    const after = decodeArticle(await fs.readFile(articlePath));
    const result = await reanchorBratAnnotations(articlePath, before.text, after);
    expect(result?.changes.every((change) => change.status === 'moved')).toBe(true);
    expect(result?.changes).toHaveLength(loaded.annotations.length);
    expect(await fs.readFile(`${bratAnnotationPathFor(articlePath)}.bak`, 'utf8')).toBe(original);
    const reloaded = await loadBratAnnotations(articlePath, after);
    expect(reloaded.annotations.map((annotation) => [annotation.id, annotation.start - 15, annotation.text]))
      .toEqual(loaded.annotations.map((annotation) => [annotation.id, annotation.start, annotation.text]));
    const relationLines = (text: string) => text.split('\n').filter((line) => line.startsWith('R'));
    expect(relationLines(await fs.readFile(bratAnnotationPathFor(articlePath), 'utf8'))).toEqual(relationLines(original));
  });
});

const CONLL = path.join(DATA_SETS[0], 'corpora/CoNLL-ST_2002');
describe.skipIf(!existsSync(CONLL))(`annotation.conf lookup${existsSync(CONLL) ? '' : ` (SKIPPED: ${CONLL} is absent)`}`, () => {
  it('finds the configuration in a parent folder, up to the corpus root and not beyond', async () => {
    expect(await findAnnotationConf(CONLL, path.join(CONLL, 'esp'))).toBe(path.join(CONLL, 'annotation.conf'));
    expect(await findAnnotationConf(path.join(CONLL, 'esp'), path.join(CONLL, 'esp'))).toBeNull();
    const tagSet = await loadBratTagSet(CONLL, path.join(CONLL, 'esp'));
    expect(tagSet.source).toBe('annotation.conf');
    expect(tagSet.types.map((type) => `${type.id}:${type.hotkey}`)).toEqual(['ORG:Digit1', 'PER:Digit2', 'LOC:Digit3', 'MISC:Digit4']);
    // visual.conf beside it names and colours the types as brat showed them.
    expect(tagSet.types.find((type) => type.id === 'PER')?.color).toBe('#ffccaa');
    const corpusWide = await loadBratCorpusTagSet(DATA_SETS[0]);
    expect(corpusWide.source).toBe('annotation.conf');
    expect(corpusWide.problem).toMatch(/^8 folders have their own annotation\.conf; the list shows the one in corpora\/CoNLL-ST_2002,/);
    const fallback = await loadBratTagSet(path.join(CONLL, 'esp'));
    expect(fallback.source).toBe('default');
    expect(fallback.problem).toMatch(/annotation\.conf/);
  });
});

describe('brat store on made-up files', () => {
  it('does not call a native corpus brat, and creates NAME.ann for a first annotation', async () => {
    const corpus = await temporaryFolder();
    await fs.writeFile(path.join(corpus, 'a.txt'), 'سلام دنیا\r\n😀 علی‌رضا آمد');
    await fs.writeFile(path.join(corpus, 'a.ann.json'), '{}');
    expect(await isBratCorpus(corpus)).toBe(false);
    const articlePath = path.join(corpus, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    const empty = await saveBratAnnotations(articlePath, article, { annotations: [], relations: [] });
    expect(empty.written).toBe(false);
    expect(existsSync(bratAnnotationPathFor(articlePath))).toBe(false);
    // «علی‌رضا» (with ZWNJ) after an emoji and a CRLF: code points 12..19 of the LF text.
    const codePoints = Array.from(article.text);
    const start = codePoints.indexOf('ع');
    const result = await saveBratAnnotations(articlePath, article, {
      annotations: [{ id: 'x', type: 'PER', start, end: start + 7, text: 'علی‌رضا' }],
      relations: [],
    });
    expect(start).toBe(12);
    expect(await fs.readFile(bratAnnotationPathFor(articlePath), 'utf8')).toBe('T1\tPER 12 19\tعلی‌رضا\n');
    expect(result.annotations[0]).toMatchObject({ id: 'T1', start: 12, end: 19, text: 'علی‌رضا' });
    expect(await isBratCorpus(corpus)).toBe(true);
  });

  it('cuts a new span that crosses a line break into one fragment per line, as brat does', async () => {
    const corpus = await temporaryFolder();
    const articlePath = path.join(corpus, 'b.txt');
    await fs.writeFile(articlePath, 'ستاد کل\nنیروهای مسلح');
    const article = decodeArticle(await fs.readFile(articlePath));
    const result = await saveBratAnnotations(articlePath, article, {
      annotations: [{ id: 'y', type: 'ORG', start: 0, end: 20, text: 'ستاد کل\nنیروهای مسلح' }],
      relations: [],
    });
    expect(await fs.readFile(bratAnnotationPathFor(articlePath), 'utf8')).toBe('T1\tORG 0 7;8 20\tستاد کل نیروهای مسلح\n');
    expect(result.annotations[0]).toMatchObject({ id: 'T1', start: 0, end: 20, fragments: [{ start: 0, end: 7 }, { start: 8, end: 20 }] });
  });

  it('keeps a span across a line break that another tool wrote, when the user did not move it', async () => {
    const corpus = await temporaryFolder();
    const articlePath = path.join(corpus, 'c.txt');
    await fs.writeFile(articlePath, 'ab\ncd');
    await fs.writeFile(bratAnnotationPathFor(articlePath), 'T1\tX 0 5\tab cd\r\n');
    const article = decodeArticle(await fs.readFile(articlePath));
    const { loaded } = await openArticle(articlePath);
    expect(loaded.mismatches).toEqual([{ id: 'T1', written: 'ab cd', article: 'ab\ncd' }]);
    const result = await saveBratAnnotations(articlePath, article, { annotations: loaded.annotations.map((annotation) => ({ ...annotation, type: 'Y' })), relations: [] });
    expect(result.contents).toBe('T1\tY 0 5\tab cd\r\n');
  });

  it('refuses an .ann that is not UTF-8 and leaves it alone', async () => {
    const corpus = await temporaryFolder();
    const articlePath = path.join(corpus, 'd.txt');
    await fs.writeFile(articlePath, 'abc');
    const bytes = Buffer.from([0x54, 0x31, 0x09, 0xff, 0xfe, 0x0a]);
    await fs.writeFile(bratAnnotationPathFor(articlePath), bytes);
    const article = decodeArticle(await fs.readFile(articlePath));
    const loaded = await loadBratAnnotations(articlePath, article);
    expect(loaded.problem?.message).toMatch(/not valid UTF-8/);
    await expect(saveBratAnnotations(articlePath, article, { annotations: [], relations: [] })).rejects.toThrow(/not valid UTF-8/);
    expect((await fs.readFile(bratAnnotationPathFor(articlePath))).equals(bytes)).toBe(true);
  });
});
