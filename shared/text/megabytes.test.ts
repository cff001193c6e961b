import { describe, expect, it } from 'vitest';
import { englishNumber, megabytes } from './megabytes';

describe('englishNumber and megabytes', () => {
  it('write English digits with thousands separators, the format made on first use', () => {
    expect(englishNumber(1_000_000)).toBe('1,000,000');
    expect(englishNumber(7)).toBe('7');
    expect(englishNumber(1234.5)).toBe('1,234.5');
  });

  it('gives a byte count in megabytes to one decimal', () => {
    expect(megabytes(12.5 * 1024 * 1024)).toBe('12.5 MB');
    expect(megabytes(2 * 1024 * 1024 * 1024)).toBe('2,048 MB');
    expect(megabytes(0)).toBe('0 MB');
  });
});
