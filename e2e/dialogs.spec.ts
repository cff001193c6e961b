import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/**
 * Dialogs are real modal dialogs (top layer, background inert, focus in and back), Escape closes
 * every one of them and the find bar wherever the focus is, the shortcut sheet lists the whole
 * keymap and fits a laptop's window, and a key that can do nothing says why.
 */
test('modal dialogs, Escape everywhere, a shortcut sheet that fits 1024×700, and keys that say why', async ({ launch }) => {
  const corpus = await makeCorpus({ 'news.txt': 'خبرگزاری ایرنا گزارش داد که وزیر در تهران سخن گفت.\n' });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'news.txt');
  const article = page.getByTestId('article');
  await expect(article).toHaveAttribute('lang', 'fa');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('role', 'region');
  await article.focus();

  // F1: the sheet, drawn from the keymap, whole in the window without scrolling.
  await page.keyboard.press('F1');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  for (const keys of ['Ctrl+Shift+L', '? / F1', 'F6 / Shift+F6', 'Ctrl+Shift+F', 'Shift+← / Shift+→']) await expect(sheet).toContainText(keys);
  const fits = await sheet.evaluate((dialog) => {
    const panel = dialog.firstElementChild as HTMLElement;
    const rect = dialog.getBoundingClientRect();
    return { modal: dialog.matches(':modal'), scrolls: panel.scrollHeight > panel.clientHeight + 1, inside: rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth };
  });
  expect(fits).toEqual({ modal: true, scrolls: false, inside: true });
  await screenshot(page, 'shortcut-sheet-1024x700');
  // The background is inert: a tag key typed now does nothing to the article.
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(article).toBeFocused();

  // The tag-set editor closes with Escape and gives the focus back to its button.
  const edit = page.getByRole('button', { name: 'ویرایش…' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'ویرایش مجموعهٔ برچسب‌ها' });
  await expect(editor).toBeVisible();
  expect(await editor.evaluate((dialog) => dialog.matches(':modal') && dialog.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(edit).toBeFocused();

  // The find bar closes with Escape while the focus is in the article, not only in its field.
  await article.focus();
  await page.keyboard.press('Control+KeyF');
  await expect(page.getByTestId('find-input')).toBeFocused();
  await article.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-input')).toHaveCount(0);

  // Keys with nothing to act on say why in the status bar.
  await page.keyboard.press('Digit1');
  await expect(page.getByTestId('key-hint')).toHaveAttribute('data-hint', 'hintNothingToTag');
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByTestId('key-hint')).toHaveAttribute('data-hint', 'hintNoSuggestions');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('key-hint')).toHaveAttribute('data-hint', 'hintNoSelectionToExtend');
  await expect(page.getByTestId('status-bar')).toContainText('چیزی برای گسترش نیست');
});
