import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

const PERSIAN = 'وزیر امور خارجه ایران فوق‌العاده به دمشق رفت و با همتای خود در تهران دیدار کرد.\n'.repeat(4);

/** UTF-8 with three bytes that no UTF-8 sequence can hold, in place of three spaces. */
function nearlyUtf8(): Buffer {
  const bytes = Buffer.from(PERSIAN, 'utf8');
  let from = 0;
  for (let count = 0; count < 3; count++) {
    const at = bytes.indexOf(0x20, from);
    bytes[at] = 0xff;
    from = at + 200;
  }
  return bytes;
}

test('a nearly-UTF-8 article shows U+FFFD and the count; the article can be reopened in a chosen encoding, kept across switches', async ({ launch }) => {
  const legacy = iconv.encode(PERSIAN.replace(/\u06cc/g, '\u064a'), 'windows-1256');
  const corpus = await makeCorpus({ '01-damaged.txt': nearlyUtf8(), '02-legacy.txt': legacy });
  const { page } = await launch({ corpus });
  const article = page.getByTestId('article');
  const statusBar = page.locator('footer.status-bar');
  const chooser = page.getByTestId('encoding-chooser');

  await openArticleNamed(page, '01-damaged.txt');
  await expect(article).toContainText('وزیر امور خارجه');
  expect(((await article.innerText()).match(/\uFFFD/g) ?? []).length).toBe(3);
  await expect(article).not.toContainText('ظپ');
  await expect(page.getByTestId('invalid-bytes')).toHaveAttribute('data-count', '3');
  await expect(statusBar).toContainText('۳ بایت نامعتبر با \u2068U+FFFD\u2069 جایگزین شد');
  await expect(chooser).toHaveValue('auto');
  await screenshot(page, 'encoding-nearly-utf8');

  // The legacy article is detected as Windows-1256 and reads as Persian (Arabic yeh).
  await openArticleNamed(page, '02-legacy.txt');
  await expect(article).toContainText('وزير امور خارجه ايران');
  await expect(statusBar).toContainText('windows-1256');
  await expect(page.getByTestId('invalid-bytes')).toHaveCount(0);

  // Reopened as UTF-8 on request: every byte is invalid there, and the count says so.
  await chooser.selectOption('utf-8');
  await expect(chooser).toHaveValue('utf-8');
  await expect(statusBar).toContainText('انتخابی');
  await expect(page.getByTestId('invalid-bytes')).toBeVisible();
  // Back to Windows-1256, chosen explicitly: tag a word; the choice survives switching articles.
  await chooser.selectOption('windows-1256');
  await expect(article).toContainText('وزير امور خارجه ايران');
  await doubleClickWord(page, 'دمشق');
  await page.keyboard.press('Digit3');
  const saved = await expectFileSoon(corpus, '02-legacy.txt', (file) => {
    if (file.annotations.length !== 1) throw new Error('not yet');
  });
  expect(saved.annotations[0].text).toBe('دمشق');
  await openArticleNamed(page, '01-damaged.txt');
  await openArticleNamed(page, '02-legacy.txt');
  await expect(chooser).toHaveValue('windows-1256');
  await expect(article.locator('[data-annotation-id]')).toHaveCount(1);
});

test('a chosen encoding lasts: the app closed and started again shows the article in the chosen encoding', async ({ launch }) => {
  // Nearly UTF-8, so detection says UTF-8; the analyst says it is Windows-1256 and tags a word of that text.
  const corpus = await makeCorpus({ '01-damaged.txt': nearlyUtf8() });
  const chosenText = iconv.decode(nearlyUtf8(), 'windows-1256');
  const first = await launch({ corpus });
  await openArticleNamed(first.page, '01-damaged.txt');
  await first.page.getByTestId('encoding-chooser').selectOption('windows-1256');
  await expect(first.page.getByTestId('article')).toContainText(chosenText.slice(0, 20));
  await first.close();

  const second = await launch({ corpus });
  const { page } = second;
  await openArticleNamed(page, '01-damaged.txt');
  await expect(page.getByTestId('encoding-chooser')).toHaveValue('windows-1256');
  await expect(page.getByTestId('article')).toContainText(chosenText.slice(0, 20));
  await expect(page.locator('footer.status-bar')).toContainText('انتخابی');
  await expect(page.getByTestId('encoding-record-ignored')).toHaveCount(0);
  await screenshot(page, 'encoding-chosen-lasts');
});

test('the English UI words the count and the chooser in English', async ({ launch }) => {
  const corpus = await makeCorpus({ '01-damaged.txt': nearlyUtf8() });
  const { page } = await launch({ corpus, locale: 'en-US' });
  await openArticleNamed(page, '01-damaged.txt');
  await expect(page.locator('footer.status-bar')).toContainText('3 invalid bytes shown as U+FFFD');
  await expect(page.getByRole('combobox', { name: 'Article encoding' })).toHaveValue('auto');
  await expect(page.getByTestId('encoding-chooser').locator('option[value="windows-1256"]')).toHaveText('Windows-1256 (Arabic/Persian, Windows)');
});

test('an article changed since its encoding was chosen is detected again, and the status bar says so in the user\'s language', async ({ launch }) => {
  const bytes = nearlyUtf8();
  const changed = Buffer.concat([bytes, Buffer.from('خبر تازه\n', 'utf8')]);
  const record = { format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: '01-damaged.txt', sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'windows-1256', encodingChosen: true, length: 10 }, status: 'new', annotations: [], relations: [], labels: [] };
  const corpus = await makeCorpus({ '01-damaged.txt': changed, '01-damaged.ann.json': JSON.stringify(record) });
  for (const [locale, words] of [['fa-IR', 'رمزگذاری ثبت‌شده (\u2068windows-1256\u2069) به کار نرفت'], ['en-US', 'the recorded encoding (\u2068windows-1256\u2069) was not used']] as const) {
    // Opening re-anchors the annotations to the changed text and records its encoding then: the file is put back for the next language.
    await writeFile(path.join(corpus, '01-damaged.ann.json'), JSON.stringify(record));
    const { page, close } = await launch({ corpus, locale });
    await openArticleNamed(page, '01-damaged.txt');
    await expect(page.getByTestId('article')).toContainText('وزیر امور خارجه');
    await expect(page.getByTestId('encoding-record-ignored')).toHaveAttribute('data-reason', 'article-changed');
    await expect(page.getByTestId('encoding-record-ignored')).toContainText(words);
    await expect(page.getByTestId('encoding-chooser')).toHaveValue('auto');
    await close();
  }
});
