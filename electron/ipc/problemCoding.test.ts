import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeProblem, encodeProblem, PROBLEM_MARKER, type UserProblem } from '../../shared/userProblem';
import { CorpusSession } from '../services/corpus/corpusSession';
import { SettingsStore } from '../services/app/settingsStore';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlerTable';

/**
 * What a handler throws reaches the window as a coded problem: the dispatcher encodes it into the
 * message (all Electron carries), and decodeProblem reads it back from whatever Electron put before.
 */

const trusted = { trusted: true, description: 'test window' };
let workspace: string;
let corpus: string;
let dispatch: Dispatch;
let pickedFolder: string | null;

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-coding-'));
  corpus = path.join(workspace, 'corpus');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, 'a.txt'), 'متن');
  const session = new CorpusSession();
  await session.open(corpus);
  const settings = await SettingsStore.open(path.join(workspace, 'settings'));
  pickedFolder = null;
  dispatch = createDispatcher(createHandlerTable({ session, settings, host: { pickFolder: async () => pickedFolder, emit: () => undefined }, development: false }), session);
});

afterEach(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

/** The problem the window reads from a failed call, through Electron's own prefix. */
async function problemOfCall(channel: string, payload: unknown, sender = trusted): Promise<UserProblem | null> {
  try {
    await dispatch(channel, payload, sender);
  } catch (error) {
    return decodeProblem(`Error invoking remote method '${channel}': Error: ${(error as Error).message}`);
  }
  throw new Error(`${channel} did not fail`);
}

describe('problems across the dispatcher', () => {
  it('refusals of the dispatcher itself', async () => {
    expect(await problemOfCall('app.init', {}, { trusted: false, description: 'https://evil.example' })).toEqual({ code: 'refusedSender', channel: 'app.init' });
    expect(await problemOfCall('fs.readFile', {})).toEqual({ code: 'invalidRequest', channel: 'fs.readFile', field: '' });
    expect(await problemOfCall('article.load', { id: 5 })).toEqual({ code: 'invalidRequest', channel: 'article.load', field: 'id' });
  });

  it('errors thrown by handlers and services', async () => {
    expect(await problemOfCall('article.load', { id: '../outside.txt' })).toEqual({ code: 'badArticleId', id: '../outside.txt' });
    expect(await problemOfCall('article.load', { id: 'gone.txt' })).toEqual({ code: 'fileMissing', file: 'gone.txt' });
    expect(await problemOfCall('annotations.moveAside', { id: 'a.txt' })).toEqual({ code: 'notBroken', file: 'a.ann.json', readOnly: false });
    await fs.writeFile(path.join(workspace, 'plain.txt'), 'x');
    pickedFolder = path.join(workspace, 'plain.txt');
    expect(await problemOfCall('corpus.openDialog', {})).toEqual({ code: 'notAFolder', path: pickedFolder });
    expect(await problemOfCall('corpus.openDropped', { path: path.join(workspace, 'nothing-here') })).toEqual({ code: 'fileMissing', file: 'nothing-here' });
    expect(await problemOfCall('corpus.openDropped', { path: '/' })).toEqual({ code: 'dropTooWide', path: '/' });
    expect(await problemOfCall('export.run', { format: 'conll', scope: 'corpus', allowLossy: false })).toEqual({ code: 'unavailable', action: 'pickExportFolder' });
  });

  it('an error whose message cannot be replaced, or no Error at all, still arrives coded', async () => {
    const frozen = Object.freeze(new Error('frozen words'));
    const idle = new CorpusSession();
    const throwing = createDispatcher({ ...createHandlerTable({ session: idle, settings: await SettingsStore.open(path.join(workspace, 'settings2')), host: { pickFolder: async () => null, emit: () => undefined }, development: false }), 'corpus.refresh': async () => { throw frozen; }, 'stats.compute': async () => { throw 'a string'; } }, idle);
    const failure = async (channel: string) => throwing(channel, {}, trusted).then(() => null, (error: unknown) => error as Error);
    const fromFrozen = await failure('corpus.refresh');
    expect(decodeProblem(fromFrozen?.message ?? '')).toEqual({ code: 'unexpected', detail: 'frozen words' });
    expect(fromFrozen?.cause).toBe(frozen);
    expect(decodeProblem((await failure('stats.compute'))?.message ?? '')).toEqual({ code: 'unexpected', detail: 'a string' });
  });

  it('the error keeps its English words and type for main’s log', async () => {
    await expect(dispatch('fs.readFile', {}, trusted)).rejects.toThrow(/Unknown channel/);
    await expect(dispatch('fs.readFile', {}, trusted)).rejects.toThrow(PROBLEM_MARKER);
  });
});

describe('the encoding', () => {
  it('survives any prefix, and text that holds the marker itself', () => {
    const tricky: UserProblem = { code: 'unexpected', detail: `a ${PROBLEM_MARKER}{"code":"noCorpus"} inside, with «فارسی» and "quotes"` };
    const message = `Error invoking remote method 'x': Error: some words ${PROBLEM_MARKER} ${encodeProblem(tricky, `English ${PROBLEM_MARKER}`)}`;
    expect(decodeProblem(message)).toEqual(tricky);
    expect(decodeProblem(encodeProblem({ code: 'outsideCorpus', file: 'hashiye.json' }))).toEqual({ code: 'outsideCorpus', file: 'hashiye.json' });
  });

  it('refuses what is not a problem of the catalogue', () => {
    expect(decodeProblem('Error: plain words')).toBeNull();
    expect(decodeProblem(`${PROBLEM_MARKER}${encodeURIComponent('{"code":"madeUp"}')}`)).toBeNull();
    expect(decodeProblem(`${PROBLEM_MARKER}%E0%A4%A`)).toBeNull();
    expect(decodeProblem(`${PROBLEM_MARKER}${encodeURIComponent('{"code":"noCorpus","extra":1}')}`)).toBeNull();
  });
});
