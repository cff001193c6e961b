import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryEditRequest } from '../../../shared/entities/entityWire';
import { runCli } from '../../cli/cli';
import { scanCorpus } from '../corpus/corpusScanner';
import { editEntities, loadRegistry, type EntityFileAccess } from '../entities/entityService';
import { entitiesPathOf, serializeRegistry } from '../entities/entityRegistryFile';
import { RegistryBase } from '../entities/registryBase';
import { loadArticleMetadata, saveArticleMetadata } from '../metadata/articleMetadataFile';
import { summarizeArticles } from '../metadata/articleSummaries';
import { runPretag } from '../pretag/pretagRun';
import { readGazetteerInCorpus } from '../pretag/pretagWindow';
import { problemOfError } from '../problems/userProblems';
import { makeFolderReadOnly } from '../testing/readOnlyFolder';
import { makeFifo } from '../testing/specialFiles';
import { sidecarRegistry } from '../testing/sidecarVersions';
import { mountTmpfs, unmountTmpfs } from '../testing/tmpfsDisk';

/**
 * (#17) The fault suite for the corpus files added since #17's first run: the entity registry
 * `entities.json`, the metadata sidecar `NAME.meta.json`, gazetteer files and pre-annotation
 * output `NAME.annotators/AS.ann.json`. Two writers merge or are told; a full disk keeps the old
 * file; read-only files open read-only and are never replaced; links out of the corpus, FIFOs
 * and /dev/zero are never read. (Kills mid-write: sidecarFiles.crash.test.ts.)
 */
const CANARY = 'CANARY-7f3a-OUTSIDE-THE-CORPUS';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function corpus(): Promise<{ parent: string; root: string; article: string; meta: string }> {
  const parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-sidecar-faults-')));
  cleanups.push(() => fs.rm(parent, { recursive: true, force: true }));
  const root = path.join(parent, 'corpus');
  await fs.mkdir(root);
  const article = path.join(root, 'news.txt');
  await fs.writeFile(article, 'سفر از تهران به مشهد بود.\n');
  return { parent, root, article, meta: path.join(root, 'news.meta.json') };
}

