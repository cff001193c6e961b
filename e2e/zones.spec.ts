import { expect, expectFileSoon, makeCorpus, screenshot, test } from './fixtures';

/**
 * (#21) A selection marked as boilerplate is saved under `zones` (code points), greyed in the
 * view (a CSS highlight: the article's DOM unchanged), and tagging inside it asks first.
 */
const TEXT = 'وزیر امور خارجه امروز در تهران سخن گفت.\nانتهای پیام/\nاخبار پیشنهادی\nآخرین اخبار\n';
const FOOTER = 'انتهای پیام/\nاخبار پیشنهادی\nآخرین اخبار';

test('mark the footer as boilerplate; tagging inside it asks first', async ({ launch }) => {
  const corpus = await makeCorpus({ 'news.txt': TEXT });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await page.getByTestId('file-list').getByRole('button', { name: /news\.txt/ }).click();
  await expect(page.getByTestId('article')).toContainText('انتهای پیام');
  // Select the footer (find bar, as the keyboard does), then mark it.
  await page.keyboard.press('Control+KeyF');
  await page.keyboard.type('انتهای پیام/');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
  await page.evaluate((footer) => {
    const root = document.querySelector('[data-testid="article"]') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const start = nodes.find((node) => node.data.includes('انتهای')) as Text;
    const end = nodes.find((node) => node.data.includes('آخرین')) as Text;
    const range = document.createRange();
    range.setStart(start, start.data.indexOf('انتهای'));
    range.setEnd(end, end.data.indexOf('آخرین') + footer.split('\n')[2].length);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.dispatchEvent(new Event('selectionchange'));
  }, FOOTER);
  await page.locator('[data-zone-type="boilerplate"]').click();
  const start = Array.from(TEXT.slice(0, TEXT.indexOf('انتهای'))).length;
  await expectFileSoon(corpus, 'news.txt', (file) => expect(file.zones).toEqual([{ id: 'Z1', type: 'boilerplate', start, end: start + Array.from(FOOTER).length }]));
  await expect(page.locator('[data-zone-id="Z1"]')).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.has('hashiye-boilerplate'))).toBe(true);
  await screenshot(page, 'zones-boilerplate-fa-1024');
  // Tagging inside it: asked in the app's own modal question, and declining (Escape) tags nothing.
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="article"]') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const at = text.data.indexOf('پیشنهادی');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'پیشنهادی'.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.dispatchEvent(new Event('selectionchange'));
      return;
    }
  });
  await page.waitForTimeout(300);
  await page.keyboard.press('Digit1');
  const question = page.getByTestId('boilerplate-tag-question');
  await expect(question).toBeVisible();
  await expect(question).toContainText('حاشیه‌ای');
  expect(await question.evaluate((dialog) => dialog.matches(':modal'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page.locator('[data-annotation-id]')).toHaveCount(0);
});
