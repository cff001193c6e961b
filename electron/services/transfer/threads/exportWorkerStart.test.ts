import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEarlyWorkers } from '../exportSerialization';
import { prestartExportWorkers, takePrestartedWorkers } from './exportWorkerStart';

let scratch: string;
let script: URL;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hashiye-worker-start-'));
  // A worker that stays alive until it is ended, as the export's worker waits for its setup.
  const file = path.join(scratch, 'idleWorker.mjs');
  await writeFile(file, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n");
  script = pathToFileURL(file);
});

afterEach(async () => {
  takePrestartedWorkers();
  await rm(scratch, { recursive: true, force: true });
});

/** Resolves with the exit code once `worker` has stopped. */
function exited(worker: { once(event: 'exit', listener: (code: number) => void): unknown }): Promise<number> {
  return new Promise((resolve) => worker.once('exit', resolve));
}

describe('prestartExportWorkers', () => {
  it('hands the workers it started to the next export, which ends those it cannot use', async () => {
    const end = prestartExportWorkers(2, script);
    const early = startEarlyWorkers({ workers: 1 });
    expect(early.waiting).toBe(1);
    // Taken once: a second export starts its own.
    expect(takePrestartedWorkers()).toBeNull();
    const taken = early.take();
    expect(taken?.failure).toBeNull();
    await early.endRest();
    await end();
    expect(taken).not.toBeNull();
    if (taken) await Promise.all([exited(taken.worker), taken.worker.terminate()]);
  });

  it('ends the workers no export used when the command is done', async () => {
    const end = prestartExportWorkers(2, script);
    const early = startEarlyWorkers({ workers: 1 });
    // The export took the set but not its worker (a small corpus, a failure before its batches).
    expect(early.waiting).toBe(1);
    await end();
    expect(early.waiting).toBe(0);
    expect(takePrestartedWorkers()).toBeNull();
  });

  it('starts nothing for no workers, nor without a built worker script', async () => {
    await prestartExportWorkers(0, script)();
    expect(takePrestartedWorkers()).toBeNull();
    await prestartExportWorkers(2, null)();
    expect(takePrestartedWorkers()).toBeNull();
  });

  it('an export asking for more workers than were started starts the rest', async () => {
    const end = prestartExportWorkers(1, script);
    const early = startEarlyWorkers({ workers: 2 });
    expect(early.waiting).toBe(2);
    await early.endRest();
    await end();
  });
});
