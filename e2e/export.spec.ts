import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord, dragSelect } from './textGestures';

// An emoji (two UTF-16 units, one code point) before every span: doccano's UTF-16 offsets and
// our code points differ by one there, which is exactly the drift the export must not have.
const ARTICLE = 'خبر 😀 فوری: خبرگزاری ایرنا گزارش داد که وزیر در تهران سخن گفت.\nدیدار در کاخ سعدآباد بود.\n';

async function exportFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-export-'));
}

/** Reads CoNLL as [token, tag] pairs (blank lines and -DOCSTART- left out). */
function conllPairs(conll: string): [string, string][] {
  return conll
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-DOCSTART-'))
    .map((line) => line.split('\t') as [string, string]);
}

test('tag in the app, then File › Export to CoNLL and to doccano JSONL: tokens, tags and UTF-16 offsets in the files', async ({ launch }) => {
  const corpus = await makeCorpus({ 'news.txt': ARTICLE });
  const conllOut = await exportFolder();
  const jsonlOut = await exportFolder();
  let destination = conllOut;
  const { page } = await launch({ corpus, pickExportFolder: () => destination });
  await openArticleNamed(page, 'news.txt');

  // ORG over two words by a drag, LOC by a double-click and its hotkey (LOC is the third type).
  await dragSelect(page, 'خبرگزاری ایرنا');
  await page.getByRole('button', { name: /سازمان ORG/ }).click();
  await doubleClickWord(page, 'تهران');
  await page.keyboard.press('Digit3');
  await expect(page.locator('[data-annotation-id][data-entity-type="ORG"]')).toHaveCount(1);
  await expect(page.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveCount(1);

  // Straight to the export, without waiting for autosave: the export saves pending edits first.
  await page.getByRole('button', { name: 'خروجی…' }).click();
  const dialog = page.getByRole('dialog', { name: 'خروجی گرفتن' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'قالب' }).selectOption('conll');
  await expect(dialog.getByTestId('format-description')).toContainText('CoNLL');
  await dialog.getByRole('radio', { name: 'همهٔ پیکره' }).check();
  await dialog.getByRole('combobox', { name: 'طرح برچسب‌گذاری' }).selectOption('bioes');
  await screenshot(page, 'export-dialog-form');
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('نوشته شد');
  await expect(dialog.getByTestId('export-totals')).toContainText('۱ مقاله · ۲ حاشیه‌نویسی · ۲ نوشته شد');
  await expect(dialog.getByTestId('export-report-clean')).toBeVisible();
  await screenshot(page, 'export-dialog-conll-done');

  const conll = await fs.readFile(path.join(conllOut, 'corpus.conll'), 'utf8');
  expect(conll.startsWith('-DOCSTART-\tO\n\n')).toBe(true);
  const pairs = conllPairs(conll);
  expect(pairs.filter(([, tag]) => tag !== 'O')).toEqual([
    ['خبرگزاری', 'B-ORG'],
    ['ایرنا', 'E-ORG'],
    ['تهران', 'S-LOC'],
  ]);
  // The emoji is a token of its own; every other token is outside any entity.
  expect(pairs.map(([token]) => token)).toContain('😀');
  const manifest = JSON.parse(await fs.readFile(path.join(conllOut, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  const conllEntry = manifest.files.find((file) => file.path === 'corpus.conll');
  expect(conllEntry?.sha256).toBe(createHash('sha256').update(conll, 'utf8').digest('hex'));

  // Again, to doccano JSONL (label variant), into another folder.
  destination = jsonlOut;
  await dialog.getByRole('button', { name: 'خروجی دوباره' }).click();
  await dialog.getByRole('combobox', { name: 'قالب' }).selectOption('jsonl');
  await expect(dialog.getByTestId('format-description')).toContainText('UTF-16');
  await dialog.getByRole('combobox', { name: 'گونهٔ \u2068doccano\u2069' }).selectOption('label');
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText('نوشته شد');
  const lines = (await fs.readFile(path.join(jsonlOut, 'corpus.jsonl'), 'utf8')).trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]) as { text: string; label: [number, number, string][] };
  expect(record.text).toBe(ARTICLE);
  const spans = [...record.label].sort((a, b) => a[0] - b[0]);
  // UTF-16 units: JavaScript's own string indices, one more than code points after the emoji.
  expect(spans).toEqual([
    [ARTICLE.indexOf('خبرگزاری ایرنا'), ARTICLE.indexOf('خبرگزاری ایرنا') + 'خبرگزاری ایرنا'.length, 'ORG'],
    [ARTICLE.indexOf('تهران'), ARTICLE.indexOf('تهران') + 'تهران'.length, 'LOC'],
  ]);
  expect(spans.map(([start, end]) => record.text.slice(start, end))).toEqual(['خبرگزاری ایرنا', 'تهران']);
  expect(Array.from(ARTICLE.slice(0, spans[0][0])).length).toBe(spans[0][0] - 1);
  await screenshot(page, 'export-dialog-jsonl-done');
});

/** An annotation file with the given spans (found by their text), as the app writes it. */
function annotationFile(name: string, text: string, spans: { id: string; text: string; type: string }[]): string {
  const codePoints = (value: string) => Array.from(value).length;
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: name, sha256: createHash('sha256').update(text, 'utf8').digest('hex'), encoding: 'utf-8', length: codePoints(text) },
    status: 'done',
    annotations: spans.map((span) => {
      const start = codePoints(text.slice(0, text.indexOf(span.text)));
      return { id: span.id, type: span.type, start, end: start + codePoints(span.text), text: span.text };
    }),
    relations: [],
    labels: [],
  });
}

