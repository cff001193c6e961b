import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
interface StartScript {
  findElectronBinary(folder: string, env?: Record<string, string | undefined>): { path: string } | { missing: string };
  missingElectronParagraph(reason: string): string;
}
const load = async () => (await import(pathToFileURL(path.join(root, 'scripts', 'start.mjs')).href)) as StartScript;

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

describe('npm start without Electron’s binary (scripts/start.mjs)', () => {
  it('finds the binary the electron package downloaded, or says what is missing', async () => {
    const { findElectronBinary } = await load();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-start-'));
    expect(findElectronBinary(folder, {})).toEqual({ missing: expect.stringContaining('path.txt is absent') });
    await fs.writeFile(path.join(folder, 'path.txt'), 'electron');
    expect(findElectronBinary(folder, {})).toEqual({ missing: expect.stringContaining(path.join(folder, 'dist', 'electron')) });
    await fs.mkdir(path.join(folder, 'dist'));
    await fs.writeFile(path.join(folder, 'dist', 'electron'), '');
    expect(findElectronBinary(folder, {})).toEqual({ path: path.join(folder, 'dist', 'electron') });
  });

  it('prints one paragraph saying what is missing, why, and what works without it', async () => {
    const { findElectronBinary } = await load();
    const installed = findElectronBinary(path.join(root, 'node_modules', 'electron'), {});
    if ('path' in installed) return void console.log('[start] Electron’s binary is installed here: the missing-binary message is checked through its function only');
    const run = promisify(execFile);
    const outcome = await run(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect('code' in outcome ? outcome.code : 0).toBe(1);
    const message = `${outcome.stdout}${outcome.stderr}`.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/Electron's binary is missing/);
    expect(message).toMatch(/internet access/);
    expect(message).toMatch(/command line/);
    expect(message).toMatch(/npm test/);
    expect(message).not.toMatch(/failed to install correctly|install-electron/);
  });
});
