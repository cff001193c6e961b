import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyCorpus, expect, makeCorpus, openArticleNamed, test } from './fixtures';

/** Drops a file named `name` onto the window, as the OS would after a drag from a file manager. */
async function dropOnWindow(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.evaluate((fileName) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], fileName));
    const target = document.querySelector('.app') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, name);
}

test('dropping a folder opens it as the corpus; dropping an article opens its folder at that article', async ({ launch }) => {
  const first = await copyCorpus();
  const second = await makeCorpus({ 'reports/دوم.txt': 'گزارش دوم دربارهٔ شیراز.\n', 'reports/سوم.txt': 'گزارش سوم دربارهٔ تبریز.\n' });
  const paths: Record<string, string> = { reports: path.join(second, 'reports'), 'سوم.txt': path.join(second, 'reports', 'سوم.txt'), root: '/' };
  const { page } = await launch({ corpus: first, droppedPath: (name) => paths[name] ?? name });
  await expect(page.getByTestId('file-list')).toContainText('01-tehran-metro.txt');

  await dropOnWindow(page, 'reports');
  await expect(page.getByTestId('file-list')).toContainText('دوم.txt');
  await expect(page.getByTestId('file-list')).not.toContainText('01-tehran-metro.txt');
  await expect(page.getByTestId('article')).toContainText('شیراز');

  await dropOnWindow(page, 'سوم.txt');
  await expect(page.getByTestId('article')).toContainText('تبریز');

  // A whole disk is never opened as a corpus.
  await dropOnWindow(page, 'root');
  // Said in Persian (main sends the refusal as a code, #17).
  await expect(page.getByRole('alert')).toContainText('بیش از اندازه گسترده است');
  await expect(page.getByTestId('file-list')).toContainText('سوم.txt');
});

test('the app reopens the last corpus at the same article and scroll position', async ({ launch }) => {
  const paragraphs = Array.from({ length: 300 }, (_, index) => `بند ${index}: خبرگزاری‌ها گزارش دادند که نشست شورای شهر تهران به پایان رسید.`).join('\n');
  const corpus = await makeCorpus({ 'a-short.txt': 'کوتاه.\n', 'b-long.txt': `${paragraphs}\n` });
  const settingsFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-settings-kept-'));
  let app = await launch({ corpus, settingsFolder });
  await openArticleNamed(app.page, 'b-long.txt');
  await app.page.locator('[data-testid="article"] [data-offset]').nth(150).scrollIntoViewIfNeeded();
  await app.page.evaluate(() => document.querySelector('[data-testid="article"] [data-offset]:nth-child(150)')?.scrollIntoView({ block: 'start' }));
  const settingsFile = path.join(settingsFolder, 'settings.json');
  const remembered = async () => (JSON.parse(await fs.readFile(settingsFile, 'utf8')) as { lastOffsetByCorpus?: Record<string, number> }).lastOffsetByCorpus?.[corpus] ?? 0;
  await expect.poll(remembered, { timeout: 10_000 }).toBeGreaterThan(5000);
  await app.page.waitForTimeout(1000);
  const offset = await remembered();
  await app.close();

  app = await launch({ corpus, settingsFolder });
  await expect(app.page.locator('.file.current')).toContainText('b-long.txt');
  // The paragraph at the top of the view is the one that was at the top when the app closed.
  await expect
    .poll(async () =>
      app.page.evaluate(() => {
        const scroller = document.querySelector('.article-scroller');
        if (!scroller) return -1;
        const top = scroller.getBoundingClientRect().top;
        const first = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]')).find((paragraph) => paragraph.getBoundingClientRect().bottom > top + 1);
        return first ? Number(first.dataset.offset) : -1;
      }),
    )
    .toBe(offset);
});
