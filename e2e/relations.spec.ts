import type { Page } from '@playwright/test';
import { expect, expectFileSoon, screenshot, test, type AnnotationFileOnDisk } from './fixtures';
import { arc, clickMark, linkByClick, mark, markCentre, openRelationsCorpus, relationsAnnotationFile, relationsOnDisk, type FixtureEntity } from './relationsFixture';
import { dragSelect } from './textGestures';

/**
 * Relations, events and discontinuous spans (#20), each checked in the file on disk. The corpus
 * has a tag set with relation and event types and an article whose entities are already tagged.
 */
const ARTICLE = 'relations.txt';
const FILLER = 'در گزارشی که روز گذشته منتشر شد و بسیاری از رسانه‌ها آن را بازتاب دادند، دربارهٔ برنامه‌های آینده و همکاری‌های تازه سخن گفته شد و جزئیات بیشتری از نشست‌ها آمد';
const PARAGRAPHS = [
  'محمد رضایی عضو شورای شهر تهران است.',
  `علی احمدی ${FILLER} ${FILLER} و او استاد دانشگاه تهران است.`,
  'Reuters به نقل از سازمان ملل گزارش داد.',
  'گروه مسلح در کابل به سفارت حمله کرد.',
  'وزیر امور خارجهٔ ایران و عراق دیدار کردند.',
];
const TEXT = `${PARAGRAPHS.join('\n\n')}\n`;

const ENTITIES: FixtureEntity[] = [
  ['per1', 'PER', 'محمد رضایی'],
  ['org1', 'ORG', 'شورای شهر تهران'],
  ['per2', 'PER', 'علی احمدی'],
  ['org2', 'ORG', 'دانشگاه تهران'],
  ['org3', 'ORG', 'Reuters'],
  ['org4', 'ORG', 'سازمان ملل'],
  ['org5', 'ORG', 'گروه مسلح'],
  ['loc1', 'LOC', 'کابل'],
  ['fac1', 'FAC', 'سفارت'],
  ['ev1', 'Attack', 'حمله'],
  ['min1', 'PER', 'وزیر'],
];

async function openCorpus(launch: (options: { corpus: string }) => Promise<{ page: Page }>): Promise<{ page: Page; corpus: string }> {
  return openRelationsCorpus(launch, { article: ARTICLE, text: TEXT, annotations: relationsAnnotationFile(ARTICLE, TEXT, ENTITIES) });
}

test('a relation between two Persian entities in a right-to-left paragraph, by keyboard', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await clickMark(page, 'per1');
  await page.keyboard.press('KeyR');
  // Tab moves to the next annotation in reading order (the organisation), Enter takes it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const chooser = page.getByTestId('relation-chooser');
  await expect(chooser).toBeVisible();
  // PER → ORG: only member-of fits.
  await expect(chooser.locator('[data-choice]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (relationsOnDisk(saved).length !== 1) throw new Error('not yet');
  });
  const [relation] = relationsOnDisk(file);
  expect(relation).toMatchObject({ type: 'member-of', from: 'per1', to: 'org1' });
  const drawn = arc(page, relation.id);
  await expect(drawn).toHaveCount(1);
  // Right to left: the source (first in reading order) is to the right of the target, and the arc runs from it.
  const [source, target] = [await mark(page, 'per1').boundingBox(), await mark(page, 'org1').boundingBox()];
  expect(source && target && source.x > target.x).toBe(true);
  const arcBox = await drawn.locator('.arc-line').boundingBox();
  expect(arcBox && target && source && arcBox.x <= target.x + target.width && arcBox.x + arcBox.width >= source.x).toBe(true);
  await screenshot(page, 'relations-rtl');
});

