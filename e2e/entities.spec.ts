import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { clickHighlight } from './textGestures';

/**
 * The entity registry (#24): two mentions linked to one entity (one made from the selected
 * annotation, the second found by typing in the L popup), the entity view, an unlinked mention
 * whose ZWNJ was lost linked with one key, and the files on disk.
 */
const FIRST = 'a.txt';
const SECOND = 'b.txt';
const FIRST_TEXT = 'وزیر امور خارجه محمدجواد ظریف امروز به تهران رفت.\n\nظریف در دیدار با همتای خود گفت که گفت‌وگوها ادامه دارد.\n';
const SECOND_TEXT = 'به گزارش خبرگزاری‌ها، محمد جواد ظریف دیروز در نشست خبری شرکت کرد.\n';

/** `anchor`: where the needle starts, when it occurs earlier too. */
function annotationFile(article: string, text: string, annotations: [id: string, type: string, needle: string, anchor?: string][]): string {
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: article, sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: 'in-progress',
    annotations: annotations.map(([id, type, needle, anchor]) => {
      const start = Array.from(text.slice(0, text.indexOf(anchor ?? needle))).length;
      return { id, type, start, end: start + Array.from(needle).length, text: needle };
    }),
    relations: [],
    labels: [],
  });
}

async function corpusForEntities(): Promise<string> {
  return makeCorpus({
    [FIRST]: FIRST_TEXT,
    'a.ann.json': annotationFile(FIRST, FIRST_TEXT, [
      ['p1', 'PER', 'محمدجواد ظریف'],
      ['p2', 'PER', 'ظریف', 'ظریف در'],
      ['l1', 'LOC', 'تهران'],
    ]),
    [SECOND]: SECOND_TEXT,
  });
}

async function clickMark(page: Page, id: string): Promise<void> {
  await clickHighlight(page, id);
  await expect(page.getByTestId('entity-field')).toBeVisible();
}

interface RegistryOnDisk {
  entities: { id: string; type: string; names: { fa?: string; latin?: string }; aliases: string[] }[];
}

async function registryOnDisk(corpus: string): Promise<RegistryOnDisk> {
  return JSON.parse(await fs.readFile(path.join(corpus, 'entities.json'), 'utf8')) as RegistryOnDisk;
}

test('link two mentions to one entity, open the entity view and link an unlinked one with one key', async ({ launch }) => {
  const corpus = await corpusForEntities();
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 } });
  await openArticleNamed(page, FIRST);
  await expect(page.locator('[data-annotation-id="p1"]').first()).toBeVisible();

  // 1. A new entity from the selected annotation: L, then Ctrl+Enter.
  await clickMark(page, 'p1');
  await page.keyboard.press('KeyL');
  const picker = page.getByTestId('entity-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('entity-search')).toBeFocused();
  await screenshot(page, 'entities-picker-fa-1440');
  await page.keyboard.press('Control+Enter');
  await expect(picker).toBeHidden();
  await expect.poll(async () => (await registryOnDisk(corpus)).entities.length).toBe(1);
  const entity = (await registryOnDisk(corpus)).entities[0];
  expect(entity).toMatchObject({ type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: [] });
  await expect(page.getByTestId('entity-field')).toHaveAttribute('data-entity-id', entity.id);

  // 2. The second mention by searching: the name typed with a space where the file has none.
  await clickMark(page, 'p2');
  await page.keyboard.press('KeyL');
  await expect(picker).toBeVisible();
  await page.getByTestId('entity-search').fill('محمد جواد');
  await expect(picker.locator(`[data-entity-id="${entity.id}"]`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expectFileSoon(corpus, FIRST, (file) => {
    const links = Object.fromEntries(file.annotations.map((annotation) => [annotation.id, annotation.entity]));
    expect(links).toEqual({ p1: entity.id, p2: entity.id, l1: undefined });
  });

  // 3. Undo takes the second link back, redo brings it again.
  await page.locator('[data-testid="article"]').focus();
  await page.keyboard.press('Control+KeyZ');
  await expect(page.getByTestId('entity-field')).toHaveAttribute('data-entity-id', '');
  await page.keyboard.press('Control+Shift+KeyZ');
  await expect(page.getByTestId('entity-field')).toHaveAttribute('data-entity-id', entity.id);

  // 4. The entity view: two mentions, and the lost-ZWNJ spelling in the other article unlinked.
  await page.getByTestId('entity-field').getByRole('button', { name: /نمای موجودیت/ }).click();
  const view = page.getByTestId('entity-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('entity-mentions').locator('tbody tr')).toHaveCount(2);
  const unlinked = view.getByTestId('entity-unlinked-mention').filter({ hasText: 'محمد جواد ظریف' });
  await expect(unlinked).toHaveCount(1);
  await screenshot(page, 'entities-view-fa-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'entities-view-fa-1024');
  await unlinked.focus();
  await page.keyboard.press('KeyL');
  await expect(view.getByTestId('entity-mentions').locator('tbody tr')).toHaveCount(3);
  await expect(view.getByTestId('entity-unlinked-mention').filter({ hasText: 'محمد جواد ظریف' })).toHaveCount(0);
  await expectFileSoon(corpus, SECOND, (file) => {
    expect(file.annotations).toEqual([expect.objectContaining({ type: 'PER', text: 'محمد جواد ظریف', entity: entity.id })]);
  });
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  expect((await registryOnDisk(corpus)).entities).toHaveLength(1);
});

test('the entity view in English', async ({ launch }) => {
  const corpus = await corpusForEntities();
  await fs.writeFile(
    path.join(corpus, 'entities.json'),
    JSON.stringify({ version: 1, entities: [{ id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Mohammad Javad Zarif' }, aliases: ['ظریف'], wikidata: 'Q123' }] }),
  );
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await openArticleNamed(page, FIRST);
  await clickMark(page, 'p1');
  await page.keyboard.press('KeyL');
  await page.getByTestId('entity-search').fill('zarif');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entity-field')).toContainText('Mohammad Javad Zarif');
  await page.getByTestId('entity-field').getByRole('button', { name: 'Entity view' }).click();
  const view = page.getByTestId('entity-view');
  await expect(view.getByTestId('entity-mentions').locator('tbody tr')).toHaveCount(1);
  await expect(view.getByTestId('entity-unlinked-mention')).toHaveCount(2);
  await screenshot(page, 'entities-view-en-1440');
});
