import path from 'node:path';
import { promises as fs } from 'node:fs';
import { copyCorpus, expect, expectFileSoon, openArticleNamed, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

test('edit the tag set in the app: add a type, rename one in use after a preview; files and hashiye.json follow', async ({ launch }) => {
  const corpus = await copyCorpus();
  const { page } = await launch({ corpus });
  await openArticleNamed(page, '02-football.txt');
  await doubleClickWord(page, 'استقلال');
  await page.keyboard.press('Digit2'); // ORG
  await expectFileSoon(corpus, '02-football.txt', (saved) => {
    if (saved.annotations[0]?.type !== 'ORG') throw new Error('not yet');
  });

  await page.getByRole('region', { name: 'برچسب‌ها' }).getByRole('button', { name: 'ویرایش…' }).click();
  const editor = page.getByRole('dialog', { name: 'ویرایش مجموعهٔ برچسب‌ها' });
  // Rename ORG to TEAM (the annotation in use follows), add a new type.
  await editor.getByRole('textbox', { name: 'شناسهٔ برچسب ۲' }).fill('TEAM');
  await editor.getByRole('textbox', { name: 'برچسب فارسی ۲' }).fill('تیم');
  await editor.getByRole('button', { name: '+ برچسب تازه' }).click();
  await editor.getByRole('textbox', { name: 'شناسهٔ برچسب ۱۰' }).fill('LEAGUE');
  await editor.getByRole('textbox', { name: 'برچسب فارسی ۱۰' }).fill('لیگ');
  await editor.getByRole('button', { name: 'پیش‌نمایش تغییرات' }).click();
  await expect(editor.getByTestId('tagset-plan')).toContainText('۱ حاشیه‌نویسی تغییر نام می‌دهد');
  await expect(editor.getByTestId('tagset-plan')).toContainText('02-football.txt');
  await screenshot(page, 'tagset-preview');
  // Nothing is written before the user confirms.
  expect((JSON.parse(await fs.readFile(path.join(corpus, '02-football.ann.json'), 'utf8')) as { annotations: { type: string }[] }).annotations[0].type).toBe('ORG');
  await editor.getByRole('button', { name: 'ذخیره و بازنویسی پرونده‌ها' }).click();
  await expect(editor).toHaveCount(0);

  const tagSet = JSON.parse(await fs.readFile(path.join(corpus, 'hashiye.json'), 'utf8')) as { types: { id: string; label: { fa: string } }[] };
  expect(tagSet.types.map((type) => type.id)).toEqual(['PER', 'TEAM', 'LOC', 'FAC', 'EVENT', 'DATE', 'MONEY', 'PERCENT', 'MISC', 'LEAGUE']);
  expect(tagSet.types[1].label.fa).toBe('تیم');
  await expect.poll(async () => (JSON.parse(await fs.readFile(path.join(corpus, '02-football.ann.json'), 'utf8')) as { annotations: { type: string }[] }).annotations[0].type).toBe('TEAM');
  await expect(fs.access(path.join(corpus, '02-football.ann.json.bak'))).resolves.toBeUndefined();
  await expect(fs.access(path.join(corpus, 'hashiye.json.bak'))).resolves.toBeUndefined();
  // The palette and the highlight show the renamed type.
  await expect(page.getByRole('button', { name: /تیم TEAM/ })).toBeVisible();
  await expect(page.locator('[data-annotation-id][data-entity-type="TEAM"]')).toHaveCount(1);
  await screenshot(page, 'tagset-saved');
});
