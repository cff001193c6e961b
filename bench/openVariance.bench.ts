/**
 * Why the same build's opens of the article with 100,000 annotations range from 0.6 to 3 s
 * (#17, session 14). Opens the article as pathological.bench.ts's case does (open, 500 ms,
 * back to the short article, 300 ms, open again), OPENS times, and for each open keeps a trace
 * of the window (open-N.trace.json) and a CPU profile of this process, which in the Chromium
 * stand-in is main too (open-N.main.cpuprofile), from the click to the whole text in the page.
 * Not part of `npm run bench`'s figures: run it alone with
 * `npx playwright test -c bench/playwright.bench.config.ts --grep "opens vary"`
 * (HASHIYE_BENCH_DIR for the inputs, HASHIYE_TRACE_OUT for the files, HASHIYE_OPENS for the
 * count), then `node bench/openVariancePhases.mjs <folder>`.
 */
import { test, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { ensureHundredThousandCorpus } from './benchInputs';
import { installFrameMarks } from './pageProbes';
import { showArticleTimed, takeLongTasks, watchLongTasks } from './pathologicalProbes';
import { round } from './stats';
import { out, folder, NAME, SHORT_NAME, OPENS } from './hundredThousandOpens';


/** Records this process's event-loop stalls over `overMs` (start in ms since the epoch, length). */
function watchStalls(overMs: number): () => Array<[number, number]> {
  const stalls: Array<[number, number]> = [];
  let last = performance.timeOrigin + performance.now();
  const timer = setInterval(() => {
    const now = performance.timeOrigin + performance.now();
    if (now - last > overMs) stalls.push([last, now - last]);
    last = now;
  }, 2);
  return () => {
    clearInterval(timer);
    return stalls;
  };
}

async function traced<T>(page: Page, file: string, during: () => Promise<T>): Promise<T> {
  const session = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  session.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown[])));
  await session.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc,blink.user_timing,toplevel,loading', transferMode: 'ReportEvents' });
  try {
    return await during();
  } finally {
    const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await done;
    await fs.writeFile(file, JSON.stringify({ traceEvents: events }));
    await session.detach();
  }
}

test('opens vary: traces of several opens of the article with a hundred thousand annotations', async () => {
  test.setTimeout(30 * 60_000);
  await ensureHundredThousandCorpus(folder, NAME, SHORT_NAME);
  const text = await fs.readFile(path.join(folder, NAME), 'utf8');
  await fs.mkdir(out, { recursive: true });
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  const page = app.page;
  const profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
  try {
    await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
    await page.locator('[data-testid="article"]').waitFor();
    await page.evaluate(installFrameMarks);
    await page.evaluate(watchLongTasks);
    await page.waitForTimeout(5_000);
    for (let open = 0; open < OPENS; open++) {
      if (open > 0) {
        await page.locator('[data-testid="file-list"] button', { hasText: SHORT_NAME }).click();
        await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
        await page.waitForTimeout(300);
      }
      await page.evaluate(takeLongTasks);
      forgetWrittenAnnotationFile(path.join(folder, 'many-annotations.ann.json'));
      const stalls = watchStalls(20);
      const cpu = process.cpuUsage();
      await profiler.post('Profiler.start');
      const profiledFrom = performance.timeOrigin + performance.now();
      const timing = await traced(page, path.join(out, `open-${open}.trace.json`), async () => {
        const shown = await page.evaluate(showArticleTimed, { name: NAME, characters: text.replace(/\n$/, '').length, needMarks: true });
        await page.waitForTimeout(500);
        return shown;
      });
      const { profile } = await profiler.post('Profiler.stop');
      const used = process.cpuUsage(cpu);
      const mainStalls = stalls();
      const tasks = await page.evaluate(takeLongTasks);
      await fs.writeFile(path.join(out, `open-${open}.main.cpuprofile`), JSON.stringify(profile));
      await fs.writeFile(path.join(out, `open-${open}.json`), JSON.stringify({ ...timing, profiledFrom, mainStalls, mainCpuMs: (used.user + used.system) / 1000, longTasks: tasks, load: os.loadavg() }));
      console.log(`open ${open}: shown ${round(timing.shownMs)} ms, complete ${round(timing.completeMs)} ms, longest task ${round(Math.max(0, ...tasks))} ms; main's stalls over 20 ms: ${mainStalls.map(([at, ms]) => `${round(at - timing.startedAt)}+${round(ms)}`).join(' ')}; load ${os.loadavg()[0].toFixed(1)}`);
    }
  } finally {
    profiler.disconnect();
    await app.close();
  }
});
