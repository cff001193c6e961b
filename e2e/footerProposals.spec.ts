import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { codePointIndexOf, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/**
 * (#21) Footers repeated across the corpus proposed as boilerplate: three short articles end with
 * the same site footer («انتهای پیام/» and the site's menu lines). Accepted corpus-wide, every
 * NAME.ann.json holds the boilerplate zone over exactly the footer; rejected corpus-wide (a
 * fresh corpus), no file holds a zone and a new scan proposes nothing.
 */
const FOOTER = 'انتهای پیام/\nاخبار پیشنهادی\nتبادل نظر\nآدرس ایمیل خود را وارد کنید';
const BODIES = ['وزیر امور خارجه امروز در تهران با خبرنگاران گفت‌وگو کرد.', 'بارش برف در استان‌های شمالی کشور ادامه دارد.', 'بازار ارز امروز آرام بود و قیمت‌ها تغییری نکرد.'];
const NAMES = ['n1.txt', 'n2.txt', 'n3.txt'];
const textOf = (index: number) => `${BODIES[index]}\n${FOOTER}\n`;

function corpusFiles(): Record<string, string> {
  return Object.fromEntries(NAMES.map((name, index) => [name, textOf(index)]));
}

async function scan(page: Page): Promise<void> {
  await page.getByTestId('scan-footers').click();
  await expect(page.getByTestId('footer-proposal')).toBeVisible();
}

test('a repeated footer proposed and accepted corpus-wide: a boilerplate zone over it in every file', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await openArticleNamed(page, NAMES[0]);
  await scan(page);
  const proposal = page.getByTestId('footer-proposal');
  await expect(proposal).toContainText('۳ مقاله');
  await expect(proposal.locator('q')).toContainText('انتهای پیام/');
  await screenshot(page, 'footer-proposal-fa-1440');
  await page.getByTestId('footer-accept-everywhere').click();
  await expect(page.getByRole('status').filter({ hasText: 'متن حاشیه‌ای' })).toContainText('۳ مقاله');
  for (const [index, name] of NAMES.entries()) {
    const text = textOf(index);
    const start = codePointIndexOf(text, 'انتهای پیام/');
    const file = await expectFileSoon(corpus, name, (onDisk) => expect(onDisk.zones).toHaveLength(1));
    const [zone] = file.zones as { id: string; type: string; start: number; end: number }[];
    expect(zone).toMatchObject({ type: 'boilerplate', start });
    // The zone covers the footer and nothing of the article.
    expect(Array.from(text).slice(zone.start, zone.end).join('').trim()).toBe(FOOTER);
  }
  // The open article shows its zone (synced from the file main wrote), greyed.
  await expect(page.locator('[data-zone-chip-type="boilerplate"]')).toHaveCount(1);
  expect(await page.evaluate(() => CSS.highlights.has('hashiye-boilerplate'))).toBe(true);
  // The open article's zone is the window's own edit: no word of another writer's changes merged.
  await expect(page.getByText('نویسندهٔ دیگری')).toHaveCount(0);
  await screenshot(page, 'footer-accepted-fa-1440');
  // Undone like any other edit.
  await page.keyboard.press('Control+KeyZ');
  await expect(page.locator('[data-zone-chip-type="boilerplate"]')).toHaveCount(0);
  await expectFileSoon(corpus, NAMES[0], (onDisk) => expect(onDisk.zones ?? []).toEqual([]));
});

test('the same footer rejected corpus-wide (English, 1024×700): no zone in any file, and no proposal again', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, locale: 'en-US', viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, NAMES[1]);
  await scan(page);
  await expect(page.getByTestId('footer-proposal')).toContainText('3 articles');
  await screenshot(page, 'footer-proposal-en-1024');
  await page.getByTestId('footer-reject-everywhere').click();
  await expect(page.getByTestId('footer-proposal')).toHaveCount(0);
  for (const name of NAMES) {
    // The refusal is remembered in the file; no zone is.
    const file = await expectFileSoon(corpus, name, (onDisk) => expect(Object.keys(onDisk)).toContain('footerProposalsRejected'));
    expect(file.zones ?? []).toEqual([]);
  }
  await page.getByTestId('scan-footers').click();
  await expect(page.getByTestId('scan-footers')).toHaveText('Find repeated footers');
  await expect(page.getByTestId('footer-proposal')).toHaveCount(0);
  expect(await fs.readdir(corpus)).toEqual(expect.arrayContaining(NAMES.map((name) => path.basename(name, '.txt') + '.ann.json')));
});
