// Export from the command line, a process per run, as `npm run bench`'s exportDocsPerSec measures
// it, with each run's CPU seconds beside its wall (issue #25 must-deliver 4): for choosing the
// default worker count and for pairing two builds. Runs are interleaved: every (build, workers)
// case once, then again, so a change in the machine's load falls on all of them alike.
// Usage: node scripts/bench-export-cli.mjs [--workers 0,1,2] [--runs 3] [--cli PATH/bin/hashiye.js]...
//        [--corpus FOLDER] [--articles 10000] [--check]
// --cli may be given more than once (e.g. a base build's bin/hashiye.js, then this one's);
// default: this worktree's. --workers default: the CLI's default only ("default"); a list such as
// 0,1,2 runs each. The corpus is the bench's (writeBenchCorpus, seed 7), generated once into
// --corpus (default $TMPDIR/hashiye-bench-inputs/export-cli-corpus). --check compares every run's
// corpus.conll, export-report.json and --json answer (less durationMs, workersUsed and the out path) with the first's.
// Each run also prints its threads' time from /proc/PID/task/TID/schedstat: on a CPU (run) and
// asleep (blocked: waiting for work or I/O). Run depends little on the load; blocked holds the
// waits for the disk, which other processes' writes lengthen. On 2 idle cores the wall is about
// the calling thread's run + blocked, or the sum of all runs / 2, whichever is larger.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const values = [];
  process.argv.forEach((value, index) => value === name && values.push(process.argv[index + 1]));
  return values.length > 0 ? values : fallback;
}

const clis = option('--cli', [path.join(root, 'bin', 'hashiye.js')]).map((cli) => path.resolve(cli));
const workerCases = option('--workers', ['default'])[0].split(',');
const runs = Number(option('--runs', ['3'])[0]);
const articles = Number(option('--articles', ['10000'])[0]);
const corpus = path.resolve(option('--corpus', [path.join(os.tmpdir(), 'hashiye-bench-inputs', 'export-cli-corpus')])[0]);
const check = process.argv.includes('--check');

async function ensureCorpus() {
  const ready = path.join(corpus, 'ready');
  if (existsSync(ready) && readFileSync(ready, 'utf8') === String(articles)) return;
  const outDir = path.join(root, 'out', 'bench-inputs');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false, rollupOptions: { input: { benchInputs: path.join(root, 'bench/benchInputs.ts') }, output: { format: 'es', entryFileNames: '[name].js' } } },
  });
  const { writeBenchCorpus } = await import(pathToFileURL(path.join(outDir, 'benchInputs.js')).href);
  rmSync(corpus, { recursive: true, force: true });
  await writeBenchCorpus(corpus, { articles, articleBytes: 3000, annotationsPerArticle: 30 });
  // Not a .txt: the export does not see it.
  writeFileSync(ready, String(articles));
}

/** The children's CPU seconds so far (user, system), from /proc: waited-for children count. */
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = 100; // USER_HZ on Linux
  return { user: Number(fields[13]) / ticks, system: Number(fields[14]) / ticks };
}

function comparable(answer, out) {
  return answer.split(out).join('OUT').replace(/"durationMs": ?[0-9.]+/g, '"durationMs":0').replace(/"workersUsed": ?[0-9]+/g, '"workersUsed":0');
}

/**
 * Each thread's time from /proc/PID/task/TID/schedstat, polled while it lives: on a CPU (`run`),
 * ready but waiting for one (`wait`: the machine's load), and the rest of its life asleep
 * (`blocked`: waiting for work, I/O or the other threads), in seconds. `run` depends little on the
 * load; on an idle machine a thread's wall is about its run + blocked.
 */
