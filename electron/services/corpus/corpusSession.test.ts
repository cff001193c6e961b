import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusSession } from './corpusSession';
import type { SessionEvent } from './session/outsideChanges';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const TEXT = 'سرلشکر باقری رئیس ستاد کل امروز در دمشق 😀 دیدار کرد.\n';

async function corpusWithArticle(): Promise<{ root: string; articlePath: string; annotationPath: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-session-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  const articlePath = path.join(root, 'خبر.txt');
  await fs.writeFile(articlePath, TEXT);
  return { root, articlePath, annotationPath: path.join(root, 'خبر.ann.json') };
}

async function openSession(root: string, watch: boolean): Promise<{ session: CorpusSession; events: SessionEvent[] }> {
  const session = new CorpusSession({ watch });
  cleanups.unshift(() => session.close());
  await session.open(root);
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  return { session, events };
}

async function until(condition: () => boolean, timeoutMs = 6000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the session');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function span(needle: string, id: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return { id, type: 'PER', start, end: start + Array.from(needle).length, text: needle };
}

describe('CorpusSession with the watcher on', () => {
  it('loads the same document as without it, and saves and loads again', async () => {
    const { root } = await corpusWithArticle();
    const watched = await openSession(root, true);
    const plain = await openSession(root, false);
    // Each load names its list with a revision of its own (#17); all else is the same.
    const withoutRevision = ({ revision: _revision, ...document }: Awaited<ReturnType<CorpusSession['loadArticle']>>) => document;
    expect(withoutRevision(await watched.session.loadArticle('خبر.txt'))).toEqual(withoutRevision(await plain.session.loadArticle('خبر.txt')));
    const document = await watched.session.loadArticle('خبر.txt');
    const saved = await watched.session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: [span('باقری', 'a1')], relations: [], labels: [] });
    expect(saved.ok).toBe(true);
    expect(withoutRevision(await watched.session.loadArticle('خبر.txt'))).toEqual(withoutRevision(await plain.session.loadArticle('خبر.txt')));
    expect((await plain.session.loadArticle('خبر.txt')).annotations.map((annotation) => annotation.text)).toEqual(['باقری']);
  });

  it('reports other programs’ changes made after a load, not its own saves', async () => {
    const { root, articlePath, annotationPath } = await corpusWithArticle();
    const { session, events } = await openSession(root, true);
    const document = await session.loadArticle('خبر.txt');
    const request = { status: 'in-progress' as const, annotations: [span('باقری', 'a1')], relations: [], labels: [] };
    expect((await session.saveAnnotations('خبر.txt', document.sha256, request)).ok).toBe(true);
    expect(await session.loadArticle('خبر.txt')).toMatchObject({ annotations: [span('باقری', 'a1')] });
    expect((await session.saveAnnotations('خبر.txt', document.sha256, { ...request, status: 'done' })).ok).toBe(true);
    // Past a poll (every second) and a debounced file event: our own writes stay unreported.
    await sleep(1500);
    expect(events).toEqual([]);

    const json = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(annotationPath, JSON.stringify({ ...json, status: 'approved' }));
    await until(() => events.length > 0);
    expect(events).toEqual([{ kind: 'annotationsChangedOnDisk', id: 'خبر.txt' }]);

    await fs.writeFile(articlePath, `${TEXT}پاراگراف تازه\n`);
    await until(() => events.some((event) => event.kind === 'articleChangedOnDisk'));
    // The article read again is the new one, not the decoding kept from the save before.
    expect((await session.loadArticle('خبر.txt')).text).toBe(`${TEXT}پاراگراف تازه\n`);
  });
});

describe('CorpusSession saves of changes only', () => {
  it('writes from changes exactly what a whole save writes, and refuses a revision it does not keep', async () => {
    const { root, annotationPath } = await corpusWithArticle();
    const { session } = await openSession(root, false);
    const document = await session.loadArticle('خبر.txt');
    const first = [span('باقری', 'a1'), span('دمشق', 'a3')];
    const saved = await session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: first, relations: [], labels: [] });
    if (!saved.ok || !saved.revision) throw new Error('the whole save should succeed and name a revision');

    // A tag between the two, and a retag of the last, sent as changes.
    const added = span('ستاد', 'a2');
    const retagged = { ...first[1], type: 'LOC' };
    const changed = await session.saveAnnotationChanges('خبر.txt', document.sha256, saved.revision, { remove: ['a3'], insert: [{ index: 1, annotation: added }, { index: 2, annotation: retagged }], count: 3 }, { status: 'in-progress', relations: [], labels: [] });
    expect(changed.ok).toBe(true);
    const fromChanges = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: unknown[]; updated?: string };
    const latest = await session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: [first[0], added, retagged], relations: [], labels: [] });
    const whole = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: unknown[]; updated?: string };
    expect({ ...fromChanges, updated: null }).toEqual({ ...whole, updated: null });

    // An old revision, or any revision after the article was loaded again, is not kept: nothing is written.
    const before = await fs.readFile(annotationPath, 'utf8');
    const stale = await session.saveAnnotationChanges('خبر.txt', document.sha256, saved.revision, { remove: [], insert: [], count: 3 }, { status: 'done', relations: [], labels: [] });
    expect(stale).toMatchObject({ ok: false, baseUnknown: true });
    if (!changed.ok || !changed.revision || !latest.ok || !latest.revision) throw new Error('each save should name a revision');
    expect(changed.revision).not.toBe(latest.revision);
    await session.loadArticle('خبر.txt');
    expect(await session.saveAnnotationChanges('خبر.txt', document.sha256, latest.revision, { remove: [], insert: [], count: 3 }, { status: 'done', relations: [], labels: [] })).toMatchObject({ ok: false, baseUnknown: true });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(before);
  });
});

