import type { Page } from '@playwright/test';
import { codePointIndexOf, expect, expectFileSoon, makeCorpus, screenshot, test } from './fixtures';
import { dragSelect } from './textGestures';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianNumber = (value: number) => String(value).replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
const ZWNJ = '\u200C';
const NBSP = '\u00A0';
const END_PHRASE = 'فرودگاه امام خمینی';

/**
 * A whole article on one line (no line break at all), about `bytes` of UTF-8: numbered Persian
 * sentences with ZWNJ words, a Latin name, NBSP and an emoji beyond U+FFFF (so code-point
 * and UTF-16 offsets differ), ending with a phrase found nowhere else.
 */
function oneLineArticle(bytes: number): string {
  const sentences = [
    `خبرگزاری${ZWNJ}ها گزارش دادند که نشست وزیران در ساختمان مرکزی برگزار شد`,
    `سخنگوی دولت گفت برنامه${ZWNJ}های تازه${ZWNJ}ای برای مترو و راه${ZWNJ}آهن در دست است 🚆`,
    `به گفتهٔ کارشناسان، بودجهٔ این طرح${ZWNJ}ها از محل درآمدهای نفتی تأمین می${ZWNJ}شود`,
    `نمایندهٔ UNESCO نیز در این دیدار حضور داشت و دربارهٔ میراث${NBSP}فرهنگی سخن گفت`,
  ];
  const parts: string[] = [];
  let length = 0;
  for (let index = 1; length < bytes / 1.8; index++) {
    const sentence = `جملهٔ ${persianNumber(index)}: ${sentences[index % 4]}.`;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  parts.push(`در پایان، ${END_PHRASE} میزبان هیئت بلندپایهٔ اقتصادی بود.`);
  return parts.join(' ');
}

/** Waits until every character of the article is in the page (it is drawn in steps). */
async function waitForWholeText(page: Page, length: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const pieces = document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]');
      const last = pieces[pieces.length - 1];
      return last !== undefined && Number(last.dataset.offset) + (last.textContent?.length ?? 0) >= expected;
    },
    length,
    { timeout: 60_000 },
  );
}

/**
 * Screen points for a drag over a document range [start, end) (UTF-16 offsets) of right-to-left
 * text: just inside the first character's start (its right edge) and the last character's end
 * (its left edge). The range's start is scrolled to the middle of the view first.
 */
