import path from 'node:path';
import { codePointIndexOf, copyCorpus, expect, expectFileSoon, openArticleNamed, readAnnotationFile, screenshot, test } from './fixtures';
import { clickText, doubleClickWord, dragSelect, highlightText } from './textGestures';
import { promises as fs } from 'node:fs';

const ARTICLE = '01-tehran-metro.txt';

test('tag Persian words by drag and by double-click, save beside the article, reload, delete', async ({ launch }) => {
  const corpus = await copyCorpus();
  const articleText = (await fs.readFile(path.join(corpus, ARTICLE), 'utf8')).replace(/\r\n?/g, '\n');
  const articleBytesBefore = await fs.readFile(path.join(corpus, ARTICLE));
  let app = await launch({ corpus });
  let { page } = app;
  await openArticleNamed(page, ARTICLE);
  const article = page.getByTestId('article');
  await expect(article).toContainText('شهرداری تهران');

  // A drag over «شهرداری تهران» in an RTL paragraph, then the ORG button in the palette.
  await dragSelect(page, 'شهرداری تهران');
  await page.getByRole('button', { name: /سازمان ORG/ }).click();
  const org = page.locator('[data-annotation-id][data-entity-type="ORG"]').first();
  await expect(org).toBeVisible();

  // A double-click on a ZWNJ word and its hotkey (LOC is the third type: Digit3).
  await doubleClickWord(page, 'بهره‌برداری');
  await page.keyboard.press('Digit3');
  await expect(page.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveCount(1);

  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (saved.annotations.length !== 2) throw new Error('not yet');
  });
  const byType = new Map(file.annotations.map((annotation) => [annotation.type, annotation]));
  const orgOnDisk = byType.get('ORG');
  const locOnDisk = byType.get('LOC');
  expect(orgOnDisk?.text).toBe('شهرداری تهران');
  expect(orgOnDisk?.start).toBe(codePointIndexOf(articleText, 'شهرداری تهران'));
  expect(orgOnDisk?.end).toBe(codePointIndexOf(articleText, 'شهرداری تهران') + Array.from('شهرداری تهران').length);
  expect(locOnDisk?.text).toBe('بهره‌برداری');
  expect(locOnDisk?.start).toBe(codePointIndexOf(articleText, 'بهره‌برداری'));
  expect(file.status).toBe('in-progress');
  expect(file.source.length).toBe(Array.from(articleText).length);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, 'tagging-rtl');

  // Reopen the app: the highlights come back from the file.
  await app.close();
  app = await launch({ corpus });
  page = app.page;
  await openArticleNamed(page, ARTICLE);
  await expect(page.locator('[data-annotation-id]')).toHaveCount(2);
  expect(await highlightText(page, orgOnDisk?.id ?? '')).toBe('شهرداری تهران');

  // Click the ORG highlight, press Delete: the file loses it.
  await clickText(page, 'شهرداری');
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-annotation-id][data-entity-type="ORG"]')).toHaveCount(0);
  await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (saved.annotations.length !== 1 || saved.annotations[0].type !== 'LOC') throw new Error('not yet');
  });
  expect(await fs.readFile(path.join(corpus, ARTICLE))).toEqual(articleBytesBefore);
  const backup = JSON.parse(await fs.readFile(path.join(corpus, ARTICLE.replace('.txt', '.ann.json.bak')), 'utf8')) as { annotations: unknown[] };
  expect(backup.annotations).toHaveLength(2);
  expect((await readAnnotationFile(corpus, ARTICLE)).annotations).toHaveLength(1);
});