/** One window's access to the registry: its own merge base, as each CorpusSession holds one. */
function session(root: string): EntityFileAccess {
  return { root, write: (_path, action) => action(), base: new RegistryBase() };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

const entityIds = async (root: string) => (JSON.parse(await fs.readFile(entitiesPathOf(root), 'utf8')) as { entities: { id: string }[] }).entities.map((entity) => entity.id).sort();

describe('two writers on entities.json', () => {
  it('merges different entities and different fields of one entity; the same field conflicts, is reported and nothing is overwritten', async () => {
    const { root } = await corpus();
    const a = session(root);
    const b = session(root);
    await loadRegistry(a);
    await loadRegistry(b);
    const create = (id: string, text: string): RegistryEditRequest => ({ kind: 'create', id, type: 'PER', text });
    await editEntities(a, create('ea', 'ظریف'));
    // B never saw A's entity: both stand.
    expect((await editEntities(b, create('eb', 'عراقچی'))).registry.entities.map((entity) => entity.id).sort()).toEqual(['ea', 'eb']);
    expect(await entityIds(root)).toEqual(['ea', 'eb']);
    await loadRegistry(a);
    await loadRegistry(b);
    // Different fields of the same entity, and an alias each: all merge.
    await editEntities(a, { kind: 'update', id: 'ea', latin: 'Zarif' });
    await editEntities(a, { kind: 'addAlias', id: 'ea', alias: 'محمدجواد ظریف' });
    const merged = await editEntities(b, { kind: 'update', id: 'ea', note: 'وزیر پیشین', aliases: ['جواد ظریف'] });
    const ea = merged.registry.entities.find((entity) => entity.id === 'ea');
    expect(ea).toMatchObject({ names: { fa: 'ظریف', latin: 'Zarif' }, note: 'وزیر پیشین' });
    expect([...(ea?.aliases ?? [])].sort()).toEqual(['جواد ظریف', 'محمدجواد ظریف'].sort());
    // The same field, changed differently by a window that has not seen the other's change: refused and reported.
    await editEntities(a, { kind: 'update', id: 'ea', latin: 'M. J. Zarif' });
    const before = await fs.readFile(entitiesPathOf(root), 'utf8');
    const conflict = await rejection(editEntities(b, { kind: 'update', id: 'ea', latin: 'Javad Zarif' }));
    expect(problemOfError(conflict)).toEqual({ code: 'entitiesConflict', file: 'entities.json', entities: ['ea'] });
    expect(await fs.readFile(entitiesPathOf(root), 'utf8')).toBe(before);
    // B now holds the disk's version: its edit made again lands.
    await editEntities(b, { kind: 'update', id: 'ea', latin: 'Javad Zarif' });
    expect((await loadRegistry(a)).registry.entities.find((entity) => entity.id === 'ea')?.names.latin).toBe('Javad Zarif');
    // Removed on one side, changed on the other: a conflict, not a silent resurrection or loss.
    await loadRegistry(a);
    await loadRegistry(b);
    await editEntities(a, { kind: 'remove', id: 'eb' });
    expect(problemOfError(await rejection(editEntities(b, { kind: 'update', id: 'eb', note: 'x' })))).toMatchObject({ code: 'entitiesConflict', entities: ['eb'] });
    expect(await entityIds(root)).toEqual(['ea']);
  });
});

describe('two writers on NAME.meta.json', () => {
  it('merges different fields, reports the same field changed, and overwrites nothing', async () => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(meta, JSON.stringify({ title: 'سفر', scraper: { run: 3 } }));
    const opened = (await loadArticleMetadata(root, article)).metadata;
    // Both editors opened {title}; A adds a source, B changes the title.
    expect((await saveArticleMetadata(root, article, { ...opened, source: 'ایرنا' }, opened)).saved).toBe(true);
    const second = await saveArticleMetadata(root, article, { title: 'سفر وزیر' }, opened);
    expect(second.metadata).toEqual({ title: 'سفر وزیر', source: 'ایرنا' });
    expect(JSON.parse(await fs.readFile(meta, 'utf8'))).toEqual({ scraper: { run: 3 }, title: 'سفر وزیر', source: 'ایرنا' });
    // A, still on what it opened, changes the title too: refused, reported by field, nothing written.
    const before = await fs.readFile(meta, 'utf8');
    const conflict = await rejection(saveArticleMetadata(root, article, { title: 'سفر رئیس‌جمهور', source: 'ایرنا' }, opened));
    expect(problemOfError(conflict)).toEqual({ code: 'metadataConflict', file: 'news.meta.json', fields: ['title'] });
    expect(await fs.readFile(meta, 'utf8')).toBe(before);
    // Two saves at the same moment from two editors that opened the same fields: both fields land.
    const now = (await loadArticleMetadata(root, article)).metadata;
    await Promise.all([saveArticleMetadata(root, article, { ...now, author: 'مریم' }, now), saveArticleMetadata(root, article, { ...now, published: '2024-03-20' }, now)]);
    expect((await loadArticleMetadata(root, article)).metadata).toMatchObject({ author: 'مریم', published: '2024-03-20', title: 'سفر وزیر' });
  });
});

