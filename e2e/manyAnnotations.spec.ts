import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigArticle } from '../bench/benchInputs';
import { expect, expectFileSoon, readAnnotationFile, screenshot, test, expectEveryParagraph } from './fixtures';

test('an article with 25,000 annotations: highlights are drawn near the view only and dropped far from it, the list reaches the last one and shows it, a tag there lands on disk', async ({ launch }) => {
  test.setTimeout(180_000);
  const corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-many-'));
  const big = await writeBigArticle(corpus, { name: 'many.txt', bytes: 700_000, annotations: 25_000, seed: 17 });
  expect(big.annotations).toBe(25_000);
  await fs.writeFile(path.join(corpus, 'a-short.txt'), 'خبر کوتاه.\n');
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await expect(page.locator('.file.current')).toContainText('a-short.txt');
  await page.getByTestId('file-list').getByRole('button', { name: /many\.txt/ }).click();
  await expect(page.locator('.file.current')).toContainText('many.txt');
  const article = page.getByTestId('article');
  await expect(article.locator('mark.hl').first()).toBeVisible();
  await expect(article.locator('[data-offset="0"] [data-annotation-id]').first()).toBeAttached();
  // Every paragraph arrives, holding exactly the article's text...
  await expectEveryParagraph(page, big.text);
  // ...but only the chunks near the view draw their highlights: far fewer elements than annotations.
  const drawn = await article.locator('[data-annotation-id]').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(5_000);
  // Every far chunk holds the space estimated for it until laid out (#25: far chunks are made
  // outside React, their style through the CSSOM; a style attribute written as text is refused
  // by the page's policy).
  const farSpaces = await article.locator('.paragraph-chunk.far').evaluateAll((chunks) => chunks.map((chunk) => (chunk as HTMLElement).style.containIntrinsicBlockSize));
  expect(farSpaces.length).toBeGreaterThan(10);
  expect(farSpaces.filter((space) => !/^auto \d+em$/.test(space))).toEqual([]);

  // The last annotation of the list, 700 KB down: a click brings the article there and its highlight is drawn.
  const stored = await readAnnotationFile(corpus, 'many.txt');
  const last = [...stored.annotations].sort((a, b) => a.start - b.start || b.end - a.end).pop();
  if (!last) throw new Error('no annotations');
  await page.locator('.annotation-scroller').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  const row = page.getByTestId('annotation-list').locator('li').last().getByRole('button');
  await expect(row).toContainText(last.text);
  await row.click();
  const highlight = article.locator(`[data-annotation-id="${last.id}"]`).first();
  await expect(highlight).toBeInViewport();
  await expect(highlight).toHaveClass(/hl-selected/);
  await screenshot(page, 'many-annotations-last');
  // The chunks the view left far behind drop their highlights again (#25): the DOM follows the view.
  await expect(article.locator('[data-offset="0"] [data-annotation-id]')).toHaveCount(0);
  expect(await article.locator('[data-annotation-id]').count()).toBeLessThan(5_000);

  // A tag in that far part: select the first word of the article's last paragraph through the DOM, as a drag would.
  const word = await article.evaluate((root) => {
    const paragraphs = root.querySelectorAll<HTMLElement>('[data-offset]');
    const paragraph = Array.from(paragraphs).reverse().find((candidate) => /^[\u0600-\u06ff]{3,}\s/.test(candidate.textContent ?? ''));
    if (!paragraph) throw new Error('no paragraph starting with a Persian word');
    const text = paragraph.textContent ?? '';
    const length = /^[\u0600-\u06ff]+/.exec(text)?.[0].length ?? 0;
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(first, Math.min(first.data.length, length));
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return { offset: Number(paragraph.dataset.offset), text: range.toString() };
  });
  await page.keyboard.press('Digit2');
  const saved = await expectFileSoon(corpus, 'many.txt', (file) => {
    if (file.annotations.length !== 25_001) throw new Error('not yet');
  });
  const added = saved.annotations.find((annotation) => !stored.annotations.some((old) => old.id === annotation.id));
  expect(added?.text).toBe(word.text);
  expect(added?.start).toBe(Array.from(big.text.slice(0, word.offset)).length);
  expect(added?.type).toBe('ORG');
});
