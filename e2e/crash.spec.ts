import { copyCorpus, expect, expectFileSoon, openArticleNamed, test } from './fixtures';
import { doubleClickWord } from './textGestures';

test('a renderer crash loses nothing: the edit is on disk and the reloaded window reopens the same article', async ({ launch, appHost }) => {
  test.skip(appHost === 'electron', 'the crash is injected through the Chromium stand-in (CDP Page.crash); in Electron main shows a native dialog');
  const corpus = await copyCorpus();
  const { page } = await launch({ corpus });
  await openArticleNamed(page, '04-economy.txt');
  await doubleClickWord(page, 'چین');
  await page.keyboard.press('Digit3');
  // The edit reaches the disk within a moment, before anything can go wrong.
  await expectFileSoon(corpus, '04-economy.txt', (file) => {
    if (file.annotations[0]?.text !== 'چین') throw new Error('not yet');
  });
  const reloaded = page.context().waitForEvent('page');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.crash').catch(() => undefined);
  // The harness answers the recovery question with "reload": the app comes back at the same article.
  const window = await reloaded;
  await expect(window.locator('.file.current')).toContainText('04-economy.txt', { timeout: 20_000 });
  await expect(window.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveCount(1);
});
