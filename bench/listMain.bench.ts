/**
 * The main process's side of listing the 10,000-article corpus (#25, session 13): corpus.openDialog
 * through the real dispatcher and session (watcher, listing cache, contract check, packing in
 * columns and the JSON the stand-in sends), in this process, with no window. Each round opens a
 * small corpus, then the big one: the first round without a listing cache, the next ones from it
 * (once the first listing's pending statuses were read, as the window's corpus.refresh asks).
 * It prints the wall and CPU milliseconds of each listing (CPU is what other helpers' load
 * inflates least) and, with HASHIYE_TRACE_OUT, writes a CPU profile of the cached listings.
 * Not part of `npm run bench`'s figures: run it alone with
 * `npx playwright test -c bench/playwright.bench.config.ts --grep "main side of the listing"`.
 */
import { test } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../electron/ipc/dispatcher';
import { createHandlerTable } from '../electron/ipc/handlerTable';
import type { HostPlatform } from '../electron/ipc/hostPlatform';
import { SettingsStore } from '../electron/services/app/settingsStore';
import { CorpusSession } from '../electron/services/corpus/corpusSession';
import { packCorpusListing } from '../shared/articleListWire';
import { ensureListingCorpora } from './benchInputs';
import { median, round } from './stats';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const out = process.env.HASHIYE_TRACE_OUT ?? null;
const ARTICLES = Number(process.env.HASHIYE_BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.HASHIYE_BENCH_RUNS ?? 5);
const bigCorpus = path.join(inputs, `main-list-corpus-${ARTICLES}`);
const smallCorpus = path.join(inputs, 'main-list-small');

test('main side of the listing of the 10,000-article corpus', async () => {
  test.setTimeout(20 * 60_000);
  await ensureListingCorpora(bigCorpus, smallCorpus, ARTICLES);
  const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bench-list-main-'));
  let answer = smallCorpus;
  const host: HostPlatform = { pickFolder: async () => answer, emit: () => undefined };
  const session = new CorpusSession({ watch: true, cacheFolder: path.join(userData, 'listing-cache'), statusesLater: true });
  const settings = await SettingsStore.open(userData);
  const dispatch = createDispatcher(createHandlerTable({ session, settings, host, development: false }), session);
  const sender = { trusted: true, description: 'bench' };
  const inspector = new Session();
  inspector.connect();
  const runs: { ms: number; cpuMs: number; chars: number }[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      answer = smallCorpus;
      await dispatch('corpus.openDialog', {}, sender);
      await new Promise((resolve) => setTimeout(resolve, 300));
      answer = bigCorpus;
      if (run === 1 && out !== null) {
        // Only the listings from the cache.
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
        await inspector.post('Profiler.start');
      }
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      // What the stand-in's main does with an answer (e2e/harness.ts): packed in columns, then JSON.
      const listed = (await dispatch('corpus.openDialog', {}, sender)) as { articles: { statusPending?: boolean }[] };
      const chars = JSON.stringify(packCorpusListing('corpus.openDialog', listed)).length;
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      runs.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, chars });
      // The window asks for the whole listing once it has drawn a first one with statuses pending (they are read then).
      if (listed.articles.some((entry) => entry.statusPending === true)) await dispatch('corpus.refresh', {}, sender);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    if (out !== null) {
      const { profile } = await inspector.post('Profiler.stop');
      await fs.mkdir(out, { recursive: true });
      await fs.writeFile(path.join(out, 'list-main.cpuprofile'), JSON.stringify(profile));
    }
  } finally {
    inspector.disconnect();
    await session.close();
    await fs.rm(userData, { recursive: true, force: true });
  }
  const cached = runs.slice(1);
  console.log(
    `main side of the listing: cold ${round(runs[0].ms)} ms wall, ${round(runs[0].cpuMs)} ms CPU; from the cache (median of ${cached.length}) ${round(median(cached.map((run) => run.ms)))} ms wall, ${round(median(cached.map((run) => run.cpuMs)))} ms CPU; ` +
      `runs ${JSON.stringify(runs.map((run) => ({ ms: round(run.ms), cpuMs: round(run.cpuMs), chars: run.chars })))}; load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
  );
});