function threadSampler(pid, started) {
  const threads = new Map();
  const poll = () => {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    const now = (performance.now() - started) / 1000;
    for (const tid of tids) {
      try {
        const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        const thread = threads.get(tid) ?? { first: now };
        Object.assign(thread, { last: now, run: run / 1e9, wait: wait / 1e9 });
        threads.set(tid, thread);
      } catch {
        // Ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(poll, 10);
  return () => {
    clearInterval(timer);
    // The calling thread (the process's own id), then the rest by CPU time: the export's workers, then V8's and libuv's helpers.
    const rows = [...threads.entries()].map(([tid, t]) => ({ tid: Number(tid), run: t.run, wait: t.wait, blocked: Math.max(0, t.last - t.first - t.run - t.wait) }));
    rows.sort((a, b) => (a.tid === pid ? -1 : b.tid === pid ? 1 : b.run - a.run));
    const round = (value) => Number(value.toFixed(3));
    const [main, ...others] = rows;
    const workerRows = others.slice(0, Number(workersCount) || 0);
    const helpers = others.slice(workerRows.length);
    return {
      main: main && { run: round(main.run), wait: round(main.wait), blocked: round(main.blocked) },
      workers: workerRows.map((row) => ({ run: round(row.run), wait: round(row.wait), blocked: round(row.blocked) })),
      helpersRun: round(helpers.reduce((sum, row) => sum + row.run, 0)),
    };
  };
}

let workersCount = 0;

function runOnce(cli, workers, scratch, index) {
  const out = path.join(scratch, `out-${index}`);
  const args = [cli, 'export', corpus, '--format', 'conll', '--out', out, '--allow-lossy', '--json'];
  if (workers !== 'default') args.push('--workers', workers);
  // The default on this machine: one per core but one, up to 4 (defaultExportWorkerCount).
  workersCount = workers === 'default' ? Math.min(4, Math.max(0, os.availableParallelism() - 1)) : Number(workers);
  const load = os.loadavg()[0];
  const before = childrenCpu();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = threadSampler(child.pid, started);
    // The answer read as the bench's execFileSync reads it: whole, then decoded.
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const answer = Buffer.concat(stdout).toString('utf8');
      const wall = (performance.now() - started) / 1000;
      const after = childrenCpu();
      const threads = stop();
      if (status !== 0) return reject(new Error(`${cli} --workers ${workers} exited ${status}: ${Buffer.concat(stderr).toString('utf8')}`));
      const result = { cli, workers, load, wall, user: after.user - before.user, system: after.system - before.system, threads };
      if (check) {
        result.files = { conll: readFileSync(path.join(out, 'corpus.conll')), report: readFileSync(path.join(out, 'export-report.json')), answer: comparable(answer, out) };
      }
      rmSync(out, { recursive: true, force: true });
      resolve(result);
    });
  });
}

function describeThreads({ main, workers, helpersRun }) {
  const line = (name, thread) => `${name} ${thread.run.toFixed(2)} run / ${thread.blocked.toFixed(2)} blocked`;
  return [main && line('calling thread', main), ...workers.map((worker, index) => line(`worker ${index + 1}`, worker)), `helpers ${helpersRun.toFixed(2)} run`].filter(Boolean).join(', ');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

await ensureCorpus();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hashiye-bench-export-cli-'));
const results = [];
let reference = null;
try {
  // One warm-up of the page cache, not counted.
  execFileSync(process.execPath, [clis[0], 'export', corpus, '--format', 'conll', '--out', path.join(scratch, 'warm'), '--allow-lossy'], { stdio: 'ignore' });
  rmSync(path.join(scratch, 'warm'), { recursive: true, force: true });
  let index = 0;
  for (let run = 0; run < runs; run++) {
    const order = clis.flatMap((cli) => workerCases.map((workers) => [cli, workers]));
    if (run % 2 === 1) order.reverse();
    for (const [cli, workers] of order) {
      const result = await runOnce(cli, workers, scratch, index++);
      if (result.files) {
        reference ??= result.files;
        result.identical = ['conll', 'report', 'answer'].every((key) => (typeof reference[key] === 'string' ? reference[key] === result.files[key] : reference[key].equals(result.files[key])));
        delete result.files;
      }
      results.push(result);
      process.stderr.write(`${cli} workers=${workers} load ${result.load.toFixed(1)}: ${result.wall.toFixed(2)} s wall, ${(result.user + result.system).toFixed(2)} s CPU (${result.user.toFixed(2)} user, ${result.system.toFixed(2)} sys), ${Math.round(articles / result.wall)} articles/s${result.identical === undefined ? '' : result.identical ? ', same bytes' : ', DIFFERENT BYTES'}\n  threads (s): ${describeThreads(result.threads)}\n`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const summary = clis.flatMap((cli) =>
  workerCases.map((workers) => {
    const mine = results.filter((result) => result.cli === cli && result.workers === workers);
    const wall = median(mine.map((result) => result.wall));
    const mainRun = median(mine.map((result) => result.threads.main?.run ?? 0));
    const mainBlocked = median(mine.map((result) => result.threads.main?.blocked ?? 0));
    return {
      cli,
      workers,
      runs: mine.length,
      wallS: Number(wall.toFixed(3)),
      cpuS: Number(median(mine.map((result) => result.user + result.system)).toFixed(2)),
      articlesPerSecond: Math.round(articles / wall),
      mainRunS: Number(mainRun.toFixed(2)),
      mainBlockedS: Number(mainBlocked.toFixed(2)),
      loads: mine.map((result) => Number(result.load.toFixed(1))),
    };
  }),
);
for (const line of summary) {
  process.stderr.write(`median ${line.cli} workers=${line.workers}: ${line.wallS} s wall, ${line.cpuS} s CPU, ${line.articlesPerSecond} articles/s; calling thread ${line.mainRunS} s run + ${line.mainBlockedS} s blocked (loads ${line.loads.join(', ')})\n`);
}
process.stdout.write(`${JSON.stringify({ articles, corpus, summary, runs: results })}\n`);
if (results.some((result) => result.identical === false)) process.exitCode = 1;
