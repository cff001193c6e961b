import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigArticle } from '../bench/benchInputs';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { expect, test } from './fixtures';

/**
 * (#17) A big annotation file opened as never seen (saved in reading order, as Hashiye saves it):
 * main answers from its first page before the whole file is parsed. The article ends whole and
 * editable; a file whose whole list turns out unusable (an id used twice after the first page)
 * ends read-only with its problem shown, as always.
 */
async function bigCorpus(edit?: (file: { annotations: { id: string }[] }) => void): Promise<{ corpus: string; annotationPath: string }> {
  const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-first-page-'));
  const big = await writeBigArticle(corpus, { name: 'many.txt', bytes: 500_000, annotations: 25_000, seed: 23, readingOrder: true });
  if (edit) {
    const file = JSON.parse(await fs.readFile(big.annotationPath, 'utf8')) as { annotations: { id: string }[] };
    edit(file);
    await fs.writeFile(big.annotationPath, JSON.stringify(file, null, 2));
  }
  forgetWrittenAnnotationFile(big.annotationPath);
  await fs.writeFile(path.join(corpus, 'a-short.txt'), 'خبر کوتاه.\n');
  return { corpus, annotationPath: big.annotationPath };
}

test('25,000 annotations read as never seen: shown from the first page, then whole and editable; a tag lands on disk', async ({ launch }) => {
  test.setTimeout(180_000);
  const { corpus, annotationPath } = await bigCorpus();
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /many\.txt/ }).click();
  await expect(page.locator('.file.current')).toContainText('many.txt');
  await expect(page.getByTestId('article').locator('mark.hl').first()).toBeVisible();
  await expect(page.getByTestId('annotation-file-problem')).toHaveCount(0);
  // Whole: the article no longer busy, the status bar's count no longer said to be loading.
  await expect(page.getByTestId('article')).not.toHaveAttribute('aria-busy', 'true', { timeout: 90_000 });
  await expect(page.getByTestId('annotation-count')).not.toHaveAttribute('data-loading', 'true');
  await expect(page.getByTestId('annotation-count')).toHaveAttribute('data-count', '25000');
  // Whole: the keyboard tags a word (a tag key while incomplete does nothing, so this waits for the whole list).
  await expect(async () => {
    const word = page.getByTestId('article').locator('[data-offset="0"]').first();
    await word.dblclick({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Digit1');
    const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: unknown[] };
    expect(onDisk.annotations.length).toBeGreaterThan(25_000);
  }).toPass({ timeout: 90_000 });
  const onDisk = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: { id: string }[] };
  expect(new Set(onDisk.annotations.map((annotation) => annotation.id)).size).toBe(onDisk.annotations.length);
});

test('a long text sent from its head: the whole text ends in the page, as in the file, and find searches all of it', async ({ launch }) => {
  test.setTimeout(180_000);
  const { corpus } = await bigCorpus();
  const text = await fs.readFile(path.join(corpus, 'many.txt'), 'utf8');
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /many\.txt/ }).click();
  await expect(page.getByTestId('article')).not.toHaveAttribute('aria-busy', 'true', { timeout: 90_000 });
  // Every character in the page, at the offsets the file has them (the head, 40,000 UTF-16 units at most, is far shorter).
  const inPage = () =>
    page.evaluate(() => {
      const pieces = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]'));
      const last = pieces[pieces.length - 1];
      return { end: Number(last.dataset.offset) + (last.textContent?.length ?? 0), lastText: last.textContent ?? '', lastOffset: Number(last.dataset.offset) };
    });
  await expect.poll(async () => (await inPage()).end, { timeout: 60_000 }).toBeGreaterThanOrEqual(text.replace(/\n$/, '').length);
  const { lastText, lastOffset } = await inPage();
  // The last piece ends the text as the file does (a last line break aside).
  expect(lastText.replace(/\n$/, '')).toBe(text.slice(lastOffset).replace(/\n$/, ''));
  // Find counts hits past the head too.
  const word = 'NASA';
  const inHead = text.slice(0, 40_000).split(word).length - 1;
  await page.keyboard.press('Control+KeyF');
  await page.getByTestId('find-input').fill(word);
  await expect.poll(async () => Number(await page.getByTestId('find-count').getAttribute('data-count'))).toBeGreaterThan(inHead);
});

test('an id used twice after the first page: the article ends read-only with the problem shown, the file untouched', async ({ launch }) => {
  test.setTimeout(180_000);
  const { corpus, annotationPath } = await bigCorpus((file) => {
    file.annotations[20_000].id = file.annotations[19_999].id;
  });
  const before = await fs.readFile(annotationPath);
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /many\.txt/ }).click();
  await expect(page.getByTestId('annotation-file-problem')).toBeVisible({ timeout: 90_000 });
  await page.keyboard.press('Digit1');
  await page.waitForTimeout(1_000);
  expect((await fs.readFile(annotationPath)).equals(before)).toBe(true);
});