test('a relation across a line break, one from a Latin name to a Persian one, and none that fits', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  const textBefore = await page.getByTestId('article').evaluate((element) => element.getBoundingClientRect().height);
  await linkByClick(page, 'per2', 'org2', 'member-of');
  const [first, last] = [await mark(page, 'per2').boundingBox(), await mark(page, 'org2').boundingBox()];
  expect(first && last && last.y > first.y + 10).toBe(true);
  await linkByClick(page, 'org3', 'org4', 'cites');
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (relationsOnDisk(saved).length !== 2) throw new Error('not yet');
  });
  expect(relationsOnDisk(file).map((relation) => [relation.type, relation.from, relation.to])).toEqual([
    ['member-of', 'per2', 'org2'],
    ['cites', 'org3', 'org4'],
  ]);
  await expect(page.locator('[data-relation-id]')).toHaveCount(2);
  // Drawing moved nothing: the article is as tall as before.
  expect(await page.getByTestId('article').evaluate((element) => element.getBoundingClientRect().height)).toBe(textBefore);
  const centre = await markCentre(page, 'org2');
  await page.mouse.move(centre.x, centre.y);
  // Hovering an annotation brings its arcs forward and fades the others.
  await expect(page.locator('.relation-arc.arc-faded')).toHaveCount(1);
  await screenshot(page, 'relations-line-break-latin');

  // LOC → PER: no relation type fits, and the chooser says so.
  await clickMark(page, 'loc1');
  await page.keyboard.press('KeyR');
  await clickMark(page, 'per1');
  await expect(page.getByTestId('no-relation-fits')).toContainText('هیچ نوع رابطه‌ای');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('relation-chooser')).toBeHidden();
});

test('an event with three roles', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await linkByClick(page, 'ev1', 'org5', 'Attacker');
  await linkByClick(page, 'ev1', 'fac1', 'Target');
  await linkByClick(page, 'ev1', 'loc1', 'Place');
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    const trigger = saved.annotations.find((annotation) => annotation.id === 'ev1') as { roles?: unknown[] } | undefined;
    if (trigger?.roles?.length !== 3) throw new Error('not yet');
  });
  const trigger = file.annotations.find((annotation) => annotation.id === 'ev1') as unknown as { type: string; roles: { role: string; target: string }[] };
  expect(trigger.type).toBe('Attack');
  expect(trigger.roles).toEqual([
    { role: 'Attacker', target: 'org5' },
    { role: 'Target', target: 'fac1' },
    { role: 'Place', target: 'loc1' },
  ]);
  await expect(page.locator('[data-relation-id="ev1"]')).toHaveCount(3);
  // Place is at most one: linking another place offers no role.
  await clickMark(page, 'ev1');
  await page.keyboard.press('KeyR');
  await clickMark(page, 'loc1');
  await expect(page.getByTestId('no-relation-fits')).toBeVisible();
  await page.keyboard.press('Escape');
  await clickMark(page, 'ev1');
  await screenshot(page, 'relations-event');
});

test('a discontinuous span: Ctrl+drag adds a fragment, the pieces read as one annotation, one can be removed', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await clickMark(page, 'min1');
  await dragSelect(page, 'عراق', { modifiers: ['Control'] });
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    const minister = saved.annotations.find((annotation) => annotation.id === 'min1') as { fragments?: unknown[] } | undefined;
    if (minister?.fragments?.length !== 2) throw new Error('not yet');
  });
  const minister = file.annotations.find((annotation) => annotation.id === 'min1') as unknown as { text: string; fragments: { start: number; end: number }[] };
  expect(minister.text).toBe('وزیر عراق');
  await expect(page.locator('mark[data-annotation-id="min1"]')).toHaveCount(2);
  // The gap between the pieces is not highlighted.
  await expect(page.locator('mark[data-annotation-id="min1"]').nth(1)).toHaveText('عراق');
  await screenshot(page, 'relations-discontinuous');
  await page.getByTestId('relation-details').getByRole('button', { name: /حذف تکهٔ ۲/ }).click();
  await expectFileSoon(corpus, ARTICLE, (saved) => {
    const changed = saved.annotations.find((annotation) => annotation.id === 'min1') as { fragments?: unknown[]; text: string } | undefined;
    if (!changed || changed.fragments !== undefined || changed.text !== 'وزیر') throw new Error('not yet');
  });
});

