import { describe, expect, it } from 'vitest';
import { exportProblemText } from './exportProblemText';

const LABELS: Record<string, string> = { LOC: 'مکان' };

describe('exportProblemText', () => {
  it('names the span by its text and type in the user’s words, isolated so brackets keep their place, never by its id', () => {
    const problem = { kind: 'overlap', annotation: 'amxao41llz4iqdl', span: { text: 'ایران', type: 'LOC' } };
    const fa = exportProblemText(problem, 'fa', (type) => LABELS[type] ?? type) ?? '';
    expect(fa).not.toContain('amxao41llz4iqdl');
    expect(fa).toContain('«\u2068ایران\u2069» (\u2068مکان\u2069)');
    expect(fa.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z0-9]/);
    const en = exportProblemText(problem, 'en', (type) => type) ?? '';
    expect(en).toBe('«\u2068ایران\u2069» (\u2068LOC\u2069): \u2068it overlaps another annotation, which this format cannot hold\u2069');
  });

  it('says the problem alone when it concerns no span', () => {
    expect(exportProblemText({ kind: 'relations-omitted' }, 'fa', (type) => type)).toBe('این قالب جایی برای رابطه‌ها ندارد');
  });
});
