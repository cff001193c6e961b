import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { copyWritable } from '../testing/writableCopy';
import { BratStore, bratAnnotationPathFor, loadBratAnnotations } from './bratStore';

/**
 * Issue #20's brat-mode saving check on RareDis (234 relations, 61 discontinuous spans): every
 * article opened, one relation added through the store, saved, and every other line of the file
 * byte-identical; the new relation is one R line at the end with the next free id.
 */
const projectRoot = path.resolve(import.meta.dirname, '../../..');
const RAREDIS = path.resolve(projectRoot, '../shared/data/raredis-brat/dev');
const present = existsSync(RAREDIS);

const scratchFolders: string[] = [];
afterAll(async () => {
  await Promise.all(scratchFolders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

describe.skipIf(!present)(`RareDis in brat mode${present ? '' : ` (SKIPPED: ${RAREDIS} is absent)`}`, () => {
  it('opens every relation and discontinuous span, adds one relation, saves, and keeps every other byte', async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-raredis-'));
    scratchFolders.push(scratch);
    const corpus = path.join(scratch, 'dev');
    await copyWritable(RAREDIS, corpus);
    const articles = (await fs.readdir(corpus)).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(corpus, name));
    expect(articles).toHaveLength(12);

    let relationLines = 0;
    let relations = 0;
    let discontinuous = 0;
    for (const articlePath of articles) {
      relationLines += (await fs.readFile(bratAnnotationPathFor(articlePath), 'utf8')).split('\n').filter((line) => line.startsWith('R')).length;
      const loaded = await loadBratAnnotations(articlePath, decodeArticle(await fs.readFile(articlePath)));
      expect(loaded.problem).toBeNull();
      relations += loaded.relations.length;
      discontinuous += loaded.annotations.filter((annotation) => (annotation.fragments?.length ?? 0) > 1).length;
    }
    // 22 of RareDis's R lines name a T id its file does not have (R4 … Arg2:T70): they are not
    // shown, and they stay in the file as they are (the byte comparison below covers them).
    expect({ relationLines, relations, discontinuous }).toEqual({ relationLines: 234, relations: 212, discontinuous: 61 });

    // An article with discontinuous spans and a dangling relation: the save keeps their lines as they are.
    const chosen = articles.find((file) => path.basename(file) === 'Cornelia-de-Lange-Syndrome.txt') ?? '';
    const article = decodeArticle(await fs.readFile(chosen));
    const loaded = await loadBratAnnotations(chosen, article);
    const disease = loaded.annotations.find((annotation) => annotation.type === 'RAREDISEASE');
    const sign = loaded.annotations.find((annotation) => annotation.type === 'SIGN' || annotation.type === 'SYMPTOM');
    expect(disease && sign).toBeTruthy();
    const annPath = bratAnnotationPathFor(chosen);
    const before = await fs.readFile(annPath, 'utf8');
    const store = new BratStore();
    const relation = { id: 'rel-added-in-window', type: 'Produces', from: disease?.id ?? '', to: sign?.id ?? '' };
    const saved = await store.save(chosen, article, { annotations: loaded.annotations, relations: [...loaded.relations, relation] });
    expect(saved.written).toBe(true);

    const after = await fs.readFile(annPath, 'utf8');
    const largest = Math.max(...before.split('\n').filter((line) => line.startsWith('R')).map((line) => Number(/^R(\d+)/.exec(line)?.[1] ?? 0)));
    const newId = `R${largest + 1}`;
    expect(saved.idMap).toEqual({ 'rel-added-in-window': newId });
    expect(after).toBe(`${before}${newId}\tProduces Arg1:${disease?.id} Arg2:${sign?.id}\n`);
    expect(saved.relations).toContainEqual({ id: newId, type: 'Produces', from: disease?.id, to: sign?.id });

    // Saving again what is now on disk changes nothing; the other articles were never written.
    const again = await store.save(chosen, article, { annotations: saved.annotations, relations: saved.relations });
    expect(again.written).toBe(false);
    expect(before).toMatch(/^T\d+\t\S+ \d+ \d+;\d+ \d+\t/m);
    expect(before).toContain('R4\tProduces Arg1:T1 Arg2:T70\t\n');
    for (const other of articles.filter((file) => file !== chosen)) {
      const annFile = bratAnnotationPathFor(other);
      expect((await fs.readFile(annFile)).equals(await fs.readFile(path.join(RAREDIS, path.basename(annFile)))), annFile).toBe(true);
    }
  });
});
