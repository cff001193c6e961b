import { expect, openArticleNamed, screenshot, test } from './fixtures';
import { denseCorpus, measureLayout, SEED_MISSING_REASON, seedPresent } from './layoutChecks';

/**
 * The window at a laptop's and two desktops' sizes, in Persian and English, light and dark
 * (the "system" theme following the OS while the app runs): nothing scrolls sideways or is cut
 * off, every tag type has a key and can be reached in the palette, no two label chips overlap,
 * and every chip's text reaches WCAG AA (4.5:1) on its own colour, from the computed styles.
 */
const viewports = [
  { width: 1024, height: 700 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
const locales = ['fa-IR', 'en-US'] as const;

for (const viewport of viewports) {
  for (const locale of locales) {
    test(`layout fits at ${viewport.width}×${viewport.height} in ${locale}, light and dark`, async ({ launch }) => {
      if (!seedPresent) test.info().annotations.push({ type: 'note', description: SEED_MISSING_REASON });
      const { corpus, article } = await denseCorpus();
      const { page } = await launch({ corpus, viewport, locale });
      await page.emulateMedia({ colorScheme: 'light' });
      await openArticleNamed(page, article);
      await expect(page.locator('[data-testid="article"] .label-chip').first()).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        // The "system" theme (the default) follows the OS at once.
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await page.waitForTimeout(150);
        await screenshot(page, `layout-${viewport.width}x${viewport.height}-${locale}-${scheme}`);
        const findings = await measureLayout(page);
        expect(findings.scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(findings.clientWidth);
        expect(findings.cutOff, 'nothing cut off at the window edge').toEqual([]);
        expect(findings.palette).toHaveLength(10);
        const hotkeys = findings.palette.map((item) => item.hotkey);
        expect(hotkeys.every((hotkey) => /^(Shift\+)?(Digit\d|Key[A-Z])$/.test(hotkey)), hotkeys.join(' ')).toBe(true);
        expect(new Set(hotkeys).size).toBe(hotkeys.length);
        expect(findings.palette.filter((item) => !item.reachable)).toEqual([]);
        expect(findings.labels.length, 'label chips in view').toBeGreaterThanOrEqual(8);
        expect(findings.intersections, 'label chips overlapping').toEqual([]);
        for (const label of findings.labels) expect(label.contrast, `${label.type}: ${label.ink} on ${label.background}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
}

test('side panes resize with their splitters, keep their size after a reload, and collapse; highlights keep apart in forced colours', async ({ launch }) => {
  const { corpus, article } = await denseCorpus();
  const { page } = await launch({ corpus, viewport: { width: 1280, height: 720 } });
  await openArticleNamed(page, article);
  const side = page.locator('.side-pane');
  const before = (await side.boundingBox())?.width ?? 0;
  // Persian window: the side pane is on the left; dragging its splitter leftwards narrows it.
  const splitter = page.getByTestId('splitter-side');
  const box = await splitter.boundingBox();
  if (!box) throw new Error('no splitter');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await side.boundingBox())?.width ?? 0)).toBe(Math.round(before - 60));
  // The keyboard resizes too (Arrow keys on the focused splitter).
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await side.boundingBox())?.width ?? 0)).toBe(Math.round(before - 60 + 16));
  await page.reload();
  await openArticleNamed(page, article);
  await expect.poll(async () => Math.round((await page.locator('.side-pane').boundingBox())?.width ?? 0)).toBe(Math.round(before - 44));

  // Collapsed from the toolbar: gone, the article wider, nothing scrolls sideways; and back.
  const articleWidth = (await page.locator('.article-pane').boundingBox())?.width ?? 0;
  await page.getByTestId('toggle-side-pane').click();
  await expect(page.locator('.side-pane')).toBeHidden();
  expect((await page.locator('.article-pane').boundingBox())?.width ?? 0).toBeGreaterThan(articleWidth + 100);
  expect((await measureLayout(page)).scrollWidth).toBeLessThanOrEqual(1280);
  await page.getByTestId('toggle-side-pane').click();
  await expect(page.locator('.side-pane')).toBeVisible();

  // Screen readers hear the type of a highlight; forced colours keep two types apart.
  await expect(page.locator('mark.hl-first[data-entity-type="PER"]').first()).toHaveAttribute('aria-description', 'شخص');
  await page.emulateMedia({ forcedColors: 'active' });
  const colours = await page.evaluate(() =>
    ['PER', 'ORG', 'LOC'].map((type) => getComputedStyle(document.querySelector(`mark.hl[data-entity-type="${type}"]`) as HTMLElement).textDecorationColor),
  );
  expect(new Set(colours).size).toBe(3);
  await screenshot(page, 'layout-forced-colors-1280x720');
});
