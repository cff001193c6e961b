/**
 * Pathological but real inputs (issue #17, problem 6): one-line articles of 200 KB, 1 MB and
 * 5 MB, an article with 100,000 annotations, and the article font on a long line against a
 * system font. Run alone with `npm run bench -- --grep "long line|100,000|font"`. Each case
 * opens the article, tags a few selections, and records the longest task the window ran
 * meanwhile (what a user feels as a freeze), with a baseline taken in the same run.
 *
 * A case that does not finish within CAP_MS is recorded as null (the app is then closed):
 * before issue #17 the 5 MB line never showed.
 */
import { test, type Page } from '@playwright/test';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from '../e2e/harness';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { ensureHundredThousandCorpus } from './benchInputs';
import { armKeyToFrame, armTagging, awaitKeyToFrame, awaitTagging, installFrameMarks, renderPlainTimed } from './pageProbes';
import { renderPlainInFont, selectWordsAt, showArticleTimed, takeLongTasks, watchLongTasks } from './pathologicalProbes';
import { persianArticle, seededRandom } from './persianText';
import { median, round } from './stats';
import { recordFigures } from './benchResults';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const resultsFile = process.env.HASHIYE_BENCH_RESULTS ?? path.join(inputs, 'results.json');
/** Longest wait for one step (an open, a tagging) before the case is given up as frozen. */
const CAP_MS = Number(process.env.HASHIYE_BENCH_CAP_MS ?? 150_000);
const TAGGINGS = 3;
const SHORT_NAME = 'a-short-article.txt';
/** A font every Linux machine here has that covers Persian (Debian's fonts-dejavu-core). */
const SYSTEM_FONT = "'DejaVu Sans'";
const ARTICLE_FONT = "'Vazirmatn'";

type Figures = Record<string, number | string | null>;

function record(figures: Figures): Promise<void> {
  return recordFigures(resultsFile, figures);
}

/** The value, or null when it takes longer than `ms` (the page is then frozen or lost). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** One line of Persian news text of about `bytes` UTF-8 bytes (paragraphs joined by spaces). */
function oneLineArticle(bytes: number, seed: number): string {
  return persianArticle(seededRandom(seed), bytes).replace(/\n(?!$)/g, ' ');
}

async function corpusWith(folder: string, name: string, text: string): Promise<void> {
  if (existsSync(path.join(folder, name))) return;
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, name), text);
  // A short article sorts first, so the app opens it on start and the big one is opened by a click.
  await fs.writeFile(path.join(folder, SHORT_NAME), 'متن کوتاهی برای شروع.\n');
}

async function launchOn(folder: string): Promise<LaunchedApp> {
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  await app.page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
  await app.page.locator('[data-testid="article"]').waitFor();
  await app.page.evaluate(installFrameMarks);
  await app.page.evaluate(watchLongTasks);
  return app;
}

async function backToShort(page: Page): Promise<void> {
  await page.locator('[data-testid="file-list"] button', { hasText: SHORT_NAME }).click();
  await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
  await page.waitForTimeout(300);
  await page.evaluate(takeLongTasks);
}

interface CaseFigures {
  shownMs: number | null;
  completeMs: number | null;
  openLongestTaskMs: number | null;
  tagMs: number | null;
  tagLongestTaskMs: number | null;
  tagged: number;
  noOpKeyMs: number | null;
}

