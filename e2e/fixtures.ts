import { test as base, expect, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, projectRoot } from './browserLocation';
import { launchApp, type AppHost, type LaunchedApp, type LaunchOptions } from './harness';

export const sampleCorpus = path.join(projectRoot, 'sample-corpus');

/** A temporary copy of a corpus folder, so tests write their annotation files there. */
export async function copyCorpus(source: string = sampleCorpus): Promise<string> {
  const target = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-'));
  await fs.cp(source, target, { recursive: true });
  return target;
}

/** A temporary corpus made of the given files (name → text or bytes). */
export async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const target = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-e2e-'));
  for (const [name, contents] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(target, name)), { recursive: true });
    await fs.writeFile(path.join(target, name), contents);
  }
  return target;
}

export interface StoredAnnotationOnDisk {
  id: string;
  type: string;
  start: number;
  end: number;
  text: string;
  [key: string]: unknown;
}

export interface AnnotationFileOnDisk {
  status: string;
  annotations: StoredAnnotationOnDisk[];
  source: { sha256: string; encoding: string; length: number };
  [key: string]: unknown;
}

export async function readAnnotationFile(corpus: string, articleName: string): Promise<AnnotationFileOnDisk> {
  const file = path.join(corpus, articleName.replace(/\.txt$/, '.ann.json'));
  return JSON.parse(await fs.readFile(file, 'utf8')) as AnnotationFileOnDisk;
}

/** Waits until the annotation file on disk satisfies `check` (autosave is debounced). */
export async function expectFileSoon(corpus: string, articleName: string, check: (file: AnnotationFileOnDisk) => void): Promise<AnnotationFileOnDisk> {
  let last: AnnotationFileOnDisk | null = null;
  await expect
    .poll(
      async () => {
        try {
          last = await readAnnotationFile(corpus, articleName);
          check(last);
          return true;
        } catch {
          return false;
        }
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return last as unknown as AnnotationFileOnDisk;
}

/** Code points of a string, as the files count them. */
export function codePointIndexOf(text: string, needle: string, from = 0): number {
  const utf16 = text.indexOf(needle, from);
  if (utf16 < 0) throw new Error(`«${needle}» not found`);
  return Array.from(text.slice(0, utf16)).length;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(projectRoot, 'test-results', 'screenshots', `${name}.png`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

export async function openArticleNamed(page: Page, name: string): Promise<void> {
  await page.getByTestId('file-list').getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(page.locator('.file.current')).toContainText(name);
  await page.waitForFunction(() => document.querySelector('[data-testid="article"]') !== null);
}

/** The article's text as its DOM holds it: the paragraphs near the view one element each, the chunks far from it their run of lines (#25), in order. */
function articleLines(page: Page): Promise<string> {
  return page.getByTestId('article').evaluate((root) => Array.from(root.querySelectorAll<HTMLElement>('[data-offset]'), (element) => element.textContent ?? '').join('\n'));
}

/** Waits until every paragraph of `text` (lines between LF characters) is in the article's DOM, then checks that it holds exactly that text. */
export async function expectEveryParagraph(page: Page, text: string): Promise<void> {
  const paragraphs = text.split('\n').length;
  await expect.poll(async () => (await articleLines(page)).split('\n').length, { timeout: 60_000 }).toBe(paragraphs);
  expect(await articleLines(page)).toBe(text);
}

interface Fixtures {
  appHost: AppHost;
  launch: (options: LaunchOptions) => Promise<LaunchedApp>;
}

/**
 * `appHost` is set per Playwright project: the same specs run in real Electron and in the
 * Chromium stand-in. Where Electron's binary cannot be had, the Electron run is skipped
 * with the reason, never faked.
 */
export const test = base.extend<Fixtures>({
  appHost: ['chromium', { option: true }],
  launch: async ({ appHost }, use) => {
    if (appHost === 'electron') {
      const binary = electronBinary();
      if (!('path' in binary)) base.skip(true, `Electron run skipped: ${binary.reason}`);
    }
    const launched: LaunchedApp[] = [];
    await use(async (options) => {
      const app = await launchApp({ ...options, host: appHost });
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
});

export { expect };
