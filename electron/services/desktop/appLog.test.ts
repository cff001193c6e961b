import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVED_LOGS, MAX_LOGGED_STRING, logFileName, openAppLog } from './appLog';

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

async function logFiles(): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

describe('the app log', () => {
  it('writes level, source, code and parameters to main.log', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-log-'));
    const log = await openAppLog(folder);
    log.write('error', 'window', 'diskFull', { file: 'news/a1.ann.json' });
    log.write('info', 'main', 'started', { version: '0.1.0' });
    const text = await fs.readFile(path.join(folder, 'main.log'), 'utf8');
    expect(text).toMatch(/\[error\]\s+\(window\) diskFull \{"file":"news\/a1\.ann\.json"\}/);
    expect(text).toMatch(/\[info\]\s+\(main\) started \{"version":"0\.1\.0"\}/);
  });

  it('rotates: main.log is archived as main.1.log, and only the newest archives are kept', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-log-'));
    const log = await openAppLog(folder, { maxBytes: 400 });
    for (let line = 0; line < 200; line += 1) log.write('warn', 'main', 'tick', { line });
    const files = await logFiles();
    expect(files).toEqual(Array.from({ length: ARCHIVED_LOGS + 1 }, (_, index) => logFileName(index)).sort());
    for (const file of files) expect((await fs.stat(path.join(folder, file))).size).toBeLessThan(1000);
    // The newest line is in main.log, older ones in the archives, in order.
    expect(await fs.readFile(path.join(folder, 'main.log'), 'utf8')).toContain('{"line":199}');
    const newestArchive = await fs.readFile(path.join(folder, 'main.1.log'), 'utf8');
    const oldestArchive = await fs.readFile(path.join(folder, `main.${ARCHIVED_LOGS}.log`), 'utf8');
    const firstLine = (text: string) => Number(/"line":(\d+)/.exec(text)?.[1]);
    expect(firstLine(oldestArchive)).toBeLessThan(firstLine(newestArchive));
  });

  it('never writes a long string whole: a sentence passed by mistake is cut', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-log-'));
    const log = await openAppLog(folder);
    const articleText = 'خبرگزاری‌ها گزارش دادند که نشست شورای شهر تهران به پایان رسید. '.repeat(20);
    log.write('error', 'window', 'writeFailed', { file: articleText });
    const text = await fs.readFile(path.join(folder, 'main.log'), 'utf8');
    expect(text).not.toContain(articleText);
    expect(text).toContain(`(${articleText.length} characters)`);
    expect(text.length).toBeLessThan(MAX_LOGGED_STRING * 4);
  });
});
