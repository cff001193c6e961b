/**
 * Which of the window's tasks are the long ones in the opens of the article with 100,000
 * annotations (#17, session 17), without a trace: tracing slows every task, and at the bench's
 * 60-110 ms the question is which task crosses 100 ms, so the opens are made exactly as
 * pathological.bench.ts's case makes them (open, the whole text in the page, 500 ms, back to
 * the short article, 300 ms, open again) and the page itself records, for each open:
 * - every long task (PerformanceObserver `longtask`) and long animation frame
 *   (`long-animation-frame`, with the scripts it ran and when its style and layout began);
 * - when each large answer arrived (the stand-in's HTTP transport: the first answer, then the
 *   annotation pages), and when the whole annotation list was adopted (`aria-busy` gone).
 * Not part of `npm run bench`'s figures: run it alone with
 * `npx playwright test -c bench/playwright.bench.config.ts --grep "long frames"`
 * (HASHIYE_OPENS opens, HASHIYE_TRACE_OUT for opens.json), then read what it prints.
 */
import { test } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { ensureHundredThousandCorpus } from './benchInputs';
import { installFrameMarks } from './pageProbes';
import { showArticleTimed } from './pathologicalProbes';
import { round } from './stats';
import { out, folder, NAME, SHORT_NAME, OPENS } from './hundredThousandOpens';


interface FrameScript {
  invoker: string;
  ms: number;
  forcedLayoutMs: number;
}

interface LongFrame {
  at: number;
  ms: number;
  /** Where the frame's style and layout began, from its start (null: the task rendered nothing). */
  renderAt: number | null;
  scripts: FrameScript[];
}

interface OpenRecord {
  tasks: Array<{ at: number; ms: number }>;
  frames: LongFrame[];
  answers: Array<{ at: number; arrived: number; bytes: number }>;
  wholeListAt: number | null;
}

/** In the page: starts recording long tasks, long frames, large answers and the whole list's adoption. */
function watchOpen(): void {
  const host = window as unknown as { __openRecord?: OpenRecord & { from: number } };
  const record = { from: performance.now(), tasks: [], frames: [], answers: [], wholeListAt: null } as OpenRecord & { from: number };
  host.__openRecord = record;
  const watched = host as unknown as { __openWatching?: boolean };
  if (watched.__openWatching) return;
  watched.__openWatching = true;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) host.__openRecord?.tasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const frame = entry as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: Array<{ invoker: string; duration: number; forcedStyleAndLayoutDuration: number; sourceFunctionName: string }> };
      host.__openRecord?.frames.push({
        at: frame.startTime,
        ms: frame.duration,
        renderAt: frame.renderStart > 0 ? frame.styleAndLayoutStart - frame.startTime : null,
        scripts: frame.scripts.map((script) => ({ invoker: `${script.invoker} ${script.sourceFunctionName}`.trim(), ms: script.duration, forcedLayoutMs: script.forcedStyleAndLayoutDuration })),
      });
    }
  }).observe({ type: 'long-animation-frame' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (entry.name.includes('large-answer')) host.__openRecord?.answers.push({ at: entry.startTime, arrived: entry.responseEnd, bytes: entry.encodedBodySize });
    }
  }).observe({ type: 'resource' });
  new MutationObserver(() => {
    const current = host.__openRecord;
    const article = document.querySelector('[data-testid="article"]');
    if (current && current.wholeListAt === null && article && article.getAttribute('aria-busy') !== 'true' && performance.now() - current.from > 50) current.wholeListAt = performance.now();
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'], childList: true });
}

function takeOpen(): (OpenRecord & { from: number }) | undefined {
  return (window as unknown as { __openRecord?: OpenRecord & { from: number } }).__openRecord;
}

function describe(record: OpenRecord & { from: number }, clickAt: number): string[] {
  const since = (at: number) => round(at - clickAt);
  const lines = record.answers.map((answer) => `  answer ${Math.round(answer.bytes / 1024)} KB asked ${since(answer.at)}, arrived ${since(answer.arrived)}`);
  if (record.wholeListAt !== null) lines.push(`  whole list adopted at ${since(record.wholeListAt)}`);
  for (const task of record.tasks) {
    const frame = record.frames.find((candidate) => Math.abs(candidate.at - task.at) < 2 || (candidate.at <= task.at && candidate.at + candidate.ms >= task.at + task.ms));
    const scripts = frame ? frame.scripts.filter((script) => script.ms >= 3).map((script) => `${script.invoker} ${round(script.ms)}${script.forcedLayoutMs >= 3 ? ` (forced layout ${round(script.forcedLayoutMs)})` : ''}`) : [];
    const render = frame && frame.renderAt !== null ? `, render from ${round(frame.renderAt)} (${round(frame.ms - frame.renderAt)} ms)` : '';
    lines.push(`  task at ${since(task.at)}: ${round(task.ms)} ms${render}${scripts.length > 0 ? `; scripts: ${scripts.join(', ')}` : ''}`);
  }
  return lines;
}

test('long frames: which tasks of the opens of the article with a hundred thousand annotations are long', async () => {
  test.setTimeout(30 * 60_000);
  await ensureHundredThousandCorpus(folder, NAME, SHORT_NAME);
  const text = await fs.readFile(path.join(folder, NAME), 'utf8');
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  const page = app.page;
  const records: unknown[] = [];
  try {
    await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
    await page.locator('[data-testid="article"]').waitFor();
    await page.evaluate(installFrameMarks);
    for (let open = 0; open < OPENS; open++) {
      if (open > 0) {
        await page.locator('[data-testid="file-list"] button', { hasText: SHORT_NAME }).click();
        await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
        await page.waitForTimeout(300);
      }
      forgetWrittenAnnotationFile(path.join(folder, 'many-annotations.ann.json'));
      await page.evaluate(watchOpen);
      const timing = await page.evaluate(showArticleTimed, { name: NAME, characters: text.replace(/\n$/, '').length, needMarks: true });
      await page.waitForTimeout(500);
      const span = await page.evaluate(() => performance.now());
      // The whole list, if it comes after the bench's span, with what it brings.
      await page.waitForFunction(() => document.querySelector('[data-testid="article"]')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 5 * 60_000 });
      await page.waitForTimeout(1_000);
      const record = await page.evaluate(takeOpen);
      if (!record) throw new Error('Nothing recorded.');
      const clickAt = timing.startedAt - (await page.evaluate(() => performance.timeOrigin));
      const inSpan = record.tasks.filter((task) => task.at < span);
      records.push({ open, load: os.loadavg()[0], timing, clickAt, spanEnd: span, record });
      console.log(`open ${open} (load ${os.loadavg()[0].toFixed(1)}): shown ${round(timing.shownMs)}, complete ${round(timing.completeMs)}, the bench's span ends at ${round(span - clickAt)}; longest task in it ${round(Math.max(0, ...inSpan.map((task) => task.ms)))} ms`);
      for (const line of describe(record, clickAt)) console.log(line);
    }
  } finally {
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'opens.json'), JSON.stringify(records));
    await app.close();
  }
});
