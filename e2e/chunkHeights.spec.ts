import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, test } from './fixtures';
import { pressLargerText } from './layoutChecks';
import { doubleClickWord } from './textGestures';

/**
 * (#25, session 20) The shown chunks hold their measured height, size-contained, so that a
 * tagging lays out its chunk alone (chunkRelayoutRoots.ts). That height must be the one the
 * chunk's paragraphs give it at every moment: after opening, after a scroll, a tagging, a
 * narrower window and a larger text. Each check takes the written height off every sized chunk,
 * reads the height its paragraphs give it, and puts the written one back; and the scroll
 * position must not move when it is taken off.
 */
function article(): string {
  const sentence = 'خبرگزاری‌ها گزارش دادند که نشست وزیران در ساختمان مرکزی برگزار شد و سخنگوی دولت دربارهٔ مترو سخن گفت';
  return `${Array.from({ length: 300 }, (_, index) => `${sentence} ${index}. ${sentence.repeat(1 + (index % 3))}`).join('\n')}\n`;
}

interface HeightCheck {
  sized: number;
  wrong: string[];
  scrollMoved: number;
}

async function checkHeights(page: Page): Promise<HeightCheck> {
  return page.evaluate(async () => {
    // After a frame: a change of size is measured by the frame that lays it out, before it paints.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const chunks = [...document.querySelectorAll<HTMLElement>('[data-testid="article"] .paragraph-chunk.sized')];
    const scroller = document.querySelector('.article-scroller') as HTMLElement;
    // The box, not the inline value: that serializes to six digits (3377.15625 as 3377.16px).
    const written = chunks.map((chunk) => chunk.getBoundingClientRect().height);
    const scrollBefore = scroller.scrollTop;
    chunks.forEach((chunk) => {
      chunk.classList.remove('sized');
      chunk.style.removeProperty('height');
    });
    const natural = chunks.map((chunk) => chunk.getBoundingClientRect().height);
    const scrollMoved = scroller.scrollTop - scrollBefore;
    chunks.forEach((chunk, index) => {
      chunk.classList.add('sized');
      chunk.style.height = `${written[index]}px`;
    });
    const wrong = chunks.flatMap((chunk, index) => (natural[index] !== written[index] ? [`chunk ${index}: ${written[index]} written, ${natural[index]} laid out`] : []));
    return { sized: chunks.length, wrong, scrollMoved };
  });
}

async function expectHeightsRight(page: Page, when: string): Promise<void> {
  await expect.poll(async () => (await checkHeights(page)).sized, { message: `sized chunks ${when}` }).toBeGreaterThan(0);
  const check = await checkHeights(page);
  expect(check.wrong, `chunk heights ${when}`).toEqual([]);
  expect(check.scrollMoved, `scroll position ${when}`).toBe(0);
}

test('shown chunks hold the height their paragraphs give them: opened, scrolled, tagged, narrowed, larger text', async ({ launch }) => {
  const corpus = await makeCorpus({ 'long.txt': article() });
  const { page } = await launch({ corpus, viewport: { width: 1280, height: 800 } });
  await openArticleNamed(page, 'long.txt');
  await expect(page.getByTestId('article')).toContainText('نشست وزیران');
  await expectHeightsRight(page, 'after opening');

  await page.locator('.article-scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight / 2 }));
  await expectHeightsRight(page, 'after a scroll');

  await doubleClickWord(page, 'سخنگوی', 4);
  await page.keyboard.press('Digit1');
  await expect(page.locator('[data-testid="article"] mark.hl')).toHaveCount(1);
  await expectHeightsRight(page, 'after a tagging');

  await page.setViewportSize({ width: 1024, height: 700 });
  await expectHeightsRight(page, 'in a narrower window');

  const size = () => page.getByTestId('article').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const before = await size();
  await pressLargerText(page, 'بزرگ‌تر کردن متن');
  await expect.poll(size).toBeGreaterThan(before);
  await expectHeightsRight(page, 'with larger text');
});
