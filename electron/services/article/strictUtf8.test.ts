import { describe, expect, it } from 'vitest';
import { decodeUtf8Strictly } from './strictUtf8';

describe('decodeUtf8Strictly', () => {
  const persian = Buffer.from('سلام دنیا', 'utf8');
  const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), persian]);

  it('decodes UTF-8, keeping or dropping a leading byte-order mark as asked', () => {
    expect(decodeUtf8Strictly(persian, 'keep')).toBe('سلام دنیا');
    expect(decodeUtf8Strictly(withMark, 'keep')).toBe('\uFEFFسلام دنیا');
    expect(decodeUtf8Strictly(withMark, 'drop')).toBe('سلام دنیا');
  });

  it('gives null, never U+FFFD, for bytes that are not UTF-8', () => {
    const damaged = Buffer.concat([persian.subarray(0, 3), Buffer.from([0xff]), persian.subarray(3)]);
    expect(decodeUtf8Strictly(damaged, 'keep')).toBeNull();
    expect(decodeUtf8Strictly(damaged, 'drop')).toBeNull();
    // A character cut at the end is not UTF-8 either.
    expect(decodeUtf8Strictly(persian.subarray(0, persian.length - 1), 'drop')).toBeNull();
    // Windows-1256 «سلام».
    expect(decodeUtf8Strictly(Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]), 'keep')).toBeNull();
  });

  it('is ready again after a refusal (the decoders are shared)', () => {
    expect(decodeUtf8Strictly(Buffer.from([0xe2, 0x82]), 'keep')).toBeNull();
    expect(decodeUtf8Strictly(Buffer.from('€', 'utf8'), 'keep')).toBe('€');
  });
});
