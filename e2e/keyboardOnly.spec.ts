import type { Page } from '@playwright/test';
import { copyCorpus, expect, expectFileSoon, openArticleNamed, test } from './fixtures';

/**
 * An analyst's round without the mouse: open an article from the file list, find a word and
 * select it, tag it, retag it, write a note, undo the note, mark the article done and go on to
 * the next one, with F6, Tab, Enter, Ctrl+F, digit keys, Escape and Ctrl+Z/Ctrl+Enter alone.
 */
const FIRST = '01-tehran-metro.txt';
const ARTICLE = '02-football.txt';
const WORD = 'پرسپولیس';

/** Presses F6 until the focus is inside `selector` (at most once round the panes). */
async function f6Into(page: Page, selector: string): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    await page.keyboard.press('F6');
    if (await page.evaluate((inside) => document.activeElement?.closest(inside) !== null, selector)) return;
  }
  throw new Error(`F6 never reached ${selector}`);
}

/** Presses Tab until the focused element's accessible text is `name`. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let tries = 0; tries < 12; tries++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.textContent?.trim() === wanted, name)) return;
  }
  throw new Error(`Tab never reached «${name}»`);
}

test('keyboard only: open, tag, retag, note, undo, mark done, next article', async ({ launch }) => {
  const corpus = await copyCorpus();
  const { page } = await launch({ corpus });
  await openArticleNamed(page, FIRST);
  await page.getByTestId('article').focus();

  // Open the next article from the file list: F6 to the list (the current file), Tab to the next, Enter.
  await f6Into(page, '.corpus-pane');
  await expect(page.locator('.file.current')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.file.current')).toContainText(ARTICLE);
  await expect(page.getByTestId('article')).toContainText(WORD);

  // Select a word: Ctrl+F, type it, Tab to «گزینش» (select), Enter: the hit is the selection and the article has focus.
  await page.keyboard.press('Control+KeyF');
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.keyboard.type(WORD);
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
  await tabTo(page, 'گزینش');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-input')).toHaveCount(0);

  // Tag it ORG (Digit2), retag it LOC (Digit3): the new annotation is selected after tagging.
  await page.keyboard.press('Digit2');
  await expect(page.locator('[data-annotation-id][data-entity-type="ORG"]')).toHaveCount(1);
  await page.keyboard.press('Digit3');
  await expect(page.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveCount(1);
  await expect(page.locator('[data-annotation-id][data-entity-type="ORG"]')).toHaveCount(0);

  // A note: Enter goes to the selected annotation's note, Escape comes back (the note kept), and the chip shows the mark.
  // The retag has settled first: its annotation's details are shown and the keyboard is still in the article.
  await expect(page.locator('.annotation-details textarea')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="article"]') !== null)).toBe(true);
  await page.keyboard.press('Enter');
  const note = page.locator('.annotation-details textarea');
  await expect(note).toBeFocused();
  await page.keyboard.type('تیم، نه شهر');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article')).toBeFocused();
  await expect(page.locator('mark.hl-first[data-entity-type="LOC"]')).toHaveAttribute('data-has-details', '');
  await expectFileSoon(corpus, ARTICLE, (file) => {
    if (file.annotations[0]?.note !== 'تیم، نه شهر') throw new Error('note not saved yet');
  });

  // Undo the note: the annotation stays, retagged, without it.
  await page.keyboard.press('Control+KeyZ');
  await expect(page.locator('mark.hl-first[data-entity-type="LOC"]')).not.toHaveAttribute('data-has-details', '');
  await expectFileSoon(corpus, ARTICLE, (file) => {
    if (file.annotations.length !== 1 || file.annotations[0].note) throw new Error('undo not saved yet');
    expect(file.annotations[0]).toMatchObject({ type: 'LOC', text: WORD });
  });

  // A key that can do nothing says why: Delete with nothing selected.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('key-hint')).toHaveAttribute('data-hint', 'hintNothingToDelete');

  // Mark done and go to the next unfinished article.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.file.current')).not.toContainText(ARTICLE);
  await expectFileSoon(corpus, ARTICLE, (file) => {
    if (file.status !== 'done') throw new Error('not done yet');
  });
});
