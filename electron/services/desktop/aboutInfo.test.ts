import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopContext, desktopPlatform } from './aboutInfo';

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

describe('the About box’s facts', () => {
  it('gives the versions and the licences of both builds, a package in both listed once', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-about-'));
    const zod = { name: 'zod', version: '4.6.7', licence: 'MIT', text: 'MIT License' };
    await fs.writeFile(path.join(folder, 'main.json'), JSON.stringify([zod, { name: 'electron', version: '45.5.0', licence: 'MIT', text: '' }]));
    await fs.writeFile(path.join(folder, 'window.json'), JSON.stringify([{ name: 'react', version: '19.3.1', licence: 'MIT', text: '' }, zod]));
    const context = desktopContext({
      appVersion: '0.1.0',
      versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.52' },
      licenceFiles: [path.join(folder, 'main.json'), path.join(folder, 'window.json'), path.join(folder, 'missing.json')],
      log: null,
      platform: 'darwin',
    });
    const about = await context.about();
    expect(about).toMatchObject({ appVersion: '0.1.0', electron: '45.5.0', chromium: '142.0.7444.52', node: '22.20.0' });
    expect(about.licences.map((entry) => entry.name)).toEqual(['electron', 'react', 'zod']);
    expect(context.platform).toBe('mac');
  });

  it('refuses a damaged licences file rather than showing a partial list silently', async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-about-'));
    await fs.writeFile(path.join(folder, 'bad.json'), '[{"name": 1}]');
    const context = desktopContext({ appVersion: '0.1.0', versions: { node: '20.0.0' }, licenceFiles: [path.join(folder, 'bad.json')], log: null, platform: 'linux' });
    await expect(context.about()).rejects.toThrow();
  });

  it('names the platform as the shortcut sheet does', () => {
    expect([desktopPlatform('darwin'), desktopPlatform('win32'), desktopPlatform('linux'), desktopPlatform('freebsd')]).toEqual(['mac', 'windows', 'linux', 'linux']);
  });
});
