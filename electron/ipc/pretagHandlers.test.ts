import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc';
import type { AnnotationFile } from '../../shared/model/nativeFormat';
import { decodeProblem } from '../../shared/userProblem';
import { CorpusSession } from '../services/corpus/corpusSession';
import { SettingsStore } from '../services/app/settingsStore';
import { startReferenceTagger, type ReferenceTagger } from '../services/testing/referenceTagger';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlerTable';

/** pretag.* through the dispatcher: a gazetteer inside the corpus, a reference tagger on 127.0.0.1, confirmation, Cancel, rejections. */
const trusted = { trusted: true, description: 'test window' };
const TEXT = 'محمدجواد ظریف در تهران با علی دیدار کرد. ظریف گفت.';

let workspace: string;
let corpus: string;
let session: CorpusSession;
let settings: SettingsStore;
let dispatch: Dispatch;
let emitted: { event: EventChannel; payload: unknown }[];
let tagger: ReferenceTagger;

beforeAll(async () => {
  tagger = await startReferenceTagger({ علی: 'PER', تهران: 'LOC' });
});
afterAll(() => tagger.close());

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pretag-handlers-'));
  corpus = path.join(workspace, 'corpus');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, 'a.txt'), TEXT);
  await fs.writeFile(path.join(corpus, 'names.tsv'), '# names\nمحمدجواد ظریف\tPER\nظریف\tPER\nتهران\tLOC\nبد خط\n');
  await fs.writeFile(path.join(workspace, 'outside.tsv'), 'تهران\tLOC\n');
  session = new CorpusSession();
  await session.open(corpus);
  settings = await SettingsStore.open(path.join(workspace, 'settings'));
  emitted = [];
  tagger.setMode('codepoint');
  dispatch = createDispatcher(
    createHandlerTable({ session, settings, host: { pickFolder: async () => null, emit: (event, payload) => emitted.push({ event, payload }) }, development: false }),
    session,
  );
});

afterEach(async () => {
  await session.close();
  await fs.rm(workspace, { recursive: true, force: true });
});

async function annotatorFile(as: string): Promise<AnnotationFile> {
  return JSON.parse(await fs.readFile(path.join(corpus, 'a.annotators', `${as}.ann.json`), 'utf8')) as AnnotationFile;
}

async function problemOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return decodeProblem((error as Error).message)?.code;
  }
  return undefined;
}

