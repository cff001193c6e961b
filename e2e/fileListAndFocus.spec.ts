import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

/**
 * (#19) File-list rows never wrap or overlap: a long name is cut with an ellipsis and shown whole
 * on hover. The article region's `lang` and `dir` follow the article, not a fixed `fa`. Focus moved
 * by the keyboard is always drawn.
 */
const LONG_PERSIAN = 'گزارش-بسیار-بلند-نشست-شورای-امنیت-سازمان-ملل-دربارهٔ-وضعیت-پناهندگان-در-منطقه-۱۴۰۳.txt';
const LONG_LATIN = 'a-very-long-brat-style-document-name-from-the-conll-shared-task-collection-0001.txt';

test('long file names stay on one row, cut with an ellipsis, whole on hover; rows never overlap', async ({ launch }) => {
  const corpus = await makeCorpus({
    [LONG_PERSIAN]: 'نشست شورای امنیت در نیویورک برگزار شد.\n',
    [LONG_LATIN]: 'The meeting was held in Geneva on Monday.\n',
    'short.txt': 'کوتاه.\n',
  });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  const list = page.getByTestId('file-list');
  await expect(list).toContainText('short.txt');
  await openArticleNamed(page, 'short.txt');
  const rows = await page.locator('[data-testid="file-list"] .file').evaluateAll((buttons) =>
    buttons.map((button) => {
      const name = button.querySelector<HTMLElement>('.file-name');
      const rect = button.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(button).lineHeight) || parseFloat(getComputedStyle(button).fontSize) * 1.6;
      return {
        title: button.getAttribute('title') ?? '',
        top: rect.top,
        bottom: rect.bottom,
        oneLine: name ? name.getClientRects().length === 1 && name.getBoundingClientRect().height <= lineHeight * 1.5 : false,
        cut: name ? name.scrollWidth > name.clientWidth : false,
        ellipsis: name ? getComputedStyle(name).textOverflow === 'ellipsis' : false,
        insideList: rect.right <= (button.closest('.corpus-pane')?.getBoundingClientRect().right ?? Infinity) + 0.5,
      };
    }),
  );
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    expect(row.oneLine, `${row.title} on one line`).toBe(true);
    expect(row.insideList, `${row.title} inside the pane`).toBe(true);
  }
  const byTitle = (name: string) => rows.find((row) => row.title === name);
  for (const name of [LONG_PERSIAN, LONG_LATIN]) {
    expect(byTitle(name), `${name}: whole on hover`).toBeDefined();
    expect(byTitle(name)?.cut, `${name}: cut`).toBe(true);
    expect(byTitle(name)?.ellipsis, `${name}: with an ellipsis`).toBe(true);
  }
  const ordered = [...rows].sort((a, b) => a.top - b.top);
  for (let index = 1; index < ordered.length; index += 1) expect(ordered[index].top, 'rows never overlap').toBeGreaterThanOrEqual(ordered[index - 1].bottom - 0.5);
  await screenshot(page, 'file-list-long-names-1024x700-fa');
});

test('the article region takes the language and direction of the article, and keyboard focus is always drawn', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a-persian.txt': 'وزیر امور خارجه در تهران سخن گفت.\n', 'b-english.txt': 'The minister spoke in Tehran on Monday.\n' });
  const { page } = await launch({ corpus });
  const article = page.getByTestId('article');
  await openArticleNamed(page, 'a-persian.txt');
  await expect(article).toHaveAttribute('lang', 'fa');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await openArticleNamed(page, 'b-english.txt');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');
  await expect(article).toHaveAttribute('role', 'region');
  await expect(article).toHaveAttribute('aria-label', /b-english\.txt/);

  // Tab through the window: every element the keyboard reaches shows a focus outline.
  await article.focus();
  const undrawn: string[] = [];
  const reached = new Set<string>();
  for (let step = 0; step < 25; step += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { name: `${element.tagName.toLowerCase()}.${element.className} ${element.getAttribute('aria-label') ?? element.textContent?.slice(0, 20) ?? ''}`, drawn };
    });
    if (focus) reached.add(focus.name);
    if (focus && !focus.drawn) undrawn.push(focus.name);
  }
  expect(reached.size, [...reached].join(' | ')).toBeGreaterThanOrEqual(8);
  expect(undrawn, 'focused without a visible outline').toEqual([]);
});
