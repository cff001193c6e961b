import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { clickHighlight } from './textGestures';

/**
 * (#24) The end-to-end: a gazetteer run on an article, every PER suggestion accepted, one
 * other rejected, two mentions linked to one entity with L, the entity view (with the article's
 * date, Jalali in Persian and Gregorian in English), and the three files on disk:
 * NAME.ann.json, NAME.annotators/gazetteer.ann.json and entities.json.
 */
const TEXT = 'محمدجواد ظریف در تهران با عباس عراقچی دیدار کرد. ظریف به سازمان ملل رفت.\n';
const GAZETTEER = '# نام‌ها\nمحمدجواد ظریف\tPER\nظریف\tPER\nعباس عراقچی\tPER\nتهران\tLOC\nسازمان ملل\tORG\n';
const META = JSON.stringify({ title: 'دیدار در تهران', published: '2024-03-20' });

interface AnnotationOnDisk {
  id: string;
  type: string;
  text: string;
  entity?: string;
  attributes?: Record<string, unknown>;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

async function openPretagDialog(page: Page): Promise<void> {
  if (!(await page.getByTestId('pretag-button').isVisible())) await page.getByTestId('toolbar-more').click();
  await page.getByTestId('pretag-button').click();
  await expect(page.getByTestId('pretag-dialog')).toBeVisible();
}

async function runFromDialog(page: Page, source: 'gazetteer' | 'registry', shotName: string): Promise<void> {
  await openPretagDialog(page);
  const dialog = page.getByTestId('pretag-dialog');
  await dialog.getByTestId(`pretag-source-${source}`).check();
  if (source === 'gazetteer') await dialog.getByTestId('pretag-file').fill('names.tsv');
  await expect(dialog.getByTestId('pretag-as')).toHaveValue('gazetteer');
  await screenshot(page, shotName);
  await dialog.getByTestId('pretag-run').click();
  await expect(dialog.getByTestId('pretag-finished')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

async function clickMark(page: Page, id: string): Promise<void> {
  await clickHighlight(page, id);
  await expect(page.getByTestId('entity-field')).toBeVisible();
}

/** The analyst file's annotations once `ready` holds for them. */
async function analystWhen(corpus: string, ready: (annotations: AnnotationOnDisk[]) => boolean): Promise<AnnotationOnDisk[]> {
  let found: AnnotationOnDisk[] = [];
  await expectFileSoon(corpus, 'a.txt', (file) => {
    if (!ready(file.annotations as AnnotationOnDisk[])) throw new Error('not yet');
    found = file.annotations as AnnotationOnDisk[];
  });
  return found;
}

/** Links the annotation with `id` to an entity: a new one from it (Ctrl+Enter), or the one `search` finds (Enter). */
async function linkWithL(page: Page, id: string, search: string | null): Promise<void> {
  await clickMark(page, id);
  await page.keyboard.press('KeyL');
  const picker = page.getByTestId('entity-picker');
  await expect(picker).toBeVisible();
  if (search === null) await page.keyboard.press('Control+Enter');
  else {
    await page.getByTestId('entity-search').fill(search);
    await expect(picker.locator('[data-entity-id]').first()).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await expect(picker).toBeHidden();
}

test('gazetteer run, accept all PER, reject one, link two mentions with L, the entity view and the files (Persian, 1024×700 and 1440×900)', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': TEXT, 'a.meta.json': META, 'names.tsv': GAZETTEER });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'a.txt');
  await runFromDialog(page, 'gazetteer', 'entities-pretag-dialog-fa-1024');
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(5);

  // Accept every PER (Shift+Enter on the first suggestion, a PER), then reject the next one (Escape).
  await page.getByTestId('article').focus();
  await page.keyboard.press('Alt+KeyN');
  await page.keyboard.press('Shift+Enter');
  const accepted = await analystWhen(corpus, (annotations) => annotations.length === 3);
  expect(accepted.map((annotation) => [annotation.text, annotation.type]).sort()).toEqual([['ظریف', 'PER'], ['عباس عراقچی', 'PER'], ['محمدجواد ظریف', 'PER']]);
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(2);
  await page.keyboard.press('Alt+KeyN');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(1);

  // Two mentions, one entity: a new entity from «محمدجواد ظریف», then «ظریف» linked to it by searching.
  const full = accepted.find((annotation) => annotation.text === 'محمدجواد ظریف');
  const short = accepted.find((annotation) => annotation.text === 'ظریف');
  if (!full || !short) throw new Error('the accepted annotations are missing');
  await linkWithL(page, full.id, null);
  await linkWithL(page, short.id, 'محمدجواد');
  const linked = await analystWhen(corpus, (annotations) => annotations.filter((annotation) => annotation.entity !== undefined).length === 2);

  // The entity view: both mentions, dated by the article's metadata in the Jalali calendar.
  await page.getByTestId('entity-field').getByRole('button', { name: /نمای موجودیت/ }).click();
  const view = page.getByTestId('entity-view');
  await expect(view.getByTestId('entity-mentions').locator('tbody tr')).toHaveCount(2);
  await expect(view.getByTestId('entity-mention-date').first()).toHaveText('۱ فروردین ۱۴۰۳');
  await screenshot(page, 'entities-pretag-view-fa-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'entities-pretag-view-fa-1440');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();

  // The files on disk.
  const registry = await readJson<{ entities: { id: string; type: string; names: { fa?: string } }[] }>(path.join(corpus, 'entities.json'));
  expect(registry.entities).toEqual([expect.objectContaining({ type: 'PER', names: { fa: 'محمدجواد ظریف' } })]);
  const entityId = registry.entities[0].id;
  const analyst = await readJson<{ annotations: AnnotationOnDisk[] }>(path.join(corpus, 'a.ann.json'));
  expect(analyst.annotations.map((annotation) => [annotation.text, annotation.type, annotation.entity ?? null]).sort()).toEqual([
    ['ظریف', 'PER', entityId],
    ['عباس عراقچی', 'PER', null],
    ['محمدجواد ظریف', 'PER', entityId],
  ]);
  expect(linked).toHaveLength(3);
  const annotator = await readJson<{ annotations: AnnotationOnDisk[] }>(path.join(corpus, 'a.annotators', 'gazetteer.ann.json'));
  expect(annotator.annotations).toHaveLength(5);
  expect(annotator.annotations.every((annotation) => annotation.attributes?.pretag === 'gazetteer')).toBe(true);
  const rejected = annotator.annotations.filter((annotation) => annotation.attributes?.pretagRejected === true);
  expect(rejected.map((annotation) => annotation.type)).toHaveLength(1);
  expect(['LOC', 'ORG']).toContain(rejected[0].type);
});

test('the registry as the gazetteer, accept all of the run, link two mentions, the entity view in English (1440×900 and 1024×700)', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': TEXT, 'a.meta.json': META });
  await fs.writeFile(
    path.join(corpus, 'entities.json'),
    JSON.stringify({ version: 1, entities: [{ id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Mohammad Javad Zarif' }, aliases: ['ظریف'], wikidata: 'Q347587' }] }),
  );
  const { page } = await launch({ corpus, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await openArticleNamed(page, 'a.txt');
  await runFromDialog(page, 'registry', 'entities-pretag-dialog-en-1440');
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(2);
  await page.getByTestId('article').focus();
  await page.keyboard.press('Alt+Shift+Enter');
  const accepted = await analystWhen(corpus, (annotations) => annotations.length === 2);
  for (const annotation of accepted) await linkWithL(page, annotation.id, 'zarif');
  await analystWhen(corpus, (annotations) => annotations.every((annotation) => annotation.entity === 'zarif'));
  await page.getByTestId('entity-field').getByRole('button', { name: 'Entity view' }).click();
  const view = page.getByTestId('entity-view');
  await expect(view.getByTestId('entity-mentions').locator('tbody tr')).toHaveCount(2);
  await expect(view.getByTestId('entity-mention-date').first()).toHaveText('20 March 2024');
  await screenshot(page, 'entities-pretag-view-en-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'entities-pretag-view-en-1024');
  const annotator = await readJson<{ annotations: AnnotationOnDisk[] }>(path.join(corpus, 'a.annotators', 'gazetteer.ann.json'));
  expect(annotator.annotations.map((annotation) => annotation.text).sort()).toEqual(['ظریف', 'محمدجواد ظریف']);
});

test('L in a brat corpus says why linking is not available there, in Persian and in English', async ({ launch }) => {
  const text = 'ظریف در تهران.\n';
  const corpus = await makeCorpus({ 'doc.txt': text, 'doc.ann': 'T1\tPER 0 4\tظریف\n', 'annotation.conf': '[entities]\nPER\nLOC\n[relations]\n[events]\n[attributes]\n' });
  const { page } = await launch({ corpus, viewport: { width: 1024, height: 700 } });
  await openArticleNamed(page, 'doc.txt');
  await clickMark(page, 'T1');
  await page.keyboard.press('KeyL');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('پرونده‌های حاشیه‌نویسی خودِ حاشیه');
  await expect(notice).not.toContainText('annotation.conf');
  await expect(page.getByTestId('entity-picker')).toHaveCount(0);
  await screenshot(page, 'entities-brat-mode-fa-1024');
  await page.getByRole('button', { name: 'English' }).click();
  await clickMark(page, 'T1');
  await page.keyboard.press('KeyL');
  await expect(notice).toContainText('which a brat corpus does not have');
  await screenshot(page, 'entities-brat-mode-en-1024');
});
