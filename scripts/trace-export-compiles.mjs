// V8's optimizing compiles and deopts of one command-line export, per function and isolate (issue
// #25 must-deliver 4): a function compiled more than once in an isolate was thrown away and made
// again (a deopt, or a dependency of its code that changed). Counts do not depend on the load;
// which compile lands when does, a little, so compare several runs.
// Usage: node scripts/trace-export-compiles.mjs CORPUS [--cli PATH/bin/hashiye.js] [--workers N] [--top 25]
// The export writes CoNLL to a scratch folder (--allow-lossy); each function is named by its name
// and its SharedFunctionInfo, which differs between isolates (the calling thread's, each worker's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const corpus = argv[0];
if (!corpus || corpus.startsWith('--')) {
  console.error('Usage: node scripts/trace-export-compiles.mjs CORPUS [--cli PATH/bin/hashiye.js] [--workers N] [--top 25]');
  process.exit(2);
}
const cli = path.resolve(option('--cli', path.join(root, 'bin', 'hashiye.js')));
const workers = option('--workers', '0');
const top = Number(option('--top', '25'));
const out = mkdtempSync(path.join(os.tmpdir(), 'hashiye-trace-compiles-'));
const run = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', cli, 'export', path.resolve(corpus), '--format', 'conll', '--out', path.join(out, 'x'), '--allow-lossy', '--workers', workers], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
rmSync(out, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(`The export exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
  process.exit(1);
}

const compiles = new Map(); // "name sfi" -> { count, ms }
const deopts = [];
for (const line of run.stdout.split('\n')) {
  const done = /^\[completed compiling 0x[0-9a-f]+ <JSFunction (\S*) ?\(sfi = (0x[0-9a-f]+)\)> \(target TURBOFAN\) - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/.exec(line);
  if (done) {
    const key = `${done[1] || '(anonymous)'} ${done[2]}`;
    const entry = compiles.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += Number(done[3]) + Number(done[4]) + Number(done[5]);
    compiles.set(key, entry);
    continue;
  }
  const bailout = /^\[bailout \(kind: ([\w-]+), reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction (\S*) ?\(sfi = (0x[0-9a-f]+)\)>.*bytecode offset (\d+)/.exec(line);
  if (bailout) deopts.push(`${bailout[3] || '(anonymous)'} ${bailout[4]} at ${bailout[5]}: ${bailout[2]} (${bailout[1]})`);
  const dependent = /^\[marking dependent code 0x[0-9a-f]+ <Code TURBOFAN> \((0x[0-9a-f]+) <SharedFunctionInfo (\S*)>\).*reason: ([^\]]*)\]/.exec(line);
  if (dependent) deopts.push(`${dependent[2] || '(anonymous)'} ${dependent[1]}: ${dependent[3]} (dependent code)`);
}
const entries = [...compiles.entries()];
const total = entries.reduce((sum, [, entry]) => sum + entry.count, 0);
const again = entries.filter(([, entry]) => entry.count > 1).sort((a, b) => b[1].ms - a[1].ms);
console.log(`${total} TurboFan compiles of ${entries.length} functions (all isolates), ${deopts.length} deopts`);
console.log(`Compiled more than once (name sfi: count, summed ms):`);
for (const [key, entry] of again.slice(0, top)) console.log(`  ${key}: ${entry.count}, ${entry.ms.toFixed(1)} ms`);
console.log('Deopts, in order:');
for (const deopt of deopts) console.log(`  ${deopt}`);
console.log(JSON.stringify({ compiles: total, functions: entries.length, recompiled: again.length, deopts: deopts.length }));
