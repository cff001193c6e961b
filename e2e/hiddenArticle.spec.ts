import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigArticle } from '../bench/benchInputs';
import { expect, test, expectEveryParagraph } from './fixtures';

test('an article hidden from view (display: none) draws no further highlights, and draws those in view again when shown (#25)', async ({ launch }) => {
  test.setTimeout(120_000);
  const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-hidden-'));
  const big = await writeBigArticle(corpus, { name: 'many.txt', bytes: 300_000, annotations: 4_000, seed: 5 });
  await fs.writeFile(path.join(corpus, 'a-short.txt'), 'خبر کوتاه.\n');
  const { page } = await launch({ corpus, viewport: { width: 1280, height: 800 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /many\.txt/ }).click();
  await expect(page.locator('.file.current')).toContainText('many.txt');
  const article = page.getByTestId('article');
  await expect(article.locator('[data-offset="0"] [data-annotation-id]').first()).toBeAttached();
  await expectEveryParagraph(page, big.text);
  const drawn = await article.locator('[data-annotation-id]').count();
  expect(drawn).toBeLessThan(big.annotations / 2);

  // Hidden, the article has no boxes: every chunk would read as in view and draw its highlights.
  await page.evaluate(() => document.querySelector<HTMLElement>('.app')?.style.setProperty('display', 'none'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500)))));
  expect(await article.locator('[data-annotation-id]').count()).toBeLessThan(big.annotations / 2);

  // Shown again, the view's highlights are there and the far ones are not.
  await page.evaluate(() => document.querySelector<HTMLElement>('.app')?.style.removeProperty('display'));
  await expect(article.locator('[data-offset="0"] [data-annotation-id]').first()).toBeVisible();
  expect(await article.locator('[data-annotation-id]').count()).toBeLessThan(big.annotations / 2);
});
