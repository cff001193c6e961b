import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityRegistrySchema, type EntityRegistry } from '../../../shared/entities/registry';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { exportCorpus } from './exportCorpus';
import { importCorpus } from './importCorpus';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});
async function newFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-entity-import-'));
  folders.push(folder);
  return folder;
}

async function linksOf(file: string): Promise<Record<string, string | undefined>> {
  const parsed = parseAnnotationFile(await fs.readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return Object.fromEntries(parsed.file.annotations.map((annotation) => [annotation.text, annotation.entity]));
}

async function registryOf(root: string): Promise<EntityRegistry> {
  return EntityRegistrySchema.parse(JSON.parse(await fs.readFile(path.join(root, 'entities.json'), 'utf8')));
}

const TEXT = 'ظریف به تهران رفت. Zarif و اصفهان.\n';
const REGISTRY: EntityRegistry = { version: 1, entities: [{ id: 'tehran', type: 'LOC', names: { fa: 'تهران' }, aliases: [] }] };

/** A native corpus with two linked annotations (one entity with a QID, one without) and one unlinked. */
async function linkedCorpus(): Promise<{ root: string; corpus: string; registry: EntityRegistry }> {
  const root = await newFolder();
  const corpus = path.join(root, 'corpus');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, 'a.txt'), TEXT);
  const registry: EntityRegistry = { version: 1, entities: [...REGISTRY.entities, { id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: ['ظریف'], wikidata: 'Q347587' }] };
  await fs.writeFile(path.join(corpus, 'entities.json'), JSON.stringify(registry));
  const annotations = [
    { id: 'a1', type: 'PER', start: 0, end: 4, text: 'ظریف', entity: 'zarif' },
    { id: 'a2', type: 'LOC', start: 8, end: 13, text: 'تهران', entity: 'tehran' },
    { id: 'a3', type: 'LOC', start: 27, end: 33, text: 'اصفهان' },
  ];
  const source = { file: 'a.txt', sha256: createHash('sha256').update(TEXT).digest('hex'), encoding: 'utf-8', length: Array.from(TEXT).length };
  await fs.writeFile(path.join(corpus, 'a.ann.json'), JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source, status: 'in-progress', annotations, relations: [], labels: [] }));
  return { root, corpus, registry };
}

describe('brat N lines import back as entity links (#24)', () => {
  it('Wikidata:Q… creates the entity once and links both mentions; Hashiye:ID finds the registry entity; an unknown id is reported', async () => {
    const root = await newFolder();
    const source = path.join(root, 'brat');
    await fs.mkdir(source);
    await fs.writeFile(path.join(source, 'a.txt'), TEXT);
    await fs.writeFile(path.join(source, 'entities.json'), JSON.stringify(REGISTRY));
    await fs.writeFile(path.join(source, 'a.ann'), [
      'T1\tPER 0 4\tظریف',
      'T2\tLOC 8 13\tتهران',
      'T3\tPER 19 24\tZarif',
      'T4\tLOC 27 33\tاصفهان',
      'N1\tReference T1 Wikidata:Q347587\tظریف',
      'N2\tReference T2 Hashiye:tehran\tتهران',
      'N3\tReference T3 Wikidata:Q347587\tZarif',
      'N4\tReference T4 Hashiye:isfahan\tاصفهان',
      '',
    ].join('\n'));
    const out = path.join(root, 'corpus');
    const summary = await importCorpus(source, { from: 'brat', out });
    expect(summary.articles).toBe(1);
    expect(summary.skipped.map((problem) => problem.why)).toEqual([{ code: 'entityUnknown', id: 'T4', entity: 'isfahan' }]);
    const registry = await registryOf(out);
    expect(registry.entities).toHaveLength(2);
    const zarif = registry.entities.find((entity) => entity.wikidata === 'Q347587');
    expect(zarif).toMatchObject({ type: 'PER', names: { fa: 'ظریف' }, aliases: [] });
    expect(await linksOf(path.join(out, 'a.ann.json'))).toEqual({ ظریف: zarif?.id, تهران: 'tehran', Zarif: zarif?.id, اصفهان: undefined });
  });

  it('a corpus exported to brat imports back with the same links and registry', async () => {
    const { root, corpus, registry } = await linkedCorpus();
    const exported = path.join(root, 'export');
    const result = await exportCorpus(corpus, 'brat', { out: exported, workers: 0 });
    expect([result.report.unreadable, result.report.documents.flatMap((article) => article.problems)]).toEqual([[], []]);
    expect(result.written).toBe(true);
    expect(await fs.readFile(path.join(exported, 'a.ann'), 'utf8')).toContain('Reference T1 Wikidata:Q347587\tظریف');
    const out = path.join(root, 'back');
    const summary = await importCorpus(exported, { from: 'brat', out });
    expect(summary.skipped).toEqual([]);
    expect(await registryOf(out)).toEqual(registry);
    expect(await linksOf(path.join(out, 'a.ann.json'))).toEqual({ ظریف: 'zarif', تهران: 'tehran', اصفهان: undefined });
  });
});

describe('Label Studio and doccano JSONL links import back (#24)', () => {
  for (const [title, format, file, options] of [
    ['labelstudio', 'labelstudio', 'tasks.json', {}],
    ['jsonl (entities variant)', 'jsonl', 'corpus.jsonl', { jsonlVariant: 'entities' as const }],
    ['jsonl (label variant, entity_links)', 'jsonl', 'corpus.jsonl', { jsonlVariant: 'label' as const }],
  ] as const) {
    it(`${title}: a Wikidata-linked span finds or makes its entity; a registry id resolves against the entities.json beside the source`, async () => {
      const { root, corpus, registry } = await linkedCorpus();
      const exported = path.join(root, 'export');
      expect((await exportCorpus(corpus, format, { out: exported, workers: 0, ...options })).written).toBe(true);
      // Without a registry beside it: the QID makes a new entity, the local id is reported.
      const bare = await importCorpus(path.join(exported, file), { from: format, out: path.join(root, 'bare') });
      expect(bare.skipped.map((problem) => problem.why)).toEqual([{ code: 'entityUnknown', id: expect.any(String), entity: 'tehran' }]);
      const made = (await registryOf(path.join(root, 'bare'))).entities;
      expect(made).toEqual([expect.objectContaining({ type: 'PER', wikidata: 'Q347587' })]);
      // With the corpus's registry beside it: the same links.
      await fs.copyFile(path.join(corpus, 'entities.json'), path.join(exported, 'entities.json'));
      const out = path.join(root, 'back');
      expect((await importCorpus(path.join(exported, file), { from: format, out })).skipped).toEqual([]);
      expect(await registryOf(out)).toEqual(registry);
      const [name] = (await fs.readdir(out)).filter((entry) => entry.endsWith('.ann.json'));
      expect(await linksOf(path.join(out, name))).toEqual({ ظریف: 'zarif', تهران: 'tehran', اصفهان: undefined });
    });
  }
});
