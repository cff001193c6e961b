import { expect, makeCorpus, openArticleNamed, test } from './fixtures';

/**
 * The compact toolbar's "more" (⋯) menu at a laptop's width: choosing an item closes it (a dialog
 * opened from it never has the menu left open behind), Escape closes it and gives the focus back
 * to ⋯, a click outside closes it, and the annotator-name popover inside it stays usable.
 */
test('the ⋯ menu closes on a chosen item, under a dialog, on Escape and on a click outside', async ({ launch }) => {
  const corpus = await makeCorpus({ 'news.txt': 'خبرگزاری ایرنا گزارش داد که وزیر در تهران سخن گفت.\n' });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'news.txt');
  const more = page.getByTestId('toolbar-more');
  const menu = page.locator('.toolbar-menu');
  await expect(more).toBeVisible();

  // Export from the menu: the dialog opens, the menu is gone, and focus comes back to ⋯ after.
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await menu.getByRole('button', { name: 'خروجی…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(menu).toHaveCount(0);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(menu).toHaveCount(0);

  // Import, opened with the keyboard from inside the menu.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: 'وارد کردن…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(menu).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Escape inside the menu closes it and puts the focus on ⋯.
  await more.click();
  await menu.getByRole('combobox').focus();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  // Choosing a theme from the list closes it; opening the list does not.
  await more.click();
  await menu.getByRole('combobox').click();
  await expect(menu).toBeVisible();
  await menu.getByRole('combobox').selectOption('dark');
  await expect(menu).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // A click outside closes it.
  await more.click();
  await expect(menu).toBeVisible();
  await page.getByTestId('status-bar').click();
  await expect(menu).toHaveCount(0);

  // The annotator-name popover opens inside the menu and keeps it open while it is in use.
  await more.click();
  await menu.getByTestId('settings-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotator-name-input')).toBeFocused();
  await expect(menu).toBeVisible();
});