describe('pretag channels', () => {
  it('runs a gazetteer of the corpus on the article: suggestions listed, one rejected and kept out, undo brings it back', async () => {
    const preview = await dispatch('pretag.preview', { source: { kind: 'gazetteer', file: 'names.tsv' }, scope: 'article', articleId: 'a.txt' }, trusted);
    expect(preview).toEqual({ kind: 'gazetteer', file: 'names.tsv', articles: 1, phrases: 3, types: ['LOC', 'PER'], skippedLines: [5] });
    const result = await dispatch('pretag.run', { source: { kind: 'gazetteer', file: 'names.tsv' }, as: 'gazetteer', scope: 'article', articleId: 'a.txt' }, trusted);
    expect(result).toMatchObject({ outcome: 'finished', as: 'gazetteer', articles: 1, written: 3, failed: [], changed: ['a.txt'] });
    expect(emitted.some((event) => event.event === 'pretag.progress')).toBe(true);
    const { suggestions } = (await dispatch('pretag.suggestions', { id: 'a.txt' }, trusted)) as { suggestions: { id: string; text: string; type: string }[] };
    expect(suggestions.map((suggestion) => [suggestion.text, suggestion.type])).toEqual([
      ['محمدجواد ظریف', 'PER'],
      ['تهران', 'LOC'],
      ['ظریف', 'PER'],
    ]);
    const tehran = suggestions[1].id;
    await expect(dispatch('pretag.reject', { id: 'a.txt', as: 'gazetteer', ids: [tehran] }, trusted)).resolves.toEqual({ changed: 1 });
    expect((await annotatorFile('gazetteer')).annotations.find((annotation) => annotation.id === tehran)?.attributes).toMatchObject({ pretagRejected: true });
    const after = (await dispatch('pretag.suggestions', { id: 'a.txt' }, trusted)) as { suggestions: { id: string }[] };
    expect(after.suggestions.map((suggestion) => suggestion.id)).not.toContain(tehran);
    await expect(dispatch('pretag.reject', { id: 'a.txt', as: 'gazetteer', ids: [tehran], undo: true }, trusted)).resolves.toEqual({ changed: 1 });
    expect(((await dispatch('pretag.suggestions', { id: 'a.txt' }, trusted)) as { suggestions: unknown[] }).suggestions).toHaveLength(3);
    // The analyst kept one PER exactly: precision 1/2 for PER, recall 1/1.
    const file = await annotatorFile('gazetteer');
    await fs.writeFile(path.join(corpus, 'a.ann.json'), JSON.stringify({ ...file, annotations: [{ ...file.annotations.find((annotation) => annotation.text === 'محمدجواد ظریف'), author: 'ali', attributes: {} }] }));
    const scores = (await dispatch('pretag.scores', { as: 'gazetteer' }, trusted)) as { articles: number; scores: { perTag: { tag: string; precision: number; recall: number }[] } };
    expect(scores.articles).toBe(1);
    expect(scores.scores.perTag.find((tag) => tag.tag === 'PER')).toMatchObject({ precision: 0.5, recall: 1 });
  });

  it('refuses a gazetteer outside the corpus or missing, and an AS name that is not a file name, writing nothing', async () => {
    expect(await problemOf(dispatch('pretag.run', { source: { kind: 'gazetteer', file: '../outside.tsv' }, as: 'gazetteer', scope: 'corpus' }, trusted))).toBe('gazetteerOutsideCorpus');
    expect(await problemOf(dispatch('pretag.run', { source: { kind: 'gazetteer', file: 'none.tsv' }, as: 'gazetteer', scope: 'corpus' }, trusted))).toBe('fileMissing');
    expect(await problemOf(dispatch('pretag.run', { source: { kind: 'gazetteer', file: 'names.tsv' }, as: '../x', scope: 'corpus' }, trusted))).toBe('invalidRequest');
    expect(existsSync(path.join(corpus, 'a.annotators'))).toBe(false);
  });

  it('a tagger on 127.0.0.1 needs no confirmation: the preview shows what is sent, the run writes its spans', async () => {
    const preview = await dispatch('pretag.preview', { source: { kind: 'tagger', url: tagger.url }, scope: 'corpus' }, trusted);
    expect(preview).toMatchObject({ kind: 'tagger', url: tagger.url, address: 'loopback', confirmed: true, articles: 1, language: 'fa', characters: [...TEXT].length, firstCharacters: TEXT });
    expect(tagger.requests).toHaveLength(0);
    const result = await dispatch('pretag.run', { source: { kind: 'tagger', url: tagger.url }, as: 'tagger', scope: 'corpus' }, trusted);
    expect(result).toMatchObject({ outcome: 'finished', written: 2 });
    expect((await annotatorFile('tagger')).annotations.map((annotation) => annotation.type).sort()).toEqual(['LOC', 'PER']);
  });

  it('a remote tagger is not called until its URL is confirmed, and the confirmation is kept', async () => {
    const url = 'https://tagger.example.org/tag';
    await expect(dispatch('pretag.run', { source: { kind: 'tagger', url }, as: 'tagger', scope: 'corpus' }, trusted)).resolves.toEqual({ outcome: 'needsConfirmation', url });
    expect(await dispatch('pretag.preview', { source: { kind: 'tagger', url }, scope: 'corpus' }, trusted)).toMatchObject({ address: 'remote', confirmed: false });
    await expect(dispatch('pretag.confirmTagger', { url: ' https://tagger.example.org/tag' }, trusted)).resolves.toEqual({ url });
    expect(settings.isTaggerConfirmed(url)).toBe(true);
    expect(await dispatch('pretag.preview', { source: { kind: 'tagger', url }, scope: 'corpus' }, trusted)).toMatchObject({ confirmed: true });
    expect(await problemOf(dispatch('pretag.confirmTagger', { url: 'file:///etc/passwd' }, trusted))).toBe('taggerBadUrl');
  });

  it('Cancel while the tagger is slow: cancelled, nothing written; a second run meanwhile is refused as busy', async () => {
    tagger.setMode('slow');
    const run = dispatch('pretag.run', { source: { kind: 'tagger', url: tagger.url }, as: 'tagger', scope: 'corpus' }, trusted);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await problemOf(dispatch('pretag.run', { source: { kind: 'tagger', url: tagger.url }, as: 'tagger', scope: 'corpus' }, trusted))).toBe('pretagBusy');
    await expect(dispatch('pretag.cancel', {}, trusted)).resolves.toEqual({ cancelled: true });
    await expect(run).resolves.toEqual({ outcome: 'cancelled' });
    expect(existsSync(path.join(corpus, 'a.annotators'))).toBe(false);
    await expect(dispatch('pretag.cancel', {}, trusted)).resolves.toEqual({ cancelled: false });
  });
});
