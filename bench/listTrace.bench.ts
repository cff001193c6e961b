/**
 * Where a listing of the 10,000-article corpus spends its time (#25, session 12): the bench's
 * "list the" case (a first listing without cache, then listings from the cache), with main's CPU
 * profiled through `node:inspector` (the Chromium stand-in's main is this process) and the
 * window's through CDP, with a Chromium trace. Not part of `npm run bench`'s figures: run it alone
 * with `npx playwright test -c bench/playwright.bench.config.ts --grep "trace listings"`
 * (HASHIYE_BENCH_DIR for the inputs, generated there once; HASHIYE_BENCH_ARTICLES for the corpus
 * size; HASHIYE_TRACE_OUT for the profiles and the trace). It prints, for each listing, the busy
 * milliseconds of main and of the window between the click and the painted list, the functions
 * that took them, and the window's trace events by name.
 */
import { test } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { ensureListingCorpora } from './benchInputs';
import { installFrameMarks, openCorpusTimed } from './pageProbes';
import { round } from './stats';
import { busyByFunction, traceByName, type CpuProfile, type TraceEvent } from './listTraceShares';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const out = process.env.HASHIYE_TRACE_OUT ?? inputs;
const ARTICLES = Number(process.env.HASHIYE_BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.HASHIYE_BENCH_RUNS ?? 3);
const bigCorpus = path.join(inputs, `trace-list-corpus-${ARTICLES}`);
const smallCorpus = path.join(inputs, 'trace-list-small');

/** Microseconds of the monotonic clock V8's and Chromium's profiles and traces are stamped with. */
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

test('trace listings of the 10,000-article corpus', async () => {
  test.setTimeout(20 * 60_000);
  await ensureListingCorpora(bigCorpus, smallCorpus, ARTICLES);
  let answer = smallCorpus;
  const app = await launchApp({ corpus: smallCorpus, host: 'chromium', pickFolder: () => answer });
  const page = app.page;
  const inspector = new Session();
  inspector.connect();
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
  const windows: { run: number; from: number; to: number; pageMs: number; mainCpuMs: number }[] = [];
  try {
    await page.evaluate(installFrameMarks);
    await page.locator('[data-testid="file-list"] li').first().waitFor();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 250 });
    await inspector.post('Profiler.start');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,loading,toplevel', transferMode: 'ReportEvents' });
    await cdp.send('Profiler.start');
    for (let run = 0; run <= RUNS; run++) {
      answer = smallCorpus;
      await page.getByRole('button', { name: /باز کردن پوشه|Open folder/ }).click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="file-list"]')?.childElementCount ?? 0) < 100);
      await page.waitForTimeout(300);
      answer = bigCorpus;
      const from = monotonicMicros();
      const cpu = process.cpuUsage();
      const timing = await page.evaluate(openCorpusTimed, ARTICLES);
      const used = process.cpuUsage(cpu);
      windows.push({ run, from, to: monotonicMicros(), pageMs: timing.totalMs, mainCpuMs: (used.user + used.system) / 1000 });
      console.log(`listing ${run} (${run === 0 ? 'no cache' : 'from the cache'}): ${round(timing.totalMs)} ms in the page`);
      // As app.bench.ts: the statuses filled in (the cache written) before the next listing.
      await page.waitForFunction(() => document.querySelector('[data-testid="file-status-pending"]') === null, undefined, { timeout: 120_000 });
      await page.waitForTimeout(300);
    }
    const { profile: mainProfile } = (await inspector.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    const { profile: pageProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'listing.main.cpuprofile'), JSON.stringify(mainProfile));
    await fs.writeFile(path.join(out, 'listing.window.cpuprofile'), JSON.stringify(pageProfile));
    await fs.writeFile(path.join(out, 'listing.trace.json'), JSON.stringify({ traceEvents: events }));
    await fs.writeFile(path.join(out, 'listing.windows.json'), JSON.stringify(windows));
    for (const window of windows) {
      console.log(`\n== listing ${window.run}: ${round(window.pageMs)} ms in the page, ${round((window.to - window.from) / 1000)} ms here, main's CPU ${round(window.mainCpuMs)} ms`);
      for (const [name, profile] of [['main', mainProfile], ['window', pageProfile]] as const) {
        const busy = busyByFunction(profile, window.from, window.to);
        console.log(`${name}: ${round(busy.totalMs)} ms busy; self: ${busy.self.slice(0, 18).map(([key, ms]) => `${key} ${round(ms)}`).join(' | ')}`);
        console.log(`${name} inclusive: ${busy.inclusive.slice(0, 30).map(([key, ms]) => `${key} ${round(ms)}`).join(' | ')}`);
      }
      const trace = traceByName(events, window.from, window.to);
      console.log(`window trace (renderer main thread): ${trace.slice(0, 20).map(([key, ms]) => `${key} ${round(ms)}`).join(' | ')}`);
    }
  } finally {
    inspector.disconnect();
    await app.close();
  }
});
