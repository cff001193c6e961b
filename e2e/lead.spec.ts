import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusStats } from '../electron/services/lead/corpusStats';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

// An emoji (two UTF-16 units, one code point) before the spans and a ZWNJ inside one: offsets in the files are code points.
const TEXT = '😀 سازمان ملل متحد در نیویورک جلسه گرفت و علی‌رضا سخن گفت.';

function span(id: string, type: string, part: string, created: string) {
  const utf16 = TEXT.indexOf(part);
  const start = Array.from(TEXT.slice(0, utf16)).length;
  return { id, type, start, end: start + Array.from(part).length, text: part, created };
}

/** A valid native v1 file of TEXT (sha256 of the article's bytes, code-point length). */
function nativeFile(annotations: (ReturnType<typeof span> & { author?: string })[], status = 'done') {
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'news.txt', sha256: createHash('sha256').update(Buffer.from(TEXT, 'utf8')).digest('hex'), encoding: 'utf-8', length: Array.from(TEXT).length },
    status,
    annotations,
    relations: [],
    labels: [],
    updated: '2024-03-22T18:00:00+03:30',
  });
}

// ali: ORG, LOC, PER; sara: the same ORG and PER, and no LOC. By hand, exact (= overlap here):
// matched 2, P = 2/2 = 1.000, R = 2/3 = 0.667, F1 = 2·2/(3+2) = 0.800; LOC: A 1, B 0, P —, R 0, F1 0.
const ali = [span('T1', 'ORG', 'سازمان ملل متحد', '2024-03-20T10:00:00+03:30'), span('T2', 'LOC', 'نیویورک', '2024-03-20T10:05:00+03:30'), span('T3', 'PER', 'علی‌رضا', '2024-03-22T09:00:00+03:30')];
const sara = [span('T1', 'ORG', 'سازمان ملل متحد', '2024-03-21T11:00:00+03:30'), span('T2', 'PER', 'علی‌رضا', '2024-03-21T11:01:00+03:30')];

async function leadCorpus(): Promise<string> {
  return makeCorpus({
    'news.txt': TEXT,
    'news.annotators/ali.ann.json': nativeFile(ali),
    'news.annotators/sara.ann.json': nativeFile(sara, 'in-progress'),
    'other.txt': 'خبری دیگر از تهران.',
  });
}

