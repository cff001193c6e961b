import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNewsCorpus } from '../testing/sessionFixture';
import type { ExportManifest } from './exportReport';
import { cleanStaleStaging } from './exportStaging';
import { expectIntactExport } from '../testing/exportManifestCheck';

/**
 * The real command line interrupted while it exports over an earlier export: Ctrl+C (SIGINT)
 * and crashes (SIGKILL) at moments spread over the whole run. Needs the built CLI.
 */

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(projectRoot, 'bin/hashiye.js');
const builtCli = path.join(projectRoot, 'out/main/cli.js');
const skipReason = existsSync(builtCli) ? null : `${builtCli} is missing until "npm run build"`;
/** Articles of the second export: about 1,600 files in brat, a few seconds of writing here. */
const BIG = 800;
const SIGINT_RUNS = 10;
const SIGKILL_RUNS = 16;

let scratch: string;
let small: string;
let big: string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-export-interrupt-'));
  small = path.join(scratch, 'small');
  big = path.join(scratch, 'big');
  await writeNewsCorpus(small, 5);
  await writeNewsCorpus(big, BIG, { digits: 4, twoPlaces: true });
}, 120_000);

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** Runs `hashiye export CORPUS --format brat --out OUT`, sending `signal` after `delayMs` (none: runs to the end). */
function runExport(corpus: string, out: string, interrupt?: { signal: NodeJS.Signals; delayMs: number }): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, 'export', corpus, '--format', 'brat', '--out', out, '--json'], { stdio: 'ignore' });
  const timer = interrupt ? setTimeout(() => child.kill(interrupt.signal), interrupt.delayMs) : null;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

/** The export at `out` is whole: the earlier one (5 articles) or the new one (BIG), checked file by file. */
async function expectOldOrNew(out: string): Promise<'old' | 'new'> {
  const manifest: ExportManifest = await expectIntactExport(out);
  expect([5, BIG]).toContain(manifest.articles);
  return manifest.articles === 5 ? 'old' : 'new';
}

describe.skipIf(skipReason !== null)(`CLI export interrupted over an earlier export${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it(`Ctrl+C at ${SIGINT_RUNS} moments: exit 130 and the earlier export untouched (or finished whole), nothing left beside it`, async () => {
    const parent = path.join(scratch, 'sigint');
    const out = path.join(parent, 'out');
    const full = await runExport(small, out);
    expect(full.code).toBe(0);
    const timed = await runExport(big, path.join(scratch, 'timing'));
    expect(timed.code).toBe(0);
    let cancelled = 0;
    let finished = 0;
    for (let index = 0; index < SIGINT_RUNS; index++) {
      await fs.rm(out, { recursive: true, force: true });
      expect((await runExport(small, out)).code).toBe(0);
      const run = await runExport(big, out, { signal: 'SIGINT', delayMs: Math.round((timed.ms * (index + 0.5)) / SIGINT_RUNS) });
      // Before the CLI installs its handler (or after it removed it, the export done), Ctrl+C ends Node at once.
      if (run.code === 130) cancelled++;
      else if (run.code === 0) finished++;
      const state = await expectOldOrNew(out);
      // Exit 0: the new export; 130 (cancelled): the earlier one. Killed by the signal itself (no
      // handler yet, or already removed while the finished process was exiting): either, whole.
      if (run.code === 0) expect(state).toBe('new');
      else if (run.code === 130) expect(state).toBe('old');
      else expect(run.signal).toBe('SIGINT');
      if (run.signal === null) expect(await fs.readdir(parent)).toEqual(['out']);
    }
    console.log(`cancelled export (Ctrl+C): ${SIGINT_RUNS} runs, ${cancelled} cancelled (exit 130), ${finished} finished first, ${SIGINT_RUNS - cancelled - finished} ended by the signal itself (before the handler, or after the export was done); the export whole in every run`);
    expect(cancelled).toBeGreaterThan(0);
  }, 600_000);

  it(`killed (SIGKILL) at ${SIGKILL_RUNS} moments: the earlier or the new export, whole, once the next export has cleaned up`, async () => {
    const parent = path.join(scratch, 'sigkill');
    const out = path.join(parent, 'out');
    const timed = await runExport(big, path.join(scratch, 'timing-kill'));
    expect(timed.code).toBe(0);
    const outcomes = { old: 0, new: 0, restored: 0, leftovers: 0 };
    for (let index = 0; index < SIGKILL_RUNS; index++) {
      await fs.rm(parent, { recursive: true, force: true });
      expect((await runExport(small, out)).code).toBe(0);
      const run = await runExport(big, out, { signal: 'SIGKILL', delayMs: Math.round((timed.ms * (index + 0.5)) / SIGKILL_RUNS) });
      const left = (await fs.readdir(parent)).filter((name) => name !== 'out');
      if (left.length > 0) outcomes.leftovers++;
      if (!existsSync(out)) outcomes.restored++;
      // What the next export does first: leftovers of dead processes removed, an old export renamed aside put back.
      await cleanStaleStaging(parent, 'out');
      expect(await fs.readdir(parent)).toEqual(['out']);
      outcomes[await expectOldOrNew(out)]++;
      expect(run.signal === 'SIGKILL' || run.code === 0).toBe(true);
    }
    console.log(`crashed export (SIGKILL): ${SIGKILL_RUNS} runs, ${outcomes.old} left the earlier export, ${outcomes.new} the new one, ${outcomes.restored} killed between the renames (earlier export put back), ${outcomes.leftovers} left a staging folder (cleaned), 0 lost`);
  }, 600_000);
});
