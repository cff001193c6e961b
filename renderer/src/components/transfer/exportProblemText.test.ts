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

describe('exportProblemText with the problem’s parameters (#19)', () => {
  const overlap = {
    kind: 'overlap',
    annotation: 'amxao41llz4iqdl',
    span: { text: 'ایران', type: 'LOC' },
    params: { format: 'CoNLL', other: { text: 'دولت ایران', type: 'ORG' } },
  };

  it('names the span overlapped by its text and type in both languages, isolated, never by an id', () => {
    const fa = exportProblemText(overlap, 'fa', (type) => LABELS[type] ?? type) ?? '';
    expect(fa).toContain('«\u2068دولت ایران\u2069» (\u2068ORG\u2069)');
    expect(fa).toContain('\u2068CoNLL\u2069');
    expect(fa).not.toContain('amxao41llz4iqdl');
    // Outside isolated names, the Persian line holds no Latin letters or digits.
    const outside = fa.replace(/\u2068[^\u2068\u2069]*\u2069/g, '').replace(/\u2068[^\u2068\u2069]*\u2069/g, '');
    expect(outside).not.toMatch(/[A-Za-z0-9]/);
    const en = exportProblemText(overlap, 'en', (type) => type) ?? '';
    expect(en).toContain('it overlaps «\u2068دولت ایران\u2069» (\u2068ORG\u2069); \u2068CoNLL\u2069 gives each word one tag');
  });

  it('writes the pieces of a discontinuous span in the language’s digits', () => {
    const problem = { kind: 'discontinuous', span: { text: 'الف', type: 'LOC' }, params: { format: 'CoNLL', pieces: 3 } };
    expect(exportProblemText(problem, 'fa', (type) => type)).toContain('۳ تکه است');
    expect(exportProblemText(problem, 'en', (type) => type)).toContain('it is in 3 pieces');
  });

  it('falls back to the kind’s plain words when a parameter its template needs is missing', () => {
    const problem = { kind: 'overlap', span: { text: 'الف', type: 'LOC' }, params: { format: 'CoNLL' } };
    expect(exportProblemText(problem, 'en', (type) => type)).toContain('it overlaps another annotation, which this format cannot hold');
  });
});
