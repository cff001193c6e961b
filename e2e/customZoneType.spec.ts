import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { codePointIndexOf, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/**
 * (#21) A zone type the tag set adds («نقل‌قول», a quote) is offered by the zone bar with its
 * own label and colour, and marks the selection under `zones`; a zone type the tag set does
 * not know, already in the file, is kept through the save, named in a notice and shown neutral.
 */
const TEXT = 'وزیر گفت: «ما به گفت‌وگو ادامه می‌دهیم.» سپس جلسه پایان یافت.\n';
// The words inside the guillemets (a selection snaps to whole words, leaving the punctuation out).
const QUOTE = 'ما به گفت‌وگو ادامه می‌دهیم';
const TAG_SET = {
  version: 1,
  types: [{ id: 'PER', label: { fa: 'شخص', en: 'Person' } }],
  zoneTypes: [{ id: 'quote', label: { fa: 'نقل‌قول', en: 'Quote' }, color: '#2e8b57' }],
};
const SIDEBAR = { id: 'Z1', type: 'sidebar', start: 0, end: 4 };

function annotationFile(): string {
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'news.txt', sha256: createHash('sha256').update(Buffer.from(TEXT, 'utf8')).digest('hex'), encoding: 'utf-8', length: Array.from(TEXT).length },
    status: 'in-progress',
    annotations: [],
    relations: [],
    labels: [],
    zones: [SIDEBAR],
    updated: '2024-03-22T18:00:00+03:30',
  });
}

async function selectText(page: Page, needle: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid="article"]') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const at = text.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + wanted.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.dispatchEvent(new Event('selectionchange'));
      return;
    }
    throw new Error(`«${wanted}» is not in one text node`);
  }, needle);
}

for (const run of [
  { language: 'fa', locale: 'fa-IR', viewport: { width: 1024, height: 700 }, quote: 'نقل‌قول', unknown: 'در مجموعهٔ برچسب‌ها نیستند' },
  { language: 'en', locale: 'en-US', viewport: { width: 1440, height: 900 }, quote: 'Quote', unknown: 'not in the tag set' },
] as const) {
  test(`a zone type from the tag set, marked from the zone bar; an unknown one kept and reported (${run.language}, ${run.viewport.width})`, async ({ launch }) => {
    const corpus = await makeCorpus({ 'hashiye.json': JSON.stringify(TAG_SET), 'news.txt': TEXT, 'news.ann.json': annotationFile() });
    const { page } = await launch({ corpus, locale: run.locale, viewport: run.viewport });
    await openArticleNamed(page, 'news.txt');
    const bar = page.getByTestId('zone-bar');
    const quoteButton = bar.locator('[data-zone-type="quote"]');
    await expect(quoteButton).toContainText(run.quote);
    // Its colour marks the button (the built-in ones keep the app's style).
    expect(await quoteButton.evaluate((button) => getComputedStyle(button).borderInlineStartColor)).toBe('rgb(46, 139, 87)');
    // The file's unknown zone: kept, named, neutral.
    await expect(page.getByTestId('unknown-zone-types')).toContainText(run.unknown);
    await expect(page.getByTestId('unknown-zone-types')).toContainText('sidebar');
    await expect(bar.locator('[data-zone-chip-type="sidebar"]')).toHaveClass(/zone-unknown/);

    await selectText(page, QUOTE);
    await quoteButton.click();
    const start = codePointIndexOf(TEXT, QUOTE);
    await expectFileSoon(corpus, 'news.txt', (file) =>
      expect(file.zones).toEqual([SIDEBAR, { id: 'Z2', type: 'quote', start, end: start + Array.from(QUOTE).length }]),
    );
    await expect(bar.locator('[data-zone-chip-type="quote"]')).toContainText(run.quote);
    await screenshot(page, `zone-type-custom-${run.language}-${run.viewport.width}`);
  });
}
