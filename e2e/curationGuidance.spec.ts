import { expect, makeCorpus, openArticleNamed, test } from './fixtures';

/** Curation with fewer than two annotators is no failure: a hint says what to do, in Persian, never a red box (#19). */
test('the curation tab with a single annotator explains what to do instead of showing an error', async ({ launch }) => {
  const corpus = await makeCorpus({ 'news.txt': 'خبرگزاری ایرنا گزارش داد که وزیر در تهران سخن گفت.\n' });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'news.txt');
  await page.getByTestId('article').focus();
  await page.keyboard.press('Control+Shift+KeyL');
  const panel = page.getByTestId('lead-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: 'داوری' }).click();
  const guidance = panel.getByTestId('curation-needs-annotators');
  await expect(guidance).toBeVisible();
  await expect(guidance).toContainText('برچسب‌زن دومی');
  await expect(panel.getByTestId('lead-error')).toHaveCount(0);
});
