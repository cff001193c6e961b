import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OffMainThread, startSha256OffMainThread } from './sha256OffMainThread';

describe('sha256OffMainThread', () => {
  it('gives the SHA-256 of the bytes, as createHash does', async () => {
    for (const bytes of [new Uint8Array(0), randomBytes(1), randomBytes(100_000), Buffer.from('سلام، تهران\n', 'utf8')]) {
      expect(await sha256OffMainThread(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('hashes the bytes as they were when it was started', async () => {
    const bytes = randomBytes(50_000);
    const expected = createHash('sha256').update(bytes).digest('hex');
    const hash = startSha256OffMainThread(bytes);
    bytes.fill(0);
    expect(await hash()).toBe(expected);
  });

  it('keeps a failure for the one who awaits it, unhandled by nobody', async () => {
    const hash = startSha256OffMainThread('not bytes' as unknown as Uint8Array);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(hash()).rejects.toThrow();
  });
});
