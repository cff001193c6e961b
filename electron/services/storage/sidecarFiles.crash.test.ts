import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanMetadata, metadataPathFor, serializeMetadataFile } from '../../../shared/metadata/articleMetadata';
import { decodeArticle } from '../article/articleDecoder';
import { entitiesPathOf, serializeRegistry } from '../entities/entityRegistryFile';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { readAnnotationFileAt } from './annotationFileAtPath';
import { annotationPathFor } from './annotationStore';
import { SIDECAR_ARTICLE, SIDECAR_KINDS, sidecarMetadata, sidecarRegistry, writeSidecarCorpus, type SidecarKind } from '../testing/sidecarVersions';

/**
 * Crash safety of the corpus files written since #17's first fault run (#17): for each kind, a
 * child process writing it in a loop through the owning service is killed with SIGKILL at a
 * random moment, again and again; after every kill the file on disk must be the old or the new
 * complete version, and parse. The kinds run side by side, each in its own corpus.
 */
const KILLS_PER_KIND = 100;
/**
 * Each kill starts a Node process (about 50 ms on an idle machine, up to a second on a loaded
 * one): the kills stop at this budget, once at least MIN_KILLS per kind have been made.
 */
const TIME_BUDGET_MS = 45_000;
const MIN_KILLS = 10;
/** Time a kind's kills may go on past the budget while none has yet landed inside a write. */
const EXTRA_BUDGET_MS = 25_000;
const childSource = path.resolve(import.meta.dirname, '../testing/sidecarWriterChild.ts');

let work: string;
let childBundle: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-sidecar-crash-'));
  // Node 20 cannot run TypeScript: the child and the real services it imports are bundled into one file.
  const { build } = await import('rolldown');
  childBundle = path.join(work, 'sidecarWriterChild.mjs');
  await build({ input: childSource, platform: 'node', logLevel: 'silent', output: { file: childBundle, format: 'esm' } });
}, 60_000);
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts a writing child (its first round writing version B, or A when `first` is 1), waits for
 * that round to complete, then kills it at `share` (0–1) of two rounds' time later: inside round
 * two or three, or between.
 */
async function writeAndKill(kind: SidecarKind, root: string, share: number, first: 0 | 1): Promise<void> {
  const child = startWriter(kind, root, first, 'random');
  const roundMs = await child.announced(/round (\d+)/);
  await sleep(Math.floor(share * 2 * Number(roundMs[1])));
  await child.kill();
}

/**
 * Kills a writing child at the instant a random kill may miss however often it is tried: the new
 * version complete in its temporary file, about to be renamed over the old one.
 */
async function killAtRename(kind: SidecarKind, root: string, first: 0 | 1): Promise<void> {
  const child = startWriter(kind, root, first, 'at-rename');
  await child.announced(/renaming/);
  await child.kill();
}

interface WriterChild {
  /** Resolves with the match of the first line of output matching `line`. */
  announced(line: RegExp): Promise<RegExpExecArray>;
  /** SIGKILL, then waits for the exit; throws when the child had ended otherwise. */
  kill(): Promise<void>;
}

function startWriter(kind: SidecarKind, root: string, first: 0 | 1, mode: 'random' | 'at-rename'): WriterChild {
  const child = spawn(process.execPath, [childBundle, kind, root, String(first), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errorOutput = '';
  child.stderr.on('data', (chunk: Buffer) => (errorOutput += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return {
    announced: (line) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const match = line.exec(chunk.toString());
          if (match) resolve(match);
        });
        child.on('exit', () => reject(new Error(`${kind} writer exited before writing: ${errorOutput}`)));
      }),
    kill: async () => {
      child.kill('SIGKILL');
      const ending = await exited;
      if (ending !== 'SIGKILL') throw new Error(`${kind} writer ended with ${String(ending)} instead of being killed: ${errorOutput}`);
    },
  };
}

/** The file each kind writes, and whether what is on disk now is version A or B, whole (null when it is neither). */
function fileOf(kind: SidecarKind, root: string): string {
  const articlePath = path.join(root, SIDECAR_ARTICLE);
  if (kind === 'entities') return entitiesPathOf(root);
  if (kind === 'metadata') return metadataPathFor(articlePath);
  if (kind === 'pretag') return annotatorFilePath(articlePath, 'gazetteer');
  return annotationPathFor(articlePath);
}

const texts = (annotations: readonly { text?: string }[]) => annotations.map((annotation) => annotation.text ?? '').sort();

