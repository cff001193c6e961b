import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { DOCUMENT_LABELS_TAG_SET } from './documentLabelsFixture';

/**
 * (#21) Document labels in the statistics: one chart per dimension, articles per value, with
 * Persian digits in Persian; and the dimension editor editing each value (labels, guideline, a
 * key taken from the key press, a clash refused) and the scale's bounds, saved into hashiye.json.
 */
const LABELS = [
  { stance: 'pro', reliability: 4 },
  { stance: 'pro', reliability: 4 },
  { stance: 'against', reliability: 2 },
  { stance: 'pro', reliability: 5 },
];

function annotationFile(name: string, text: string, documentLabels: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: name, sha256: createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: 'done',
    annotations: [],
    relations: [],
    labels: [],
    documentLabels,
    updated: '2024-03-22T18:00:00+03:30',
  });
}

function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = { 'hashiye.json': JSON.stringify(DOCUMENT_LABELS_TAG_SET, null, 2) };
  LABELS.forEach((labels, index) => {
    const text = `خبر شمارهٔ ${index + 1} دربارهٔ گفت‌وگوی وزیر با خبرنگاران.\n`;
    files[`a${index + 1}.txt`] = text;
    files[`a${index + 1}.ann.json`] = annotationFile(`a${index + 1}.txt`, text, labels);
  });
  return files;
}

const bar = (chart: ReturnType<import('@playwright/test').Page['getByTestId']>, value: string) => chart.locator(`[data-bar="${value}"]`);

test('statistics chart each dimension’s labels, in Persian digits (fa, 1024×700)', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'a1.txt');
  await page.keyboard.press('Control+Shift+KeyL');
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('tab', { name: 'آمار' }).click();
  // Every article's file is read (none counted as unreadable).
  await expect(panel.getByTestId('total-articles')).toHaveText('۴');
  await expect(panel.getByTestId('stats-totals')).not.toContainText('خوانده نشد');
  const stance = panel.getByTestId('chart-labels-stance');
  await expect(stance.locator('figcaption')).toContainText('مقاله‌ها به تفکیک گزینه');
  await expect(stance.locator('figcaption')).toContainText('موضع');
  await expect(bar(stance, 'pro').locator('title')).toHaveText('موافق: ۳');
  await expect(bar(stance, 'neutral').locator('.lead-chart-value')).toHaveText('۰');
  await expect(bar(stance, 'against').locator('.lead-chart-value')).toHaveText('۱');
  const scale = panel.getByTestId('chart-labels-reliability');
  await expect(scale.locator('[data-bar]')).toHaveCount(5);
  await expect(bar(scale, '4').locator('.lead-chart-label')).toHaveText('۴');
  await expect(bar(scale, '4').locator('.lead-chart-value')).toHaveText('۲');
  await stance.scrollIntoViewIfNeeded();
  await screenshot(page, 'label-charts-fa-1024');
  // The dimension editor in Persian: each value's row, the scale's points in Persian digits.
  await page.keyboard.press('Control+Shift+KeyL');
  await expect(panel).toBeHidden();
  await page.getByTestId('document-labels').getByRole('button', { name: 'ویرایش بُعدها' }).click();
  const editor = page.getByTestId('dimension-editor');
  await expect(editor.locator('[data-dimension-id="stance"] [data-value-id="pro"] input[name="value-fa"]')).toHaveValue('موافق');
  await expect(editor.locator('[data-dimension-id="reliability"] [data-value-id="4"] td').first()).toHaveText('۴');
  await expect(editor.locator('[data-dimension-id="reliability"] [data-value-id="4"]').getByRole('textbox', { name: 'کلید' })).toHaveValue('Alt+۷');
  await screenshot(page, 'dimension-editor-fa-1024');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
});

