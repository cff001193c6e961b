import type { Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test, type AnnotationFileOnDisk } from './fixtures';
import { openRelationsCorpus, RELATIONS_TAG_SET, relationsAnnotationFile, type FixtureEntity } from './relationsFixture';

/**
 * Relations and events in the side panes (#20): the list pane lists them and is driven by keys;
 * Delete goes through the same undoable edit as the details pane. Checked in the file on disk.
 */
const ARTICLE = 'panes.txt';
const TEXT = 'محمد رضایی عضو شورای شهر تهران است.\n\nReuters به نقل از سازمان ملل گزارش داد.\n\nگروه مسلح در کابل به سفارت حمله کرد.\n';
const ENTITIES: FixtureEntity[] = [
  ['per1', 'PER', 'محمد رضایی'],
  ['org1', 'ORG', 'شورای شهر تهران'],
  ['org3', 'ORG', 'Reuters'],
  ['org4', 'ORG', 'سازمان ملل'],
  ['org5', 'ORG', 'گروه مسلح'],
  ['loc1', 'LOC', 'کابل'],
  ['fac1', 'FAC', 'سفارت'],
  ['ev1', 'Attack', 'حمله'],
];
const ROLES = { ev1: [{ role: 'Attacker', target: 'org5' }, { role: 'Target', target: 'fac1' }, { role: 'Place', target: 'loc1' }] };
const RELATIONS = [
  { id: 'r1', type: 'member-of', from: 'per1', to: 'org1' },
  { id: 'r2', type: 'cites', from: 'org3', to: 'org4' },
];

function annotationFile(): string {
  return relationsAnnotationFile(ARTICLE, TEXT, ENTITIES, { roles: ROLES, relations: RELATIONS });
}

async function openPanes(launch: (options: { corpus: string; locale?: string; viewport?: { width: number; height: number } }) => Promise<{ page: Page }>, locale: string, viewport: { width: number; height: number }): Promise<{ page: Page; corpus: string }> {
  return openRelationsCorpus(launch, { article: ARTICLE, text: TEXT, annotations: annotationFile() }, { locale, viewport });
}

function relationIds(file: AnnotationFileOnDisk): string[] {
  return ((file.relations ?? []) as { id: string }[]).map((relation) => relation.id);
}

const activeRow = (page: Page) => page.getByTestId('relation-list').locator('[aria-selected="true"]');

test('the list pane lists relations and event roles; arrows move, Enter shows both ends, Delete deletes and Ctrl+Z brings it back', async ({ launch }) => {
  const { page, corpus } = await openPanes(launch, 'fa-IR', { width: 1024, height: 700 });
  const list = page.getByTestId('relation-list');
  await expect(list.locator('[role="option"]')).toHaveCount(5);
  await expect(page.locator('.relation-list h2')).toContainText('۵');
  await expect(list.locator('[role="option"]').first()).toContainText('عضو');
  await expect(list.locator('[role="option"]').first().locator('bdi')).toHaveText(['محمد رضایی', 'شورای شهر تهران']);
  await expect(list).toContainText('حمله: حمله');

  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(activeRow(page)).toHaveAttribute('data-list-relation-id', 'r2');
  await page.keyboard.press('Enter');
  // Both ends outlined (the hovered-arc outline) and the source selected.
  await expect(page.locator('.arc-ends rect')).toHaveCount(2);
  await expect(page.locator('mark.hl-selected[data-annotation-id="org3"]').first()).toBeVisible();
  await screenshot(page, 'relations-list-fa-1024');

  await page.keyboard.press('Delete');
  await expect(list.locator('[role="option"]')).toHaveCount(4);
  // The annotation the row selected is still there: Delete in the list deletes the relation only.
  await expect(page.locator('mark[data-annotation-id="org3"]').first()).toBeVisible();
  await expectFileSoon(corpus, ARTICLE, (file) => expect(relationIds(file)).toEqual(['r1']));
  await page.keyboard.press('Control+z');
  await expect(list.locator('[role="option"]')).toHaveCount(5);
  await expectFileSoon(corpus, ARTICLE, (file) => expect(relationIds(file)).toEqual(['r1', 'r2']));

  // An event's role: End goes to the last row (Place of the attack); Delete removes that role only.
  await list.focus();
  await page.keyboard.press('End');
  await expect(activeRow(page)).toHaveAttribute('data-list-role', 'Place');
  await page.keyboard.press('Delete');
  await expectFileSoon(corpus, ARTICLE, (file) => {
    const event = file.annotations.find((annotation) => annotation.id === 'ev1') as { roles?: { role: string }[] } | undefined;
    expect(event?.roles?.map((role) => role.role)).toEqual(['Attacker', 'Target']);
    expect(file.annotations.some((annotation) => annotation.id === 'loc1')).toBe(true);
  });
});

