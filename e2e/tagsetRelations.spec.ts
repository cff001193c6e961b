import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { linkByClick, openRelationsCorpus, relationsAnnotationFile, relationsOnDisk, type FixtureEntity } from './relationsFixture';

/**
 * The tag-set editor edits relation and event types (#20): added by mouse and keyboard, checked
 * before saving, written to hashiye.json and used in the article at once; read-only in brat mode.
 */
const ARTICLE = 'staff.txt';
const TEXT = 'علی احمدی استاد دانشگاه تهران است.\n\nگروه مسلح در کابل به سفارت حمله کرد.\n';
const ENTITIES: FixtureEntity[] = [
  ['per1', 'PER', 'علی احمدی'],
  ['org1', 'ORG', 'دانشگاه تهران'],
  ['org2', 'ORG', 'گروه مسلح'],
  ['loc1', 'LOC', 'کابل'],
  ['fac1', 'FAC', 'سفارت'],
  ['ev1', 'Attack', 'حمله'],
];
/** What the window's templates put around a name: a first-strong isolate, so that a Latin id keeps its order in Persian. */
const iso = (text: string) => `\u2068${text}\u2069`;

async function openEditor(page: Page, language: 'fa' | 'en'): Promise<Locator> {
  await page.getByRole('region', { name: language === 'fa' ? 'برچسب‌ها' : 'Tags' }).getByRole('button', { name: language === 'fa' ? 'ویرایش…' : 'Edit…' }).click();
  const editor = page.getByRole('dialog', { name: language === 'fa' ? 'ویرایش مجموعهٔ برچسب‌ها' : 'Edit the tag set' });
  await expect(editor).toBeVisible();
  return editor;
}

async function tagSetOnDisk(corpus: string): Promise<{ types: { id: string }[]; relations?: unknown[]; events?: unknown[] }> {
  return JSON.parse(await fs.readFile(path.join(corpus, 'hashiye.json'), 'utf8')) as { types: { id: string }[]; relations?: unknown[]; events?: unknown[] };
}

