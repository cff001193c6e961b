import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/**
 * (#21) Metadata: typed into the dialog (title, source, URL, date, author), shown in the header
 * (the date Jalali in Persian, Gregorian in English), saved into NAME.meta.json, then the file
 * list filtered by source and sorted by date. A NAME.meta.json that does not parse gets a clear
 * message, and no way of saving, even through the window's API, touches its bytes.
 */
const BROKEN = '{ "title": "بی‌پایان\n';

function corpusFiles(): Record<string, string> {
  return {
    'a.txt': 'وزیر امور خارجه امروز در تهران با خبرنگاران گفت‌وگو کرد.\n',
    'b.txt': 'بارش برف در شمال کشور ادامه دارد.\n',
    'b.meta.json': JSON.stringify({ title: 'برف در شمال', source: 'ایسنا', published: '2023-01-01', scraper: 'kept' }, null, 2),
    'c.txt': 'گزارشی از بازار تهران.\n',
    'c.meta.json': BROKEN,
  };
}

const listed = (page: Page) => page.getByTestId('file-list').locator('.file').allInnerTexts();

test('metadata typed in the dialog, saved to NAME.meta.json, shown Jalali; the file list filters and sorts by it; a broken file is left alone', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'a.txt');
  await page.getByTestId('edit-metadata').click();
  const dialog = page.getByTestId('metadata-editor');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'عنوان' }).fill('گفت‌وگوی وزیر');
  await dialog.getByRole('textbox', { name: 'منبع' }).fill('ایرنا');
  await dialog.getByRole('textbox', { name: 'نشانی' }).fill('https://example.org/news/1');
  await dialog.getByRole('textbox', { name: 'تاریخ انتشار' }).fill('2024-03-20');
  await dialog.getByRole('textbox', { name: 'نویسنده' }).fill('مریم احمدی');
  await screenshot(page, 'metadata-dialog-fa-1024');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Nowruz 1403: 20 March 2024 is the first of Farvardin, in Persian digits.
  await expect(page.getByTestId('metadata-date')).toHaveText('۱ فروردین ۱۴۰۳');
  await expect(page.getByTestId('article-metadata')).toContainText('نوشتهٔ');
  await expect(page.getByTestId('metadata-url')).toHaveText('https://example.org/news/1');
  const saved = JSON.parse(await fs.readFile(path.join(corpus, 'a.meta.json'), 'utf8')) as Record<string, string>;
  expect(saved).toEqual({ title: 'گفت‌وگوی وزیر', source: 'ایرنا', url: 'https://example.org/news/1', published: '2024-03-20', author: 'مریم احمدی' });
  await screenshot(page, 'metadata-header-fa-1024');

  // Filter by source: only a.txt is from ایرنا.
  const source = page.getByTestId('filter-source');
  await expect(source.locator('option')).toHaveCount(3);
  await source.selectOption('ایرنا');
  await expect.poll(() => listed(page)).toEqual([expect.stringContaining('a.txt')]);
  await source.selectOption('');
  // Sort by publication date, newest first; an article without a date last.
  await page.locator('select:has(option[value="meta:published"])').selectOption('meta:published');
  await expect.poll(async () => (await listed(page)).map((text) => /[abc]\.txt/.exec(text)?.[0])).toEqual(['a.txt', 'b.txt', 'c.txt']);
  await screenshot(page, 'metadata-sorted-fa-1024');

  // The broken file: a clear message naming it, no editor, and its bytes never rewritten.
  await openArticleNamed(page, 'c.txt');
  const problem = page.getByTestId('metadata-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('data-code', 'metadataSyntax');
  await expect(problem).toContainText('c.meta.json');
  await expect(problem).toContainText('تغییر داده نمی‌شود');
  await expect(page.getByTestId('edit-metadata')).toHaveCount(0);
  const answer = await page.evaluate(() => (window as unknown as { api: { article: { saveMetadata: (request: unknown) => Promise<{ saved: boolean }> } } }).api.article.saveMetadata({ id: 'c.txt', metadata: { title: 'رونویسی' } }));
  expect(answer.saved).toBe(false);
  expect(await fs.readFile(path.join(corpus, 'c.meta.json'), 'utf8')).toBe(BROKEN);
  await screenshot(page, 'metadata-broken-fa-1024');
  // The fields a scraper wrote that the app does not know survive: b's file is as it was.
  expect(JSON.parse(await fs.readFile(path.join(corpus, 'b.meta.json'), 'utf8'))).toMatchObject({ scraper: 'kept' });
});

test('in English the publication date is Gregorian, at 1440×900', async ({ launch }) => {
  const corpus = await makeCorpus({ ...corpusFiles(), 'a.meta.json': JSON.stringify({ title: 'گفت‌وگوی وزیر', source: 'ایرنا', published: '2024-03-20', author: 'Maryam Ahmadi' }) });
  const { page } = await launch({ corpus, locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await openArticleNamed(page, 'a.txt');
  await expect(page.getByTestId('metadata-date')).toHaveText('20 March 2024');
  await page.getByTestId('edit-metadata').click();
  await expect(page.getByTestId('metadata-editor').getByRole('textbox', { name: 'Publication date' })).toHaveValue('2024-03-20');
  await screenshot(page, 'metadata-dialog-en-1440');
  await page.keyboard.press('Escape');
  await openArticleNamed(page, 'c.txt');
  await expect(page.getByTestId('metadata-problem')).toContainText('is not valid JSON');
  await screenshot(page, 'metadata-broken-en-1440');
});
