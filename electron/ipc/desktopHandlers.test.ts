/** (#23) The desktop's channels through the real dispatcher: the window's log lines, the pane layout, recent documents. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../services/app/settingsStore';
import { CorpusSession } from '../services/corpus/corpusSession';
import { desktopContext } from '../services/desktop/aboutInfo';
import { openAppLog } from '../services/desktop/appLog';
import { RecentDocuments } from '../services/desktop/recentDocuments';
import { createDispatcher } from './dispatcher';
import { createHandlerTable } from './handlerTable';

const trusted = { trusted: true, description: 'test window' };
let workspace = '';
afterEach(async () => {
  if (workspace) await fs.rm(workspace, { recursive: true, force: true });
});

async function desktopApp() {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-desktop-handlers-'));
  const corpus = path.join(workspace, 'corpus');
  const settingsFolder = path.join(workspace, 'settings');
  await fs.mkdir(path.join(corpus, 'news'), { recursive: true });
  await fs.writeFile(path.join(corpus, 'news', 'a1.txt'), 'متن خبر.\n');
  const session = new CorpusSession({ watch: false });
  await session.open(corpus);
  const log = await openAppLog(path.join(settingsFolder, 'logs'));
  const recentFiles: string[] = [];
  const recent = new RecentDocuments({ addRecentDocument: (file) => recentFiles.push(file) });
  const open = async () => {
    const settings = await SettingsStore.open(settingsFolder);
    const desktop = desktopContext({ appVersion: '0.1.0', versions: { node: '20.0.0', electron: '45.5.0', chrome: '142.0.0.0' }, licenceFiles: [], log, platform: 'darwin' });
    const host = { pickFolder: async () => null, emit: () => undefined, articleOpened: (root: string, id: string) => recent.articleOpened(root, id) };
    return createDispatcher(createHandlerTable({ session, settings, host, development: false, desktop }), session);
  };
  return { corpus, log, recentFiles, open };
}

describe('desktop channels', () => {
  it('help.log writes the window’s problem to the log by code; a sentence is refused as a code', async () => {
    const app = await desktopApp();
    const dispatch = await app.open();
    await dispatch('help.log', { level: 'error', code: 'readOnly', params: { file: 'news/a1.ann.json', reason: 'folder-mode' } }, trusted);
    expect(await fs.readFile(path.join(app.log.folder, 'main.log'), 'utf8')).toMatch(/\[error\]\s+\(window\) readOnly \{"file":"news\/a1\.ann\.json","reason":"folder-mode"\}/);
    await expect(dispatch('help.log', { level: 'error', code: 'متن خبر.', params: {} }, trusted)).rejects.toThrow();
  });

  it('settings.setPaneLayout is kept across restarts and given back by app.init, with the platform', async () => {
    const app = await desktopApp();
    let dispatch = await app.open();
    expect(await dispatch('app.init', {}, trusted)).toMatchObject({ paneLayout: null, platform: 'mac' });
    const layout = { corpusWidth: 320, sideWidth: 260, corpusCollapsed: false, sideCollapsed: true };
    await dispatch('settings.setPaneLayout', layout, trusted);
    dispatch = await app.open();
    expect(await dispatch('app.init', {}, trusted)).toMatchObject({ paneLayout: layout });
  });

  it('help.about answers the versions', async () => {
    const app = await desktopApp();
    const dispatch = await app.open();
    expect(await dispatch('help.about', {}, trusted)).toEqual({ appVersion: '0.1.0', electron: '45.5.0', chromium: '142.0.0.0', node: '20.0.0', licences: [] });
  });

  it('an article the window opens goes to the system’s recent documents, by its path in the corpus', async () => {
    const app = await desktopApp();
    const dispatch = await app.open();
    await dispatch('session.remember', { articleId: 'news/a1.txt', offset: 0 }, trusted);
    await dispatch('session.remember', { articleId: 'news/a1.txt', offset: 120 }, trusted);
    expect(app.recentFiles).toEqual([path.join(await fs.realpath(app.corpus), 'news', 'a1.txt')]);
  });
});
