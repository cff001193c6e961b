import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { problemOfError } from '../problems/userProblems';
import { loadAnnotations, saveAnnotations } from '../storage/annotationStore';
import { readEntityArticle } from './entityCorpusFiles';
import { editEntities, linkEntitySpan, loadRegistry, viewEntity, type EntityFileAccess } from './entityService';
import { TestCleanups, spanIn } from '../testing/sessionFixture';

const cleanups = new TestCleanups();
afterEach(() => cleanups.run());

const FIRST = 'وزیر خارجه محمدجواد ظریف امروز به تهران رفت. Zarif گفت.\n';
const SECOND = 'محمد جواد ظریف و محمدجوادظریف و محمد\u200cجواد ظریف یک نفرند.\n';

async function corpus(): Promise<{ root: string; access: EntityFileAccess }> {
  const parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-entities-')));
  cleanups.last(() => fs.rm(parent, { recursive: true, force: true }));
  const root = path.join(parent, 'corpus');
  await fs.mkdir(root);
  await fs.writeFile(path.join(root, 'a.txt'), FIRST);
  await fs.writeFile(path.join(root, 'b.txt'), SECOND);
  return { root, access: { root, write: (_path, action) => action() } };
}

async function annotate(root: string, id: string, annotations: StoredAnnotation[]): Promise<void> {
  const located = await readEntityArticle(root, id);
  await saveAnnotations(located.path, located.article, { status: 'in-progress', annotations, relations: [], labels: [] });
}

async function annotationsOf(root: string, id: string): Promise<StoredAnnotation[]> {
  const located = await readEntityArticle(root, id);
  return (await loadAnnotations(located.path, located.article)).annotations;
}

async function linksOf(root: string, id: string): Promise<Record<string, string | undefined>> {
  return Object.fromEntries((await annotationsOf(root, id)).map((annotation) => [annotation.id, annotation.entity]));
}

function problemOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => problemOfError(error),
  );
}

