/** (#23) Help › User Guide and About, in Persian and English, and the pane layout kept in the settings across restarts. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MenuCommand } from '../shared/ipc';
import { copyCorpus, expect, screenshot, test } from './fixtures';

/** What main's Help menu sends the window (menu.command), as the Chromium stand-in's host emits it. */
async function chooseFromMenu(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((name) => (window as unknown as { __hashiyeEmit: (event: string, payload: unknown) => void }).__hashiyeEmit('menu.command', { command: name }), command);
}

for (const [locale, language] of [
  ['fa-IR', 'fa'],
  ['en-US', 'en'],
] as const) {
  test(`Help › About shows the versions and the bundled licences (${language})`, async ({ launch }) => {
    const app = await launch({ corpus: await copyCorpus(), locale });
    test.skip(app.host === 'electron', 'the native menu is driven through the Chromium stand-in here');
    await chooseFromMenu(app.page, 'about');
    const about = app.page.getByTestId('about-dialog');
    await expect(about.getByRole('heading', { level: 2 })).toHaveText(language === 'fa' ? 'دربارهٔ حاشیه' : 'About Hashiye');
    await expect(about.getByTestId('about-versions')).toContainText('0.1.0');
    await expect(about.getByTestId('about-versions')).toContainText(process.versions.node);
    // The stand-in is not Electron: it says so instead of showing an empty version.
    await expect(about.getByTestId('about-versions')).toContainText(language === 'fa' ? 'بیرون از الکترون' : 'not running in Electron');
    const licences = about.getByTestId('about-licences');
    for (const name of ['electron-log', 'zod', 'react', 'electron']) await expect(licences.locator('summary', { hasText: new RegExp(`^${name} `) })).toHaveCount(1);
    await licences.locator('summary', { hasText: /^zod / }).click();
    await expect(licences.locator('details[open] pre')).toContainText('Permission is hereby granted');
    await screenshot(app.page, `help-about-${language}`);
    await app.page.keyboard.press('Escape');
    await expect(about).toBeHidden();
  });

  test(`Help › User Guide shows the user sections offline, in the UI language where translated (${language})`, async ({ launch }) => {
    const app = await launch({ corpus: await copyCorpus(), locale });
    test.skip(app.host === 'electron', 'the native menu is driven through the Chromium stand-in here');
    await chooseFromMenu(app.page, 'guide');
    const guide = app.page.getByTestId('help-guide');
    const chapter = guide.getByTestId('guide-chapter');
    if (language === 'fa') {
      await expect(chapter).toContainText('مجموعه‌برچسب‌ها');
      await guide.getByRole('button', { name: 'کار با برنامه' }).click();
      await expect(chapter).toContainText('برچسب‌گذاری.');
      await expect(chapter).toHaveAttribute('dir', 'rtl');
    } else {
      await expect(chapter).toContainText('Tag sets');
      await guide.getByRole('button', { name: 'Using the app' }).click();
      await expect(chapter).toContainText('Tagging.');
      await expect(chapter.locator('strong', { hasText: 'Keyboard.' })).toHaveCount(1);
    }
    await screenshot(app.page, `help-guide-${language}`);
    // A doc with no translation says so in a Persian window.
    await guide.getByRole('button', { name: 'Installing Hashiye' }).click();
    await expect(chapter.locator('table').first()).toBeVisible();
    if (language === 'fa') await expect(chapter).toContainText('این فصل فقط به انگلیسی است.');
    // Markdown is drawn as elements: no raw asterisks or backticks reach the reader.
    await expect(chapter).not.toContainText('**');
  });
}

test('the pane widths are kept in the settings and come back after a restart', async ({ launch }) => {
  const corpus = await copyCorpus();
  const settingsFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-panes-'));
  let app = await launch({ corpus, settingsFolder });
  const splitter = app.page.getByTestId('splitter-corpus');
  await splitter.focus();
  // Persian window: the corpus pane is on the right; ArrowLeft widens it.
  for (let step = 0; step < 3; step += 1) await app.page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '288');
  const kept = async () => (JSON.parse(await fs.readFile(path.join(settingsFolder, 'settings.json'), 'utf8')) as { paneLayout?: { corpusWidth: number } }).paneLayout?.corpusWidth;
  await expect.poll(kept).toBe(288);
  await app.close();

  app = await launch({ corpus, settingsFolder });
  await expect(app.page.getByTestId('splitter-corpus')).toHaveAttribute('aria-valuenow', '288');
});
