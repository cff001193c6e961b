import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { codePointIndexOf, copyCorpus, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test, type AnnotationFileOnDisk } from './fixtures';
import { clickText, doubleClickWord, dragSelect } from './textGestures';

function span(file: AnnotationFileOnDisk, type: string) {
  return file.annotations.filter((annotation) => annotation.type === type);
}

/** Presses a key as a Persian keyboard layout sends it: `key` is the Persian character, `code` the physical key. */
async function pressWithPersianLayout(page: Page, key: string, code: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}): Promise<void> {
  await page.evaluate(
    ([k, c, m]) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true, ...m }));
    },
    [key, code, modifiers] as const,
  );
}

async function selectionOffsetsOnScreen(page: Page): Promise<string> {
  return (await page.getByTestId('selection-offsets').textContent()) ?? '';
}

test('RTL drags in both directions, a Latin name and a number in a Persian sentence', async ({ launch }) => {
  const corpus = await copyCorpus();
  const name = '03-tech-mixed.txt';
  const text = await fs.readFile(path.join(corpus, name), 'utf8');
  const { page } = await launch({ corpus });
  await openArticleNamed(page, name);

  await dragSelect(page, 'دانشگاه صنعتی شریف');
  const forward = await selectionOffsetsOnScreen(page);
  await page.keyboard.press('Escape');
  await dragSelect(page, 'دانشگاه صنعتی شریف', { backwards: true });
  expect(await selectionOffsetsOnScreen(page)).toBe(forward);
  await page.keyboard.press('Digit2');

  await dragSelect(page, 'Google');
  await page.keyboard.press('Digit2');
  await dragSelect(page, 'ACL 2025');
  await page.keyboard.press('Digit5');
  // A drag that starts inside an existing highlight and ends after it.
  await dragSelect(page, 'Sarah Miller', { backwards: true });
  await page.keyboard.press('Digit1');

  const file = await expectFileSoon(corpus, name, (saved) => {
    if (saved.annotations.length !== 4) throw new Error('not yet');
  });
  const expectSpan = (type: string, words: string) => {
    const found = span(file, type).find((annotation) => annotation.text === words);
    expect(found, `${type} «${words}»`).toBeDefined();
    expect(found?.start).toBe(codePointIndexOf(text, words));
    expect(found?.end).toBe(codePointIndexOf(text, words) + Array.from(words).length);
  };
  expectSpan('ORG', 'دانشگاه صنعتی شریف');
  expectSpan('ORG', 'Google');
  expectSpan('EVENT', 'ACL 2025');
  expectSpan('PER', 'Sarah Miller');
  await screenshot(page, 'mixed-rtl-ltr');
});

test('part of a run-together word with character precision keeps the word joined and its width', async ({ launch }) => {
  const corpus = await makeCorpus({ 'scraped.txt': 'نیروهای امنیتیگروه ویژه را در مرز مستقر کردند.\n' });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'scraped.txt');
  const wordWidth = () =>
    page.evaluate(() => {
      const paragraph = document.querySelector('[data-testid="article"] [data-offset]') as HTMLElement;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const full = nodes.map((node) => node.data).join('');
      const start = full.indexOf('امنیتیگروه');
      const locate = (offset: number): [Text, number] => {
        let remaining = offset;
        for (const node of nodes) {
          if (remaining <= node.data.length) return [node, remaining];
          remaining -= node.data.length;
        }
        throw new Error('outside');
      };
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(start + 'امنیتیگروه'.length));
      return range.getBoundingClientRect().width;
    });
  const before = await wordWidth();
  // Word snapping would widen «امنیتی» to the whole run-together word; Alt gives character precision.
  await dragSelect(page, 'امنیتی', { modifiers: ['Alt'] });
  await page.keyboard.press('Digit2');
  const file = await expectFileSoon(corpus, 'scraped.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  expect(file.annotations[0].text).toBe('امنیتی');
  expect(file.annotations[0].start).toBe(8);
  const after = await wordWidth();
  expect(Math.abs(after - before)).toBeLessThan(0.5);

  // Without the modifier, the same drag snaps to the whole word.
  await page.keyboard.press('Escape');
  await dragSelect(page, 'ویژه');
  await page.keyboard.press('Digit3');
  await expectFileSoon(corpus, 'scraped.txt', (saved) => {
    if (!saved.annotations.some((annotation) => annotation.text === 'ویژه')) throw new Error('not yet');
  });
  await screenshot(page, 'run-together-word');
});

