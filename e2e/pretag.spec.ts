import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/** (#24) A gazetteer TSV of the corpus run on the open article from the dialog; suggestions accepted by type and one rejected. */
const TEXT = 'محمدجواد ظریف در تهران با عباس عراقچی دیدار کرد. ظریف به سازمان ملل رفت.\n';
const GAZETTEER = '# نام‌ها\nمحمدجواد ظریف\tPER\nظریف\tPER\nعباس عراقچی\tPER\nتهران\tLOC\nسازمان ملل\tORG\n';

async function openPretagDialog(page: Page, more: string): Promise<void> {
  const button = page.getByTestId('pretag-button');
  if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
  void more;
  await page.getByTestId('pretag-button').click();
  await expect(page.getByTestId('pretag-dialog')).toBeVisible();
}

async function runGazetteer(page: Page, more: string): Promise<void> {
  await openPretagDialog(page, more);
  const dialog = page.getByTestId('pretag-dialog');
  await dialog.getByTestId('pretag-file').fill('names.tsv');
  await expect(dialog.getByTestId('pretag-as')).toHaveValue('gazetteer');
}

test('pre-annotate the article from a gazetteer: accept all PER, reject one other; the files on disk', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': TEXT, 'names.tsv': GAZETTEER });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'a.txt');
  await runGazetteer(page, 'فرمان‌های بیشتر');
  const dialog = page.getByTestId('pretag-dialog');
  await dialog.getByRole('button', { name: 'نشان دادن آنچه فرستاده می‌شود' }).click();
  await expect(dialog.getByTestId('pretag-preview')).toContainText('۵ عبارت');
  await screenshot(page, 'pretag-dialog-fa-1024');
  await dialog.getByTestId('pretag-run').click();
  await expect(dialog.getByTestId('pretag-finished')).toContainText('۵ پیشنهاد');
  await dialog.getByRole('button', { name: 'بستن' }).last().click();
  await expect(dialog).toHaveCount(0);
  // Focus returns to where the dialog was opened from; the suggestions are listed.
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(5);
  await screenshot(page, 'pretag-suggestions-fa-1024');

  // The current suggestion is the first (a PER): Shift+Enter accepts every PER.
  await page.getByTestId('article').focus();
  await page.keyboard.press('Alt+KeyN');
  await page.keyboard.press('Shift+Enter');
  await expectFileSoon(corpus, 'a.txt', (file) => {
    if (file.annotations.length !== 3) throw new Error('not yet');
  });
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(2);
  // Reject the next one (LOC or ORG) with Escape: written into the annotator file.
  await page.keyboard.press('Alt+KeyN');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(1);

  const analyst = JSON.parse(await fs.readFile(path.join(corpus, 'a.ann.json'), 'utf8')) as { annotations: { text: string; type: string }[] };
  expect(analyst.annotations.map((annotation) => [annotation.text, annotation.type]).sort()).toEqual([
    ['ظریف', 'PER'],
    ['عباس عراقچی', 'PER'],
    ['محمدجواد ظریف', 'PER'],
  ]);
  await expect
    .poll(async () => {
      const annotator = JSON.parse(await fs.readFile(path.join(corpus, 'a.annotators', 'gazetteer.ann.json'), 'utf8')) as { annotations: { type: string; attributes?: Record<string, unknown> }[] };
      return annotator.annotations.filter((annotation) => annotation.attributes?.pretagRejected === true).map((annotation) => annotation.type);
    })
    .toHaveLength(1);
  const annotator = JSON.parse(await fs.readFile(path.join(corpus, 'a.annotators', 'gazetteer.ann.json'), 'utf8')) as { annotations: { author: string; attributes?: Record<string, unknown> }[] };
  expect(annotator.annotations).toHaveLength(5);
  expect(annotator.annotations.every((annotation) => annotation.author === 'gazetteer' && annotation.attributes?.pretag === 'gazetteer')).toBe(true);
});

test('pre-annotation suggestions at 1440×900 in Persian and in English', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': TEXT, 'names.tsv': GAZETTEER });
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await openArticleNamed(page, 'a.txt');
  await runGazetteer(page, 'فرمان‌های بیشتر');
  const dialog = page.getByTestId('pretag-dialog');
  await dialog.getByTestId('pretag-run').click();
  await expect(dialog.getByTestId('pretag-finished')).toBeVisible();
  await screenshot(page, 'pretag-finished-fa-1440');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(5);
  await screenshot(page, 'pretag-suggestions-fa-1440');
  await page.getByRole('button', { name: 'English' }).click();
  await openPretagDialog(page, 'More commands');
  await screenshot(page, 'pretag-dialog-en-1440');
});