/** Opens `name` (up to three times while it takes under 5 s), then tags TAGGINGS selections. */
async function openAndTag(page: Page, name: string, characters: number, needMarks: boolean, label: string, forgetFile?: string): Promise<CaseFigures> {
  const shown: number[] = [];
  const complete: number[] = [];
  const openTasks: number[] = [];
  for (let run = 0; run < 3; run++) {
    if (run > 0) await backToShort(page);
    // Each open reads the file as never seen (what this process remembers of files it opened is forgotten first).
    if (forgetFile !== undefined) forgetWrittenAnnotationFile(forgetFile);
    const timing = await within(page.evaluate(showArticleTimed, { name, characters, needMarks }), CAP_MS);
    if (!timing) {
      console.log(`${label}: not shown within ${CAP_MS} ms`);
      return { shownMs: null, completeMs: null, openLongestTaskMs: null, tagMs: null, tagLongestTaskMs: null, tagged: 0, noOpKeyMs: null };
    }
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(takeLongTasks);
    shown.push(timing.shownMs);
    complete.push(timing.completeMs);
    openTasks.push(Math.max(0, ...tasks));
    console.log(`${label} open ${run}: shown ${round(timing.shownMs)} ms, all ${timing.characters} characters in ${round(timing.completeMs)} ms, longest task ${round(Math.max(0, ...tasks))} ms (${tasks.length} over 50 ms)`);
    if (timing.completeMs > 5_000) break;
  }
  // (#17) An article shown from the first page of its annotations takes tags once the whole list is read (the status bar says so meanwhile).
  const whole = await page.waitForFunction(() => document.querySelector('[data-testid="article"]')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: CAP_MS }).then(
    () => true,
    () => false,
  );
  if (!whole) console.log(`${label}: the whole annotation list not read within ${CAP_MS} ms`);
  const tags: number[] = [];
  const tagTasks: number[] = [];
  for (const fraction of [0.5, 0.23, 0.91].slice(0, TAGGINGS)) {
    const selection = await within(page.evaluate(selectWordsAt, { fraction, wordCount: 2 }), CAP_MS);
    if (!selection) break;
    await page.waitForTimeout(300);
    await page.evaluate(takeLongTasks);
    await page.evaluate(armTagging, CAP_MS);
    await page.keyboard.press('Digit1');
    const timing = await within(page.evaluate(awaitTagging), CAP_MS);
    if (!timing) {
      console.log(`${label}: tagging not painted within ${CAP_MS} ms`);
      break;
    }
    await page.waitForTimeout(1_000);
    const tasks = await page.evaluate(takeLongTasks);
    tags.push(timing.totalMs);
    tagTasks.push(Math.max(0, ...tasks));
    console.log(`${label} tag at ${fraction}: ${round(timing.totalMs)} ms to the painted highlight, longest task ${round(Math.max(0, ...tasks))} ms`);
  }
  const noOps: number[] = [];
  for (let index = 0; index < 5; index++) {
    await page.evaluate(armKeyToFrame);
    await page.keyboard.press('KeyQ');
    const noOp = await within(page.evaluate(awaitKeyToFrame), CAP_MS);
    if (noOp) noOps.push(noOp.ms);
    await page.waitForTimeout(200);
  }
  return {
    shownMs: round(median(shown)),
    completeMs: round(median(complete)),
    openLongestTaskMs: round(Math.max(...openTasks)),
    tagMs: tags.length > 0 ? round(median(tags)) : null,
    tagLongestTaskMs: tagTasks.length > 0 ? round(Math.max(...tagTasks)) : null,
    tagged: tags.length,
    noOpKeyMs: noOps.length > 0 ? round(median(noOps)) : null,
  };
}

const LONG_LINES = [
  { label: '200 KB', key: 'line200k', bytes: 200_000 },
  { label: '1 MB', key: 'line1m', bytes: 1_000_000 },
  { label: '5 MB', key: 'line5m', bytes: 5_000_000 },
] as const;

for (const line of LONG_LINES) {
  test(`long line: one-line article of ${line.label}`, async () => {
    test.setTimeout(8 * CAP_MS + 120_000);
    const folder = path.join(inputs, `long-line-${line.key}`);
    const name = `one-line-${line.key}.txt`;
    const text = oneLineArticle(line.bytes, 1404);
    await corpusWith(folder, name, text);
    const app = await launchOn(folder);
    let figures: CaseFigures | null = null;
    let plainMs: number | null = null;
    try {
      figures = await openAndTag(app.page, name, text.replace(/\n$/, '').length, false, `line ${line.label}`);
      // The baseline: plain Chromium laying the same line out in a system font, in the same run.
      if (figures.shownMs !== null) {
        const plain = await within(app.page.evaluate(renderPlainInFont, { text, font: SYSTEM_FONT, pieceCharacters: 0 }), CAP_MS);
        plainMs = plain ? round(plain.totalMs) : null;
      }
    } finally {
      await app.close();
    }
    console.log(`line ${line.label}: ${JSON.stringify(figures)}, plain Chromium in ${SYSTEM_FONT}: ${plainMs} ms`);
    await record({
      [`${line.key}Bytes`]: Buffer.byteLength(text),
      [`${line.key}ShownMs`]: figures.shownMs,
      [`${line.key}CompleteMs`]: figures.completeMs,
      [`${line.key}OpenLongestTaskMs`]: figures.openLongestTaskMs,
      [`${line.key}TagMs`]: figures.tagMs,
      [`${line.key}TagLongestTaskMs`]: figures.tagLongestTaskMs,
      [`${line.key}NoOpKeyMs`]: figures.noOpKeyMs,
      [`${line.key}PlainSystemFontMs`]: plainMs,
    });
  });
}