test('deleting an entity with relations lists them first; undo brings all back', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await linkByClick(page, 'per1', 'org1', 'member-of');
  await linkByClick(page, 'ev1', 'org5', 'Attacker');
  await linkByClick(page, 'org5', 'loc1', 'located-in');
  await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (relationsOnDisk(saved).length !== 2) throw new Error('not yet');
  });
  await clickMark(page, 'org5');
  await page.keyboard.press('Delete');
  const listed = page.getByTestId('linked-items');
  await expect(listed.locator('li')).toHaveCount(2);
  await screenshot(page, 'relations-delete-confirm');
  await page.getByRole('button', { name: 'حذف', exact: true }).last().click();
  // Only the member-of arc is left: the role and located-in went with the organisation.
  await expect(page.locator('[data-relation-id]')).toHaveCount(1);
  const after = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (saved.annotations.some((annotation) => annotation.id === 'org5')) throw new Error('not yet');
  });
  expect(relationsOnDisk(after).map((relation) => relation.type)).toEqual(['member-of']);
  expect((after.annotations.find((annotation) => annotation.id === 'ev1') as { roles?: unknown }).roles).toBeUndefined();
  await page.getByTestId('article').focus();
  await page.keyboard.press('Control+KeyZ');
  const restored = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (!saved.annotations.some((annotation) => annotation.id === 'org5')) throw new Error('not yet');
  });
  expect(relationsOnDisk(restored).map((relation) => relation.type).sort()).toEqual(['located-in', 'member-of']);
  expect((restored.annotations.find((annotation) => annotation.id === 'ev1') as { roles?: unknown[] }).roles).toEqual([{ role: 'Attacker', target: 'org5' }]);
  await expect(page.locator('[data-relation-id]')).toHaveCount(3);
});

test('link by dragging the selected annotation’s handle to another, then choose the type', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await clickMark(page, 'per1');
  const handle = page.getByTestId('link-handle').locator('circle');
  await expect(handle).toHaveCount(1);
  const from = await handle.boundingBox();
  const to = await markCentre(page, 'org1');
  if (!from) throw new Error('no handle');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  const chooser = page.getByTestId('relation-chooser');
  await expect(chooser).toBeVisible();
  await expect(chooser.locator('[data-choice]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (relationsOnDisk(saved).length !== 1) throw new Error('not yet');
  });
  expect(relationsOnDisk(file)[0]).toMatchObject({ type: 'member-of', from: 'per1', to: 'org1' });
});

test('fragments by keyboard: G selects the next word, G adds it; Shift+G removes it', async ({ launch }) => {
  const { page, corpus } = await openCorpus(launch);
  await clickMark(page, 'min1');
  await page.keyboard.press('KeyG');
  await page.keyboard.press('KeyG');
  const minister = (saved: AnnotationFileOnDisk) => saved.annotations.find((annotation) => annotation.id === 'min1') as unknown as { text: string; fragments?: unknown[] } | undefined;
  const file = await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (minister(saved)?.fragments?.length !== 2) throw new Error('not yet');
  });
  expect(minister(file)?.text).toBe('وزیر امور');
  await expect(page.locator('mark[data-annotation-id="min1"]')).toHaveCount(2);
  await page.keyboard.press('Shift+KeyG');
  await expectFileSoon(corpus, ARTICLE, (saved) => {
    if (minister(saved)?.fragments !== undefined || minister(saved)?.text !== 'وزیر') throw new Error('not yet');
  });
});

test('arc labels never intersect each other nor the label chips', async ({ launch }) => {
  const { page } = await openCorpus(launch);
  await linkByClick(page, 'org3', 'org4', 'cites');
  await linkByClick(page, 'org4', 'org3', 'cites');
  await linkByClick(page, 'per1', 'org1', 'member-of');
  await linkByClick(page, 'org5', 'loc1', 'located-in');
  await linkByClick(page, 'fac1', 'loc1', 'located-in');
  await expect(page.locator('[data-relation-id]')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500);
  const overlaps = await page.evaluate(() => {
    const boxes: { name: string; left: number; right: number; top: number; bottom: number }[] = [];
    document.querySelectorAll('.arc-label').forEach((label) => {
      const box = label.getBoundingClientRect();
      boxes.push({ name: `arc ${label.textContent}`, left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    });
    document.querySelectorAll<HTMLElement>('[data-testid="article"] .label-chip').forEach((chip) => {
      const box = chip.getBoundingClientRect();
      boxes.push({ name: `chip ${chip.dataset.label}`, left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    });
    const found: string[] = [];
    boxes.forEach((box, index) => {
      boxes.slice(index + 1).forEach((other) => {
        const meet = box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
        if (meet && (box.name.startsWith('arc') || other.name.startsWith('arc'))) found.push(`${box.name} × ${other.name}`);
      });
    });
    return found;
  });
  expect(overlaps).toEqual([]);
  await screenshot(page, 'relations-labels-clear');
});
