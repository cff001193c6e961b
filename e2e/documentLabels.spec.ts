import type { Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, readAnnotationFile, screenshot, test } from './fixtures';
import { DOCUMENT_LABELS_TAG_SET, STANCES } from './documentLabelsFixture';

/**
 * (#21) Document labels by keyboard only: ten articles judged on two dimensions (a single
 * choice and a 1–5 scale) with Alt+Digit, moving on with Alt+↓, one judgment undone and redone
 * with Ctrl+Z / Ctrl+Shift+Z; each NAME.ann.json then holds its `documentLabels`.
 */

const names = Array.from({ length: 10 }, (_, index) => `a${String(index + 1).padStart(2, '0')}.txt`);

function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = { 'hashiye.json': JSON.stringify(DOCUMENT_LABELS_TAG_SET, null, 2) };
  names.forEach((name, index) => {
    files[name] = `خبر شمارهٔ ${index + 1}: وزیر امور خارجه امروز در تهران با خبرنگاران گفت‌وگو کرد.\n`;
  });
  return files;
}

/** Alt+Digit keys: stance values take Alt+1…3, the scale's points Alt+4…8 (in the order listed). */
const stanceKey = (index: number) => `Alt+Digit${(index % 3) + 1}`;
const reliability = (index: number) => (index % 5) + 1;
const reliabilityKey = (index: number) => `Alt+Digit${reliability(index) + 3}`;

async function focusFileList(page: Page): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    await page.keyboard.press('F6');
    if (await page.evaluate(() => document.activeElement?.closest('.corpus-pane') !== null)) return;
  }
  throw new Error('F6 never reached the file list');
}

test('keyboard only: ten articles labelled on two dimensions, saved under documentLabels', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await expect(page.getByTestId('file-list')).toContainText(names[0]);
  await focusFileList(page);
  // The first file of the list: Tab until a file button has focus, then Enter opens it.
  for (let tries = 0; tries < 10 && !(await page.evaluate(() => document.activeElement?.classList.contains('file') ?? false)); tries++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (const [index, name] of names.entries()) {
    await expect(page.locator('.file.current')).toContainText(name);
    await expect(page.getByTestId('document-labels')).toBeVisible();
    await page.keyboard.press(stanceKey(index));
    await page.keyboard.press(reliabilityKey(index));
    const row = page.locator('[data-dimension="stance"] [aria-pressed="true"]');
    await expect(row).toHaveAttribute('data-value', STANCES[index % 3]);
    await expect(page.locator('[data-dimension="reliability"] [aria-pressed="true"]')).toHaveAttribute('data-value', String(reliability(index)));
    if (index === 0) await screenshot(page, 'document-labels-fa-1440');
    if (index === names.length - 1) {
      // Undo takes the scale back off, redo puts it back.
      await page.keyboard.press('Control+KeyZ');
      await expect(page.locator('[data-dimension="reliability"] [aria-pressed="true"]')).toHaveCount(0);
      await page.keyboard.press('Control+Shift+KeyZ');
      await expect(page.locator('[data-dimension="reliability"] [aria-pressed="true"]')).toHaveCount(1);
    } else {
      await page.keyboard.press('Alt+ArrowDown');
    }
  }
  for (const [index, name] of names.entries()) {
    await expectFileSoon(corpus, name, (file) => {
      expect(file.documentLabels).toEqual({ stance: STANCES[index % 3], reliability: reliability(index) });
    });
  }
  // Choosing the same value again clears it (a single choice toggles off), and that is saved too.
  await page.keyboard.press(stanceKey(9));
  await expectFileSoon(corpus, names[9], (file) => expect(file.documentLabels).toEqual({ reliability: reliability(9) }));
  const first = await readAnnotationFile(corpus, names[0]);
  expect(first.labels).toEqual([]);
});

test('undeclared labels are kept and named; the panel reads in English too', async ({ launch }) => {
  const files = corpusFiles();
  files['a01.ann.json'] = JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'a01.txt', sha256: '0'.repeat(64), encoding: 'utf-8', length: 10 },
    status: 'in-progress',
    annotations: [],
    relations: [],
    labels: ['legacy-flag'],
    documentLabels: { genre: 'op-ed' },
  });
  const corpus = await makeCorpus(files);
  const { page } = await launch({ corpus, locale: 'en-US', viewport: { width: 1024, height: 700 } });
  await page.getByTestId('file-list').getByRole('button', { name: /a01\.txt/ }).click();
  await expect(page.getByTestId('undeclared-labels')).toContainText('genre');
  await expect(page.getByTestId('undeclared-labels')).toContainText('legacy-flag');
  await page.keyboard.press('Alt+Digit2');
  await expectFileSoon(corpus, 'a01.txt', (file) => expect(file.documentLabels).toEqual({ genre: 'op-ed', labels: ['legacy-flag'], stance: 'neutral' }));
  await screenshot(page, 'document-labels-en-1024');
});
