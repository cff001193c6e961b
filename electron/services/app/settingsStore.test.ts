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

describe('SettingsStore start-up article', () => {
  it('an article asked for at start-up becomes the corpus’s last article, at its start; other corpora keep theirs', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-'));
    try {
      const settings = await SettingsStore.open(folder);
      await settings.update({ lastArticleByCorpus: { '/news': 'a.txt', '/other': 'x.txt' }, lastOffsetByCorpus: { '/news': 120, '/other': 7 } });
      await settings.resumeAtArticle('/news', 'reports/b.txt');
      const reopened = await SettingsStore.open(folder);
      expect(reopened.current.lastArticleByCorpus).toEqual({ '/news': 'reports/b.txt', '/other': 'x.txt' });
      expect(reopened.current.lastOffsetByCorpus).toEqual({ '/other': 7 });
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});

describe('SettingsStore tagger confirmations (#24)', () => {
  it('keeps each confirmed remote tagger URL across restarts', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-'));
    const settings = await SettingsStore.open(folder);
    expect(settings.isTaggerConfirmed('https://tagger.example.org/ner')).toBe(false);
    await settings.confirmTagger('https://tagger.example.org/ner');
    await settings.confirmTagger('https://tagger.example.org/ner');
    const reopened = await SettingsStore.open(folder);
    expect(reopened.current.confirmedTaggerUrls).toEqual(['https://tagger.example.org/ner']);
    expect(reopened.isTaggerConfirmed('https://other.example.org/')).toBe(false);
    await fs.rm(folder, { recursive: true, force: true });
  });
});
