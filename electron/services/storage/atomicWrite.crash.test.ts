import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Crash safety (issue 3): a child process saving in a loop is killed with SIGKILL at random
 * moments; after every kill the file on disk must be exactly the old or the new version.
 */
const KILLS = 210;
const LANES = 2;
const childScript = path.resolve(import.meta.dirname, '../testing/atomicWriteCrashChild.mjs');

let work: string;
let compiledModule: string;

/** Two versions of an annotation file that differ in length and content, so a torn write cannot pass for either. */
function annotationFileVersion(label: string, count: number): string {
  const annotations = Array.from({ length: count }, (_, index) => ({
    id: `${label}-${index}`,
    type: 'PER',
    start: index * 10,
    end: index * 10 + 5,
    text: 'سوریه',
    quote: { prefix: 'ایران و ', suffix: 'به\u200cگزارش 😀' },
  }));
  return `${JSON.stringify({ format: 'hashiye-annotations', version: 1, label, annotations }, null, 2)}\n`;
}

const versionA = annotationFileVersion('A', 600);
const versionB = annotationFileVersion('B', 900);

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-crash-'));
  // Node 20 cannot run TypeScript: transpile the real module (it imports only node:*) for the children.
  const source = await fs.readFile(path.resolve(import.meta.dirname, 'atomicWrite.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  compiledModule = path.join(work, 'atomicWrite.mjs');
  await fs.writeFile(compiledModule, outputText);
  await fs.writeFile(path.join(work, 'A.json'), versionA);
  await fs.writeFile(path.join(work, 'B.json'), versionB);
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

interface KillOutcome {
  target: string;
  backup: string | null;
  leftoverTemporaryFiles: number;
}

/** Starts a saving child, waits until it is saving, kills it after a random delay, then reads what is on disk. */
async function saveAndKill(folder: string, target: string, delay: number): Promise<KillOutcome> {
  const child = spawn(process.execPath, [childScript, compiledModule, target, path.join(work, 'A.json'), path.join(work, 'B.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errorOutput = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errorOutput += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`child exited before saving: ${errorOutput}`)));
  });
  await sleep(delay);
  child.kill('SIGKILL');
  const ending = await exited;
  if (ending !== 'SIGKILL') throw new Error(`child ended with ${String(ending)} instead of being killed: ${errorOutput}`);
  const names = await fs.readdir(folder);
  let backup: string | null = null;
  if (names.includes(`${path.basename(target)}.bak`)) backup = await fs.readFile(`${target}.bak`, 'utf8');
  return {
    target: await fs.readFile(target, 'utf8'),
    backup,
    leftoverTemporaryFiles: names.filter((name) => name.endsWith('.tmp')).length,
  };
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`leaves the old or the new version after each of ${KILLS} kills at random moments`, async () => {
    const started = performance.now();
    const seen = { A: 0, B: 0, killedMidSave: 0 };
    let random = 20261129;
    const nextDelay = (): number => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      // 0–24 ms after the child reported it is saving: a save takes a few milliseconds, so
      // kills land before, during and between saves.
      return random % 25;
    };
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const folder = path.join(work, `lane-${lane}`);
        await fs.mkdir(folder);
        const target = path.join(folder, 'article.ann.json');
        await fs.writeFile(target, versionA);
        for (let kill = lane; kill < KILLS; kill += LANES) {
          const outcome = await saveAndKill(folder, target, nextDelay());
          const context = `kill ${kill} (lane ${lane})`;
          expect([versionA, versionB], context).toContain(outcome.target);
          expect(() => JSON.parse(outcome.target), context).not.toThrow();
          if (outcome.backup !== null) expect([versionA, versionB], `${context}: backup`).toContain(outcome.backup);
          if (outcome.target === versionA) seen.A++;
          else seen.B++;
          if (outcome.leftoverTemporaryFiles > 0) {
            seen.killedMidSave++;
            // A killed save may leave its hidden temporary file; they are never the target.
            for (const name of await fs.readdir(folder)) if (name.endsWith('.tmp')) await fs.rm(path.join(folder, name));
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`crash safety: ${KILLS} kills in ${seconds.toFixed(1)} s; on disk afterwards: old/new A ${seen.A}, B ${seen.B}; kills that interrupted a save (temporary file left): ${seen.killedMidSave}`);
    // The kills must really land at different moments, or the test proves nothing.
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
    expect(seen.killedMidSave).toBeGreaterThan(0);
  }, 400_000); // 23 s idle; each kill starts a Node process, near a second at a load average of 20
});
