import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../app/settingsStore';
import { CorpusSession } from '../corpus/corpusSession';
import { openAppLog } from './appLog';
import { reportContentsText, writeProblemReport } from './problemReport';

const ARTICLE_TEXT = 'نشست محرمانهٔ شورای شهر کرمانشاه دربارهٔ بودجهٔ مترو برگزار شد.';
const NOTE_TEXT = 'یادداشت خصوصی برچسب‌زن دربارهٔ این نام';

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the problem report', () => {
  it('holds logs, settings and versions, says so, and holds no article text or annotation content', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-report-'));
    const corpus = path.join(folder, 'corpus');
    const settingsFolder = path.join(folder, 'settings');
    const destination = path.join(folder, 'desktop');
    await fs.mkdir(corpus);
    await fs.mkdir(destination);
    await fs.writeFile(path.join(corpus, 'kermanshah.txt'), `${ARTICLE_TEXT}\n`);
    const annotation = { id: 'a1', start: 21, end: 29, type: 'LOC', text: 'کرمانشاه', note: NOTE_TEXT };
    await fs.writeFile(path.join(corpus, 'kermanshah.ann.json'), JSON.stringify({ version: 1, annotations: [annotation] }));

    // The app as it runs: a corpus opened, an article remembered, problems logged by main and the window.
    const settings = await SettingsStore.open(settingsFolder);
    const session = new CorpusSession({ watch: false });
    await session.open(corpus);
    await settings.rememberCorpus(corpus);
    await settings.update({ lastArticleByCorpus: { [corpus]: 'kermanshah.txt' } });
    await fs.writeFile(path.join(settingsFolder, 'windowState.json'), '{"bySetup":{},"lastSetup":null}');
    const log = await openAppLog(path.join(settingsFolder, 'logs'));
    log.write('error', 'window', 'readOnly', { file: 'kermanshah.ann.json', reason: 'folder-mode' });
    log.write('info', 'main', 'corpusOpened', { articles: 1 });

    const report = await writeProblemReport({ destination, logsFolder: log.folder, settingsFolder, versions: { hashiye: '0.1.0', node: process.versions.node }, now: new Date('2026-12-06T04:10:00Z') });
    expect(path.dirname(report.folder)).toBe(destination);
    expect(path.basename(report.folder)).toBe('hashiye-problem-report-2026-12-06T04-10-00');
    expect(report.files).toEqual(['README.txt', 'logs/main.log', 'settings.json', 'versions.json', 'windowState.json']);
    expect(await fs.readFile(path.join(report.folder, 'logs', 'main.log'), 'utf8')).toContain('readOnly {"file":"kermanshah.ann.json","reason":"folder-mode"}');
    expect(JSON.parse(await fs.readFile(path.join(report.folder, 'versions.json'), 'utf8'))).toEqual({ hashiye: '0.1.0', node: process.versions.node });
    const readme = await fs.readFile(path.join(report.folder, 'README.txt'), 'utf8');
    expect(readme).toContain('It holds no article text and no annotation content');
    expect(readme).toContain('هیچ متن مقاله و هیچ برچسبی در آن نیست');

    // Nothing of the article or its annotations, in any file of the report.
    for (const file of await filesUnder(report.folder)) {
      const text = await fs.readFile(file, 'utf8');
      for (const secret of [ARTICLE_TEXT, ARTICLE_TEXT.slice(0, 20), NOTE_TEXT, 'کرمانشاه دربارهٔ']) expect(text, path.relative(report.folder, file)).not.toContain(secret);
    }
    // The corpus was not touched.
    expect((await fs.readdir(corpus)).sort()).toEqual(['kermanshah.ann.json', 'kermanshah.txt']);
  });

  it('never writes over an earlier report of the same second', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-report-'));
    const request = { destination: folder, logsFolder: path.join(folder, 'no-logs'), settingsFolder: path.join(folder, 'no-settings'), versions: {}, now: new Date('2026-12-06T04:10:00Z') };
    const first = await writeProblemReport(request);
    const second = await writeProblemReport(request);
    expect(second.folder).toBe(`${first.folder}-2`);
    expect(second.files).toEqual(['README.txt', 'versions.json']);
  });

  it('names the folder isolated in the sentence shown after writing', () => {
    expect(reportContentsText('The folder {folder} holds', '/home/a/r')).toBe('The folder \u2068/home/a/r\u2069 holds');
  });
});
