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
      await expect(page.locator('mark.hl-first[data-label]').first()).toBeVisible();
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
