import { describe, expect, it } from 'vitest';
import { normalizeSourceText } from './documentText';

describe('normalizeSourceText', () => {
  it('drops a leading BOM and the CR of CRLF, turns a lone CR into LF, and maps code-point offsets', () => {
    const normalized = normalizeSourceText('\ufeff😀a\r\nb\rc');
    expect(normalized.text).toBe('😀a\nb\nc');
    expect(normalized.sourceLength).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((offset) => normalized.toDocumentOffset(offset))).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 6]);
  });

  it('leaves text without BOM or CR alone', () => {
    const normalized = normalizeSourceText('می‌رود\u00a0🇮🇷');
    expect(normalized.text).toBe('می‌رود\u00a0🇮🇷');
    expect(normalized.toDocumentOffset(7)).toBe(7);
  });
});
