import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256InSlices } from './sha256InSlices';

describe('sha256InSlices', () => {
  it('gives the SHA-256 of the whole, whatever the slices', async () => {
    const bytes = randomBytes(10_000);
    const whole = createHash('sha256').update(bytes).digest('hex');
    for (const slice of [1, 7, 4096, 10_000, 20_000]) expect(await sha256InSlices(bytes, slice)).toBe(whole);
    expect(await sha256InSlices(new Uint8Array(0))).toBe(createHash('sha256').digest('hex'));
  });
});
