/**
 * Nothing outside the corpus is read or written (issue #17, must deliver 4). A link to an outside
 * canary file as `NAME.ann.json`, as `hashiye.json` and (brat) as `annotation.conf`: the canary's
 * text never appears in the page nor in any file of the corpus afterwards, and the outside file
 * is unchanged. A FIFO and a `/dev/zero` link in a corpus: the list shows and articles open.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { copyCorpus, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

const CANARY = `CANARY${randomUUID().replace(/-/g, '')}`;

async function outsideFolder(): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-outside-')));
}

/** Every regular file under the corpus, read (special files and links are not files of the corpus). */
async function corpusFilesHolding(root: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile() && (await fs.readFile(file, 'utf8')).includes(needle)) found.push(path.relative(root, file));
    }
  };
  await walk(root);
  return found;
}

async function expectNoCanaryInPage(page: Page): Promise<void> {
  expect(await page.content()).not.toContain(CANARY);
}

function mkfifo(file: string): string | null {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return `mkfifo is not available here (${(error as Error).message})`;
  }
}

test('links to an outside canary as NAME.ann.json and hashiye.json, a FIFO and a /dev/zero link: the list shows, articles open, the canary never shows and is never copied in', async ({ launch }) => {
  const corpus = await copyCorpus();
  const outside = await outsideFolder();
  const metroText = await fs.readFile(path.join(corpus, '01-tehran-metro.txt'), 'utf8');
  const firstWord = metroText.split(/\s/)[0];
  // A valid annotation file for the article, and a valid tag set: followed, either would show the canary.
  const outsideAnnotations = path.join(outside, 'annotations.json');
  await fs.writeFile(
    outsideAnnotations,
    JSON.stringify({
      format: 'hashiye-annotations',
      version: 1,
      offsetUnit: 'codepoint',
      source: { file: '01-tehran-metro.txt', sha256: createHash('sha256').update(metroText).digest('hex'), encoding: 'utf-8', length: Array.from(metroText).length },
      status: 'in-progress',
      annotations: [{ id: 'canary1', type: 'PER', start: 0, end: Array.from(firstWord).length, text: firstWord, note: CANARY }],
      relations: [],
      labels: [],
    }),
  );
  const outsideTagSet = path.join(outside, 'tagset.json');
  await fs.writeFile(outsideTagSet, JSON.stringify({ version: 1, types: [{ id: 'CANARY', label: { fa: CANARY, en: CANARY }, color: '#ff0000' }] }));
  const outsideBefore = { annotations: await fs.readFile(outsideAnnotations), tagSet: await fs.readFile(outsideTagSet) };
  await fs.rm(path.join(corpus, 'hashiye.json'));
  await fs.symlink(outsideTagSet, path.join(corpus, 'hashiye.json'));
  await fs.symlink(outsideAnnotations, path.join(corpus, '01-tehran-metro.ann.json'));
  // A FIFO as an annotation file and as an article, and an article linked to /dev/zero.
  const fifoSkip = mkfifo(path.join(corpus, '02-football.ann.json')) ?? mkfifo(path.join(corpus, 'fifo.txt'));
  await fs.symlink('/dev/zero', path.join(corpus, 'zero.txt'));

  const { page } = await launch({ corpus });
  const list = page.getByTestId('file-list');
  await expect(list.getByRole('button', { name: /07-weather-crlf\.txt/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /zero\.txt/ })).toHaveCount(0);
  const skipped = page.getByTestId('skipped-files');
  const expectedSkipped = fifoSkip ? 2 : 4;
  await expect(skipped).toHaveAttribute('data-count', String(expectedSkipped));
  await expect(skipped.locator('summary')).toContainText('پرونده کنار گذاشته شد');
  await skipped.locator('summary').click();
  await expect(skipped.locator('li[data-reason="outside-corpus"]')).toHaveCount(2);
  if (!fifoSkip) await expect(skipped.locator('li[data-reason="not-regular-file"]')).toHaveCount(2);
  await expect(skipped).toContainText('پیوندی به بیرون از پیکره');
  await screenshot(page, 'confinement-skipped-files');
  await expectNoCanaryInPage(page);

  // The article whose annotation file leads outside opens, read-only, with none of the outside annotations.
  await openArticleNamed(page, '01-tehran-metro.txt');
  await expect(page.getByTestId('article')).toContainText(firstWord);
  await expect(page.locator('[data-annotation-id="canary1"]')).toHaveCount(0);
  await doubleClickWord(page, 'متروی');
  await page.keyboard.press('Digit1');
  await expectNoCanaryInPage(page);

  // The article whose annotation file is a FIFO opens too.
  if (!fifoSkip) {
    await openArticleNamed(page, '02-football.txt');
    await expect(page.getByTestId('article')).toContainText('استقلال');
    await expectNoCanaryInPage(page);
  }

  // An ordinary article is tagged and saved as always.
  await openArticleNamed(page, '04-economy.txt');
  const economy = await fs.readFile(path.join(corpus, '04-economy.txt'), 'utf8');
  const word = economy.split(/\s+/).find((candidate) => /^[\u0600-\u06ff]{4,}$/.test(candidate)) as string;
  await doubleClickWord(page, word);
  await page.keyboard.press('Digit1');
  await expectFileSoon(corpus, '04-economy.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });

  // Editing the tag set: refused with a reason, as hashiye.json leads outside; nothing is written.
  await page.getByRole('region', { name: 'برچسب‌ها' }).getByRole('button', { name: 'ویرایش…' }).click();
  const editor = page.getByRole('dialog', { name: 'ویرایش مجموعهٔ برچسب‌ها' });
  await editor.getByRole('button', { name: '+ برچسب تازه' }).click();
  await editor.getByRole('button', { name: 'پیش‌نمایش تغییرات' }).click();
  await editor.getByRole('button', { name: 'ذخیره و بازنویسی پرونده‌ها' }).click();
  // Said in Persian (main sends the refusal as a code, #17).
  await expect(editor.getByRole('alert')).toContainText('hashiye.json');
  await expect(editor.getByRole('alert')).toContainText('را این‌جا نمی‌توان جایگزین کرد، چون به بیرون از پیکره پیوند دارد');
  await expectNoCanaryInPage(page);

  expect(await corpusFilesHolding(corpus, CANARY)).toEqual([]);
  expect((await fs.readdir(corpus)).filter((name) => name.startsWith('hashiye.json.') || name.startsWith('01-tehran-metro.ann.json.'))).toEqual([]);
  expect(await fs.readFile(outsideAnnotations)).toEqual(outsideBefore.annotations);
  expect(await fs.readFile(outsideTagSet)).toEqual(outsideBefore.tagSet);
  expect((await fs.lstat(path.join(corpus, 'hashiye.json'))).isSymbolicLink()).toBe(true);
  await fs.rm(outside, { recursive: true, force: true });
});

test('a brat corpus whose annotation.conf links to an outside canary: the default types show, tagging works, the canary never shows nor is copied in', async ({ launch }) => {
  const article = 'وزیر امور خارجه ایران در تهران با همتای ترکیه دیدار کرد.\n';
  const corpus = await makeCorpus({ 'news.txt': article, 'news.ann': 'T1\tLOC 25 30\tتهران\n' });
  const outside = await outsideFolder();
  const outsideConf = path.join(outside, 'annotation.conf');
  await fs.writeFile(outsideConf, `[entities]\n${CANARY}\nLOC\n[relations]\n[events]\n[attributes]\n`);
  const before = await fs.readFile(outsideConf);
  await fs.symlink(outsideConf, path.join(corpus, 'annotation.conf'));

  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'news.txt');
  await expect(page.locator('[data-annotation-id]')).toHaveCount(1);
  await expect(page.locator(`[data-testid="tag-palette-item"][data-entity-type="${CANARY}"]`)).toHaveCount(0);
  await expectNoCanaryInPage(page);
  await doubleClickWord(page, 'ترکیه');
  await page.keyboard.press('Digit1');
  await expect.poll(async () => (await fs.readFile(path.join(corpus, 'news.ann'), 'utf8')).split('\n').filter((line) => line.startsWith('T')).length, { timeout: 10_000 }).toBe(2);
  await screenshot(page, 'confinement-brat-conf-link');
  await expectNoCanaryInPage(page);
  expect(await corpusFilesHolding(corpus, CANARY)).toEqual([]);
  expect(await fs.readFile(outsideConf)).toEqual(before);
  await fs.rm(outside, { recursive: true, force: true });
});