test('nested and overlapping spans, retag, delete, and undo/redo checked on disk after each step', async ({ launch }) => {
  const corpus = await copyCorpus();
  const name = '01-tehran-metro.txt';
  const { page } = await launch({ corpus });
  await openArticleNamed(page, name);
  const count = async (n: number) =>
    expectFileSoon(corpus, name, (saved) => {
      if (saved.annotations.length !== n) throw new Error('not yet');
    });

  await dragSelect(page, 'شهرداری تهران');
  await page.keyboard.press('Digit2'); // ORG
  await dragSelect(page, 'تهران و', { modifiers: ['Alt'] });
  await page.keyboard.press('Shift+ArrowRight'); // visually right = backwards in RTL: drops « و»… then re-read
  await page.keyboard.press('Escape');
  await dragSelect(page, 'تهران', { occurrence: 2 });
  await page.keyboard.press('Digit3'); // LOC nested inside ORG
  await dragSelect(page, 'همکاری شهرداری');
  await page.keyboard.press('Digit9'); // MISC overlapping ORG
  let file = await count(3);
  const org = span(file, 'ORG')[0];
  const loc = span(file, 'LOC')[0];
  const misc = span(file, 'MISC')[0];
  expect(loc.start).toBeGreaterThan(org.start);
  expect(loc.end).toBe(org.end);
  expect(misc.start).toBeLessThan(org.start);
  expect(misc.end).toBeGreaterThan(org.start);
  expect(misc.end).toBeLessThan(org.end);
  await expect(page.locator(`[data-annotation-id="${loc.id}"]`)).toHaveCount(1);
  await screenshot(page, 'nested-overlapping');

  // A click selects the innermost highlight; a second click the one around it. Retag the outer one.
  await clickText(page, 'تهران', 2);
  await clickText(page, 'تهران', 2);
  await page.keyboard.press('Digit1'); // ORG → PER
  file = await expectFileSoon(corpus, name, (saved) => {
    if (!saved.annotations.some((annotation) => annotation.id === org.id && annotation.type === 'PER')) throw new Error('not yet');
  });
  expect(file.annotations.find((annotation) => annotation.id === loc.id)?.type).toBe('LOC');

  // Delete the MISC span.
  await clickText(page, 'همکاری');
  await page.keyboard.press('Delete');
  await count(2);

  // Undo, undo, redo, redo: the file follows each step.
  await page.keyboard.press('Control+KeyZ');
  await count(3);
  await page.keyboard.press('Control+KeyZ');
  file = await expectFileSoon(corpus, name, (saved) => {
    if (!saved.annotations.some((annotation) => annotation.id === org.id && annotation.type === 'ORG')) throw new Error('not yet');
  });
  await page.keyboard.press('Control+Shift+KeyZ');
  file = await expectFileSoon(corpus, name, (saved) => {
    if (!saved.annotations.some((annotation) => annotation.id === org.id && annotation.type === 'PER')) throw new Error('not yet');
  });
  await page.keyboard.press('Control+Shift+KeyZ');
  await count(2);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
});

