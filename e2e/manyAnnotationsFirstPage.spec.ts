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
