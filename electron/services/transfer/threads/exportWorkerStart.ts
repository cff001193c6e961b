import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

// Starting the export's worker threads, apart from the export's code: this module loads nothing
// but Node's own, so that the command line can start the workers before it loads the export (#25).

const MAX_DEFAULT_WORKERS = 4;

/** Each worker is an isolate with its own heap and its own compiles: beyond this many per core they only queue for the cores and fill the memory. */
const MAX_WORKERS_PER_CORE = 4;

/**
 * (#25) The most worker threads an export may be asked for on `cores` cores (`--workers`): four
 * per core, at least the default's ceiling, so an absurd count is refused, not started.
 */
export function maxExportWorkers(cores: number): number {
  return Math.max(MAX_DEFAULT_WORKERS, MAX_WORKERS_PER_CORE * cores);
}

/**
 * (#25) Worker threads an export uses unless told: one core is left to the calling thread, which takes batches itself
 * between the workers' answers, then writes the files. Measured on 2 cores in docs/performance.md (sessions 11-18).
 */
export function defaultExportWorkerCount(cores: number): number {
  return Math.max(0, Math.min(MAX_DEFAULT_WORKERS, cores - 1));
}

/** The built worker script: beside the entry (out/main/) or one folder up from a shared chunk. */
export function findWorkerScript(): URL | null {
  for (const candidate of ['./exportWorker.js', '../exportWorker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** A worker started before its export knew what to ask of it, and what stopped it meanwhile, if anything. */
export interface StartedWorker {
  worker: Worker;
  failure: unknown;
}

/** A worker of `script`, its failure kept until the export listens itself (a worker's error with no listener would end the process). */
function startWorker(script: URL): StartedWorker {
  // No inherited Node flags: a flag such as --input-type would stop the worker's script from loading.
  const started: StartedWorker = { worker: new Worker(script, { execArgv: [] }), failure: null };
  started.worker.once('error', (error) => (started.failure ??= error));
  return started;
}

/**
 * (#25) Export workers started before the corpus is listed, so that each loads and compiles the
 * export's code (0.2-0.4 s of CPU on a core of its own) while the calling thread lists the
 * corpus and reads its tag set, instead of after. The export takes those it needs and ends the
 * rest (`endRest`): a corpus that turns out small uses none, as before.
 */
export class EarlyExportWorkers {
  private readonly started: StartedWorker[] = [];

  constructor(count: number, private readonly script: URL | null = count > 0 ? findWorkerScript() : null) {
    this.startUpTo(count);
  }

  /** Starts workers until `count` are waiting (none without a built script). */
  startUpTo(count: number): void {
    while (this.script !== null && this.started.length < count) this.started.push(startWorker(this.script));
  }

  /** How many started workers are waiting to be taken. */
  get waiting(): number {
    return this.started.length;
  }

  /** The next started worker, or null; it rejects (`failure`) when it stopped before being taken. */
  take(): StartedWorker | null {
    return this.started.shift() ?? null;
  }

  /** Ends the workers not taken beyond the first `count`. */
  async endRest(count = 0): Promise<void> {
    await Promise.all(this.started.splice(count).map(({ worker }) => worker.terminate()));
  }
}

/** (#25) Workers started by the command line before it loaded the export (prestartExportWorkers), until an export takes them. */
let prestarted: EarlyExportWorkers | null = null;

/**
 * (#25) Starts `count` export workers now, before the export's own code is loaded: a worker then
 * loads and compiles its code (a quarter of a second on a loaded machine) while this thread loads
 * the same, instead of after. The next export takes them (takePrestartedWorkers). Resolves the
 * returned function once those no export took are ended: the command line calls it when its
 * command is done, whatever happened (a live worker would keep the process running).
 */
export function prestartExportWorkers(count: number, script: URL | null = count > 0 ? findWorkerScript() : null): () => Promise<void> {
  const workers = new EarlyExportWorkers(count, script);
  prestarted = workers.waiting > 0 ? workers : null;
  return async () => {
    if (prestarted === workers) prestarted = null;
    await workers.endRest();
  };
}

/** The workers prestartExportWorkers started, for the export that takes them (once), or null. */
export function takePrestartedWorkers(): EarlyExportWorkers | null {
  const taken = prestarted;
  prestarted = null;
  return taken;
}