describe('read-only entities.json and NAME.meta.json', () => {
  it('open read-only with the reason, are never replaced, and keep their mode when writable', async () => {
    const { root, article, meta } = await corpus();
    const registryText = serializeRegistry(sidecarRegistry('A'));
    await fs.writeFile(entitiesPathOf(root), registryText, { mode: 0o444 });
    await fs.chmod(entitiesPathOf(root), 0o444);
    await fs.writeFile(meta, '{"title": "سفر"}\n');
    await fs.chmod(meta, 0o444);
    const access = session(root);
    const loaded = await loadRegistry(access);
    expect(loaded.readOnly).toEqual({ code: 'readOnly', file: 'entities.json', reason: 'file-mode' });
    expect(loaded.registry.entities).toHaveLength(40);
    expect(problemOfError(await rejection(editEntities(access, { kind: 'create', id: 'x1', type: 'PER', text: 'ظریف' })))).toMatchObject({ code: 'readOnly' });
    expect(await fs.readFile(entitiesPathOf(root), 'utf8')).toBe(registryText);
    const metadata = await loadArticleMetadata(root, article);
    expect(metadata).toMatchObject({ metadata: { title: 'سفر' }, problem: { code: 'metadataReadOnly', file: 'news.meta.json' } });
    expect(problemOfError(await rejection(saveArticleMetadata(root, article, { title: 'دیگر' }, { title: 'سفر' })))).toMatchObject({ code: 'readOnly', reason: 'file-mode' });
    expect(await fs.readFile(meta, 'utf8')).toBe('{"title": "سفر"}\n');
    for (const file of [entitiesPathOf(root), meta]) expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
    expect((await fs.readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Writable files keep their own mode through a save.
    await fs.chmod(entitiesPathOf(root), 0o640);
    await fs.chmod(meta, 0o600);
    await loadRegistry(access);
    await editEntities(access, { kind: 'create', id: 'x1', type: 'PER', text: 'ظریف' });
    expect((await saveArticleMetadata(root, article, { title: 'دیگر' }, { title: 'سفر' })).saved).toBe(true);
    expect((await fs.stat(entitiesPathOf(root))).mode & 0o777).toBe(0o640);
    expect((await fs.stat(meta)).mode & 0o777).toBe(0o600);
  });

  it('in a read-only folder: the reason is given and nothing is written', async (context) => {
    const { root, article, meta } = await corpus();
    await fs.writeFile(entitiesPathOf(root), serializeRegistry(sidecarRegistry('A')));
    await fs.writeFile(meta, '{"title": "سفر"}\n');
    const folder = makeFolderReadOnly(root);
    if (!folder.ok) {
      context.skip(folder.reason);
      return;
    }
    cleanups.push(folder.restore);
    const access = session(root);
    expect((await loadRegistry(access)).readOnly).toMatchObject({ code: 'readOnly', file: 'entities.json' });
    expect((await loadArticleMetadata(root, article)).problem).toMatchObject({ code: 'metadataReadOnly' });
    await rejection(editEntities(access, { kind: 'create', id: 'x1', type: 'PER', text: 'ظریف' }));
    await rejection(saveArticleMetadata(root, article, { title: 'دیگر' }, { title: 'سفر' }));
    expect(await fs.readFile(meta, 'utf8')).toBe('{"title": "سفر"}\n');
    expect(await fs.readFile(entitiesPathOf(root), 'utf8')).toBe(serializeRegistry(sidecarRegistry('A')));
  });
});

describe('a full disk (tmpfs)', () => {
  it('keeps the old entities.json and NAME.meta.json, says diskFull, and saves once there is room', async (context) => {
    const { parent } = await corpus();
    const root = path.join(parent, 'disk');
    await fs.mkdir(root);
    const skip = mountTmpfs(root, 1024 * 1024);
    if (skip) {
      console.log(`full-disk test of entities.json and NAME.meta.json skipped: ${skip}`);
      context.skip(skip);
      return;
    }
    cleanups.push(() => unmountTmpfs(root));
    const article = path.join(root, 'news.txt');
    await fs.writeFile(article, 'سفر از تهران به مشهد بود.\n');
    const registryText = serializeRegistry(sidecarRegistry('A'));
    await fs.writeFile(entitiesPathOf(root), registryText);
    const meta = path.join(root, 'news.meta.json');
    await fs.writeFile(meta, '{"title": "سفر"}\n');
    const stats = await fs.statfs(root);
    const ballast = path.join(root, 'ballast');
    await fs.writeFile(ballast, Buffer.alloc(stats.bavail * stats.bsize, 1)).catch(() => undefined);
    const access = session(root);
    await loadRegistry(access);
    const big = { kind: 'update', id: 'A0', note: 'یادداشت '.repeat(10_000) } as const;
    const edit = await rejection(editEntities(access, big));
    expect(problemOfError(edit)).toEqual({ code: 'diskFull', file: 'entities.json' });
    const save = await rejection(saveArticleMetadata(root, article, { title: 'عنوان '.repeat(600) }, { title: 'سفر' }));
    expect(problemOfError(save)).toEqual({ code: 'diskFull', file: 'news.meta.json' });
    expect(await fs.readFile(entitiesPathOf(root), 'utf8')).toBe(registryText);
    expect(await fs.readFile(meta, 'utf8')).toBe('{"title": "سفر"}\n');
    expect((await fs.readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    console.log('disk full: entities.json and NAME.meta.json: 2 saves tried, 2 old files intact, 0 lost');
    // Room again: the same edits (still held by the caller) are saved.
    await fs.rm(ballast);
    await editEntities(access, big);
    expect((await saveArticleMetadata(root, article, { title: 'عنوان تازه' }, { title: 'سفر' })).saved).toBe(true);
  });
});

/** Every regular file under `folder` (links not followed), for the canary check. */
async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

async function expectNoCanaryIn(root: string, answers: unknown[]): Promise<void> {
  for (const file of await filesUnder(root)) expect(await fs.readFile(file, 'utf8'), file).not.toContain(CANARY);
  for (const answer of answers) expect(JSON.stringify(answer, (_key, value: unknown) => (value instanceof Error ? { message: value.message, problem: problemOfError(value) } : value))).not.toContain(CANARY);
}

describe('links out of the corpus, FIFOs and /dev/zero', () => {
  it('entities.json, NAME.meta.json and a gazetteer are never read through them; nothing blocks; the canary never shows', async () => {
    const { parent, root, article, meta } = await corpus();
    const outside = path.join(parent, 'outside.json');
    const canaryRegistry = { version: 1, entities: [{ id: 'c1', type: 'PER', names: { fa: CANARY }, aliases: [] }] };
    await fs.writeFile(outside, JSON.stringify(canaryRegistry));
    const outsideTsv = path.join(parent, 'outside.tsv');
    await fs.writeFile(outsideTsv, `${CANARY}\tPER\nتهران\tLOC\n`);
    const answers: unknown[] = [];
    const access = session(root);
    const tryAll = async (): Promise<void> => {
      answers.push(await rejection(loadRegistry(access)));
      answers.push(await rejection(editEntities(access, { kind: 'create', id: 'x1', type: 'PER', text: 'ظریف' })));
      answers.push(await loadArticleMetadata(root, article));
      answers.push(await saveArticleMetadata(root, article, { title: 'x' }, {}));
      answers.push(await summarizeArticles(root, [{ id: 'news.txt', path: article }]));
      answers.push(await rejection(readGazetteerInCorpus(root, 'places.tsv')));
      answers.push(await scanCorpus(root));
    };
    const places = path.join(root, 'places.tsv');
    const kinds: [string, () => Promise<string | null>][] = [
      ['link to an outside file', async () => {
        await fs.symlink(outside, entitiesPathOf(root));
        await fs.symlink(outside, meta);
        await fs.symlink(outsideTsv, places);
        return null;
      }],
      ['FIFO', async () => makeFifo(entitiesPathOf(root)) ?? makeFifo(meta) ?? makeFifo(places)],
      ['link to /dev/zero', async () => {
        for (const file of [entitiesPathOf(root), meta, places]) await fs.symlink('/dev/zero', file);
        return null;
      }],
    ];
    let tried = 0;
    for (const [kind, make] of kinds) {
      for (const file of [entitiesPathOf(root), meta, places]) await fs.rm(file, { force: true });
      const skip = await make();
      if (skip) {
        console.log(`hostile sidecar files: ${kind} skipped: ${skip}`);
        continue;
      }
      const started = performance.now();
      await tryAll();
      tried++;
      expect(performance.now() - started, `${kind}: nothing blocks`).toBeLessThan(10_000);
      expect((await loadArticleMetadata(root, article)).problem, kind).toMatchObject({ code: 'metadataRefused' });
      expect((await saveArticleMetadata(root, article, { title: 'x' }, {})).saved, kind).toBe(false);
      expect(problemOfError(await rejection(loadRegistry(access))).code, kind).toMatch(/outsideCorpus|notRegularFile/);
    }
    expect(await fs.readFile(outside, 'utf8')).toBe(JSON.stringify(canaryRegistry));
    await expectNoCanaryIn(root, answers);
    console.log(`hostile sidecar files: ${tried} kinds × 3 files (entities.json, NAME.meta.json, gazetteer) refused, canary never shown`);
  });

  it('NAME.annotators/ linked to an outside folder is neither read nor written by a pretag run', async () => {
    const { parent, root } = await corpus();
    const outsideFolder = path.join(parent, 'outside-annotators');
    await fs.mkdir(outsideFolder);
    const canaryFile = path.join(outsideFolder, 'gazetteer.ann.json');
    await fs.writeFile(canaryFile, JSON.stringify({ format: 'hashiye-annotations', version: 1, note: CANARY, annotations: [] }));
    await fs.symlink(outsideFolder, path.join(root, 'news.annotators'));
    const summary = await runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries: [{ phrase: 'تهران', type: 'LOC' }] } });
    expect(summary.failed).toBe(1);
    expect(await fs.readdir(outsideFolder)).toEqual(['gazetteer.ann.json']);
    await expectNoCanaryIn(root, [summary, await scanCorpus(root)]);
  });

  it('a FIFO or a /dev/zero link as NAME.annotators/AS.ann.json, and an entities.json over its limit: the run and the load complete and say why', async () => {
    const { root } = await corpus();
    const folder = path.join(root, 'news.annotators');
    await fs.mkdir(folder);
    const target = path.join(folder, 'gazetteer.ann.json');
    for (const make of [async () => makeFifo(target), async () => fs.symlink('/dev/zero', target).then(() => null)]) {
      await fs.rm(target, { force: true });
      const skip = await make();
      if (skip) continue;
      const started = performance.now();
      const summary = await runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries: [{ phrase: 'تهران', type: 'LOC' }] } });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(summary.failed).toBe(1);
      expect((await fs.lstat(target)).isFile()).toBe(false);
    }
    // 5 MB of valid JSON: over the 4 MB a configuration file may hold, refused while reading.
    await fs.writeFile(entitiesPathOf(root), JSON.stringify({ version: 1, entities: [], padding: 'x'.repeat(5 * 1024 * 1024) }));
    expect(problemOfError(await rejection(loadRegistry(session(root))))).toMatchObject({ code: 'fileTooLarge', file: 'entities.json' });
  });

  it('hashiye pretag --gazetteer refuses a FIFO and /dev/zero at once instead of blocking or filling the memory', async (context) => {
    const { parent, root } = await corpus();
    const fifo = path.join(parent, 'gazetteer.tsv');
    const skip = makeFifo(fifo);
    const gazetteers = skip ? ['/dev/zero'] : [fifo, '/dev/zero'];
    if (!existsSync('/dev/zero')) {
      context.skip('no /dev/zero here');
      return;
    }
    for (const gazetteer of gazetteers) {
      let stderr = '';
      const started = performance.now();
      const code = await runCli(['pretag', root, '--gazetteer', gazetteer], { stdout: { write: () => true }, stderr: { write: (chunk: string) => (stderr += chunk) } });
      expect(code, gazetteer).not.toBe(0);
      expect(stderr, gazetteer).toMatch(/not a regular file|character device|FIFO/);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    expect(existsSync(path.join(root, 'news.annotators'))).toBe(false);
  });
});
