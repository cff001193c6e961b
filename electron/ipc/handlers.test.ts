import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc';
import { CorpusSession } from '../services/corpus/corpusSession';
import { SettingsStore } from '../services/app/settingsStore';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlerTable';

const trusted = { trusted: true, description: 'test window' };
const ARTICLE = 'گزارش خبرنگار ایرنا از تهران 😀 و NASA\r\nپاراگراف دوم';

let workspace: string;
let corpus: string;
let dispatch: Dispatch;
let emitted: { event: EventChannel; payload: unknown }[];
let pickedFolder: string | null;

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-handlers-'));
  corpus = path.join(workspace, 'corpus');
  await fs.mkdir(path.join(corpus, 'sub'), { recursive: true });
  await fs.writeFile(path.join(corpus, 'a.txt'), ARTICLE);
  await fs.writeFile(path.join(corpus, 'sub', 'b.txt'), 'متن دوم');
  await fs.writeFile(path.join(workspace, 'secret.txt'), 'outside the corpus');
  const session = new CorpusSession();
  await session.open(corpus);
  const settings = await SettingsStore.open(path.join(workspace, 'settings'));
  emitted = [];
  pickedFolder = null;
  dispatch = createDispatcher(
    createHandlerTable({
      session,
      settings,
      host: { pickFolder: async () => pickedFolder, emit: (event, payload) => emitted.push({ event, payload }) },
      development: false,
    }),
    session,
  );
});

