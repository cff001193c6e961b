import { describe, expect, it } from 'vitest';
import { persianDigits } from './persianDigits';

describe('persianDigits', () => {
  it('writes every ASCII digit as its Persian one and leaves the rest', () => {
    expect(persianDigits(1234567890)).toBe('۱۲۳۴۵۶۷۸۹۰');
    expect(persianDigits('-1.5x')).toBe('-۱.۵x');
  });
});
