/**
 * A trace of the cold open of the article with 100,000 annotations (#17, session 12): what the
 * window's long tasks are, from the click to the whole annotation list adopted. Not part of
 * `npm run bench`'s figures: run it alone with
 * `npx playwright test -c bench/playwright.bench.config.ts --grep "trace the open"`
 * (HASHIYE_BENCH_DIR for the inputs, the same corpus as pathological.bench.ts's case;
 * HASHIYE_TRACE_OUT for the trace and profile files; a build with HASHIYE_NO_MINIFY=1 names the
 * functions), then `node bench/openTracePhases.mjs <folder>` for the window's long tasks, each
 * with the functions it spent its time in.
 */
import { test } from '@playwright/test';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { ensureHundredThousandCorpus } from './benchInputs';
import { installFrameMarks } from './pageProbes';
import { showArticleTimed, takeLongTasks, watchLongTasks } from './pathologicalProbes';
import { round } from './stats';
import { out, folder, NAME, SHORT_NAME } from './hundredThousandOpens';


test('trace the open of the article with a hundred thousand annotations', async () => {
  test.setTimeout(20 * 60_000);
  await ensureHundredThousandCorpus(folder, NAME, SHORT_NAME);
  const text = await fs.readFile(path.join(folder, NAME), 'utf8');
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  const page = app.page;
  try {
    await page.locator('.file.current', { hasText: SHORT_NAME }).waitFor();
    await page.locator('[data-testid="article"]').waitFor();
    await page.evaluate(installFrameMarks);
    await page.evaluate(watchLongTasks);
    // The short article's own suggestions (a read of every annotation file) are over before the click.
    await page.waitForTimeout(5_000);
    await page.evaluate(takeLongTasks);
    forgetWrittenAnnotationFile(path.join(folder, 'many-annotations.ann.json'));
    const session = await page.context().newCDPSession(page);
    const events: unknown[] = [];
    session.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown[])));
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,blink.user_timing,toplevel', transferMode: 'ReportEvents' });
    await session.send('Profiler.start');
    const timing = await page.evaluate(showArticleTimed, { name: NAME, characters: text.replace(/\n$/, '').length, needMarks: true });
    const openTasks = await page.evaluate(takeLongTasks);
    const drawn = await page.evaluate(() => ({ marks: document.querySelectorAll('[data-testid="article"] mark.hl').length, paragraphs: document.querySelectorAll('[data-testid="article"] p').length, chunks: document.querySelectorAll('[data-testid="article"] .paragraph-chunk').length }));
    await page.waitForFunction(() => document.querySelector('[data-testid="article"]')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 10 * 60_000 });
    await page.waitForTimeout(3_000);
    const laterTasks = await page.evaluate(takeLongTasks);
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await done;
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'open.cpuprofile'), JSON.stringify(profile));
    await fs.writeFile(path.join(out, 'open.trace.json'), JSON.stringify({ traceEvents: events }));
    console.log(`traced open: shown ${round(timing.shownMs)} ms, complete ${round(timing.completeMs)} ms; drawn when shown: ${JSON.stringify(drawn)}; long tasks to the shown frame: ${openTasks.map(round).join(' ')}; after: ${laterTasks.map(round).join(' ')}`);
  } finally {
    await app.close();
  }
});
