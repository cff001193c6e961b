import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { clickText, doubleClickWord, highlightText } from './textGestures';

test('an article edited on disk: the highlight moves with its word and the offsets on disk follow', async ({ launch }) => {
  const original = 'رئیس‌جمهور در سفر به مشهد سخنرانی کرد.\nاستاندار خراسان نیز حضور داشت.\n';
  const corpus = await makeCorpus({ 'a.txt': original });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'a.txt');
  await doubleClickWord(page, 'مشهد');
  await page.keyboard.press('Digit3');
  const before = await expectFileSoon(corpus, 'a.txt', (saved) => {
    if (saved.annotations.length !== 1) throw new Error('not yet');
  });
  const id = before.annotations[0].id;
  expect(before.annotations[0].start).toBe(Array.from(original.slice(0, original.indexOf('مشهد'))).length);

  // Another program inserts a sentence before the tagged word.
  const edited = `خبر فوری 📰: ${original}`;
  await fs.writeFile(path.join(corpus, 'a.txt'), edited);
  const expectedStart = Array.from(edited.slice(0, edited.indexOf('مشهد'))).length;
  const after = await expectFileSoon(corpus, 'a.txt', (saved) => {
    if (saved.annotations[0]?.start !== expectedStart) throw new Error('not yet');
  });
  expect(after.annotations[0]).toMatchObject({ id, text: 'مشهد', end: expectedStart + 4 });
  await expect(page.getByTestId('article')).toContainText('خبر فوری');
  expect(await highlightText(page, id)).toBe('مشهد');
  // One annotation moved: said in the Persian UI's digits (#19).
  await expect(page.getByTestId('notice')).toContainText('۱');
  await expect(page.getByTestId('notice')).not.toContainText(/[0-9]/);
  await screenshot(page, 'article-changed-on-disk');
  // The article file itself was written by the other program only.
  expect(await fs.readFile(path.join(corpus, 'a.txt'), 'utf8')).toBe(edited);
});

test('an annotation file changed by another program is merged into the open window (no edits of ours: its version shows)', async ({ launch }) => {
  const text = 'بانک مرکزی نرخ بهره را ثابت نگه داشت.\n';
  const corpus = await makeCorpus({ 'b.txt': text });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'b.txt');
  await doubleClickWord(page, 'بانک');
  await page.keyboard.press('Digit2');
  const saved = await expectFileSoon(corpus, 'b.txt', (file) => {
    if (file.annotations.length !== 1) throw new Error('not yet');
  });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // Another program (a script, a colleague's sync) retags the annotation as PER and adds one.
  const start = Array.from(text.slice(0, text.indexOf('نرخ بهره'))).length;
  const changed = {
    ...saved,
    annotations: [
      { ...saved.annotations[0], type: 'PER' },
      { id: 'external-1', type: 'MISC', start, end: start + 8, text: 'نرخ بهره' },
    ],
  };
  await fs.writeFile(path.join(corpus, 'b.ann.json'), JSON.stringify(changed, null, 2));
  await expect(page.locator('[data-annotation-id][data-entity-type="MISC"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('[data-annotation-id][data-entity-type="PER"]')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toBeVisible();
});

test('a brat corpus: tagging writes a T line into NAME.ann, keeping every other line byte for byte', async ({ launch }) => {
  const text = 'Ali Daei met FIFA officials in Zurich.\nعلی دایی با مسئولان فیفا در زوریخ دیدار کرد.\n';
  const ann = 'T1\tPerson 0 8\tAli Daei\nT2\tOrganization 13 17\tFIFA\nR1\tMember Arg1:T1 Arg2:T2\t\n#1\tAnnotatorNotes T1\tformer captain \n';
  const conf = '[entities]\nPerson\nOrganization\nLocation\n[relations]\nMember Arg1:Person, Arg2:Organization\n[events]\n[attributes]\n';
  const corpus = await makeCorpus({ 'doc.txt': text, 'doc.ann': ann, 'annotation.conf': conf });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'doc.txt');
  await expect(page.locator('[data-annotation-id]')).toHaveCount(2);
  // annotation.conf's order gives the hotkeys: Location is 3.
  await doubleClickWord(page, 'زوریخ');
  await page.keyboard.press('Digit3');
  await expect.poll(async () => fs.readFile(path.join(corpus, 'doc.ann'), 'utf8'), { timeout: 10_000 }).toContain('Location');
  const after = await fs.readFile(path.join(corpus, 'doc.ann'), 'utf8');
  expect(after.startsWith(ann)).toBe(true);
  const start = Array.from(text.slice(0, text.indexOf('زوریخ'))).length;
  expect(after.slice(ann.length)).toBe(`T3\tLocation ${start} ${start + 5}\tزوریخ\n`);
  await screenshot(page, 'brat-corpus');

  // Deleting Ali Daei shows the relation and note lines that go with it.
  await clickText(page, 'Ali Daei');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('R1\tMember');
  await expect(dialog).toContainText('AnnotatorNotes T1');
  await dialog.getByRole('button', { name: 'حذف' }).click();
  await expect.poll(async () => fs.readFile(path.join(corpus, 'doc.ann'), 'utf8'), { timeout: 10_000 }).not.toContain('Ali Daei');
  expect(await fs.readFile(path.join(corpus, 'doc.ann'), 'utf8')).toBe(`T2\tOrganization 13 17\tFIFA\nT3\tLocation ${start} ${start + 5}\tزوریخ\n`);
  // Undo brings every line back where it was.
  await page.keyboard.press('Control+KeyZ');
  await expect.poll(async () => fs.readFile(path.join(corpus, 'doc.ann'), 'utf8'), { timeout: 10_000 }).toBe(`${ann}T3\tLocation ${start} ${start + 5}\tزوریخ\n`);
});