test('overlapping spans exported to CoNLL: the dialog shows, per article, the label the format cannot hold', async ({ launch }) => {
  const text = 'نشست سازمان ملل متحد در نیویورک 🌍 برگزار شد.\n';
  const corpus = await makeCorpus({
    'un-meeting.txt': text,
    'un-meeting.ann.json': annotationFile('un-meeting.txt', text, [
      { id: 'org1', text: 'سازمان ملل متحد', type: 'ORG' },
      { id: 'misc1', text: 'ملل', type: 'MISC' },
      { id: 'loc1', text: 'نیویورک', type: 'LOC' },
    ]),
  });
  const out = await exportFolder();
  const { page } = await launch({ corpus, pickExportFolder: () => out });
  await openArticleNamed(page, 'un-meeting.txt');
  await expect(page.locator('[data-annotation-id][data-entity-type="MISC"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'خروجی…' }).click();
  const dialog = page.getByRole('dialog', { name: 'خروجی گرفتن' });
  await dialog.getByRole('combobox', { name: 'قالب' }).selectOption('conll');
  await dialog.getByRole('radio', { name: 'همین مقاله' }).check();
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();

  // Not lossy by default: nothing written, and the report says what and where.
  await expect(dialog.getByRole('alert')).toContainText('چیزی نوشته نشد');
  const report = dialog.getByTestId('export-report');
  const article = report.locator('li[data-article="un-meeting.txt"]');
  // Nothing was written: the totals say what would have been, never "written" beside the refusal (#19).
  await expect(article).toContainText('(۲/۳ نوشته می‌شد)');
  await expect(dialog.getByTestId('export-totals')).toContainText('نوشته می‌شد');
  await expect(dialog.getByTestId('export-totals')).not.toContainText('نوشته شد');
  const overlap = article.locator('li[data-kind="overlap"]');
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toContainText('از دست رفته');
  // The span is named by its text and type, never by its internal id.
  await expect(overlap).toContainText('«\u2068ملل\u2069»');
  await expect(overlap).not.toContainText('misc1');
  // Coded with its parameters (#19): the span it overlaps by text and type, the format by name; no English tooltip.
  await expect(overlap).toContainText('«\u2068سازمان ملل متحد\u2069»');
  await expect(overlap).toContainText('\u2068CoNLL\u2069');
  await expect(overlap.locator('[title]')).toHaveCount(0);
  expect(await fs.readdir(out)).toEqual([]);
  const shot = await screenshot(page, 'export-dialog-overlap-report');
  // The report alone, at full size: Persian quoted inside English messages must read right.
  await report.screenshot({ path: path.join(path.dirname(shot), 'export-report-close.png') });

  // Allowing lossy output writes the files; the report is still shown and written beside them.
  await dialog.getByRole('button', { name: 'خروجی دوباره' }).click();
  await dialog.getByRole('checkbox', { name: /حتی اگر قالب/ }).check();
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText('نوشته شد');
  await expect(dialog.getByTestId('export-report').locator('li[data-kind="overlap"]')).toHaveCount(1);
  const onDisk = JSON.parse(await fs.readFile(path.join(out, 'export-report.json'), 'utf8')) as { documents: { article: string; problems: { kind: string; annotation?: string }[] }[] };
  expect(onDisk.documents[0].problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'overlap', annotation: 'misc1' })]));
  const tags = conllPairs(await fs.readFile(path.join(out, 'corpus.conll'), 'utf8')).filter(([, tag]) => tag !== 'O');
  expect(tags).toEqual([
    ['سازمان', 'B-ORG'],
    ['ملل', 'I-ORG'],
    ['متحد', 'I-ORG'],
    ['نیویورک', 'B-LOC'],
  ]);
  await screenshot(page, 'export-dialog-lossy-written');
});

