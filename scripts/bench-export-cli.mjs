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
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

function runOnce(cli, workers, scratch, index) {
  const out = path.join(scratch, `out-${index}`);
  const args = [cli, 'export', corpus, '--format', 'conll', '--out', out, '--allow-lossy', '--json'];
  if (workers !== 'default') args.push('--workers', workers);
  const load = os.loadavg()[0];
  const before = childrenCpu();
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const after = childrenCpu();
  if (child.status !== 0) throw new Error(`${cli} --workers ${workers} exited ${child.status}: ${child.stderr}`);
  const result = { cli, workers, load, wall, user: after.user - before.user, system: after.system - before.system };
  if (check) {
    result.files = { conll: readFileSync(path.join(out, 'corpus.conll')), report: readFileSync(path.join(out, 'export-report.json')), answer: comparable(child.stdout, out) };
  }
  rmSync(out, { recursive: true, force: true });
  return result;
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
      const result = runOnce(cli, workers, scratch, index++);
      if (result.files) {
        reference ??= result.files;
        result.identical = ['conll', 'report', 'answer'].every((key) => (typeof reference[key] === 'string' ? reference[key] === result.files[key] : reference[key].equals(result.files[key])));
        delete result.files;
      }
      results.push(result);
      process.stderr.write(`${cli} workers=${workers} load ${result.load.toFixed(1)}: ${result.wall.toFixed(2)} s wall, ${(result.user + result.system).toFixed(2)} s CPU (${result.user.toFixed(2)} user, ${result.system.toFixed(2)} sys), ${Math.round(articles / result.wall)} articles/s${result.identical === undefined ? '' : result.identical ? ', same bytes' : ', DIFFERENT BYTES'}\n`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const summary = clis.flatMap((cli) =>
  workerCases.map((workers) => {
    const mine = results.filter((result) => result.cli === cli && result.workers === workers);
    const wall = median(mine.map((result) => result.wall));
    return { cli, workers, runs: mine.length, wallS: Number(wall.toFixed(3)), cpuS: Number(median(mine.map((result) => result.user + result.system)).toFixed(2)), articlesPerSecond: Math.round(articles / wall), loads: mine.map((result) => Number(result.load.toFixed(1))) };
  }),
);
for (const line of summary) process.stderr.write(`median ${line.cli} workers=${line.workers}: ${line.wallS} s wall, ${line.cpuS} s CPU, ${line.articlesPerSecond} articles/s (loads ${line.loads.join(', ')})\n`);
process.stdout.write(`${JSON.stringify({ articles, corpus, summary, runs: results })}\n`);
if (results.some((result) => result.identical === false)) process.exitCode = 1;
