import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, readAnnotationFile, screenshot, test } from './fixtures';
import { doubleClickWord } from './textGestures';

/**
 * A corpus whose disk turns read-only while an article is open (a bind mount remounted
 * read-only, as root): a tag that cannot be written stays in memory, marked unsaved, across switching articles and back; the status bar
 * never says saved; once the folder is writable again, the retry writes it.
 */
function run(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
}

/**
 * Bind-mounts `source` at a new folder that can be made read-only and writable again (a disk
 * remounted read-only after errors, a network share dropping to read-only); the reason when
 * this machine cannot.
 */
async function remountableFolder(source: string): Promise<{ folder: string; makeReadOnly: () => void; makeWritable: () => void; unmount: () => void } | { reason: string }> {
  if (process.platform !== 'linux') return { reason: `a read-only bind mount needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { reason: 'a read-only bind mount needs root (CI runs this as root); this run is not root' };
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-readonly-'));
  const bound = run('mount', ['--bind', source, folder]);
  if (bound) return { reason: `mount --bind failed: ${bound}` };
  const remount = (mode: 'ro' | 'rw') => run('mount', ['-o', `remount,${mode},bind`, folder]);
  const refused = remount('ro') ?? remount('rw');
  if (refused) {
    run('umount', [folder]);
    return { reason: `mount -o remount,ro,bind failed: ${refused}` };
  }
  const must = (mode: 'ro' | 'rw') => {
    const failed = remount(mode);
    if (failed) throw new Error(`remount ${mode} failed: ${failed}`);
  };
  return { folder, makeReadOnly: () => must('ro'), makeWritable: () => must('rw'), unmount: () => void run('umount', [folder]) };
}

/** Records every save state the status bar shows from now on, so that a brief «ذخیره شد» cannot slip by. */
async function recordSaveStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __saveStates: string[] }).__saveStates = seen;
    const element = () => document.querySelector('[data-testid="save-state"]');
    const note = () => {
      const state = element()?.getAttribute('data-state');
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

async function savedStatesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
}

test('a corpus turned read-only: the tag stays, marked unsaved, across switching articles and back; saved once writable', async ({ launch }) => {
  test.setTimeout(120_000);
  const source = await makeCorpus({
    'a.txt': 'علی دایی در تهران با مدیران فیفا دیدار کرد.\n',
    'b.txt': 'استاندار خراسان نیز در مشهد حضور داشت.\n',
  });
  const mount = await remountableFolder(source);
  if ('reason' in mount) {
    console.log(`Read-only save test skipped: ${mount.reason}`);
    test.skip(true, mount.reason);
    return;
  }
  try {
    const { page } = await launch({ corpus: mount.folder, viewport: { width: 1024, height: 700 } });
    await openArticleNamed(page, 'a.txt');
    // The disk turns read-only while the article is open (a file read-only from the start opens read-only, saying why).
    mount.makeReadOnly();
    await recordSaveStates(page);
    await doubleClickWord(page, 'تهران');
    await page.keyboard.press('Digit3');
    const highlight = page.locator('[data-testid="article"] [data-entity-type="LOC"]');
    await expect(highlight).toHaveCount(1);
    const saveState = page.getByTestId('save-state');
    await expect(saveState).toHaveAttribute('data-state', /^(error|unwritable)$/);
    await screenshot(page, 'read-only-unsaved-1024x700-fa');

    // Away and back: the tag is still there, still unsaved.
    await openArticleNamed(page, 'b.txt');
    await expect(highlight).toHaveCount(0);
    // b.txt has nothing to save (and, found read-only on opening, opens read-only); a.txt's edit is still said unsaved.
    await expect(page.getByTestId('status-bar')).toContainText('ویرایش‌های ذخیره‌نشده در مقاله‌های دیگر: ۱');
    await expect(page.getByTestId('file-list').getByRole('button', { name: /a\.txt/ }).getByTestId('file-unsaved')).toBeVisible();
    await screenshot(page, 'read-only-other-article-1024x700-fa');
    await openArticleNamed(page, 'a.txt');
    await expect(highlight).toHaveCount(1);
    await expect(highlight).toContainText('تهران');
    await expect(saveState).toHaveAttribute('data-state', /^(error|unwritable)$/);
    await expect(page.getByTestId('annotation-file-problem')).toHaveCount(0);
    await page.getByRole('button', { name: '\u2068English\u2069', exact: true }).click();
    await screenshot(page, 'read-only-unsaved-1024x700-en');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'read-only-unsaved-1440x900-en');
    await page.getByRole('button', { name: 'فارسی', exact: true }).click();
    await screenshot(page, 'read-only-unsaved-1440x900-fa');
    await expect(fs.access(path.join(source, 'a.ann.json'))).rejects.toThrow();

    // Opening another folder asks first, naming the article; staying keeps the edit (and the retries).
    await page.getByRole('button', { name: 'باز کردن پوشه…' }).click();
    const question = page.getByTestId('leave-question');
    await expect(question).toBeVisible();
    await expect(question).toContainText('a.txt');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null)).toBe(true);
    await screenshot(page, 'read-only-leave-question-1440x900-fa');
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(highlight).toHaveCount(1);

    // Saved before the tag (nothing to save yet); from the tag on, never said saved.
    const [before, ...statesWhileReadOnly] = await savedStatesSeen(page);
    expect(before).toBe('saved');
    expect(statesWhileReadOnly).not.toContain('saved');

    // The folder becomes writable: the retry (at most 30 s apart) writes the tag, and only then is it said saved.
    mount.makeWritable();
    await expect
      .poll(async () => (await readAnnotationFile(source, 'a.txt').catch(() => null))?.annotations.map((annotation) => `${annotation.text}:${annotation.type}`), { timeout: 40_000 })
      .toEqual(['تهران:LOC']);
    await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  } finally {
    mount.unmount();
  }
});