async function dragPoints(page: Page, start: number, end: number): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  return page.evaluate(
    async ([first, last]) => {
      const pieces = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]'));
      const characterRange = (offset: number) => {
        const piece = pieces.filter((candidate) => Number(candidate.dataset.offset) <= offset).pop();
        if (!piece) throw new Error('no piece');
        const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
        let remaining = offset - Number(piece.dataset.offset);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (remaining < node.data.length) {
            const range = document.createRange();
            range.setStart(node, remaining);
            range.setEnd(node, remaining + 1);
            return range;
          }
          remaining -= node.data.length;
        }
        throw new Error('offset outside its piece');
      };
      const scroller = document.querySelector<HTMLElement>('.article-scroller');
      if (!scroller) throw new Error('no scroller');
      const scrollerBox = scroller.getBoundingClientRect();
      // A chunk off screen holds an estimated height until it is first drawn, which then moves
      // what follows it: scroll, let two frames settle, and again, until the points stay put.
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let pass = 0; pass < 3; pass++) {
        scroller.scrollTop += characterRange(first).getBoundingClientRect().top - scrollerBox.top - scrollerBox.height / 3;
        await frame();
        await frame();
      }
      const a = characterRange(first).getClientRects()[0];
      const b = characterRange(last - 1).getClientRects()[0];
      return { from: { x: a.right - 1, y: (a.top + a.bottom) / 2 }, to: { x: b.left + 1, y: (b.top + b.bottom) / 2 } };
    },
    [start, end] as const,
  );
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`a one-line article of 1 MB at ${viewport.width}×${viewport.height}: the list shows while it loads, it is drawn in pieces holding exactly its text, a drag across pieces and a tag at its end land on exact code points, find reaches the end`, async ({ launch }) => {
    test.setTimeout(180_000);
    const text = oneLineArticle(1_000_000);
    expect(text.includes('\n')).toBe(false);
    // The long line sorts first: the app opens it on start, and the list must not wait for it.
    const corpus = await makeCorpus({ 'a-one-line.txt': text, 'b-short.txt': 'خبر کوتاه.\n' });
    const { page } = await launch({ corpus, viewport });
    await expect(page.getByTestId('file-list').getByRole('button')).toHaveCount(2);
    await expect(page.locator('.file.current')).toContainText('a-one-line.txt', { timeout: 30_000 });
    await waitForWholeText(page, text.length);
    const article = page.getByTestId('article');
    // Drawn as many blocks, and the article root still holds the text and nothing else.
    const pieceCount = await article.locator('[data-offset]').count();
    expect(pieceCount).toBeGreaterThan(100);
    expect(await article.evaluate((root) => root.textContent)).toBe(text);
    // Every piece keeps the line's right-to-left direction.
    expect(await article.evaluate((root) => new Set(Array.from(root.querySelectorAll('[data-offset]'), (piece) => piece.getAttribute('dir'))).size)).toBe(1);
    expect(await article.locator('[data-offset]').first().getAttribute('dir')).toBe('rtl');

    // A drag from the last word of one piece into the first word of the next.
    const boundary = await article.evaluate((root) => {
      const pieces = root.querySelectorAll<HTMLElement>('[data-offset]');
      // The first boundary after the 40th piece inside one chunk, with Persian words on both sides.
      for (let index = 40; index < pieces.length; index++) {
        const previous = pieces[index - 1];
        const next = pieces[index];
        if (previous.parentElement !== next.parentElement) continue;
        const lastWord = /([\u0600-\u06ff\u200c]+)[.:،]?\s*$/.exec(previous.textContent ?? '');
        const firstWord = /^[\u0600-\u06ff\u200c]+/.exec(next.textContent ?? '');
        if (lastWord && firstWord) return { start: Number(previous.dataset.offset) + lastWord.index, end: Number(next.dataset.offset) + firstWord[0].length };
      }
      throw new Error('no boundary with Persian words on both sides');
    });
    // Whole words, so word snapping keeps the ends: the last word of the piece and the first of the next.
    const wordEnd = boundary.end;
    const { from, to } = await dragPoints(page, boundary.start, wordEnd);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.press('Digit1');
    const crossing = await expectFileSoon(corpus, 'a-one-line.txt', (saved) => {
      if (saved.annotations.length !== 1) throw new Error('not yet');
    });
    const span = crossing.annotations[0];
    const expectedText = text.slice(boundary.start, wordEnd);
    expect(span.text).toBe(expectedText);
    expect(span.start).toBe(Array.from(text.slice(0, boundary.start)).length);
    expect(span.end).toBe(span.start + Array.from(expectedText).length);
    // Its highlight crosses the two pieces and shows exactly that text.
    const shown = await page.evaluate((id) => Array.from(document.querySelectorAll(`[data-annotation-id="${CSS.escape(id)}"]`), (element) => element.textContent).join(''), span.id);
    expect(shown).toBe(expectedText);

    // Find reaches the end of the line.
    // Focus without a click: a click on the text would make the suggestion under it current,
    // and the suggestion panel brings the current suggestion back into view when it refreshes.
    await article.focus();
    await page.keyboard.press('Control+KeyF');
    const search = page.getByRole('searchbox', { name: /جست‌وجو در مقاله/ });
    await search.fill(END_PHRASE);
    await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('find-count')).toHaveText('۱ از ۱');
    // Enter goes to the match, 1 MB into the line: it is in the view.
    await search.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const painted = CSS.highlights.get('hashiye-find-current')?.values().next().value as AbstractRange | undefined;
          const view = document.querySelector('.article-scroller')?.getBoundingClientRect();
          if (!painted || !view || !painted.startContainer.isConnected) return false;
          // Painted from a static range (#25): measured through a live Range over the same boundaries.
          const hit = document.createRange();
          try {
            hit.setStart(painted.startContainer, painted.startOffset);
            hit.setEnd(painted.endContainer, painted.endOffset);
          } catch {
            return false;
          }
          const box = hit.getBoundingClientRect();
          return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
        }),
      )
      .toBe(true);
    await search.press('Escape');

    // A drag and a tag at the very end, 1 MB into the line: exact code points on disk.
    await dragSelect(page, END_PHRASE);
    await page.keyboard.press('Digit3');
    const tagged = await expectFileSoon(corpus, 'a-one-line.txt', (saved) => {
      if (saved.annotations.length !== 2) throw new Error('not yet');
    });
    const place = tagged.annotations.find((annotation) => annotation.type === 'LOC');
    expect(place?.text).toBe(END_PHRASE);
    expect(place?.start).toBe(codePointIndexOf(text, END_PHRASE));
    expect(place?.end).toBe(codePointIndexOf(text, END_PHRASE) + Array.from(END_PHRASE).length);
    await expect(article.locator('[data-annotation-id][data-entity-type="LOC"]')).toHaveText(END_PHRASE);
    await expect(article.locator('[data-annotation-id][data-entity-type="LOC"]')).toBeInViewport();
    await screenshot(page, `one-line-article-end-${viewport.width}x${viewport.height}`);
    // And the place where two pieces meet, with the highlight across them.
    await page.locator(`[data-annotation-id="${span.id}"]`).first().evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
    await expect(page.locator(`[data-annotation-id="${span.id}"]`).first()).toBeInViewport();
    await page.waitForTimeout(300);
    await screenshot(page, `one-line-article-piece-boundary-${viewport.width}x${viewport.height}`);
  });
}
