import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../ipc/dispatcher';
import { createHandlerTable } from '../../ipc/handlerTable';
import { CorpusSession } from '../corpus/corpusSession';
import { CorpusSwitchRequests } from './corpusSwitchRequests';
import { SettingsStore } from './settingsStore';

const trusted = { trusted: true, description: 'test window' };

let workspace: string;
let switchRequests: CorpusSwitchRequests;
let session: CorpusSession;
let dispatch: Dispatch;

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-switch-'));
  for (const name of ['first', 'second', 'third']) {
    await fs.mkdir(path.join(workspace, name));
    await fs.writeFile(path.join(workspace, name, `${name}.txt`), 'متن');
  }
  session = new CorpusSession();
  await session.open(path.join(workspace, 'first'));
  switchRequests = new CorpusSwitchRequests();
  const settings = await SettingsStore.open(path.join(workspace, 'settings'));
  dispatch = createDispatcher(createHandlerTable({ session, settings, host: { pickFolder: async () => null, emit: () => undefined }, development: false, switchRequests }), session);
});

afterEach(async () => {
  await session.close();
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('a corpus switch asked for by main’s menu', () => {
  it('opens the folder only when the window confirms the request, once', async () => {
    const token = switchRequests.request(path.join(workspace, 'second'));
    // Until the window confirms, the corpus is the one it has edits for.
    expect(session.rootPath).toBe(await fs.realpath(path.join(workspace, 'first')));
    const opened = (await dispatch('corpus.confirmSwitch', { token }, trusted)) as { articles: { id: string }[] };
    expect(opened.articles.map((article) => article.id)).toEqual(['second.txt']);
    expect(await dispatch('corpus.confirmSwitch', { token }, trusted)).toBeNull();
  });

  it('a newer choice replaces an older one; a forged token is refused', async () => {
    const older = switchRequests.request(path.join(workspace, 'second'));
    const newer = switchRequests.request(path.join(workspace, 'third'));
    expect(await dispatch('corpus.confirmSwitch', { token: older }, trusted)).toBeNull();
    const opened = (await dispatch('corpus.confirmSwitch', { token: newer }, trusted)) as { articles: { id: string }[] };
    expect(opened.articles.map((article) => article.id)).toEqual(['third.txt']);
    await expect(dispatch('corpus.confirmSwitch', { token: '/etc' }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('corpus.confirmSwitch', { token: `switch${'0'.repeat(24)}` }, trusted)).resolves.toBeNull();
  });
});