test('add a relation type with constraints (mouse) and an event type with three roles (keyboard), save, then link with the new type', async ({ launch }) => {
  const { page, corpus } = await openRelationsCorpus(launch, { article: ARTICLE, text: TEXT, annotations: relationsAnnotationFile(ARTICLE, TEXT, ENTITIES) }, { locale: 'fa-IR', viewport: { width: 1024, height: 700 } });
  // Event types are never offered as span tags: not in the palette, not among the editor's entity rows.
  await expect(page.getByTestId('tag-palette-item')).toHaveCount(4);
  await expect(page.locator('[data-testid="tag-palette-item"][data-entity-type="Attack"]')).toHaveCount(0);
  const editor = await openEditor(page, 'fa');
  await expect(editor.getByTestId('tag-row')).toHaveCount(4);
  const entityIds = editor.getByRole('textbox', { name: /^شناسهٔ برچسب/ });
  expect(await entityIds.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['PER', 'ORG', 'LOC', 'FAC']);
  await expect(editor.getByTestId('event-type-row')).toHaveCount(1);
  await expect(editor.getByTestId('relation-type-row')).toHaveCount(3);

  // A relation type, by mouse: id, labels, the two ends and what each allows.
  await editor.getByRole('button', { name: '+ نوع رابطهٔ تازه' }).click();
  const relation = editor.getByTestId('relation-type-row').nth(3);
  await relation.getByRole('textbox', { name: /^شناسهٔ/ }).fill('PER');
  await relation.getByRole('textbox', { name: `برچسب فارسی ${iso('PER')}` }).fill('کارمند');
  await relation.getByRole('textbox', { name: `برچسب انگلیسی ${iso('PER')}` }).fill('Works at');
  await relation.getByRole('textbox', { name: `نام نقش ۱ در ${iso('PER')}` }).fill('Employee');
  await relation.getByRole('textbox', { name: `نام نقش ۲ در ${iso('PER')}` }).fill('Employer');
  // Nothing is saved while a problem stands: the id is an entity type's, then the ends allow nothing.
  await editor.getByRole('button', { name: 'پیش‌نمایش تغییرات' }).click();
  await expect(editor.getByRole('alert')).toHaveText(`${iso('PER')} پیش‌تر برچسب موجودیت است: نوع رابطه یا رویداد شناسهٔ دیگری می‌خواهد.`);
  await relation.getByRole('textbox', { name: /^شناسهٔ/ }).fill('works-at');
  await editor.getByRole('button', { name: 'پیش‌نمایش تغییرات' }).click();
  await expect(editor.getByRole('alert')).toContainText('هیچ برچسبی را نمی‌پذیرد');
  await relation.getByRole('checkbox', { name: `${iso('PER')} برای ${iso('Employee')} در ${iso('works-at')}` }).check();
  await relation.getByRole('checkbox', { name: `${iso('ORG')} برای ${iso('Employer')} در ${iso('works-at')}` }).check();
  await relation.getByRole('checkbox', { name: `${iso('FAC')} برای ${iso('Employer')} در ${iso('works-at')}` }).check();
  await relation.getByRole('button', { name: `افزودن ویژگی به ${iso('works-at')}` }).click();
  await relation.getByRole('textbox', { name: `شناسهٔ ویژگی ۱ در ${iso('works-at')}` }).fill('Certainty');
  await relation.getByRole('combobox', { name: `گونهٔ ویژگی ${iso('Certainty')} در ${iso('works-at')}` }).selectOption('enum');
  await relation.getByRole('textbox', { name: `مقدارهای ${iso('Certainty')} در ${iso('works-at')}، جداشده با ویرگول` }).fill('قطعی، احتمالی');

  // An event type, by keyboard: Enter on the buttons, typing in the fields, Space on the boxes.
  await editor.getByRole('button', { name: '+ نوع رویداد تازه' }).focus();
  await page.keyboard.press('Enter');
  const event = editor.getByTestId('event-type-row').nth(1);
  await event.getByRole('textbox', { name: /^شناسهٔ/ }).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Meet');
  await page.keyboard.press('Tab');
  await page.keyboard.type('دیدار');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Meet');
  const addRole = event.getByRole('button', { name: `افزودن نقش به ${iso('Meet')}` });
  for (const [position, name] of [[1, 'Host'], [2, 'Guest'], [3, 'Place']] as const) {
    await addRole.focus();
    await page.keyboard.press('Enter');
    await event.getByRole('textbox', { name: `نام نقش ${new Intl.NumberFormat('fa-IR').format(position)} در ${iso('Meet')}` }).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(name);
  }
  const allow = async (type: string, role: string) => {
    await event.getByRole('checkbox', { name: `${iso(type)} برای ${iso(role)} در ${iso('Meet')}` }).focus();
    await page.keyboard.press('Space');
  };
  await allow('PER', 'Host');
  await allow('ORG', 'Host');
  await allow('PER', 'Guest');
  await allow('LOC', 'Place');
  await event.getByRole('combobox', { name: `شمار ${iso('Guest')} در ${iso('Meet')}` }).selectOption({ label: 'یک یا بیشتر' });
  await event.getByRole('combobox', { name: `شمار ${iso('Place')} در ${iso('Meet')}` }).selectOption({ label: 'اختیاری (۰ تا ۱)' });
  await expect(editor.getByRole('alert')).toBeVisible(); // the earlier problem stays until the next check
  await relation.scrollIntoViewIfNeeded();
  await screenshot(page, 'tagset-relations-fa-1024');
  await event.scrollIntoViewIfNeeded();
  await screenshot(page, 'tagset-events-fa-1024');

  await editor.getByRole('button', { name: 'پیش‌نمایش تغییرات' }).click();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByRole('button', { name: 'ذخیره و بازنویسی پرونده‌ها' }).click();
  await expect(editor).toHaveCount(0);

  const saved = await tagSetOnDisk(corpus);
  expect(saved.types.map((type) => type.id)).toEqual(['PER', 'ORG', 'LOC', 'FAC']);
  expect(saved.relations?.[3]).toEqual({
    id: 'works-at',
    label: { fa: 'کارمند', en: 'Works at' },
    color: '#5b6b7f',
    args: [{ role: 'Employee', types: ['PER'] }, { role: 'Employer', types: ['ORG', 'FAC'] }],
    attributes: [{ id: 'Certainty', type: 'enum', values: ['قطعی', 'احتمالی'] }],
  });
  // The relation types there were are written back as they read.
  expect((saved.relations?.[2] as { args: unknown }).args).toEqual([{ role: 'Thing', types: ['<ENTITY>'] }, { role: 'Place', types: ['LOC'] }]);
  expect(saved.events?.[1]).toEqual({
    id: 'Meet',
    label: { fa: 'دیدار', en: 'Meet' },
    color: '#c0392b',
    roles: [{ role: 'Host', types: ['PER', 'ORG'] }, { role: 'Guest', types: ['PER'], cardinality: { min: 1, max: null } }, { role: 'Place', types: ['LOC'], cardinality: { min: 0, max: 1 } }],
  });
  // Read back, the editor shows the same types.
  const reopened = await openEditor(page, 'fa');
  await expect(reopened.getByTestId('relation-type-row')).toHaveCount(4);
  await expect(reopened.getByTestId('event-type-row').nth(1).getByTestId('role-editor')).toHaveCount(3);
  await expect(reopened.getByRole('checkbox', { name: `${iso('FAC')} برای ${iso('Employer')} در ${iso('works-at')}` })).toBeChecked();
  await reopened.getByRole('button', { name: 'انصراف' }).click();

  // The new type links two entities in the article at once (PER → ORG: member-of or works-at).
  await linkByClick(page, 'per1', 'org1', 'works-at');
  await expectFileSoon(corpus, ARTICLE, (file) => expect(relationsOnDisk(file).map((link) => [link.type, link.from, link.to])).toEqual([['works-at', 'per1', 'org1']]));
  await screenshot(page, 'tagset-relations-linked-fa-1024');
});