test('100,000 annotations: open and tag', async () => {
  test.setTimeout(8 * CAP_MS + 300_000);
  const folder = path.join(inputs, 'annotations-100k');
  const name = 'many-annotations.txt';
  await ensureHundredThousandCorpus(folder, name, SHORT_NAME);
  const text = await fs.readFile(path.join(folder, name), 'utf8');
  const stored = JSON.parse(await fs.readFile(path.join(folder, 'many-annotations.ann.json'), 'utf8')) as { annotations: unknown[] };
  const app = await launchOn(folder);
  let figures: CaseFigures | null = null;
  let plainMs: number | null = null;
  try {
    figures = await openAndTag(app.page, name, text.replace(/\n$/, '').length, true, '100,000 annotations', path.join(folder, 'many-annotations.ann.json'));
    if (figures.shownMs !== null) {
      const plain = await within(app.page.evaluate(renderPlainTimed, text), CAP_MS);
      plainMs = plain ? round(plain.totalMs) : null;
    }
  } finally {
    await app.close();
  }
  console.log(`100,000 annotations (${stored.annotations.length} in the file): ${JSON.stringify(figures)}, plain <p>: ${plainMs} ms`);
  await record({
    ann100kCount: stored.annotations.length,
    ann100kShownMs: figures.shownMs,
    ann100kCompleteMs: figures.completeMs,
    ann100kOpenLongestTaskMs: figures.openLongestTaskMs,
    ann100kTagMs: figures.tagMs,
    ann100kTagLongestTaskMs: figures.tagLongestTaskMs,
    // The longest task the window ran while opening or tagging (PerformanceObserver 'longtask'): the budget is 100 ms.
    ann100kLongestTaskMs: figures.openLongestTaskMs === null && figures.tagLongestTaskMs === null ? null : Math.max(figures.openLongestTaskMs ?? 0, figures.tagLongestTaskMs ?? 0),
    ann100kNoOpKeyMs: figures.noOpKeyMs,
    ann100kPlainMs: plainMs,
  });
});

test('font: the article font against a system font on a long line', async () => {
  test.setTimeout(12 * CAP_MS);
  const folder = path.join(inputs, 'long-line-fonts');
  await corpusWith(folder, SHORT_NAME, 'متن کوتاهی برای شروع.\n');
  const app = await launchOn(folder);
  const figures: Figures = {};
  try {
    for (const { key, bytes } of [LONG_LINES[0], LONG_LINES[1]]) {
      const text = oneLineArticle(bytes, 1404);
      for (const [font, fontKey] of [
        [SYSTEM_FONT, 'System'],
        [ARTICLE_FONT, 'Vazirmatn'],
      ] as const) {
        for (const pieceCharacters of [0, 2_000]) {
          const timing = await within(app.page.evaluate(renderPlainInFont, { text, font, pieceCharacters }), CAP_MS);
          const figure = `${key}Plain${fontKey}${pieceCharacters > 0 ? 'Pieces' : ''}Ms`;
          figures[figure] = timing ? round(timing.totalMs) : null;
          console.log(`font ${font}, ${key}, ${pieceCharacters > 0 ? `pieces of ${pieceCharacters}` : 'one block'}: ${timing ? round(timing.totalMs) : `over ${CAP_MS}`} ms`);
          if (!timing) throw new Error('frozen');
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Error && error.message === 'frozen')) throw error;
  } finally {
    await app.close();
  }
  await record(figures);
});
