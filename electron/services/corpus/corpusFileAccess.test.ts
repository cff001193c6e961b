import { appendFileSync, existsSync, promises as fs, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWritableInCorpus,
  checkCorpusFileSync,
  CorpusFileRefusedError,
  readBoundedFromHandle,
  readCorpusFile,
  readCorpusFileSync,
  realCorpusRoot,
} from './corpusFileAccess';
import { makeCharacterDevice, makeFifo, makeSocket } from '../testing/specialFiles';

let parent: string;
let root: string;
let outside: string;
let fifoSkip: string | null;
let deviceSkip: string | null;
let socket: { server: Server | null; skip: string | null };
const CANARY = 'canary-7f3e1b9c-outside';

beforeAll(async () => {
  parent = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-confine-')));
  root = path.join(parent, 'corpus');
  outside = path.join(parent, 'outside');
  await fs.mkdir(path.join(root, 'news'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(root, 'news', 'a.txt'), 'متن خبر');
  await fs.writeFile(path.join(outside, 'secret.ann.json'), CANARY);
  await fs.symlink(path.join(outside, 'secret.ann.json'), path.join(root, 'news', 'a.ann.json'));
  await fs.symlink(path.join(root, 'news', 'a.txt'), path.join(root, 'inside-link.txt'));
  await fs.symlink(outside, path.join(root, 'outside-folder'));
  await fs.symlink('/dev/zero', path.join(root, 'zero.txt'));
  await fs.symlink(path.join(outside, 'nothing-here'), path.join(root, 'dangling.ann.json'));
  fifoSkip = makeFifo(path.join(root, 'fifo.ann.json'));
  deviceSkip = makeCharacterDevice(path.join(root, 'device.txt'));
  socket = await makeSocket(path.join(root, 'socket.txt'));
});

afterAll(async () => {
  socket.server?.close();
  await fs.rm(parent, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<CorpusFileRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function refusalSync(read: () => unknown): CorpusFileRefusedError {
  try {
    read();
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const LIMIT = { maxBytes: 1024 * 1024 };

describe('readCorpusFile', () => {
  it('reads a regular file, and a link whose target is inside the corpus', async () => {
    const direct = await readCorpusFile(root, path.join(root, 'news', 'a.txt'), LIMIT);
    expect(direct?.bytes.toString('utf8')).toBe('متن خبر');
    const linked = await readCorpusFile(root, path.join(root, 'inside-link.txt'), LIMIT);
    expect(linked?.bytes.toString('utf8')).toBe('متن خبر');
    expect(linked?.realPath).toBe(path.join(root, 'news', 'a.txt'));
  });

  it('is null for a file that does not exist', async () => {
    expect(await readCorpusFile(root, path.join(root, 'news', 'none.ann.json'), LIMIT)).toBeNull();
  });

  it('refuses a link to an outside file, saying where it leads, and never returns its bytes', async () => {
    const error = await refusal(readCorpusFile(root, path.join(root, 'news', 'a.ann.json'), LIMIT));
    expect(error.refusal).toBe('outside-corpus');
    expect(error.message).toContain('a.ann.json');
    expect(error.message).toContain(outside);
    expect(error.message).not.toContain(CANARY);
  });

  it('refuses a file under a linked folder that leads outside', async () => {
    const error = await refusal(readCorpusFile(root, path.join(root, 'outside-folder', 'secret.ann.json'), LIMIT));
    expect(error.refusal).toBe('outside-corpus');
  });

  it('refuses a dangling link', async () => {
    expect((await refusal(readCorpusFile(root, path.join(root, 'dangling.ann.json'), LIMIT))).refusal).toBe('dangling-link');
  });

  it('refuses a link to /dev/zero without reading it', async () => {
    const error = await refusal(readCorpusFile(root, path.join(root, 'zero.txt'), LIMIT));
    expect(error.refusal).toBe('outside-corpus');
  });

  it('refuses a FIFO at once, without blocking', async (context) => {
    if (fifoSkip) context.skip(fifoSkip);
    const started = Date.now();
    const error = await refusal(readCorpusFile(root, path.join(root, 'fifo.ann.json'), LIMIT));
    expect(error.refusal).toBe('not-regular-file');
    expect(error.message).toContain('FIFO');
    expect(Date.now() - started).toBeLessThan(5000);
    // Synchronously too (the listing reads this way): a blocking open would hang the test here.
    expect(refusalSync(() => readCorpusFileSync(realCorpusRoot(root), path.join(root, 'fifo.ann.json'), LIMIT)).refusal).toBe('not-regular-file');
  });

  it('refuses a character device inside the corpus', async (context) => {
    if (deviceSkip) context.skip(deviceSkip);
    const error = await refusal(readCorpusFile(root, path.join(root, 'device.txt'), LIMIT));
    expect(error.refusal).toBe('not-regular-file');
    expect(error.message).toContain('character device');
  });

  it('refuses a socket', async (context) => {
    if (socket.skip) context.skip(socket.skip);
    const error = await refusal(readCorpusFile(root, path.join(root, 'socket.txt'), LIMIT));
    expect(error.refusal).toBe('not-regular-file');
    expect(error.message).toContain('socket');
  });

  it('refuses a file over the limit, counting the bytes read', async () => {
    const file = path.join(root, 'news', 'big.txt');
    await fs.writeFile(file, Buffer.alloc(4096, 0x61));
    expect((await refusal(readCorpusFile(root, file, { maxBytes: 4095 }))).refusal).toBe('too-large');
    expect((await readCorpusFile(root, file, { maxBytes: 4096 }))?.bytes.length).toBe(4096);
    expect(refusalSync(() => readCorpusFileSync(realCorpusRoot(root), file, { maxBytes: 100 })).refusal).toBe('too-large');
  });

  it('stops reading an endless device at the limit: stat says 0 bytes, the count says otherwise', async (context) => {
    if (!existsSync('/dev/zero')) context.skip('no /dev/zero here');
    const handle = await fs.open('/dev/zero', constants.O_RDONLY);
    try {
      const started = Date.now();
      const error = await refusal(readBoundedFromHandle('/dev/zero', handle, 256 * 1024, (await handle.stat()).size));
      expect(error.refusal).toBe('too-large');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await handle.close();
    }
  });

  it('refuses a file that keeps growing while it is read, never returning part of it', async () => {
    const file = path.join(root, 'news', 'growing.ann.json');
    await fs.writeFile(file, '{');
    // Another writer appends every millisecond. In this process, on a timer, so that it runs
    // between the reader's steps however loaded the machine is (a child process can be
    // descheduled for longer than the reader looks, and then the file only looks complete).
    const appender = setInterval(() => appendFileSync(file, '"x":1,'), 1);
    try {
      const error = await refusal(readCorpusFile(root, file, { maxBytes: 512 * 1024 * 1024 }));
      expect(error.refusal).toBe('being-written');
    } finally {
      clearInterval(appender);
    }
  });

  it('reads a file again when it changed while it was read, and returns it whole once it is complete', async () => {
    const file = path.join(root, 'news', 'settling.ann.json');
    await fs.writeFile(file, '{"a":');
    // Completed 10 ms later: the first look sees a file modified just now, which then moves.
    setTimeout(() => appendFileSync(file, '1}'), 10);
    const read = await readCorpusFile(root, file, LIMIT);
    expect(read?.bytes.toString('utf8')).toBe('{"a":1}');
  });
});

describe('checkCorpusFileSync', () => {
  it('sorts files into regular, absent and refused with a reason', (context) => {
    const rootReal = realCorpusRoot(root);
    expect(checkCorpusFileSync(rootReal, path.join(root, 'news', 'a.txt')).kind).toBe('regular');
    expect(checkCorpusFileSync(rootReal, path.join(root, 'news', 'gone.txt')).kind).toBe('absent');
    const outsideLink = checkCorpusFileSync(rootReal, path.join(root, 'news', 'a.ann.json'));
    expect(outsideLink.kind === 'refused' && outsideLink.error.refusal).toBe('outside-corpus');
    if (fifoSkip) context.skip(fifoSkip);
    const fifo = checkCorpusFileSync(rootReal, path.join(root, 'fifo.ann.json'));
    expect(fifo.kind === 'refused' && fifo.error.refusal).toBe('not-regular-file');
  });
});

describe('assertWritableInCorpus', () => {
  it('allows a new file or a regular file in the corpus', async () => {
    await assertWritableInCorpus(root, path.join(root, 'news', 'new.ann.json'));
    await assertWritableInCorpus(root, path.join(root, 'news', 'a.txt'));
  });

  it('refuses a link that leads outside, a folder that leads outside, and a FIFO', async (context) => {
    expect((await refusal(assertWritableInCorpus(root, path.join(root, 'news', 'a.ann.json')))).refusal).toBe('outside-corpus');
    expect((await refusal(assertWritableInCorpus(root, path.join(root, 'outside-folder', 'x.ann.json')))).refusal).toBe('outside-corpus');
    if (fifoSkip) context.skip(fifoSkip);
    expect((await refusal(assertWritableInCorpus(root, path.join(root, 'fifo.ann.json')))).refusal).toBe('not-regular-file');
  });
});
