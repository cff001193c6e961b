import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdIn, launchTargetForPath } from './launchTarget';

let folder = '';
afterEach(async () => {
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

/** A corpus `news` (hashiye.json, an article in a sub-folder with its annotations and an annotator's file), a folder `loose` with no marker, and a file outside both. */
async function layout(): Promise<{ news: string; loose: string; outside: string }> {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-launch-'));
  const news = path.join(folder, 'news');
  const loose = path.join(folder, 'loose');
  await fs.mkdir(path.join(news, 'reports', 'a1.annotators'), { recursive: true });
  await fs.mkdir(loose);
  await fs.writeFile(path.join(news, 'hashiye.json'), '{"types":[]}');
  await fs.writeFile(path.join(news, 'reports', 'a1.txt'), 'متن');
  await fs.writeFile(path.join(news, 'reports', 'a1.ann.json'), '{}');
  await fs.writeFile(path.join(news, 'reports', 'a1.annotators', 'ali.ann.json'), '{}');
  await fs.writeFile(path.join(loose, 'b.txt'), 'متن');
  const outside = path.join(folder, 'secret.txt');
  await fs.writeFile(outside, 'not of any corpus');
  return { news, loose, outside };
}

describe('what a path opened from the OS opens', () => {
  it('an article, its .ann.json and an annotator file open the corpus above them at that article', async () => {
    const { news } = await layout();
    const article = path.join(news, 'reports', 'a1.txt');
    for (const asked of [article, path.join(news, 'reports', 'a1.ann.json'), path.join(news, 'reports', 'a1.annotators', 'ali.ann.json')]) {
      const target = await launchTargetForPath(asked);
      expect(target).toEqual({ folder: news, articleFile: article });
      if (!('refused' in target) && target.articleFile) expect(articleIdIn(target.folder, target.articleFile)).toBe('reports/a1.txt');
    }
  });

  it('a folder is itself and hashiye.json its folder, with no article', async () => {
    const { news } = await layout();
    expect(await launchTargetForPath(path.join(news, 'reports'))).toEqual({ folder: path.join(news, 'reports'), articleFile: null });
    expect(await launchTargetForPath(path.join(news, 'hashiye.json'))).toEqual({ folder: news, articleFile: null });
  });

  it('an article in a folder with no marker opens that folder', async () => {
    const { loose } = await layout();
    expect(await launchTargetForPath(path.join(loose, 'b.txt'))).toEqual({ folder: loose, articleFile: path.join(loose, 'b.txt') });
  });

  it('a missing file, an .ann.json without its article, and a file that is no article are refused with a coded problem', async () => {
    const { news, outside } = await layout();
    await fs.writeFile(path.join(news, 'orphan.ann.json'), '{}');
    await fs.writeFile(path.join(folder, 'notes.pdf'), 'x');
    expect(await launchTargetForPath(path.join(news, 'gone.txt'))).toEqual({ refused: { code: 'fileMissing', file: 'gone.txt' } });
    expect(await launchTargetForPath(path.join(news, 'orphan.ann.json'))).toEqual({ refused: { code: 'fileMissing', file: 'orphan.txt' } });
    expect(await launchTargetForPath(path.join(folder, 'notes.pdf'))).toEqual({ refused: { code: 'notOpenable', file: 'notes.pdf' } });
    expect(articleIdIn(news, outside)).toBeNull();
  });

  it('an article that is a link leading out of its corpus is refused: nothing outside the corpus is read', async () => {
    const { news, outside } = await layout();
    await fs.symlink(outside, path.join(news, 'reports', 'leak.txt'));
    expect(await launchTargetForPath(path.join(news, 'reports', 'leak.txt'))).toEqual({ refused: { code: 'outsideCorpus', file: 'leak.txt' } });
  });
});
