import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, makeCorpus, openArticleNamed, readAnnotationFile, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

/**
 * (#23) A second launch of the app (or a path opened from the OS) hands its arguments to the
 * running window through main's single-instance hand-over: the window opens what was asked,
 * saving its edits first, and asks before leaving edits it cannot save.
 */
const corpusA = { 'a.txt': 'علی دایی در تهران با مدیران فیفا دیدار کرد.\n', 'b.txt': 'استاندار خراسان نیز در مشهد حضور داشت.\n' };
const corpusB = { 'x.txt': 'گزارش نخست دربارهٔ شیراز.\n', 'y.txt': 'گزارش دوم دربارهٔ تبریز.\n' };

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

test('a hand-over with an edit that cannot be saved asks first: staying keeps corpus A and the edit, leaving opens B at the asked article', async ({ launch }) => {
  test.setTimeout(90_000);
  const a = await makeCorpus(corpusA);
  const b = await makeCorpus(corpusB);
  const { page, secondLaunch } = await launch({ corpus: a });
  await openArticleNamed(page, 'a.txt');
  const highlights = page.locator('[data-testid="article"] [data-entity-type]');
  const saveState = page.getByTestId('save-state');
  await doubleClickWord(page, 'تهران');
  await page.keyboard.press('Digit3');
  await expect(saveState).toHaveAttribute('data-state', 'saved');
  // The annotation file turns read-only: the next tag stays in memory, unsaved.
  await fs.chmod(path.join(a, 'a.ann.json'), 0o444);
  await doubleClickWord(page, 'دایی');
  await page.keyboard.press('Digit1');
  await expect(saveState).toHaveAttribute('data-state', 'unwritable');
  await expect(highlights).toHaveCount(2);

  // The second launch asks for an article of corpus B: the window asks before leaving the unsaved edit.
  expect(await secondLaunch([path.join(b, 'y.txt')])).toMatch(/^(switch-requested|sent)$/);
  const question = page.getByTestId('leave-question');
  await expect(question).toBeVisible();
  await expect(question).toHaveAttribute('role', 'alertdialog');
  await expect(question).toContainText('پیکرهٔ دیگر بدون ویرایش‌های ذخیره‌نشده باز شود؟');
  await expect(question).toContainText('a.txt');
  // Staying is the default: it has the focus, and Tab stays inside the dialog.
  await expect(question.getByRole('button', { name: 'بمان و دوباره تلاش کن' })).toBeFocused();
  for (let step = 0; step < 3; step += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="leave-question"]') !== null)).toBe(true);
  }
  await screenshot(page, 'handover-leave-question-fa');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.locator('.file.current')).toContainText('a.txt');
  await expect(page.getByTestId('file-list')).not.toContainText('y.txt');
  await expect(highlights).toHaveCount(2);
  await expect(saveState).toHaveAttribute('data-state', 'unwritable');

  // The same question in English; Enter on the focused default stays too.
  await page.getByRole('button', { name: '\u2068English\u2069', exact: true }).click();
  await secondLaunch([path.join(b, 'y.txt')]);
  await expect(question).toContainText('Open the other corpus without the unsaved edits?');
  await expect(question.getByRole('button', { name: 'Stay and keep trying' })).toBeFocused();
  await screenshot(page, 'handover-leave-question-en');
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(page.locator('.file.current')).toContainText('a.txt');
  await expect(highlights).toHaveCount(2);

  // Asked once more, the user leaves by keyboard: B opens at y.txt.
  await secondLaunch([path.join(b, 'y.txt')]);
  await expect(question.getByRole('button', { name: 'Stay and keep trying' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Open the other corpus without them' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(page.locator('.file.current')).toContainText('y.txt');
  await expect(page.getByTestId('article')).toContainText('تبریز');
  await expect(page.getByTestId('file-list')).not.toContainText('a.txt');

  // On disk: A keeps only what was saved; nothing was written into B by the switch.
  const onDisk = await readAnnotationFile(a, 'a.txt');
  expect(onDisk.annotations.map((annotation) => `${annotation.text}:${annotation.type}`)).toEqual(['تهران:LOC']);
  expect(await exists(path.join(b, 'y.ann.json'))).toBe(false);
  expect(await exists(path.join(b, 'x.ann.json'))).toBe(false);
  await fs.chmod(path.join(a, 'a.ann.json'), 0o644);
});

test('a hand-over with an edit pending saves it and switches to corpus B at the asked article without asking', async ({ launch }) => {
  const a = await makeCorpus(corpusA);
  const b = await makeCorpus(corpusB);
  const { page, secondLaunch } = await launch({ corpus: a });
  await openArticleNamed(page, 'a.txt');
  await doubleClickWord(page, 'تهران');
  await page.keyboard.press('Digit3');
  await expect(page.locator('[data-testid="article"] [data-entity-type="LOC"]')).toHaveCount(1);
  // At once, before the autosave's pause has passed: the hand-over saves the edit itself.
  await secondLaunch([path.join(b, 'y.txt')]);
  await expect(page.locator('.file.current')).toContainText('y.txt');
  await expect(page.getByTestId('article')).toContainText('تبریز');
  await expect(page.getByTestId('leave-question')).toHaveCount(0);
  const onDisk = await readAnnotationFile(a, 'a.txt');
  expect(onDisk.annotations.map((annotation) => `${annotation.text}:${annotation.type}`)).toEqual(['تهران:LOC']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // An article of the open corpus, named relative to the second launch's working folder: it opens in place.
  await secondLaunch(['x.txt'], b);
  await expect(page.locator('.file.current')).toContainText('x.txt');
  await expect(page.getByTestId('article')).toContainText('شیراز');

  // A path that opens nothing is told, in Persian, and nothing changes.
  await secondLaunch([path.join(b, 'missing.txt')]);
  await expect(page.getByRole('alert')).toContainText('missing.txt');
  await expect(page.locator('.file.current')).toContainText('x.txt');
  expect(await exists(path.join(b, 'x.ann.json'))).toBe(false);
});
