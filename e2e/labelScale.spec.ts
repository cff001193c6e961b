import type { Page } from '@playwright/test';
import { expect, openArticleNamed, screenshot, test } from './fixtures';
import { denseCorpus, measureLayout, SEED_MISSING_REASON, seedPresent } from './layoutChecks';

/**
 * (#19) Label chips grow with the text size: A+ makes the article text and its chips larger,
 * the chips are placed again so no two intersect, and each still reads at WCAG AA on its colour.
 * At a laptop's width A+ lives in the toolbar's ⋯ menu; wider, it is on the toolbar.
 */
async function pressLargerText(page: Page, name: string): Promise<void> {
  const onToolbar = page.locator('.toolbar').getByRole('button', { name, exact: true });
  if (await onToolbar.isVisible()) {
    await onToolbar.click();
    return;
  }
  const more = page.getByTestId('toolbar-more');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.locator('.toolbar-menu').getByRole('button', { name, exact: true }).click();
}

/** The computed font size (px) of every label chip drawn in the article. */
async function chipFontSizes(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="article"] .label-chip')].map((chip) => parseFloat(getComputedStyle(chip).fontSize)),
  );
}

const cases = [
  { viewport: { width: 1024, height: 700 }, locale: 'fa-IR', scheme: 'light', larger: 'بزرگ‌تر کردن متن' },
  { viewport: { width: 1440, height: 900 }, locale: 'en-US', scheme: 'dark', larger: 'Larger text' },
] as const;

for (const { viewport, locale, scheme, larger } of cases) {
  test(`label chips grow with A+ at ${viewport.width}×${viewport.height} in ${locale} ${scheme}, never intersect and keep AA contrast`, async ({ launch }) => {
    if (!seedPresent) test.info().annotations.push({ type: 'note', description: SEED_MISSING_REASON });
    const { corpus, article } = await denseCorpus();
    const { page } = await launch({ corpus, viewport, locale });
    await page.emulateMedia({ colorScheme: scheme });
    await openArticleNamed(page, article);
    await expect(page.locator('[data-testid="article"] .label-chip').first()).toBeVisible();
    const articleSize = () => page.getByTestId('article').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

    const textBefore = await articleSize();
    const chipsBefore = await chipFontSizes(page);
    expect(chipsBefore.length, 'label chips drawn').toBeGreaterThanOrEqual(8);
    const before = await measureLayout(page);
    expect(before.intersections).toEqual([]);

    for (let press = 0; press < 6; press += 1) await pressLargerText(page, larger);
    await expect.poll(articleSize).toBeGreaterThanOrEqual(textBefore + 6);
    // Every chip is larger than the largest before (chips are sized from the text: 0.58em, at least 11px).
    await expect.poll(async () => Math.min(...(await chipFontSizes(page)))).toBeGreaterThan(Math.max(...chipsBefore));
    await page.keyboard.press('Escape');
    // Placement runs again for the new size (a frame later): measure once it has settled.
    await expect.poll(async () => (await measureLayout(page)).intersections, { message: 'label chips overlapping at the larger size' }).toEqual([]);
    const after = await measureLayout(page);
    expect(after.labels.length, 'label chips in view at the larger size').toBeGreaterThanOrEqual(4);
    for (const label of after.labels) expect(label.contrast, `${label.type}: ${label.ink} on ${label.background}`).toBeGreaterThanOrEqual(4.5);
    const tallest = (labels: typeof after.labels) => Math.max(...labels.map((label) => label.box.bottom - label.box.top));
    expect(tallest(after.labels), 'chip boxes grew').toBeGreaterThan(tallest(before.labels));
    expect(after.scrollWidth, 'no sideways scrolling at the larger size').toBeLessThanOrEqual(after.clientWidth);
    await screenshot(page, `label-scale-${viewport.width}x${viewport.height}-${locale}-${scheme}`);
  });
}