describe('the entity registry on disk (#24)', () => {
  it('starts empty, creates entities.json atomically and keeps an outside addition made meanwhile', async () => {
    const { root, access } = await corpus();
    expect((await loadRegistry(access)).registry).toEqual({ version: 1, entities: [] });
    await editEntities(access, { kind: 'create', id: 'zarif', type: 'PER', text: 'محمدجواد ظریف' });
    const onDisk = JSON.parse(await fs.readFile(path.join(root, 'entities.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ version: 1, entities: [{ id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: [] }] });
    // Another program adds an entity: the next edit is made on the file as it is then.
    const outside = { version: 1, entities: [...(onDisk as { entities: unknown[] }).entities, { id: 'tehran', type: 'LOC', names: { fa: 'تهران' }, aliases: [] }] };
    await fs.writeFile(path.join(root, 'entities.json'), JSON.stringify(outside));
    const after = await editEntities(access, { kind: 'addAlias', id: 'zarif', alias: 'Zarif' });
    expect(after.registry.entities.map((entity) => entity.id)).toEqual(['zarif', 'tehran']);
    expect(after.registry.entities[0].aliases).toEqual(['Zarif']);
  });

  it('a broken entities.json gets a coded problem and is never overwritten', async () => {
    const { root, access } = await corpus();
    const file = path.join(root, 'entities.json');
    for (const broken of ['{ "version": 1, "entities": [', JSON.stringify({ version: 1, entities: [{ id: 'x', type: 'PER', names: {}, aliases: [], wikidata: 'Q01' }] })]) {
      await fs.writeFile(file, broken);
      expect(await problemOf(loadRegistry(access))).toMatchObject({ code: 'entitiesBroken', file: 'entities.json' });
      expect(await problemOf(editEntities(access, { kind: 'create', id: 'a', type: 'PER', text: 'ظریف' }))).toMatchObject({ code: 'entitiesBroken' });
      expect(await fs.readFile(file, 'utf8')).toBe(broken);
    }
    expect(await problemOf(loadRegistry(access))).toMatchObject({ field: 'entities.0.wikidata' });
  });

  it('refuses an entities.json that is a link to a file outside the corpus, and writes nothing there', async () => {
    const { root, access } = await corpus();
    const outside = path.join(path.dirname(root), 'outside.json');
    const canary = JSON.stringify({ version: 1, entities: [{ id: 'canary', type: 'PER', names: {}, aliases: ['CANARY'] }] });
    await fs.writeFile(outside, canary);
    await fs.symlink(outside, path.join(root, 'entities.json'));
    expect(await problemOf(loadRegistry(access))).toMatchObject({ code: 'outsideCorpus' });
    expect(await problemOf(editEntities(access, { kind: 'create', id: 'a', type: 'PER', text: 'ظریف' }))).toMatchObject({ code: 'outsideCorpus' });
    expect(await fs.readFile(outside, 'utf8')).toBe(canary);
    expect((await fs.lstat(path.join(root, 'entities.json'))).isSymbolicLink()).toBe(true);
  });

  it('merging re-points the links in annotation files; splitting moves the chosen mentions', async () => {
    const { root, access } = await corpus();
    await editEntities(access, { kind: 'create', id: 'fa1', type: 'PER', text: 'محمدجواد ظریف' });
    await editEntities(access, { kind: 'create', id: 'en1', type: 'PER', text: 'Zarif' });
    await annotate(root, 'a.txt', [{ ...spanIn(FIRST, 'محمدجواد ظریف', 'p1', 'PER'), entity: 'fa1' }, { ...spanIn(FIRST, 'Zarif', 'p2', 'PER'), entity: 'en1' }, spanIn(FIRST, 'تهران', 'l1')]);
    const merged = await editEntities(access, { kind: 'merge', kept: 'fa1', absorbed: 'en1' });
    expect(merged.rewritten).toEqual(['a.txt']);
    expect(merged.registry.entities).toEqual([{ id: 'fa1', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: ['Zarif'] }]);
    expect(await linksOf(root, 'a.txt')).toEqual({ p1: 'fa1', p2: 'fa1', l1: undefined });
    const split = await editEntities(access, { kind: 'split', id: 'fa1', newId: 'en2', aliases: ['Zarif'], mentions: [{ articleId: 'a.txt', annotationId: 'p2' }] });
    expect(split.registry.entities.map((entity) => [entity.id, entity.names, entity.aliases])).toEqual([
      ['fa1', { fa: 'محمدجواد ظریف' }, []],
      ['en2', { latin: 'Zarif' }, []],
    ]);
    expect(await linksOf(root, 'a.txt')).toEqual({ p1: 'fa1', p2: 'en2', l1: undefined });
    await editEntities(access, { kind: 'remove', id: 'en2' });
    expect((await annotationsOf(root, 'a.txt')).find((annotation) => annotation.id === 'p2')?.entity).toBeUndefined();
    expect(await problemOf(editEntities(access, { kind: 'addAlias', id: 'en2', alias: 'x' }))).toMatchObject({ code: 'entityMissing', entity: 'en2' });
  });

  it('the entity view: mentions in context, counts, and unlinked names at exact offsets whatever became of the ZWNJ', async () => {
    const { root, access } = await corpus();
    await editEntities(access, { kind: 'create', id: 'zarif', type: 'PER', text: 'محمدجواد ظریف' });
    // The alias occurs inside every full name: the longest name wins, it is never a mention of its own there.
    await editEntities(access, { kind: 'addAlias', id: 'zarif', alias: 'ظریف' });
    await annotate(root, 'a.txt', [{ ...spanIn(FIRST, 'محمدجواد ظریف', 'p1', 'PER'), entity: 'zarif' }]);
    const progress: number[] = [];
    const view = await viewEntity(access, 'zarif', (done) => progress.push(done));
    expect(progress.at(-1)).toBe(2);
    expect(view.mentions).toEqual([expect.objectContaining({ articleId: 'a.txt', annotationId: 'p1', type: 'PER', before: 'وزیر خارجه ', match: 'محمدجواد ظریف', after: expect.stringMatching(/^ امروز/) })]);
    expect(view.perArticle).toEqual([{ articleId: 'a.txt', count: 1 }]);
    expect(view.perType).toEqual([{ type: 'PER', count: 1 }]);
    const chars = Array.from(SECOND);
    expect(view.unlinked.map((hit) => [hit.articleId, chars.slice(hit.start, hit.end).join('')])).toEqual([
      ['b.txt', 'محمد جواد ظریف'],
      ['b.txt', 'محمدجوادظریف'],
      ['b.txt', 'محمد\u200cجواد ظریف'],
    ]);
    // One key links it: a new annotation of the entity's type there, linked, on disk.
    const { annotationId } = await linkEntitySpan(access, { articleId: 'b.txt', entity: 'zarif', start: view.unlinked[1].start, end: view.unlinked[1].end, type: 'PER' }, 'tester');
    expect(await annotationsOf(root, 'b.txt')).toEqual([expect.objectContaining({ id: annotationId, type: 'PER', text: 'محمدجوادظریف', entity: 'zarif', author: 'tester' })]);
    const again = await viewEntity(access, 'zarif');
    expect(again.mentions).toHaveLength(2);
    expect(again.unlinked).toHaveLength(2);
    // No NAME.meta.json: no date.
    expect(again.mentions.map((mention) => mention.date)).toEqual([undefined, undefined]);
  });

  it('the entity view dates each mention with its article\'s publication date (NAME.meta.json); a broken meta file gives none', async () => {
    const { root, access } = await corpus();
    await editEntities(access, { kind: 'create', id: 'zarif', type: 'PER', text: 'ظریف' });
    await annotate(root, 'a.txt', [{ ...spanIn(FIRST, 'Zarif', 'p1', 'PER'), entity: 'zarif' }]);
    await fs.writeFile(path.join(root, 'a.meta.json'), JSON.stringify({ title: 'خبر', published: '2024-03-20' }));
    await fs.writeFile(path.join(root, 'b.meta.json'), '{ broken');
    const view = await viewEntity(access, 'zarif');
    expect(view.mentions.map((mention) => [mention.articleId, mention.date])).toEqual([['a.txt', '2024-03-20']]);
    expect(new Set(view.unlinked.map((mention) => `${mention.articleId} ${mention.date}`))).toEqual(new Set(['a.txt 2024-03-20', 'b.txt undefined']));
  });
});
