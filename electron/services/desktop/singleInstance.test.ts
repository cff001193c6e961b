import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimSingleInstance, handOverLaunch, type HandOverHost } from './singleInstance';

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

/** Two corpora in a temporary folder: `news` with hashiye.json and an article in a sub-folder, and `other`. */
async function corpora(): Promise<{ news: string; other: string }> {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-instance-'));
  const news = path.join(folder, 'news');
  const other = path.join(folder, 'other');
  await fs.mkdir(path.join(news, 'reports', 'a1.annotators'), { recursive: true });
  await fs.mkdir(other);
  await fs.writeFile(path.join(news, 'hashiye.json'), '{"types":[]}');
  await fs.writeFile(path.join(news, 'reports', 'a1.txt'), 'متن');
  await fs.writeFile(path.join(news, 'reports', 'a1.ann.json'), '{}');
  await fs.writeFile(path.join(news, 'reports', 'a1.annotators', 'ali.ann.json'), '{}');
  await fs.writeFile(path.join(other, 'b.txt'), 'متن');
  await fs.writeFile(path.join(other, 'b.ann.json'), '{}');
  return { news, other };
}

function fakeWindow(current: string | null): HandOverHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    focusWindow: () => calls.push('focus'),
    currentCorpus: () => current,
    requestCorpusSwitch: (target, articleId) => calls.push(`switch ${target}${articleId ? ` at ${articleId}` : ''}`),
    requestArticle: (id) => calls.push(`article ${id}`),
    refuse: (problem) => calls.push(`refused ${JSON.stringify(problem)}`),
  };
}

describe('single instance', () => {
  it('sets the settings folder before asking for the lock, so each profile has its own', () => {
    const calls: string[] = [];
    const host = { setSettingsFolder: (target: string) => calls.push(`userData ${target}`), requestSingleInstanceLock: () => (calls.push('lock'), false) };
    expect(claimSingleInstance(host, '/profiles/b')).toBe(false);
    expect(calls).toEqual(['userData /profiles/b', 'lock']);
    calls.length = 0;
    const free = { ...host, requestSingleInstanceLock: () => (calls.push('lock'), true) };
    expect(claimSingleInstance(free, undefined)).toBe(true);
    expect(calls).toEqual(['lock']);
  });

  it('a second launch with no argument only brings the window to the front', async () => {
    const { news } = await corpora();
    const window = fakeWindow(news);
    expect(await handOverLaunch({ argv: ['/opt/Hashiye/hashiye-app'], workingDirectory: folder, packaged: true }, window)).toBe('focused');
    expect(window.calls).toEqual(['focus']);
  });

  it('a second launch with another corpus focuses the window and asks it to switch (it saves or asks first)', async () => {
    const { news, other } = await corpora();
    const window = fakeWindow(news);
    // Development: `electron . -- other`, relative to the folder the command was typed in.
    const outcome = await handOverLaunch({ argv: ['electron', '.', '--', 'other'], workingDirectory: folder, packaged: false }, window);
    expect(outcome).toBe('switch-requested');
    expect(window.calls).toEqual(['focus', `switch ${other}`]);
  });

  it('a file opened from the OS switches to its corpus at that article (an .ann.json, an annotator file)', async () => {
    const { news, other } = await corpora();
    const window = fakeWindow(other);
    expect(await handOverLaunch({ path: path.join(news, 'reports', 'a1.ann.json') }, window)).toBe('switch-requested');
    expect(await handOverLaunch({ path: path.join(news, 'reports', 'a1.annotators', 'ali.ann.json') }, window)).toBe('switch-requested');
    expect(await handOverLaunch({ path: path.join(news, 'hashiye.json') }, window)).toBe('switch-requested');
    expect(window.calls).toEqual(['focus', `switch ${news} at reports/a1.txt`, 'focus', `switch ${news} at reports/a1.txt`, 'focus', `switch ${news}`]);
  });

  it('an article of the corpus already open is opened in it, without a switch', async () => {
    const { news } = await corpora();
    const window = fakeWindow(news);
    expect(await handOverLaunch({ argv: ['hashiye-app', path.join(news, 'reports', 'a1.txt')], workingDirectory: '/', packaged: true }, window)).toBe('article-requested');
    expect(window.calls).toEqual(['focus', 'article reports/a1.txt']);
  });

  it('a folder of the corpus already open does not switch (nothing is reloaded, no edit is at stake)', async () => {
    const { news } = await corpora();
    const window = fakeWindow(news);
    expect(await handOverLaunch({ path: path.join(news, 'reports') }, window)).toBe('already-open');
    expect(window.calls).toEqual(['focus']);
  });

  it('a missing file or one that is no article opens nothing and tells the window why', async () => {
    const { news, other } = await corpora();
    await fs.writeFile(path.join(folder, 'notes.pdf'), 'x');
    const window = fakeWindow(news);
    expect(await handOverLaunch({ path: path.join(other, 'missing.ann.json') }, window)).toBe('refused');
    expect(await handOverLaunch({ path: path.join(folder, 'notes.pdf') }, window)).toBe('refused');
    expect(window.calls).toEqual([
      'focus',
      `refused ${JSON.stringify({ code: 'fileMissing', file: 'missing.ann.json' })}`,
      'focus',
      `refused ${JSON.stringify({ code: 'notOpenable', file: 'notes.pdf' })}`,
    ]);
  });
});
