import { describe, expect, it } from 'vitest';
import { leadProblemDetail } from './leadProblemDetail';

describe('leadProblemDetail', () => {
  const broken = { kind: 'annotation-file' as const, message: 'Unexpected token } in JSON at position 9', cause: 'syntax' as const };

  it('says why an annotator file was left out in the UI language, never main’s English words', () => {
    expect(leadProblemDetail(broken, 'fa')).toMatch(/[\u0600-\u06ff]/);
    expect(leadProblemDetail(broken, 'fa')?.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z0-9]/);
    expect(leadProblemDetail(broken, 'en')).toContain('not valid JSON');
    expect(leadProblemDetail({ kind: 'annotation-file', message: 'The file disappeared.', cause: 'missing' }, 'fa')).toBe('پرونده هنگام خواندن ناپدید شد.');
  });

  it('words an unreadable article by main’s coded problem, and unusable tokens by their kind', () => {
    const article = { kind: 'article' as const, message: 'Article cannot be read: EACCES', problem: { code: 'fileMissing' as const, file: 'a.txt' } };
    expect(leadProblemDetail(article, 'fa')).toContain('\u2068a.txt\u2069');
    expect(leadProblemDetail(article, 'fa')?.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z0-9]/);
    expect(leadProblemDetail({ kind: 'tokens', message: 'token 3-9' }, 'fa')).not.toMatch(/[A-Za-z0-9]/);
  });

  it('keeps main’s English detail only in the English UI when no cause came with it', () => {
    expect(leadProblemDetail({ kind: 'annotation-file', message: 'old main' }, 'en')).toBe('old main');
    expect(leadProblemDetail({ kind: 'annotation-file', message: 'old main' }, 'fa')).toBeUndefined();
  });
});