describe('CorpusSession: changes saved without their unchanged relations (#25)', () => {
  it('keeps the relations saved or loaded with the base, and writes what a whole save writes', async () => {
    const { root, annotationPath } = await corpusWithArticle();
    const { session } = await openSession(root, false);
    const document = await session.loadArticle('خبر.txt');
    const first = [span('باقری', 'a1'), span('دمشق', 'a3')];
    const relations = [{ id: 'r1', type: 'locatedIn', from: 'a1', to: 'a3' }];
    const saved = await session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: first, relations, labels: [] });
    if (!saved.ok || !saved.revision) throw new Error('the whole save should succeed and name a revision');
    const added = span('ستاد', 'a2');
    const changed = await session.saveAnnotationChanges('خبر.txt', document.sha256, saved.revision, { remove: [], insert: [{ index: 1, annotation: added }], count: 3 }, { status: 'in-progress', labels: [] });
    expect(changed.ok).toBe(true);
    const fromChanges = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { relations: unknown[]; updated?: string };
    expect(fromChanges.relations).toEqual(relations);
    await session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: [first[0], added, first[1]], relations, labels: [] });
    const whole = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { updated?: string };
    expect({ ...fromChanges, updated: null }).toEqual({ ...whole, updated: null });

    // The list as loaded is kept with its relations: a first save of changes leaves them out too.
    const loaded = await session.loadArticle('خبر.txt');
    if (!loaded.revision) throw new Error('a usable file should be loaded with a revision');
    const afterLoad = await session.saveAnnotationChanges('خبر.txt', loaded.sha256, loaded.revision, { remove: ['a2'], insert: [], count: 2 }, { status: 'done', labels: [] });
    expect(afterLoad.ok).toBe(true);
    expect((JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { relations: unknown[] }).relations).toEqual(relations);
    if (!afterLoad.ok || !afterLoad.revision) throw new Error('the save should name a revision');
    // Relations sent are the ones saved, and kept for the next changes.
    const next = await session.saveAnnotationChanges('خبر.txt', loaded.sha256, afterLoad.revision, { remove: [], insert: [], count: 2 }, { status: 'done', relations: [], labels: [] });
    if (!next.ok || !next.revision) throw new Error('the save should name a revision');
    await session.saveAnnotationChanges('خبر.txt', loaded.sha256, next.revision, { remove: [], insert: [], count: 2 }, { status: 'in-progress', labels: [] });
    expect((JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { relations: unknown[] }).relations).toEqual([]);
  });
});

describe('CorpusSession: the first save after opening sends changes only (#17)', () => {
  it('names the loaded list with a revision that changes can be saved against, writing what a whole save writes', async () => {
    const { root, annotationPath } = await corpusWithArticle();
    const { session } = await openSession(root, false);
    const first = [span('باقری', 'a1'), span('دمشق', 'a3')];
    const opened = await session.loadArticle('خبر.txt');
    // Written out of reading order (as another tool may): sent in reading order, the window's.
    expect((await session.saveAnnotations('خبر.txt', opened.sha256, { status: 'in-progress', annotations: [first[1], first[0]], relations: [], labels: [] })).ok).toBe(true);

    const document = await session.loadArticle('خبر.txt');
    if (!document.revision) throw new Error('a usable file should be loaded with a revision');
    expect(document.annotations.map((annotation) => annotation.id)).toEqual(['a1', 'a3']);
    const added = span('ستاد', 'a2');
    const changed = await session.saveAnnotationChanges('خبر.txt', document.sha256, document.revision, { remove: [], insert: [{ index: 1, annotation: added }], count: 3 }, { status: 'in-progress', relations: [], labels: [] });
    expect(changed).toMatchObject({ ok: true, written: true });
    const fromChanges = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { updated?: string };
    await session.saveAnnotations('خبر.txt', document.sha256, { status: 'in-progress', annotations: [first[0], added, first[1]], relations: [], labels: [] });
    const whole = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { updated?: string };
    expect({ ...fromChanges, updated: null }).toEqual({ ...whole, updated: null });

    // Loading again names a new list: the old name is refused, nothing written.
    const before = await fs.readFile(annotationPath, 'utf8');
    const again = await session.loadArticle('خبر.txt');
    expect(again.revision).toBeDefined();
    expect(again.revision).not.toBe(document.revision);
    expect(await session.saveAnnotationChanges('خبر.txt', document.sha256, document.revision, { remove: [], insert: [], count: 3 }, { status: 'done', relations: [], labels: [] })).toMatchObject({ ok: false, baseUnknown: true });
    expect(await fs.readFile(annotationPath, 'utf8')).toBe(before);
  });

  it('gives no revision for a file that cannot be used (it opens read-only)', async () => {
    const { root, annotationPath } = await corpusWithArticle();
    await fs.writeFile(annotationPath, '{ not json');
    const { session } = await openSession(root, false);
    const document = await session.loadArticle('خبر.txt');
    expect(document.problem).not.toBeNull();
    expect(document.revision).toBeUndefined();
  });
});