test('the list pane in English at 1440×900', async ({ launch }) => {
  const { page } = await openPanes(launch, 'en-US', { width: 1440, height: 900 });
  const list = page.getByTestId('relation-list');
  await expect(page.locator('.relation-list h2')).toContainText('Relations and events 5');
  await expect(list.locator('[role="option"]').nth(1)).toContainText('Cites');
  await expect(list).toContainText('Attack: حمله');
  await list.locator('[role="option"]').nth(2).click();
  await expect(page.locator('.arc-ends rect')).toHaveCount(2);
  await screenshot(page, 'relations-list-en-1440');
});

/** One annotator's file of the article: the entities, the attack's first `roles` roles, and the given relations. */
function annotatorFile(relations: { id: string; type: string; from: string; to: string }[], roles: number): string {
  const file = JSON.parse(annotationFile()) as { annotations: { id: string; roles?: unknown[] }[]; relations: unknown[]; status: string };
  for (const annotation of file.annotations) if (annotation.roles) annotation.roles = annotation.roles.slice(0, roles);
  return JSON.stringify({ ...file, relations, status: 'done' });
}

test('the lead view shows relation agreement per type, exact, in Persian digits', async ({ launch }) => {
  // ali: member-of, cites, and the attack's three roles; sara: the same member-of (another id) and two roles.
  // By hand: A 5, B 3, matched 3 → P 3/3 = 1, R 3/5 = 0.6, F1 = 2·3/(5+3) = 0.75; cites: A 1, B 0, P —, R 0.
  const corpus = await makeCorpus({
    [ARTICLE]: TEXT,
    'hashiye.json': JSON.stringify(RELATIONS_TAG_SET),
    'panes.annotators/ali.ann.json': annotatorFile([{ id: 'r1', type: 'member-of', from: 'per1', to: 'org1' }, { id: 'r2', type: 'cites', from: 'org3', to: 'org4' }], 3),
    'panes.annotators/sara.ann.json': annotatorFile([{ id: 'rx', type: 'member-of', from: 'per1', to: 'org1' }], 2),
  });
  const { page } = await launch({ corpus, annotator: 'lead' });
  await openArticleNamed(page, ARTICLE);
  await page.keyboard.press('Control+Shift+KeyL');
  const panel = page.getByTestId('lead-panel');
  await panel.getByRole('tab', { name: 'توافق' }).click();
  await panel.getByTestId('compute-agreement').click();
  const table = panel.getByTestId('relation-agreement');
  await expect(table).toBeVisible();
  const fa = (value: number) => new Intl.NumberFormat('fa-IR').format(value);
  const ratio = (value: number) => new Intl.NumberFormat('fa-IR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
  await expect(table.locator('tr[data-row="micro"] td')).toHaveText([fa(5), fa(3), fa(3), ratio(1), ratio(0.6), ratio(0.75)]);
  await expect(table.locator('tr[data-row="cites"] th')).toHaveText('نقل از');
  await expect(table.locator('tr[data-row="cites"] td')).toHaveText([fa(1), fa(0), fa(0), '—', ratio(0), ratio(0)]);
  await expect(table.locator('tr[data-row="Attack.Place"] th')).toHaveText('\u2068Place\u2069 در \u2068حمله\u2069');
  await expect(table.locator('tr[data-row="member-of"] td')).toHaveText([fa(1), fa(1), fa(1), ratio(1), ratio(1), ratio(1)]);
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'relations-lead-agreement');
});
