import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigArticle } from '../bench/benchInputs';
import { expect, expectFileSoon, readAnnotationFile, test, expectEveryParagraph } from './fixtures';

test('a selection made in text just jumped to, before its highlights are drawn, survives their drawing and a tag pressed at once lands on it (#18)', async ({ launch }) => {
  test.setTimeout(180_000);
  const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-jump-'));
  // Over a thousand annotations: highlights are drawn only near the view, a chunk at a time.
  const big = await writeBigArticle(corpus, { name: 'jump.txt', bytes: 300_000, annotations: 6_000, seed: 23 });
  await fs.writeFile(path.join(corpus, 'a-short.txt'), 'خبر کوتاه.\n');
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /jump\.txt/ }).click();
  const article = page.getByTestId('article');
  await expectEveryParagraph(page, big.text);
  const stored = await readAnnotationFile(corpus, 'jump.txt');

  // A jump far down, and in the same task a selection of a paragraph's first word, as a drag
  // would leave it: that chunk holds its text alone, its highlights come in a later task.
  const word = await article.evaluate((root) => {
    const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('[data-offset]'));
    const paragraph = paragraphs.slice(Math.floor(paragraphs.length * 0.8)).find((candidate) => /^[\u0600-\u06ff]{3,}\s/.test(candidate.textContent ?? ''));
    if (!paragraph) throw new Error('no paragraph starting with a Persian word');
    const drawnBefore = paragraph.closest('.paragraph-chunk')?.querySelector('[data-annotation-id]') !== null;
    paragraph.scrollIntoView({ block: 'center' });
    const first = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const length = /^[\u0600-\u06ff]+/.exec(first.data)?.[0].length ?? 0;
    window.getSelection()?.setBaseAndExtent(first, 0, first, length);
    paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return { offset: Number(paragraph.dataset.offset), text: first.data.slice(0, length), drawnBefore };
  });
  expect(word.drawnBefore).toBe(false);
  // The chunk draws its highlights (its text nodes are replaced)...
  await expect(article.locator(`[data-offset="${word.offset}"]`).locator('xpath=..').locator('[data-annotation-id]').first()).toBeAttached();
  // ...and the selection still holds the word.
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(word.text);

  // A tag pressed at once lands on the word, is painted, and reaches the disk.
  await page.keyboard.press('Digit2');
  const saved = await expectFileSoon(corpus, 'jump.txt', (file) => {
    if (file.annotations.length !== stored.annotations.length + 1) throw new Error('not yet');
  });
  const added = saved.annotations.find((annotation) => !stored.annotations.some((old) => old.id === annotation.id));
  expect(added?.text).toBe(word.text);
  expect(added?.start).toBe(Array.from(big.text.slice(0, word.offset)).length);
  expect(added?.type).toBe('ORG');
  await expect(article.locator(`[data-annotation-id="${added?.id}"]`).first()).toBeVisible();
});