async function versionOnDisk(kind: SidecarKind, root: string): Promise<'A' | 'B' | null> {
  const file = fileOf(kind, root);
  const text = await fs.readFile(file, 'utf8');
  JSON.parse(text);
  if (kind === 'entities') return text === serializeRegistry(sidecarRegistry('A')) ? 'A' : text === serializeRegistry(sidecarRegistry('B')) ? 'B' : null;
  if (kind === 'metadata') {
    const of = (version: 'A' | 'B') => serializeMetadataFile(cleanMetadata(sidecarMetadata(version)), {});
    return text === of('A') ? 'A' : text === of('B') ? 'B' : null;
  }
  const articlePath = path.join(root, SIDECAR_ARTICLE);
  const existing = await readAnnotationFileAt(file, decodeArticle(await fs.readFile(articlePath)), undefined, root);
  if (existing.kind !== 'usable') return null;
  if (kind === 'pretag') {
    const found = texts(existing.file.annotations).join('|');
    return found === 'تهران|مشهد' ? 'A' : found === 'اصفهان|تهران|دمشق|شیراز' ? 'B' : null;
  }
  const zones = existing.file.zones ?? [];
  return zones.length === 0 ? 'A' : zones.length === 1 && zones[0].type === 'boilerplate' ? 'B' : null;
}

/** Leftovers of a killed writer (hidden temporary files, its lock), counted and removed as the app's start-up sweep would. */
async function removeLeftovers(root: string): Promise<number> {
  let removed = 0;
  for (const folder of [root, path.join(root, 'news1.annotators')]) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.tmp') || (name.startsWith('.') && name.endsWith('.lock'))) {
        await fs.rm(path.join(folder, name), { force: true });
        if (name.endsWith('.tmp')) removed++;
      }
    }
  }
  return removed;
}

interface Tally {
  tried: number;
  survived: number;
  lost: number;
  A: number;
  B: number;
  midWrite: number;
  failures: string[];
}

async function killLoop(kind: SidecarKind, seed: number, deadline: number): Promise<Tally> {
  const root = path.join(work, kind);
  await writeSidecarCorpus(root);
  const tally: Tally = { tried: 0, survived: 0, lost: 0, A: 0, B: 0, midWrite: 0, failures: [] };
  let random = seed;
  // Kills land at random moments, and every fourth at the rename itself, so that however the
  // random ones fall, some kills land inside a write (a random-only run once had 171 kills
  // miss every write); the run still goes on, within the extra budget, until one has.
  let kill = 0;
  const more = () => tally.midWrite === 0 && kill < 2 * KILLS_PER_KIND && performance.now() < deadline + EXTRA_BUDGET_MS;
  // At least MIN_KILLS whatever the load: the budget only stops the kills beyond them.
  for (; kill < MIN_KILLS || (kill < KILLS_PER_KIND && performance.now() < deadline) || more(); kill++) {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    const first = ((random >> 12) & 1) as 0 | 1;
    const atRename = kill % 4 === 3;
    if (atRename) await killAtRename(kind, root, first);
    else await writeAndKill(kind, root, (random % 1000) / 1000, first);
    tally.tried++;
    let version: 'A' | 'B' | null;
    try {
      version = await versionOnDisk(kind, root);
    } catch (error) {
      version = null;
      tally.failures.push(`kill ${kill}: ${(error as Error).message}`);
    }
    if (version === null) {
      tally.lost++;
      if (tally.failures.length < 5) tally.failures.push(`kill ${kill}: neither version A nor B on disk`);
    } else {
      tally.survived++;
      tally[version]++;
    }
    const leftovers = await removeLeftovers(root);
    if (leftovers > 0) tally.midWrite++;
    else if (atRename) tally.failures.push(`kill ${kill}: killed at the rename, yet no temporary file was left`);
  }
  return tally;
}

describe('corpus files written since #17 under SIGKILL', () => {
  it(`leave the old or the new complete version after each of up to ${KILLS_PER_KIND} kills per kind`, async () => {
    const started = performance.now();
    const tallies = await Promise.all(SIDECAR_KINDS.map((kind, index) => killLoop(kind, 20261206 + index, started + TIME_BUDGET_MS)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const [index, kind] of SIDECAR_KINDS.entries()) {
      const tally = tallies[index];
      console.log(`kill mid-write ${kind}: tried ${tally.tried}, survived ${tally.survived}, lost ${tally.lost} (on disk A ${tally.A}, B ${tally.B}; kills inside a write ${tally.midWrite}) [${seconds} s for all kinds]`);
    }
    for (const [index, kind] of SIDECAR_KINDS.entries()) {
      const tally = tallies[index];
      expect(tally.failures, kind).toEqual([]);
      expect(tally.lost, kind).toBe(0);
      expect(tally.tried, kind).toBeGreaterThanOrEqual(MIN_KILLS);
      // The kills must land at different moments, or the test proves nothing.
      expect(tally.A, kind).toBeGreaterThan(0);
      expect(tally.B, kind).toBeGreaterThan(0);
      expect(tally.midWrite, kind).toBeGreaterThan(0);
    }
  }, 300_000); // a loaded machine (a Node start near a second) still makes its MIN_KILLS within this
});