const ratio = new Intl.NumberFormat('fa-IR', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const fa = (value: number) => new Intl.NumberFormat('fa-IR').format(value);

test('agreement of two annotators, adopting a disagreement into the curated file, and the statistics charts in Persian', async ({ launch }) => {
  const corpus = await leadCorpus();
  const csvTarget = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-csv-')), 'stats.csv');
  const { page } = await launch({ corpus, annotator: 'lead', pickSaveFile: () => csvTarget });
  await openArticleNamed(page, 'news.txt');

  // Agreement: opened from the keyboard (physical key, so the Persian layout does not matter).
  await page.keyboard.press('Control+Shift+KeyL');
  const panel = page.getByTestId('lead-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: 'توافق' }).click();
  await expect(panel.getByTestId('agreement-a')).toHaveValue('ali');
  await expect(panel.getByTestId('agreement-b')).toHaveValue('sara');
  await panel.getByTestId('compute-agreement').click();
  const table = panel.getByTestId('agreement-table-ali-sara');
  await expect(table).toBeVisible();
  const micro = table.locator('tr[data-row="micro"]');
  await expect(micro.locator('td')).toHaveText([fa(3), fa(2), fa(2), ratio.format(1), ratio.format(2 / 3), ratio.format(0.8), fa(2), ratio.format(1), ratio.format(2 / 3), ratio.format(0.8)]);
  await expect(table.locator('tr[data-row="LOC"] td')).toHaveText([fa(1), fa(0), fa(0), '—', ratio.format(0), ratio.format(0), fa(0), '—', ratio.format(0), ratio.format(0)]);
  await expect(panel.getByText(`${fa(1)} مقاله که هر دو برچسب زده‌اند`)).toBeVisible();
  await expect(panel.getByTestId('cohen-kappa')).toContainText('کاپای کوهن');
  await screenshot(page, 'lead-agreement');

  // Curation: the one disagreement (ali's LOC, nothing from sara) side by side; adopt ali's.
  await panel.getByRole('tab', { name: 'داوری' }).click();
  const group = panel.getByTestId('disagreement');
  await expect(group).toHaveCount(1);
  await expect(group).toHaveAttribute('data-kind', 'missing');
  await expect(group.locator('[data-annotator="ali"]')).toContainText('نیویورک');
  await expect(group.locator('[data-annotator="ali"]')).toContainText('مکان');
  await expect(group.locator('[data-annotator="sara"]')).toContainText('(هیچ)');
  await screenshot(page, 'lead-curation');
  await group.getByRole('button', { name: 'پذیرش \u2068ali\u2069' }).click();
  const curated = await expectFileSoon(corpus, 'news.txt', (file) => {
    if (file.annotations.length !== 3) throw new Error('not yet');
  });
  expect(curated.annotations.map((annotation) => [annotation.type, annotation.start, annotation.end, annotation.text]).sort()).toEqual(
    ali.map((annotation) => [annotation.type, annotation.start, annotation.end, annotation.text]).sort(),
  );
  expect((curated.curation as { curator: string }).curator).toBe('lead');
  await expect(group.getByRole('button', { name: 'پذیرش \u2068ali\u2069' })).toHaveAttribute('aria-pressed', 'true');
  // The article view reloaded with the curated annotations.
  await expect(page.getByTestId('article').locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveText('نیویورک');
  await expect(page.getByTestId('article').locator('[data-annotation-id]')).toHaveCount(3);

  // Statistics: the figures of `hashiye stats` (the same computation), as charts with Persian labels and digits.
  await panel.getByRole('tab', { name: 'آمار' }).click();
  const expected = await corpusStats(corpus);
  expect(expected.annotations).toBe(3);
  await expect(panel.getByTestId('total-annotations')).toHaveText(fa(expected.annotations));
  await expect(panel.getByTestId('total-articles')).toHaveText(fa(expected.articles));
  const tags = panel.getByTestId('chart-tags');
  await expect(tags.locator('svg')).toBeVisible();
  await expect(tags.locator('g[data-bar]')).toHaveCount(3);
  await expect(tags.locator('g[data-bar="LOC"] text').first()).toHaveText('مکان');
  await expect(tags.locator('g[data-bar="LOC"] text').last()).toHaveText(fa(1));
  await expect(panel.getByTestId('chart-annotators').locator('g[data-bar="ali"] text').last()).toHaveText(fa(expected.byAnnotatorFile.ali));
  await expect(panel.getByTestId('chart-annotators').locator('g[data-bar="sara"] text').last()).toHaveText(fa(2));
  await expect(panel.getByTestId('chart-status').locator('g[data-bar="done"] text').first()).toHaveText('انجام‌شده');
  const progress = panel.getByTestId('chart-progress');
  // Created on the 20th (2) and 22nd (1), finished on the 22nd: every day from the 20th to the 22nd is a point, the quiet 21st as 0.
  expect(expected.createdByDay).toEqual({ '2024-03-20': 2, '2024-03-22': 1 });
  await expect(progress.locator('[data-series="created"] circle')).toHaveCount(3);
  // RTL: the bars of the Persian UI grow leftwards from the labels on the right.
  const labelBox = await tags.locator('g[data-bar="LOC"] text').first().boundingBox();
  const barBox = await tags.locator('g[data-bar="LOC"] rect').boundingBox();
  expect(labelBox && barBox && labelBox.x > barBox.x + barBox.width - 1).toBe(true);
  await screenshot(page, 'lead-statistics');

  await panel.getByTestId('export-stats-csv').click();
  await expect(panel.getByTestId('stats-saved')).toContainText('stats.csv');
  const csv = await fs.readFile(csvTarget, 'utf8');
  expect(csv.startsWith('\uFEFFsection,key,count\r\n')).toBe(true);
  expect(csv).toContain('\r\ntag,LOC,1\r\n');
  expect(csv).toContain('\r\nannotator-file,ali,3\r\n');
  expect(csv).toContain('\r\ncreated-per-day,2024-03-20,2\r\n');
});

test('annotator name from the settings popover, switch preview and assignment', async ({ launch }) => {
  const corpus = await makeCorpus({
    'a.txt': TEXT,
    'a.ann.json': nativeFile([{ ...span('T1', 'ORG', 'سازمان ملل متحد', '2024-03-20T10:00:00Z'), author: 'مریم' }, span('T2', 'LOC', 'نیویورک', '2024-03-20T10:00:00Z')], 'in-progress'),
    'b.txt': 'خبری دیگر از تهران.',
  });
  const { page } = await launch({ corpus, annotator: 'lead' });
  await page.getByTestId('settings-button').click();
  const input = page.getByTestId('annotator-name-input');
  await input.fill('a/b');
  await page.getByTestId('annotator-settings').getByRole('button', { name: 'ذخیره' }).click();
  await expect(page.getByTestId('annotator-settings').getByRole('alert')).toBeVisible();
  await input.fill('زهرا');
  await page.getByTestId('annotator-settings').getByRole('button', { name: 'ذخیره' }).click();
  await expect(page.getByTestId('annotator-settings')).toHaveCount(0);
  await expect(page.locator('.status-bar')).toContainText('زهرا');

  await page.getByTestId('lead-button').click();
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('tab', { name: 'برچسب‌زن‌ها' }).click();
  await panel.getByTestId('preview-switch').click();
  const preview = panel.getByTestId('switch-preview');
  await expect(preview).toContainText('مریم');
  await expect(preview).toContainText('زهرا');
  // A preview writes nothing.
  await expect(fs.access(path.join(corpus, 'a.annotators'))).rejects.toThrow();
  await screenshot(page, 'lead-annotators-preview');
  await panel.getByTestId('do-switch').click();
  await expect(panel.getByTestId('switch-done')).toBeVisible();
  expect((await fs.readdir(path.join(corpus, 'a.annotators'))).sort()).toEqual(['زهرا.ann.json', 'مریم.ann.json']);
  await expect(panel.getByTestId('annotator-list')).toContainText('مریم');

  await panel.getByTestId('assign-list').getByText('b.txt').click();
  await panel.getByTestId('assignee-input').fill('مریم');
  await panel.getByTestId('assign').click();
  await expect(panel.getByTestId('assign-result')).toContainText(fa(1));
  const assigned = JSON.parse(await fs.readFile(path.join(corpus, 'b.ann.json'), 'utf8')) as { assignee: string };
  expect(assigned.assignee).toBe('مریم');
  await expect(panel.getByTestId('assign-list')).toContainText('مریم');
});
