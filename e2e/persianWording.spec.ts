import type { Page } from '@playwright/test';
import { contrastRatio } from './contrast';
import { denseCorpus, measureLayout } from './layoutChecks';
import { expect, openArticleNamed, screenshot, test } from './fixtures';

/**
 * Issue #19, the review's leftovers: in the Persian UI no English word and no Latin digit outside
 * the article, file names and isolated Latin runs (toolbar, tag tooltips, lead view, dialogs);
 * in the English UI no Persian; label chips clear of other lines' text and underlines; chips of
 * the annotation list readable (WCAG AA from the computed colours).
 */

/** Key names (Ctrl+Shift+F, Esc, F1) and short upper-case codes (tag ids such as PER, JSON, CSV) are the same in every language. */
const SHARED_WORDS = /\b(?:(?:Ctrl|Shift|Alt|Esc|Enter|Tab|F\d{1,2}|[A-Z]|Digit\d)\+?)+\b|\b[A-Z]{2,6}\b/g;

/** Text the UI says in the wrong script: Latin words or digits in the Persian UI, Persian in the English UI. */
async function foreignWords(page: Page, language: 'fa' | 'en'): Promise<string[]> {
  return page.evaluate(
    ({ language, shared }) => {
      const verbatim = '[data-testid="article"], [data-testid="file-list"], bdi, .article-name, .corpus-name, [data-verbatim], pre, script, style, [hidden], .details-note, .annotation-text, .annotation-note, .suggestion-text, .brand, [lang]:not(html)';
      const foreign = language === 'fa' ? /[A-Za-z]{2,}|[0-9]/ : /[\u0600-\u06ff]/;
      const clean = (value: string) => value.replace(/\u2068[^\u2069]*\u2069/g, '').replace(new RegExp(shared, 'g'), '');
      const offenders: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(verbatim) || !parent.checkVisibility()) continue;
        if (foreign.test(clean(node.textContent ?? ''))) offenders.push(`${parent.className || parent.tagName}: ${node.textContent}`);
      }
      for (const element of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
        if (element.closest(verbatim) || !element.checkVisibility()) continue;
        for (const attribute of ['aria-label', 'title', 'placeholder']) {
          const value = element.getAttribute(attribute);
          // A path shown whole on hover is a name, as it is on disk.
          if (value && !value.startsWith('/') && foreign.test(clean(value))) offenders.push(`${attribute} of ${element.className || element.tagName}: ${value}`);
        }
      }
      return offenders;
    },
    { language, shared: SHARED_WORDS.source },
  );
}

/** Label chips that touch the text or the underline of a highlight on another line (2 px of air at least). */
async function chipsTouchingOtherLines(page: Page): Promise<string[]> {
  const { labels } = await measureLayout(page);
  return page.evaluate((chips) => {
    const offenders: string[] = [];
    const marks = [...document.querySelectorAll<HTMLElement>('[data-testid="article"] mark.hl')];
    const lines = marks.flatMap((mark) => [...mark.getClientRects()].map((rect) => ({ mark, rect, underline: parseFloat(getComputedStyle(mark).textUnderlineOffset) + 2 })));
    for (const chip of chips) {
      for (const { mark, rect, underline } of lines) {
        // The chip's own line: it stands above its own text by design.
        if (rect.top >= chip.box.bottom - 1 && rect.top - chip.box.bottom < rect.height / 2) continue;
        const bottom = rect.bottom + Math.max(0, underline - rect.height * 0.25);
        const air = 2;
        if (chip.box.left < rect.right && rect.left < chip.box.right && chip.box.top < bottom + air && rect.top < chip.box.bottom + air) {
          offenders.push(`${chip.type} chip at ${Math.round(chip.box.top)}–${Math.round(chip.box.bottom)} touches ${mark.dataset.entityType} at ${Math.round(rect.top)}–${Math.round(bottom)}`);
        }
      }
    }
    return offenders;
  }, labels);
}

/** The annotation list's chips: their contrast from the computed colours. */
async function listChipContrasts(page: Page): Promise<{ type: string; contrast: number }[]> {
  const chips = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="annotation-list"] .tag-chip')].map((chip) => {
      const style = getComputedStyle(chip);
      return { type: chip.textContent ?? '', ink: style.color, background: style.backgroundColor };
    }),
  );
  return chips.map((chip) => ({ type: chip.type, contrast: contrastRatio(chip.ink, chip.background) }));
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`one language at ${size}: no English or Latin digits in the Persian UI, no Persian in the English UI; chips clear of other lines and readable`, async ({ launch }) => {
    const { corpus, article } = await denseCorpus();
    const { page } = await launch({ corpus, viewport });
    await openArticleNamed(page, article);
    await expect(page.locator('[data-testid="article"] .label-chip').first()).toBeVisible();

    expect(await foreignWords(page, 'fa')).toEqual([]);
    expect(await chipsTouchingOtherLines(page)).toEqual([]);
    const contrasts = await listChipContrasts(page);
    expect(contrasts.length).toBeGreaterThan(5);
    expect(contrasts.filter((chip) => chip.contrast < 4.5)).toEqual([]);
    await screenshot(page, `persian-wording-article-${size}-fa`);

    // The export dialog: format names and descriptions with their Latin runs isolated.
    // On the toolbar when the full row fits; in the ⋯ menu otherwise.
    const exportOnToolbar = page.locator('.toolbar > button', { hasText: 'خروجی…' });
    if (await exportOnToolbar.isVisible()) {
      await exportOnToolbar.click();
    } else {
      await page.getByTestId('toolbar-more').click();
      await page.locator('.toolbar-menu').getByRole('button', { name: 'خروجی…' }).click();
    }
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'قالب' }).selectOption('conll');
    await expect(dialog.getByTestId('format-description').locator('bdi[dir="ltr"]', { hasText: '-DOCSTART-' })).toHaveCount(1);
    expect(await foreignWords(page, 'fa')).toEqual([]);
    await screenshot(page, `persian-wording-export-${size}-fa`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // The lead view's curation tab with a single annotator.
    await page.getByTestId('article').focus();
    await page.keyboard.press('Control+Shift+KeyL');
    await expect(page.getByTestId('lead-panel')).toBeVisible();
    await expect(page.getByTestId('lead-panel')).not.toContainText('…', { timeout: 10_000 });
    expect(await foreignWords(page, 'fa')).toEqual([]);
    await page.keyboard.press('Escape');

    // The English UI says nothing in Persian outside the article and its names.
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="lead-panel"]') === null);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await foreignWords(page, 'en')).toEqual([]);
    await screenshot(page, `persian-wording-article-${size}-en`);
  });
}
