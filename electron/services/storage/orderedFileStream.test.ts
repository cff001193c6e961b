import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderedFileStream, streamOf } from './orderedFileStream';

let scratch: string;

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-ordered-stream-'));
});
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** `count` parts of 1 to 3 pieces each, of varied sizes (some over a megabyte), seeded. */
function partsOf(count: number): Uint8Array[][] {
  let state = 11;
  const next = (limit: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
  return Array.from({ length: count }, (_, part) =>
    Array.from({ length: 1 + next(3) }, () => {
      const piece = new Uint8Array(next(7) === 0 ? 1_200_000 + next(1000) : next(5000));
      piece.fill(0x41 + (part % 26));
      return piece;
    }),
  );
}

describe('OrderedFileStream', () => {
  it('writes parts given out of order in their order, hashed as the joined bytes, and gives the stream for exactly those pieces', async () => {
    const parts = partsOf(60);
    const file = path.join(scratch, 'main.bin');
    const stream = await OrderedFileStream.create(file);
    // Every fourth part late, the rest in order: parts wait for the ones before them.
    const late = parts.map((_, index) => index).filter((index) => index % 4 === 1);
    for (let index = 0; index < parts.length; index++) if (!late.includes(index)) stream.add(index, parts[index]);
    for (const index of late.reverse()) stream.add(index, parts[index]);
    const pieces = parts.flat();
    const joined = Buffer.concat(pieces);
    expect(stream.adopt(pieces.slice(1))).toBe(false);
    expect(stream.adopt([...pieces.slice(0, -1), Uint8Array.from(pieces[pieces.length - 1])])).toBe(false);
    expect(stream.adopt(pieces)).toBe(true);
    expect(streamOf(pieces)).toBe(stream);
    expect(stream.digest()).toEqual({ sha256: createHash('sha256').update(joined).digest('hex'), bytes: joined.length });
    await stream.finish();
    expect((await fs.readFile(file)).equals(joined)).toBe(true);
  });

  it('is not adopted while a part is missing', async () => {
    const parts = partsOf(3);
    const stream = await OrderedFileStream.create(path.join(scratch, 'main.bin'));
    stream.add(0, parts[0]);
    stream.add(2, parts[2]);
    expect(stream.adopt([...parts[0], ...parts[2]])).toBe(false);
    await stream.abandon();
  });

  it('a part given twice (the batches made again) is never written twice nor adopted', async () => {
    const parts = partsOf(3);
    const stream = await OrderedFileStream.create(path.join(scratch, 'main.bin'));
    stream.add(0, parts[0]);
    stream.add(1, parts[1]);
    stream.add(0, parts[0]);
    expect(stream.adopt([...parts[0], ...parts[1]])).toBe(false);
    await stream.abandon();
  });

  it('never replaces a file (a write failing for want of room is transferDiskFull.test.ts)', async () => {
    const file = path.join(scratch, 'main.bin');
    await fs.writeFile(file, 'earlier');
    await expect(OrderedFileStream.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await fs.readFile(file, 'utf8')).toBe('earlier');
  });
});