test('File › Export from the menu opens the dialog; Escape closes it', async ({ launch, appHost }) => {
  test.skip(appHost === 'electron', 'the menu command is injected through the Chromium stand-in\'s event channel; Electron has no such hook');
  const corpus = await makeCorpus({ 'a.txt': 'متن کوتاه.\n' });
  const { page } = await launch({ corpus });
  // The menu sends a command event to the window, as main's File › Export… does.
  await page.evaluate(() => (window as unknown as { __hashiyeEmit: (event: string, payload: unknown) => void }).__hashiyeEmit('menu.command', { command: 'export' }));
  const dialog = page.getByRole('dialog', { name: 'خروجی گرفتن' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'قالب' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __hashiyeEmit: (event: string, payload: unknown) => void }).__hashiyeEmit('menu.command', { command: 'import' }));
  await expect(page.getByRole('dialog', { name: 'وارد کردن' })).toBeVisible();
});

test('the Excel checkbox writes CSV as UTF-8 with a byte-order mark; unticked, no BOM (#22)', async ({ launch }) => {
  const text = 'وزیر در تهران سخن گفت.\n';
  const corpus = await makeCorpus({ 'news.txt': text, 'news.ann.json': annotationFile('news.txt', text, [{ id: 'loc1', text: 'تهران', type: 'LOC' }]) });
  const withBom = await exportFolder();
  const withoutBom = await exportFolder();
  let destination = withBom;
  const { page } = await launch({ corpus, pickExportFolder: () => destination });
  await openArticleNamed(page, 'news.txt');
  await page.getByRole('button', { name: 'خروجی…' }).click();
  const dialog = page.getByRole('dialog', { name: 'خروجی گرفتن' });
  await dialog.getByRole('combobox', { name: 'قالب' }).selectOption('csv');
  const excel = dialog.getByTestId('export-excel');
  await excel.check();
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText('نوشته شد');
  const ticked = await fs.readFile(path.join(withBom, 'annotations.csv'));
  expect([...ticked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(ticked.toString('utf8')).toContain('تهران');

  destination = withoutBom;
  await dialog.getByRole('button', { name: 'خروجی دوباره' }).click();
  await dialog.getByTestId('export-excel').uncheck();
  await dialog.getByRole('button', { name: 'انتخاب پوشه و خروجی گرفتن' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText('نوشته شد');
  const unticked = await fs.readFile(path.join(withoutBom, 'annotations.csv'));
  expect(unticked[0]).not.toBe(0xef);
  expect(unticked.toString('utf8')).toContain('تهران');
});

