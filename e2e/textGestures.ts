import type { Page } from '@playwright/test';

interface Point {
  x: number;
  y: number;
}

interface CharacterBoxes {
  first: { left: number; right: number; top: number; bottom: number; rtl: boolean };
  last: { left: number; right: number; top: number; bottom: number; rtl: boolean };
}

/**
 * Screen boxes of the first and last characters of the `occurrence`-th match of `needle` in
 * the article, for driving the mouse like an analyst would: measured once the fonts are loaded
 * and again after two frames until two measures agree. An analyst aims at the text where it
 * has settled; a box measured a frame before a late layout change (a font, a pane, label rows)
 * sent a double click to the word before it, now and then on CI.
 */
async function characterBoxes(page: Page, needle: string, occurrence: number): Promise<CharacterBoxes> {
  let measured = await measureCharacterBoxes(page, needle, occurrence);
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((settle) => requestAnimationFrame(() => requestAnimationFrame(() => settle())))));
    const again = await measureCharacterBoxes(page, needle, occurrence);
    if (JSON.stringify(again) === JSON.stringify(measured)) return again;
    measured = again;
  }
  return measured;
}

const SETTLE_ATTEMPTS = 10;

/** Screen boxes of the phrase's first and last characters now, found through DOM positions. */
async function measureCharacterBoxes(page: Page, needle: string, occurrence: number): Promise<CharacterBoxes> {
  return page.evaluate(
    ([wanted, nth]) => {
      const root = document.querySelector<HTMLElement>('[data-testid="article"]');
      if (!root) throw new Error('No article is shown.');
      const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('[data-offset]'));
      let seen = 0;
      for (const paragraph of paragraphs) {
        const text = paragraph.textContent ?? '';
        let index = text.indexOf(wanted);
        while (index >= 0) {
          if (seen === nth) {
            const locate = (offset: number) => {
              const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
              let remaining = offset;
              for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
                if (remaining < node.data.length) return { node, offset: remaining };
                remaining -= node.data.length;
              }
              throw new Error('offset outside paragraph');
            };
            const box = (offset: number) => {
              const position = locate(offset);
              const range = document.createRange();
              range.setStart(position.node, position.offset);
              const width = /[\ud800-\udbff]/.test(position.node.data[position.offset]) ? 2 : 1;
              range.setEnd(position.node, Math.min(position.node.data.length, position.offset + width));
              const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
              const rtl = /[\u0590-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/.test(position.node.data[position.offset]);
              return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, rtl };
            };
            paragraph.scrollIntoView({ block: 'center' });
            // A paragraph (or a piece of a very long one) can be taller than the view: bring the phrase itself to the middle.
            const scroller = paragraph.closest('.article-scroller');
            if (scroller) {
              const view = scroller.getBoundingClientRect();
              const phrase = box(index);
              scroller.scrollTop += (phrase.top + phrase.bottom) / 2 - (view.top + view.height / 2);
            }
            return { first: box(index), last: box(index + wanted.length - 1) };
          }
          seen++;
          index = text.indexOf(wanted, index + 1);
        }
      }
      throw new Error(`«${wanted}» (occurrence ${nth}) is not in the article.`);
    },
    [needle, occurrence] as const,
  );
}

/** Where a selection starts before a character and ends after one, by its writing direction. */
function edgePoints(boxes: CharacterBoxes): { before: Point; after: Point } {
  const middleY = (box: { top: number; bottom: number }) => (box.top + box.bottom) / 2;
  return {
    before: { x: boxes.first.rtl ? boxes.first.right - 1 : boxes.first.left + 1, y: middleY(boxes.first) },
    after: { x: boxes.last.rtl ? boxes.last.left + 1 : boxes.last.right - 1, y: middleY(boxes.last) },
  };
}

/** Drags the mouse over a phrase, from its logical start to its end or the other way round. */
export async function dragSelect(page: Page, needle: string, options: { occurrence?: number; backwards?: boolean; modifiers?: ('Alt' | 'Control')[] } = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Measured again for each attempt: the page may have moved the text since (a pane filled in).
    const { before, after } = edgePoints(await characterBoxes(page, needle, options.occurrence ?? 0));
    const [from, to] = options.backwards ? [after, before] : [before, after];
    await watchForSelection(page);
    for (const modifier of options.modifiers ?? []) await page.keyboard.down(modifier);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    for (const modifier of options.modifiers ?? []) await page.keyboard.up(modifier);
    // At a load average of 20 a drag now and then selects nothing (the caret placed at the press,
    // no selectionchange on the moves): an analyst would drag again. A drag that selected anything
    // at any moment is left as it is, even when the app then took the selection (Ctrl+drag adds a
    // fragment and clears it): dragging again would repeat the action.
    if (attempt === DRAG_ATTEMPTS || (await selectedSinceWatched(page))) return;
  }
}

const DRAG_ATTEMPTS = 3;

type SelectionWatch = { selectedSinceWatched?: boolean; selectionWatcher?: () => void };

/** Notes, from now on, whether the page's selection is ever not collapsed. */
async function watchForSelection(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = window as unknown as SelectionWatch;
    if (watch.selectionWatcher) document.removeEventListener('selectionchange', watch.selectionWatcher);
    watch.selectedSinceWatched = false;
    watch.selectionWatcher = () => {
      if (window.getSelection()?.isCollapsed === false) watch.selectedSinceWatched = true;
    };
    document.addEventListener('selectionchange', watch.selectionWatcher);
  });
}

/** Whether anything was selected since watchForSelection; the watch ends. */
async function selectedSinceWatched(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const watch = window as unknown as SelectionWatch;
    if (watch.selectionWatcher) document.removeEventListener('selectionchange', watch.selectionWatcher);
    watch.selectionWatcher = undefined;
    return watch.selectedSinceWatched === true || window.getSelection()?.isCollapsed === false;
  });
}

/** Double-clicks the middle of a word. */
export async function doubleClickWord(page: Page, word: string, occurrence = 0): Promise<void> {
  const boxes = await characterBoxes(page, word, occurrence);
  const x = (Math.min(boxes.first.left, boxes.last.left) + Math.max(boxes.first.right, boxes.last.right)) / 2;
  const y = (boxes.first.top + boxes.first.bottom) / 2;
  await page.mouse.dblclick(x, y);
}

/** Clicks a character inside a phrase (its middle character). */
export async function clickText(page: Page, needle: string, occurrence = 0): Promise<void> {
  const boxes = await characterBoxes(page, needle, occurrence);
  const x = (Math.min(boxes.first.left, boxes.last.left) + Math.max(boxes.first.right, boxes.last.right)) / 2;
  await page.mouse.click(x, (boxes.first.top + boxes.first.bottom) / 2);
}

/** The text of an annotation as shown: all of its highlight elements' text, in order. */
export async function highlightText(page: Page, annotationId: string): Promise<string> {
  return page.evaluate((id) => {
    const elements = Array.from(document.querySelectorAll(`[data-annotation-id="${CSS.escape(id)}"]`));
    // Nested elements of the same annotation never occur; siblings are joined in DOM order.
    return elements.map((element) => element.textContent ?? '').join('');
  }, annotationId);
}

/** Scrolls the annotation's first highlight into view and clicks the middle of its first line box, as an analyst clicks a tag. */
export async function clickHighlight(page: Page, annotationId: string): Promise<void> {
  const mark = page.locator(`mark[data-annotation-id="${annotationId}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  const centre = await mark.evaluate((element) => {
    const rect = element.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(centre.x, centre.y);
}
