import { describe, expect, it } from 'vitest';
import { joinedBytes } from './joinedBytes';

describe('joinedBytes', () => {
  it('joins the parts in order into a buffer of its own', () => {
    const parts = [Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)];
    const joined = joinedBytes(parts);
    expect(Array.from(joined)).toEqual([1, 2, 3]);
    expect(joined.byteOffset).toBe(0);
    expect(joined.buffer.byteLength).toBe(3);
  });

  it('gives empty bytes for no parts', () => {
    expect(joinedBytes([]).length).toBe(0);
  });
});
