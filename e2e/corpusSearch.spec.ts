import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, readAnnotationFile, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

test('search the corpus with Persian yeh, finding Arabic-yeh spellings; tag all hits in one step; undo it', async ({ launch }) => {
  const corpus = await makeCorpus({
    'a.txt': 'علي لاريجاني رئیس مجلس بود.\n',
    'news/b.txt': 'دیدار علی لاریجانی با وزیر امور خارجه.\n',
    'news/c.txt': 'هیچ نامی در این خبر نیست.\n',
  });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'a.txt');
  await page.keyboard.press('Control+Shift+KeyF');
  const dialog = page.getByRole('dialog', { name: 'جست‌وجو در پیکره' });
  await dialog.getByRole('searchbox', { name: 'عبارت جست‌وجو در پیکره' }).fill('علی لاریجانی');
  await dialog.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await expect(dialog.getByTestId('corpus-search-count')).toContainText('۲ مورد در ۲ مقاله');
  await expect(dialog.locator('.kwic-hit')).toHaveCount(2);
  await dialog.getByRole('combobox', { name: 'برچسب برای همهٔ موارد پیکره' }).selectOption('PER');
  await expect(dialog.getByTestId('tag-all-preview')).toBeVisible();
  await screenshot(page, 'corpus-search-preview');
  await dialog.getByRole('button', { name: 'برچسب زدن به همه در پیکره' }).click();
  await expect(dialog.getByTestId('tag-all-result')).toContainText(/۲ حاشیه‌نویسی \u2068?PER\u2069? در ۲ مقاله/);
  expect((await readAnnotationFile(corpus, 'a.txt')).annotations.map((annotation) => annotation.text)).toEqual(['علي لاريجاني']);
  expect((await readAnnotationFile(corpus, 'news/b.txt')).annotations.map((annotation) => annotation.text)).toEqual(['علی لاریجانی']);
  // The open article shows its new highlight.
  await expect(page.locator('[data-annotation-id][data-entity-type="PER"]')).toHaveCount(1);

  await dialog.getByRole('button', { name: 'واگرد این گام' }).click();
  await expect(dialog.getByTestId('tag-all-result')).toHaveCount(0);
  expect((await readAnnotationFile(corpus, 'a.txt')).annotations).toEqual([]);
  expect((await readAnnotationFile(corpus, 'news/b.txt')).annotations).toEqual([]);
  await expect(page.locator('[data-annotation-id][data-entity-type="PER"]')).toHaveCount(0);
  await expect(fs.access(path.join(corpus, 'news', 'c.ann.json'))).rejects.toThrow();

  // A hit opens its article with the hit selected: a tag key tags it.
  await dialog.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await dialog.locator('.kwic-hit').filter({ hasText: 'news/b.txt' }).click();
  await expect(page.locator('.file.current')).toContainText('b.txt');
  await page.keyboard.press('Digit1');
  await expectFileSoon(corpus, 'news/b.txt', (file) => {
    if (file.annotations[0]?.text !== 'علی لاریجانی') throw new Error('not yet');
  });
});

test('suggestions from earlier tags: accept one with Enter, reject another with Escape; only the accepted is saved', async ({ launch }) => {
  const corpus = await makeCorpus({
    'a.txt': 'سخنگوی سازمان ملل متحد در ژنو گفت.\n',
    'b.txt': 'سازمان ملل متحد و شهر ژنو میزبان نشست بودند.\n',
  });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'a.txt');
  await page.getByTestId('article').evaluate(() => undefined);
  const { dragSelect } = await import('./textGestures');
  await dragSelect(page, 'سازمان ملل متحد');
  await page.keyboard.press('Digit2');
  await doubleClickWord(page, 'ژنو');
  await page.keyboard.press('Digit3');
  await expectFileSoon(corpus, 'a.txt', (file) => {
    if (file.annotations.length !== 2) throw new Error('not yet');
  });

  await openArticleNamed(page, 'b.txt');
  const suggestions = page.getByTestId('suggestions');
  await expect(suggestions.locator('li')).toHaveCount(2);
  // Nothing is saved for suggestions.
  await expect(fs.access(path.join(corpus, 'b.ann.json'))).rejects.toThrow();
  await screenshot(page, 'suggestions');
  await page.getByTestId('article').focus();
  await page.keyboard.press('Alt+KeyN');
  await expect(suggestions.locator('li.current')).toContainText('سازمان ملل متحد');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+KeyN');
  await expect(suggestions.locator('li.current')).toContainText('ژنو');
  await page.keyboard.press('Escape');
  await expect(suggestions.locator('li')).toHaveCount(0);
  const file = await expectFileSoon(corpus, 'b.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  expect(file.annotations[0]).toMatchObject({ type: 'ORG', text: 'سازمان ملل متحد' });
  await page.waitForTimeout(2000);
  expect((await readAnnotationFile(corpus, 'b.txt')).annotations).toHaveLength(1);
  await expect(suggestions.locator('li')).toHaveCount(0);
});