afterEach(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('refuses calls from an untrusted sender', async () => {
    await expect(dispatch('app.init', {}, { trusted: false, description: 'https://evil.example' })).rejects.toThrow(/untrusted sender/);
  });

  it('refuses unknown channels and invalid requests', async () => {
    await expect(dispatch('fs.readFile', { path: '/etc/passwd' }, trusted)).rejects.toThrow(/Unknown channel/);
    await expect(dispatch('article.load', { id: 42 }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('article.load', { id: 'a.txt', extra: true }, trusted)).rejects.toThrow(/Invalid request/);
  });

  it('refuses article ids that leave the corpus', async () => {
    await expect(dispatch('article.load', { id: '../secret.txt' }, trusted)).rejects.toThrow(/Refused/);
    await expect(dispatch('article.load', { id: path.join(workspace, 'secret.txt') }, trusted)).rejects.toThrow(/Refused/);
    await fs.symlink(path.join(workspace, 'secret.txt'), path.join(corpus, 'link.txt'));
    await expect(dispatch('article.load', { id: 'link.txt' }, trusted)).rejects.toThrow(/outside the opened corpus/);
  });

  it('lists the corpus at start with the default tag set', async () => {
    const state = (await dispatch('app.init', {}, trusted)) as { corpus: { articles: { id: string }[]; tagSet: { source: string } } };
    expect(state.corpus.articles.map((article) => article.id)).toEqual(['a.txt', 'sub/b.txt']);
    expect(state.corpus.tagSet.source).toBe('default');
  });

  it('loads an article as LF text and saves code-point offsets beside it', async () => {
    const document = (await dispatch('article.load', { id: 'a.txt' }, trusted)) as { text: string; sha256: string; status: string };
    expect(document.text).toBe(ARTICLE.replace('\r\n', '\n'));
    expect(document.status).toBe('new');
    const codePoints = Array.from(document.text);
    const start = codePoints.indexOf('N');
    const result = await dispatch(
      'annotations.save',
      { id: 'a.txt', sha256: document.sha256, status: 'in-progress', annotations: [{ id: 'n1', type: 'ORG', start, end: start + 4, text: 'NASA' }], relations: [], labels: [] },
      trusted,
    );
    expect(result).toMatchObject({ ok: true });
    const saved = JSON.parse(await fs.readFile(path.join(corpus, 'a.ann.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', status: 'in-progress' });
    expect(saved.annotations[0]).toMatchObject({ start, end: start + 4, text: 'NASA', quote: { suffix: '\nپاراگراف دوم' } });
    expect(saved.source).toMatchObject({ file: 'a.txt', encoding: 'utf-8', length: codePoints.length, sha256: document.sha256 });
    expect(await fs.readFile(path.join(corpus, 'a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('answers a save that meets another writer’s change to the same annotation with the conflict, and takes the resolution through both save channels', async () => {
    const document = (await dispatch('article.load', { id: 'a.txt' }, trusted)) as { sha256: string; text: string };
    const start = Array.from(document.text).indexOf('N');
    const nasa = { id: 'n1', type: 'ORG', start, end: start + 4, text: 'NASA' };
    const first = (await dispatch('annotations.save', { id: 'a.txt', sha256: document.sha256, status: 'in-progress', annotations: [nasa], relations: [], labels: [] }, trusted)) as { ok: boolean; revision: string };
    expect(first.ok).toBe(true);
    // Another program retypes it on disk.
    const annotationPath = path.join(corpus, 'a.ann.json');
    const file = JSON.parse(await fs.readFile(annotationPath, 'utf8'));
    file.annotations[0].type = 'MISC';
    await fs.writeFile(annotationPath, JSON.stringify(file));
    const changes = { id: 'a.txt', sha256: document.sha256, base: first.revision, status: 'in-progress', remove: ['n1'], insert: [{ index: 0, annotation: { ...nasa, type: 'LOC' } }], count: 1, relations: [], labels: [] };
    const conflicted = await dispatch('annotations.saveChanges', changes, trusted);
    expect(conflicted).toMatchObject({ ok: false, retryable: false, conflicts: [{ kind: 'annotation', key: 'n1', mine: { type: 'LOC' }, disk: { type: 'MISC' } }] });
    const resolved = await dispatch('annotations.saveChanges', { ...changes, resolutions: { n1: 'mine' } }, trusted);
    expect(resolved).toMatchObject({ ok: true, written: true });
    expect(JSON.parse(await fs.readFile(annotationPath, 'utf8')).annotations[0].type).toBe('LOC');
    await expect(dispatch('annotations.save', { id: 'a.txt', sha256: document.sha256, status: 'in-progress', annotations: [nasa], relations: [], labels: [], resolutions: { n1: 'maybe' } }, trusted)).rejects.toThrow(/Invalid request/);
  });

  it('refuses to save annotations whose text is not the article text at their offsets', async () => {
    const document = (await dispatch('article.load', { id: 'a.txt' }, trusted)) as { sha256: string };
    const result = await dispatch('annotations.save', { id: 'a.txt', sha256: document.sha256, status: 'in-progress', annotations: [{ id: 'x', type: 'ORG', start: 0, end: 5, text: 'wrong' }], relations: [], labels: [] }, trusted);
    expect(result).toMatchObject({ ok: false });
    await expect(fs.access(path.join(corpus, 'a.ann.json'))).rejects.toThrow();
  });

  it('saves edits against the text they were made on, even after the article changed on disk, and refuses unknown texts', async () => {
    const document = (await dispatch('article.load', { id: 'a.txt' }, trusted)) as { sha256: string; text: string };
    await fs.writeFile(path.join(corpus, 'a.txt'), `مقدمه ${ARTICLE}`);
    const start = Array.from(document.text).indexOf('N');
    const annotations = [{ id: 'n1', type: 'ORG', start, end: start + 4, text: 'NASA' }];
    const saved = await dispatch('annotations.save', { id: 'a.txt', sha256: document.sha256, status: 'in-progress', annotations, relations: [], labels: [] }, trusted);
    expect(saved).toMatchObject({ ok: true });
    const onDisk = JSON.parse(await fs.readFile(path.join(corpus, 'a.ann.json'), 'utf8'));
    expect(onDisk.source.sha256).toBe(document.sha256);
    // Reopening re-anchors the annotation to the new text.
    const reopened = (await dispatch('article.load', { id: 'a.txt' }, trusted)) as { annotations: { start: number; text: string }[]; reanchored: { moved: number } | null };
    expect(reopened.annotations[0]).toMatchObject({ start: start + 6, text: 'NASA' });
    expect(reopened.reanchored?.moved).toBe(1);
    const refused = await dispatch('annotations.save', { id: 'a.txt', sha256: 'f'.repeat(64), status: 'in-progress', annotations: [], relations: [], labels: [] }, trusted);
    expect(refused).toMatchObject({ ok: false, retryable: false, message: expect.stringMatching(/changed on disk/) });
  });

  it('opens another folder through the host dialog, and does nothing on cancel', async () => {
    expect(await dispatch('corpus.openDialog', {}, trusted)).toBeNull();
    pickedFolder = path.join(corpus, 'sub');
    const opened = (await dispatch('corpus.openDialog', {}, trusted)) as { articles: { id: string }[] };
    expect(opened.articles.map((article) => article.id)).toEqual(['b.txt']);
    await expect(dispatch('article.load', { id: '../a.txt' }, trusted)).rejects.toThrow(/Refused/);
  });

  it('remembers the last article of the corpus for the next start', async () => {
    await dispatch('session.remember', { articleId: 'sub/b.txt' }, trusted);
    const state = (await dispatch('app.init', {}, trusted)) as { lastArticleId: string };
    expect(state.lastArticleId).toBe('sub/b.txt');
  });
});
