import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from './settingsStore';

describe('SettingsStore language listeners', () => {
  it('tells its listeners when the UI language changes, and only then (main rebuilds the native menu)', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-'));
    const settings = await SettingsStore.open(folder);
    const languages: string[] = [];
    settings.onLanguageChange(() => languages.push(settings.uiLanguage('en-US')));
    await settings.update({ uiLanguage: 'fa' });
    await settings.update({ theme: 'dark' });
    await settings.update({ uiLanguage: 'fa' });
    await settings.update({ uiLanguage: 'en' });
    expect(languages).toEqual(['fa', 'en']);
    const reopened = await SettingsStore.open(folder);
    expect(reopened.uiLanguage('fa-IR')).toBe('en');
  });
});
