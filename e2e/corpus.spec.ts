import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { copyCorpus, expect, expectFileSoon, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

test('Ctrl+Enter marks the article done and opens the next unfinished one; the list filters by status', async ({ launch }) => {
  const corpus = await copyCorpus();
  const { page } = await launch({ corpus });
  await openArticleNamed(page, '01-tehran-metro.txt');
  await doubleClickWord(page, 'تهران');
  await page.keyboard.press('Digit3');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.file.current')).toContainText('02-football.txt');
  const file = await expectFileSoon(corpus, '01-tehran-metro.txt', (saved) => {
    if (saved.status !== 'done') throw new Error('not yet');
  });
  expect(file.annotations).toHaveLength(1);
  await expect(page.getByTestId('corpus-progress')).toContainText('۱ از ۷');

  // Mark the second done from the header's status select, then filter.
  await page.getByRole('combobox', { name: 'وضعیت مقاله' }).selectOption('done');
  await expectFileSoon(corpus, '02-football.txt', (saved) => {
    if (saved.status !== 'done') throw new Error('not yet');
  });
  const list = page.getByTestId('file-list');
  await page.getByRole('combobox', { name: 'پالایش بر پایهٔ وضعیت' }).selectOption('done');
  await expect(list.getByRole('button')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'پالایش بر پایهٔ وضعیت' }).selectOption('unfinished');
  await expect(list.getByRole('button')).toHaveCount(5);
  await page.getByRole('combobox', { name: 'پالایش بر پایهٔ وضعیت' }).selectOption('');
  await page.getByRole('combobox', { name: 'پالایش بر پایهٔ برچسب' }).selectOption('LOC');
  await expect(list.getByRole('button')).toHaveCount(1);
  await screenshot(page, 'corpus-filters');
});

/** Writes a corpus of `count` small articles, a third of them done, in subfolders. */
function generateCorpus(count: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hashiye-e2e-big-'));
  for (let index = 0; index < count; index++) {
    const folder = path.join(root, `batch-${String(Math.floor(index / 1000)).padStart(2, '0')}`);
    if (index % 1000 === 0) mkdirSync(folder);
    const name = `article-${String(index).padStart(5, '0')}`;
    const text = `خبر شمارهٔ ${index} از خبرگزاری ایرنا دربارهٔ تهران.\n`;
    writeFileSync(path.join(folder, `${name}.txt`), text);
    if (index % 3 === 0) {
      const start = Array.from(text).length - 7;
      const annotationFile = {
        format: 'hashiye-annotations',
        version: 1,
        offsetUnit: 'codepoint',
        source: { file: `${name}.txt`, sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
        status: 'done',
        annotations: [{ id: `a${index}`, type: 'LOC', start, end: start + 5, text: 'تهران' }],
        relations: [],
        labels: [],
      };
      writeFileSync(path.join(folder, `${name}.ann.json`), JSON.stringify(annotationFile));
    }
  }
  return root;
}

test('a corpus of 10,000 articles lists with its statuses and filters without blocking', async ({ launch }) => {
  test.setTimeout(120_000);
  const corpus = generateCorpus(10_000);
  const { page } = await launch({ corpus });
  await expect(page.getByTestId('corpus-progress')).toContainText('۳٬۳۳۴ از ۱۰٬۰۰۰', { timeout: 30_000 });
  // Collapsed folders and a virtualized list: only the visible rows are in the page.
  const rendered = await page.getByTestId('file-list').locator('li').count();
  expect(rendered).toBeLessThan(200);
  await page.getByRole('combobox', { name: 'پالایش بر پایهٔ وضعیت' }).selectOption('done');
  await page.getByRole('searchbox', { name: 'پالایش بر پایهٔ نام' }).fill('article-09999');
  await expect(page.getByTestId('file-list').getByRole('button', { name: /article-09999/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'پالایش بر پایهٔ نام' }).fill('article-09998');
  await expect(page.getByTestId('file-list').getByRole('button', { name: /article-09998/ })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'پالایش بر پایهٔ نام' }).fill('');
  await page.getByTestId('file-list').getByRole('button', { name: /article-00003/ }).click();
  await expect(page.getByTestId('article')).toContainText('خبر شمارهٔ 3');
  await expect(page.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveCount(1);
  await screenshot(page, 'corpus-10000');
});

test('the list marks an article whose annotation file uses an id twice, in the user\'s language, and it opens read-only', async ({ launch }) => {
  const text = 'تهران و مشهد و تبریز';
  const sha256 = createHash('sha256').update(text).digest('hex');
  const span = (id: string, start: number, word: string) => ({ id, type: 'LOC', start, end: start + [...word].length, text: word });
  const file = { format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'dup.txt', sha256, encoding: 'utf-8', length: [...text].length }, status: 'in-progress', annotations: [span('dup', 0, 'تهران'), span('dup', 8, 'مشهد')], relations: [], labels: [] };
  const root = mkdtempSync(path.join(os.tmpdir(), 'hashiye-e2e-invariant-'));
  writeFileSync(path.join(root, 'dup.txt'), text);
  writeFileSync(path.join(root, 'dup.ann.json'), JSON.stringify(file));
  writeFileSync(path.join(root, 'fine.txt'), text);
  for (const [locale, words] of [['fa-IR', 'برای بیش از یک حاشیه‌نویسی به کار رفته‌اند'], ['en-US', 'Annotation ids used more than once']] as const) {
    const { page, close } = await launch({ corpus: root, locale });
    const marks = page.getByTestId('file-problem');
    await expect(marks).toHaveCount(1);
    await expect(marks).toHaveAttribute('data-problem-kind', 'invariant');
    // The coded problem itself, in the user's language, naming the id.
    expect(await marks.getAttribute('aria-label')).toContain(words);
    expect(await marks.getAttribute('aria-label')).toContain('dup');
    if (locale === 'fa-IR') {
      await openArticleNamed(page, 'dup.txt');
      await expect(page.getByTestId('annotation-file-problem')).toBeVisible();
      await screenshot(page, 'corpus-invariant-problem');
    }
    await close();
  }
});
