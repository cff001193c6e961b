import path from 'node:path';
import { promises as fs } from 'node:fs';
import iconv from 'iconv-lite';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord, dragSelect } from './textGestures';

test('a word after an emoji in a CRLF article gets code-point offsets on disk', async ({ launch }) => {
  const text = 'خبر فوری 😀🇮🇷 از تهران\r\nسخنگوی دولت در تهران گفت.\r\n';
  const corpus = await makeCorpus({ 'emoji.txt': text });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'emoji.txt');
  await doubleClickWord(page, 'تهران', 1);
  await page.keyboard.press('Digit3');
  const file = await expectFileSoon(corpus, 'emoji.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  const documentText = text.replace(/\r\n/g, '\n');
  const codePoints = Array.from(documentText);
  const expectedStart = Array.from(documentText.slice(0, documentText.indexOf('تهران', documentText.indexOf('\n')))).length;
  expect(file.annotations[0]).toMatchObject({ type: 'LOC', text: 'تهران', start: expectedStart, end: expectedStart + 5 });
  expect(codePoints.slice(file.annotations[0].start, file.annotations[0].end).join('')).toBe('تهران');
  // UTF-16 would have put it 4 units later (three astral characters before it, and CRLF counted once each).
  expect(documentText.indexOf('تهران', documentText.indexOf('\n'))).toBe(expectedStart + 3);
  expect(file.source.length).toBe(codePoints.length);
  expect(await fs.readFile(path.join(corpus, 'emoji.txt'), 'utf8')).toBe(text);
});

test('a Windows-1256 Persian article is tagged without changing its bytes', async ({ launch }) => {
  // Windows-1256 has no Persian yeh: such files carry the Arabic yeh (U+064A), which must stay as it is.
  const text = 'خبرگزاري جمهوري اسلامي گزارش داد كه وزير امور خارجه به پكن سفر كرد.\r\nاين سفر سه روز طول مي‌كشد.\r\n';
  const bytes = iconv.encode(text, 'windows-1256');
  const corpus = await makeCorpus({ 'legacy.txt': bytes });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'legacy.txt');
  await expect(page.getByRole('status')).toContainText('windows-1256');
  await dragSelect(page, 'پكن');
  await page.keyboard.press('Digit3');
  const file = await expectFileSoon(corpus, 'legacy.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  expect(file.annotations[0].text).toBe('پكن');
  expect(file.source.encoding).toBe('windows-1256');
  const documentText = text.replace(/\r\n/g, '\n');
  expect(file.annotations[0].start).toBe(Array.from(documentText.slice(0, documentText.indexOf('پكن'))).length);
  expect(Buffer.compare(await fs.readFile(path.join(corpus, 'legacy.txt')), bytes)).toBe(0);
  await screenshot(page, 'windows-1256');
});

test('a corrupt annotation file is never overwritten; other articles still save; it can be moved aside', async ({ launch }) => {
  const corrupt = '{"format":"hashiye-annotations","version":1, "annotations": [ {"id": "x", "type": "PER", "start": 0, "end": 4, "text": "تهرا';
  const corpus = await makeCorpus({
    'broken.txt': 'تهران پایتخت ایران است.\n',
    'broken.ann.json': corrupt,
    'fine.txt': 'اصفهان نصف جهان است.\n',
  });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'broken.txt');
  await expect(page.getByTestId('annotation-file-problem')).toContainText('JSON');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'readonly');
  await doubleClickWord(page, 'ایران');
  await page.keyboard.press('Digit3');
  await expect(page.locator('[data-annotation-id]')).toHaveCount(0);
  await screenshot(page, 'corrupt-annotation-file');
  await page.waitForTimeout(800);
  expect(await fs.readFile(path.join(corpus, 'broken.ann.json'), 'utf8')).toBe(corrupt);

  await openArticleNamed(page, 'fine.txt');
  await doubleClickWord(page, 'اصفهان');
  await page.keyboard.press('Digit3');
  await expectFileSoon(corpus, 'fine.txt', (saved) => {
    if (saved.annotations[0]?.text !== 'اصفهان') throw new Error('not yet');
  });
  expect(await fs.readFile(path.join(corpus, 'broken.ann.json'), 'utf8')).toBe(corrupt);

  // Move the broken file aside (kept under a new name) and annotate afresh.
  await openArticleNamed(page, 'broken.txt');
  await page.getByRole('button', { name: /کنار گذاشتن پرونده/ }).click();
  await expect(page.getByTestId('annotation-file-problem')).toHaveCount(0);
  const names = await fs.readdir(corpus);
  const movedAside = names.find((name) => name.startsWith('broken.ann.json.broken-'));
  expect(movedAside).toBeDefined();
  expect(await fs.readFile(path.join(corpus, movedAside as string), 'utf8')).toBe(corrupt);
  await doubleClickWord(page, 'ایران');
  await page.keyboard.press('Digit3');
  await expectFileSoon(corpus, 'broken.txt', (saved) => {
    if (saved.annotations[0]?.text !== 'ایران') throw new Error('not yet');
  });
});

test('a save the disk refuses shows the error, keeps the edit and succeeds on retry', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': 'سازمان ملل متحد بیانیه داد.\n', 'a.ann.json.bak/keep': 'a folder where the backup should go' });
  // First save: nothing to back up yet, so it succeeds. Then block the backup with a folder.
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'a.txt');
  await dragSelect(page, 'سازمان ملل متحد');
  await page.keyboard.press('Digit2');
  await expectFileSoon(corpus, 'a.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  await doubleClickWord(page, 'بیانیه');
  await page.keyboard.press('Digit5');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'error');
  await screenshot(page, 'save-error');
  await fs.rm(path.join(corpus, 'a.ann.json.bak'), { recursive: true });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expectFileSoon(corpus, 'a.txt', (saved) => {
    if (saved.annotations.length !== 2) throw new Error('not yet');
  });
});