test('in English at 1440×900: removing an entity type a relation still allows is refused, with nothing written', async ({ launch }) => {
  const { page, corpus } = await openRelationsCorpus(launch, { article: ARTICLE, text: TEXT, annotations: relationsAnnotationFile(ARTICLE, TEXT, ENTITIES) }, { locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const before = await fs.readFile(path.join(corpus, 'hashiye.json'), 'utf8');
  const editor = await openEditor(page, 'en');
  await editor.getByRole('button', { name: `Remove ${iso('LOC')}` }).click();
  await editor.getByRole('button', { name: 'Preview the changes' }).click();
  await expect(editor.getByRole('alert')).toHaveText(`${iso('located-in')}: the role ${iso('Place')} still allows ${iso('LOC')}, which you removed. Untick it there, or keep the type.`);
  // The removed type is still listed in the role, marked, so that it can be unticked.
  const stray = editor.getByRole('checkbox', { name: `${iso('LOC')} in ${iso('Place')} of ${iso('located-in')}` });
  await expect(stray).toBeChecked();
  await screenshot(page, 'tagset-relations-en-1440');
  // Unticked, it goes from the role (it is no option of the tag set any more).
  await stray.click();
  await expect(stray).toHaveCount(0);
  await editor.getByRole('button', { name: 'Preview the changes' }).click();
  await expect(editor.getByRole('alert')).toContainText(`${iso('located-in')}: the role ${iso('Place')} allows no type`);
  expect(await fs.readFile(path.join(corpus, 'hashiye.json'), 'utf8')).toBe(before);
  await editor.getByTestId('event-type-row').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'tagset-events-en-1440');
});

test('in English at 1024×700: an event role renamed is renamed on the saved trigger too, previewed first', async ({ launch }) => {
  const roles = { ev1: [{ role: 'Attacker', target: 'org2' }, { role: 'Target', target: 'fac1' }, { role: 'Place', target: 'loc1' }] };
  const { page, corpus } = await openRelationsCorpus(launch, { article: ARTICLE, text: TEXT, annotations: relationsAnnotationFile(ARTICLE, TEXT, ENTITIES, { roles }) }, { locale: 'en-US', viewport: { width: 1024, height: 700 } });
  const editor = await openEditor(page, 'en');
  const attack = editor.getByTestId('event-type-row').first();
  await attack.scrollIntoViewIfNeeded();
  await attack.getByRole('textbox', { name: `Name of role 1 of ${iso('Attack')}` }).fill('Perpetrator');
  await editor.getByRole('button', { name: 'Preview the changes' }).click();
  await expect(editor.getByTestId('tagset-plan')).toContainText('Annotations renamed: 1; removed: 0; articles rewritten: 1');
  await screenshot(page, 'tagset-role-rename-en-1024');
  await editor.getByRole('button', { name: 'Save and rewrite the files' }).click();
  await expect(editor).toHaveCount(0);
  const file = JSON.parse(await fs.readFile(path.join(corpus, ARTICLE.replace(/\.txt$/, '.ann.json')), 'utf8')) as { annotations: { id: string; roles?: { role: string; target: string }[] }[] };
  expect(file.annotations.find((annotation) => annotation.id === 'ev1')?.roles).toEqual([{ role: 'Perpetrator', target: 'org2' }, { role: 'Target', target: 'fac1' }, { role: 'Place', target: 'loc1' }]);
  expect(((await tagSetOnDisk(corpus)).events?.[0] as { roles: { role: string }[] }).roles.map((role) => role.role)).toEqual(['Perpetrator', 'Target', 'Place']);
  await fs.access(path.join(corpus, `${ARTICLE.replace(/\.txt$/, '.ann.json')}.bak`));
});

const BRAT_TEXT = 'Ali Daei met FIFA officials in Zurich.\nعلی دایی با مسئولان فیفا در زوریخ دیدار کرد.\n';
const BRAT_ANN = 'T1\tPerson 0 8\tAli Daei\nT2\tOrganization 13 17\tFIFA\nR1\tMember Arg1:T1 Arg2:T2\t\n';
const BRAT_CONF = '[entities]\nPerson\nOrganization\nLocation\n[relations]\nMember Arg1:Person, Arg2:Organization\n[events]\nMeet Participant+:Person|Organization, Place?:Location\n[attributes]\nNegated Arg:Meet\n';

for (const [language, locale, viewport] of [
  ['fa', 'fa-IR', { width: 1440, height: 900 }],
  ['en', 'en-US', { width: 1024, height: 700 }],
] as const) {
  test(`brat mode (${language}, ${viewport.width}×${viewport.height}): relation and event types are shown read-only, with where to edit them`, async ({ launch }) => {
    const corpus = await makeCorpus({ 'doc.txt': BRAT_TEXT, 'doc.ann': BRAT_ANN, 'annotation.conf': BRAT_CONF });
    const { page } = await launch({ corpus, locale, viewport });
    await openArticleNamed(page, 'doc.txt');
    // The event type Meet is no span tag.
    await expect(page.getByTestId('tag-palette-item')).toHaveCount(3);
    await expect(page.locator('[data-testid="tag-palette-item"][data-entity-type="Meet"]')).toHaveCount(0);
    const editor = await openEditor(page, language);
    await expect(editor.getByTestId('tag-row')).toHaveCount(3);
    await expect(editor.getByTestId('brat-relations-read-only')).toContainText(language === 'fa' ? 'از \u2068annotation.conf\u2069 می‌آیند' : 'come from annotation.conf');
    const relation = editor.getByTestId('relation-type-row');
    await expect(relation).toHaveCount(1);
    await expect(relation.getByRole('textbox').first()).toHaveValue('Member');
    await expect(relation.getByRole('textbox').first()).toBeDisabled();
    const event = editor.getByTestId('event-type-row');
    await expect(event.getByTestId('role-editor')).toHaveCount(2);
    await expect(event.getByRole('combobox').first()).toBeDisabled();
    await expect(event.getByTestId('attribute-row')).toHaveCount(1);
    await expect(editor.getByRole('button', { name: language === 'fa' ? '+ نوع رابطهٔ تازه' : '+ New relation type' })).toBeDisabled();
    await editor.getByTestId('brat-relations-read-only').scrollIntoViewIfNeeded();
    await screenshot(page, `tagset-brat-${language}-${viewport.width}`);
  });
}
