import { codePointIndexOf, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { dragSelect } from './textGestures';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianNumber = (value: number) => String(value).replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]);

/**
 * About 330 KB of Persian in 1,200 paragraphs, each naming its own number («بند ۱۲۳»), with ZWNJ
 * words and a Latin name: long enough that the article view draws it in many chunks, added
 * over several frames.
 */
function longArticle(): string {
  const sentences = [
    'خبرگزاری‌ها گزارش دادند که نشست وزیران در ساختمان مرکزی برگزار شد',
    'سخنگوی دولت گفت برنامه‌های تازه‌ای برای مترو و راه‌آهن در دست است',
    'به گفتهٔ کارشناسان، بودجهٔ این طرح‌ها از محل درآمدهای نفتی تأمین می‌شود',
    'نمایندهٔ UNESCO نیز در این دیدار حضور داشت و دربارهٔ میراث فرهنگی سخن گفت',
  ];
  const paragraphs: string[] = [];
  for (let index = 1; index <= 1200; index++) {
    paragraphs.push(`بند ${persianNumber(index)}: ${sentences[index % 4]}. ${sentences[(index + 1) % 4]}. ${sentences[(index + 2) % 4]}.`);
  }
  paragraphs[1199] = `بند ${persianNumber(1200)}: در پایان، فرودگاه امام خمینی میزبان هیئت بلندپایهٔ اقتصادی بود.`;
  return `${paragraphs.join('\n')}\n`;
}

test('a long article: every paragraph arrives, a drag across two chunks and a tag in the last paragraph land exactly on disk, find reaches the end', async ({ launch }) => {
  const text = longArticle();
  const corpus = await makeCorpus({ 'long.txt': text });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'long.txt');
  const article = page.getByTestId('article');
  // Drawn in steps after the first frame: all 1,200 paragraphs (and the empty one after the
  // last line break) end up in the DOM, in chunks.
  await expect(article.locator('[data-offset]')).toHaveCount(1201);
  expect(await article.locator('.paragraph-chunk').count()).toBeGreaterThan(10);
  // The article root still holds the text and nothing else.
  expect(await article.evaluate((root) => root.textContent)).toBe(text.replace(/\n/g, ''));

  // A selection from the last words of one chunk into the first words of the next.
  const boundary = await article.evaluate((root) => {
    const chunk = root.querySelectorAll('.paragraph-chunk')[3];
    const last = chunk.lastElementChild?.textContent ?? '';
    const next = chunk.nextElementSibling?.firstElementChild?.textContent ?? '';
    return { tail: last.slice(-12), head: next.slice(0, 9) };
  });
  const needleStart = text.indexOf(`${boundary.tail}\n${boundary.head}`);
  expect(needleStart).toBeGreaterThan(0);
  await article.evaluate((root, { tail, head }) => {
    const chunks = root.querySelectorAll('.paragraph-chunk');
    const from = chunks[3].lastElementChild?.firstChild as Text;
    const to = chunks[4].firstElementChild?.firstChild as Text;
    from.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(from, from.data.length - tail.length);
    range.setEnd(to, head.length);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    root.closest('.article-scroller')?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, boundary);
  await page.keyboard.press('Digit5');
  const crossing = await expectFileSoon(corpus, 'long.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  // Word snapping may widen the ends to whole words; the span still crosses the line break
  // between the chunks, and its text is the article's at its offsets (all BMP: code points = UTF-16).
  const span = crossing.annotations[0];
  const lineBreak = needleStart + boundary.tail.length;
  expect(span.start).toBeGreaterThanOrEqual(needleStart - 20);
  expect(span.start).toBeLessThan(lineBreak);
  expect(span.end).toBeGreaterThan(lineBreak + 1);
  expect(span.end).toBeLessThanOrEqual(lineBreak + 1 + boundary.head.length + 20);
  expect(span.text).toBe(text.slice(span.start, span.end));

  // Find goes to the last paragraph, far below the first screens.
  await article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+KeyF');
  const search = page.getByRole('searchbox', { name: /جست‌وجو در مقاله/ });
  await search.fill('فرودگاه امام خمینی');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('find-count')).toHaveText('۱ از ۱');
  await search.press('Escape');

  // Tag a place in the last paragraph with a drag, as an analyst would.
  await dragSelect(page, 'فرودگاه امام خمینی');
  await page.keyboard.press('Digit3');
  const tagged = await expectFileSoon(corpus, 'long.txt', (saved) => {
    if (saved.annotations.length !== 2) throw new Error('not yet');
  });
  const place = tagged.annotations.find((annotation) => annotation.type === 'LOC');
  expect(place?.text).toBe('فرودگاه امام خمینی');
  expect(place?.start).toBe(codePointIndexOf(text, 'فرودگاه امام خمینی'));
  await expect(article.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveText('فرودگاه امام خمینی');
  await expect(article.locator('[data-annotation-id][data-entity-type="LOC"]')).toBeInViewport();
  await screenshot(page, 'long-article-end');

  // Undo removes it from the file again.
  await page.keyboard.press('Control+KeyZ');
  await expectFileSoon(corpus, 'long.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
});
