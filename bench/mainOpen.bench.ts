/**
 * The main process's side of opening the article with 100,000 annotations (issue #17): the
 * article.load call through the real dispatcher and session, in this process, with no window.
 * Each run opens the 39 MB annotation file as never seen (what this process remembers of files
 * it wrote or opened is forgotten first), and records the time to the answer, the CPU the
 * process spent meanwhile (what other helpers' load on the machine does not inflate as much),
 * and the longest the event loop was held (a timer every millisecond: what a listing or any
 * other call would have waited). Run with `npm run bench -- --grep "100,000"`.
 */
import { test } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../electron/ipc/dispatcher';
import { createHandlerTable } from '../electron/ipc/handlerTable';
import type { HostPlatform } from '../electron/ipc/hostPlatform';
import { SettingsStore } from '../electron/services/app/settingsStore';
import { CorpusSession } from '../electron/services/corpus/corpusSession';
import { forgetWrittenAnnotationFile } from '../electron/services/storage/writtenAnnotationFile';
import { ensureHundredThousandCorpus } from './benchInputs';
import { median, round } from './stats';
import { recordFigures } from './benchResults';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const resultsFile = process.env.HASHIYE_BENCH_RESULTS ?? path.join(inputs, 'results.json');
const RUNS = Number(process.env.HASHIYE_BENCH_RUNS ?? 5);
const NAME = 'many-annotations.txt';

const noDialogs: HostPlatform = {
  pickFolder: async () => null,
  pickSaveFile: async () => null,
  pickExportFolder: async () => null,
  pickImportSource: async () => null,
  pickImportTarget: async () => null,
  emit: () => undefined,
};

function record(figures: Record<string, number | null>): Promise<void> {
  return recordFigures(resultsFile, figures);
}

test('100,000 annotations: main side of article.load', async () => {
  test.setTimeout(20 * 60_000);
  const folder = path.join(inputs, 'annotations-100k-main');
  await ensureHundredThousandCorpus(folder, NAME, 'a-short-article.txt');
  const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-bench-main-'));
  const session = new CorpusSession({ watch: true, cacheFolder: path.join(userData, 'listing-cache') });
  await session.open(folder);
  const settings = await SettingsStore.open(userData);
  const dispatch = createDispatcher(createHandlerTable({ session, settings, host: noDialogs, development: false }), session);
  const sender = { trusted: true, description: 'bench' };
  await dispatch('article.load', { id: 'a-short-article.txt' }, sender);
  const runs: { ms: number; wholeMs: number; cpuMs: number; gapMs: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      forgetWrittenAnnotationFile(path.join(folder, 'many-annotations.ann.json'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      let gapMs = 0;
      let last = performance.now();
      const ticking = setInterval(() => {
        const now = performance.now();
        gapMs = Math.max(gapMs, now - last);
        last = now;
      }, 1);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const sent = (await dispatch('article.load', { id: NAME, firstPageEarly: true }, sender)) as { annotationsTotal?: number; revision?: string };
      const ms = performance.now() - started;
      // (#17) An answer from the first page: the whole list is ready when its last page is.
      if (sent.annotationsTotal !== undefined) await dispatch('article.annotationPage', { id: NAME, revision: sent.revision, from: sent.annotationsTotal - 1 }, sender);
      const wholeMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      clearInterval(ticking);
      runs.push({ ms, wholeMs, cpuMs: (cpu.user + cpu.system) / 1000, gapMs: Math.max(gapMs, performance.now() - last) });
    }
  } finally {
    await session.close();
    await fs.rm(userData, { recursive: true, force: true });
  }
  const figures = {
    ann100kMainMs: round(median(runs.map((run) => run.ms))),
    ann100kMainWholeMs: round(median(runs.map((run) => run.wholeMs))),
    ann100kMainCpuMs: round(median(runs.map((run) => run.cpuMs))),
    ann100kMainLongestStallMs: round(median(runs.map((run) => run.gapMs))),
  };
  console.log(`100,000 annotations, main side of article.load (${RUNS} runs, medians): ${JSON.stringify(figures)}; runs ${JSON.stringify(runs.map((run) => ({ ms: round(run.ms), wholeMs: round(run.wholeMs), cpuMs: round(run.cpuMs), stallMs: round(run.gapMs) })))}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  await record(figures);
});