test('hotkeys under a Persian keyboard layout: ۱ tags, Ctrl+ظ undoes, ? lists the shortcuts', async ({ launch }) => {
  const corpus = await copyCorpus();
  const name = '02-football.txt';
  const { page } = await launch({ corpus });
  await openArticleNamed(page, name);
  await doubleClickWord(page, 'استقلال');
  await pressWithPersianLayout(page, '۱', 'Digit1');
  const file = await expectFileSoon(corpus, name, (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  expect(file.annotations[0]).toMatchObject({ type: 'PER', text: 'استقلال' });
  // With the highlight selected and no text selection, ۲ retags it.
  await clickText(page, 'استقلال');
  await pressWithPersianLayout(page, '۲', 'Digit2');
  await expectFileSoon(corpus, name, (saved) => {
    if (saved.annotations[0]?.type !== 'ORG') throw new Error('not yet');
  });
  await pressWithPersianLayout(page, 'ظ', 'KeyZ', { ctrlKey: true });
  await expectFileSoon(corpus, name, (saved) => {
    if (saved.annotations[0]?.type !== 'PER') throw new Error('not yet');
  });
  await pressWithPersianLayout(page, '؟', 'Slash', { shiftKey: true });
  await expect(page.getByRole('dialog')).toContainText('Ctrl+Z');
  await screenshot(page, 'shortcut-sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Tab walks the annotations in reading order while the article has focus, and past the last one leaves the article.
  await doubleClickWord(page, 'پرسپولیس');
  await page.keyboard.press('Digit2');
  await page.getByTestId('article').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.hl-selected')).toHaveCount(1);
  const first = await page.locator('.hl-selected').getAttribute('data-annotation-id');
  await page.keyboard.press('Tab');
  const second = await page.locator('.hl-selected').getAttribute('data-annotation-id');
  expect(second).not.toBe(first);
  await expect(page.getByTestId('article')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('article')).not.toBeFocused();
  const saved = await expectFileSoon(corpus, name, (file) => {
    if (file.annotations.length !== 2) throw new Error('not yet');
  });
  expect(saved.annotations.map((annotation) => annotation.id).sort()).toEqual([first, second].sort());
});

test('a selection that starts inside a highlight and crosses into the next paragraph tags exactly that text', async ({ launch }) => {
  const corpus = await makeCorpus({ 'two.txt': 'نشست شورای امنیت سازمان ملل\nدر نیویورک برگزار شد.\n' });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'two.txt');
  await dragSelect(page, 'سازمان ملل');
  await page.keyboard.press('Digit2');
  await expectFileSoon(corpus, 'two.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  // From inside «ملل» (already tagged) to the end of «نیویورک» on the next line.
  await page.evaluate(() => {
    const mark = document.querySelector('[data-annotation-id][data-entity-type="ORG"]') as HTMLElement;
    const inside = mark.firstChild as Text;
    const paragraphs = document.querySelectorAll('[data-testid="article"] [data-offset]');
    const second = paragraphs[1].firstChild as Text;
    const range = document.createRange();
    range.setStart(inside, inside.data.indexOf('ملل') + 1);
    range.setEnd(second, second.data.indexOf('نیویورک') + 3);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  // Releasing the mouse is what reads the selection; word snapping widens it to «ملل … نیویورک».
  const box = await page.getByTestId('article').boundingBox();
  await page.mouse.move((box?.x ?? 0) + 5, (box?.y ?? 0) + 5);
  await page.evaluate(() => document.querySelector('.article-scroller')?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
  await expect(page.getByTestId('selection-offsets')).toContainText('۲۴–۳۸');
  await page.keyboard.press('Digit5'); // EVENT in the default tag set
  const file = await expectFileSoon(corpus, 'two.txt', (saved) => {
    if (saved.annotations.length !== 2) throw new Error('not yet');
  });
  const crossing = file.annotations.find((annotation) => annotation.type === 'EVENT');
  expect(crossing?.text).toBe('ملل\nدر نیویورک');
  expect(crossing?.start).toBe(codePointIndexOf('نشست شورای امنیت سازمان ملل\nدر نیویورک برگزار شد.\n', 'ملل'));
});
