import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc';
import { CorpusSession } from '../services/corpus/corpusSession';
import { SettingsStore } from '../services/app/settingsStore';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlerTable';

/** export.* and import.* through the dispatcher, with a host whose dialogs answer what the test chose. */
const trusted = { trusted: true, description: 'test window' };

let workspace: string;
let corpus: string;
let session: CorpusSession;
let dispatch: Dispatch;
let emitted: { event: EventChannel; payload: unknown }[];
let answers: { exportFolder: string | null; importSource: string | null; importTarget: string | null };
let sourceKinds: string[];

beforeEach(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-transfer-handlers-'));
  corpus = path.join(workspace, 'corpus');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, 'a.txt'), 'گزارش ایرنا از تهران 😀\r\n');
  session = new CorpusSession();
  await session.open(corpus);
  const settings = await SettingsStore.open(path.join(workspace, 'settings'));
  emitted = [];
  sourceKinds = [];
  answers = { exportFolder: null, importSource: null, importTarget: null };
  dispatch = createDispatcher(
    createHandlerTable({
      session,
      settings,
      host: {
        pickFolder: async () => null,
        pickExportFolder: async () => answers.exportFolder,
        pickImportSource: async (kind) => {
          sourceKinds.push(kind);
          return answers.importSource;
        },
        pickImportTarget: async () => answers.importTarget,
        emit: (event, payload) => emitted.push({ event, payload }),
      },
      development: false,
    }),
    session,
  );
});

afterEach(async () => {
  await session.close();
  await fs.rm(workspace, { recursive: true, force: true });
});

describe('export and import channels', () => {
  it('export.run: a dismissed dialog does nothing; a chosen folder gets the files and progress events', async () => {
    await expect(dispatch('export.run', { format: 'csv', scope: 'corpus', allowLossy: false }, trusted)).resolves.toEqual({ outcome: 'dismissed' });
    answers.exportFolder = path.join(workspace, 'out');
    const result = (await dispatch('export.run', { format: 'csv', scope: 'corpus', allowLossy: false }, trusted)) as { outcome: string; written: boolean; files: { path: string }[] };
    expect(result).toMatchObject({ outcome: 'finished', written: true });
    expect(result.files.map((file) => file.path).sort()).toEqual(['annotations.csv', 'export-report.json', 'manifest.json']);
    expect(emitted.some((entry) => entry.event === 'export.progress')).toBe(true);
    await expect(dispatch('export.cancel', {}, trusted)).resolves.toEqual({ cancelled: false });
  });

  it('export.run refuses a scope without its article, an article with another scope, and options of no format', async () => {
    answers.exportFolder = path.join(workspace, 'out');
    await expect(dispatch('export.run', { format: 'csv', scope: 'article', allowLossy: false }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('export.run', { format: 'csv', scope: 'corpus', articleId: 'a.txt', allowLossy: false }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('export.run', { format: 'conll', scope: 'corpus', scheme: 'bilou', allowLossy: false }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('export.run', { format: 'csv', scope: 'article', articleId: '../corpus/a.txt', allowLossy: false }, trusted)).rejects.toThrow(/outside|absolute|Refused/i);
    await expect(fs.stat(path.join(workspace, 'out'))).rejects.toThrow();
  });

  it('import.run then import.openResult: opens the new corpus in main and tells the window', async () => {
    await expect(dispatch('import.openResult', {}, trusted)).rejects.toThrow(/nothing has been imported/);
    const source = path.join(workspace, 'news.conll');
    await fs.writeFile(source, '-DOCSTART-\tO\n\nوزیر\tO\nدر\tO\nتهران\tB-LOC\n.\tO\n');
    answers.importSource = source;
    // The source is chosen but the new corpus folder is not: nothing happens.
    await expect(dispatch('import.run', { from: 'conll' }, trusted)).resolves.toEqual({ outcome: 'dismissed' });
    answers.importTarget = path.join(workspace, 'imported');
    const summary = await dispatch('import.run', { from: 'conll', sourceKind: 'file', separator: 'auto', scheme: 'iob2' }, trusted);
    expect(summary).toMatchObject({ outcome: 'imported', articles: 1, annotations: 1, skippedTotal: 0, cancelled: false });
    expect(emitted.some((entry) => entry.event === 'import.progress')).toBe(true);
    expect(sourceKinds).toEqual(['file', 'file']);

    await expect(dispatch('import.openResult', {}, trusted)).resolves.toEqual({ opened: true, name: 'imported' });
    expect(session.rootPath).toBe(path.join(workspace, 'imported'));
    const changed = emitted.find((entry) => entry.event === 'corpus.changed');
    expect(changed?.payload).toMatchObject({ name: 'imported', articles: [expect.objectContaining({ id: 'news-001.txt' })] });
  });

  it('import.run asks for a folder for brat, and refuses paths or unknown options from the window', async () => {
    await dispatch('import.run', { from: 'brat', sourceKind: 'file' }, trusted);
    expect(sourceKinds).toEqual(['folder']);
    await expect(dispatch('import.run', { from: 'conll', source: '/etc' }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('import.run', { from: 'conll', sentencesPerArticle: 0 }, trusted)).rejects.toThrow(/Invalid request/);
    await expect(dispatch('import.openResult', { path: corpus }, trusted)).rejects.toThrow(/Invalid request/);
  });
});
