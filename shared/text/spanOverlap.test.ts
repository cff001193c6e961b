import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanOverlapTest } from './spanOverlap';

describe('spanOverlapTest', () => {
  it('answers as checking every span would', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { maxLength: 20 }), (spans, questions) => {
        const overlaps = spanOverlapTest(spans);
        for (const question of questions) {
          const expected = question.end > question.start && spans.some((candidate) => candidate.end > candidate.start && candidate.start < question.end && candidate.end > question.start);
          expect(overlaps(question.start, question.end)).toBe(expected);
        }
      }),
    );
  });

  it('answers the same for spans already in reading order (the path taken without a sort), empty spans among them', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { maxLength: 20 }), (unordered, questions) => {
        const spans = [...unordered].sort((a, b) => a.start - b.start || b.end - a.end);
        const overlaps = spanOverlapTest(spans);
        for (const question of questions) {
          const expected = question.end > question.start && spans.some((candidate) => candidate.end > candidate.start && candidate.start < question.end && candidate.end > question.start);
          expect(overlaps(question.start, question.end)).toBe(expected);
        }
      }),
    );
  });

  it('treats touching spans as not overlapping', () => {
    const overlaps = spanOverlapTest([{ start: 5, end: 10 }]);
    expect(overlaps(0, 5)).toBe(false);
    expect(overlaps(10, 12)).toBe(false);
    expect(overlaps(9, 10)).toBe(true);
  });
});