test('the dimension editor edits each value; the statistics follow (en, 1440×900)', async ({ launch }) => {
  const corpus = await makeCorpus(corpusFiles());
  const { page } = await launch({ corpus, locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await openArticleNamed(page, 'a1.txt');
  await page.getByTestId('document-labels').getByRole('button', { name: 'Edit dimensions' }).click();
  const editor = page.getByTestId('dimension-editor');
  const stance = editor.locator('[data-dimension-id="stance"]');
  const pro = stance.locator('[data-value-id="pro"]');
  await pro.getByRole('textbox', { name: 'English label' }).fill('In favour');
  await pro.getByRole('textbox', { name: 'Guideline' }).fill('Supports the actor openly');
  // A key is taken from the press: against gets Alt+1, which pro already has → refused on save.
  const against = stance.locator('[data-value-id="against"]');
  await against.getByRole('textbox', { name: 'Key' }).press('Alt+Digit1');
  await expect(against.getByRole('textbox', { name: 'Key' })).toHaveValue('Alt+1');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  // Placeholders arrive isolated (FSI…PDI), so the words are checked without them.
  await expect.poll(async () => ((await page.getByTestId('dimension-editor-error').textContent()) ?? '').replace(/[\u2066-\u2069]/g, '')).toBe('The key Alt+1 is given both to stance: pro and to stance: against; give one of them another key.');
  await screenshot(page, 'dimension-editor-clash-en-1440');
  await against.getByRole('textbox', { name: 'Key' }).press('Alt+Shift+Digit3');
  // The scale: three points now, the middle one named.
  const reliability = editor.locator('[data-dimension-id="reliability"]');
  await reliability.getByRole('textbox', { name: 'Highest point' }).fill('3');
  await expect(reliability.locator('[data-testid="dimension-value"]')).toHaveCount(3);
  await reliability.locator('[data-value-id="2"]').getByRole('textbox', { name: 'English label' }).fill('Mixed');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  const saved = JSON.parse(await fs.readFile(path.join(corpus, 'hashiye.json'), 'utf8')) as typeof DOCUMENT_LABELS_TAG_SET & { dimensions: { values: { id: string; label: Record<string, string>; guideline?: string; hotkey?: string }[]; min?: number; max?: number }[] };
  expect(saved.dimensions[0].values).toEqual([
    { id: 'pro', label: { fa: 'موافق', en: 'In favour' }, guideline: 'Supports the actor openly', hotkey: 'Alt+Digit1' },
    { id: 'neutral', label: { fa: 'بی‌طرف', en: 'Neutral' }, hotkey: 'Alt+Digit2' },
    { id: 'against', label: { fa: 'مخالف', en: 'Against' }, hotkey: 'Alt+Shift+Digit3' },
  ]);
  expect(saved.dimensions[1]).toMatchObject({ kind: 'scale', min: 1, max: 3 });
  expect(saved.dimensions[1].values[1]).toMatchObject({ id: '2', label: { en: 'Mixed' } });
  // The keys pressed in the editor set keys, not the open article's labels.
  await page.waitForTimeout(1500);
  expect(JSON.parse(await fs.readFile(path.join(corpus, 'a1.ann.json'), 'utf8')).documentLabels).toEqual(LABELS[0]);
  // The panel offers the new words and keys.
  await expect(page.locator('[data-dimension="stance"] [data-value="pro"]')).toContainText('In favour');
  await expect(page.locator('[data-dimension="stance"] [data-value="against"]')).toHaveAttribute('data-hotkey', 'Alt+Shift+Digit3');

  await page.keyboard.press('Control+Shift+KeyL');
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('tab', { name: 'Statistics' }).click();
  const chart = panel.getByTestId('chart-labels-stance');
  await expect(bar(chart, 'pro').locator('title')).toHaveText('In favour: 3');
  // 4 and 5 are no longer points of the scale: kept and charted as they are, marked.
  const scale = panel.getByTestId('chart-labels-reliability');
  await expect(bar(scale, '4').locator('.lead-chart-label')).toContainText('not in the tag set');
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'label-charts-en-1440');
});
