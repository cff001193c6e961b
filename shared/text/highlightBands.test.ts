import { describe, expect, it } from 'vitest';
import { segmentRange, stackLevels } from './highlightBands';

const span = (id: string, start: number, end: number) => ({ id, start, end });

describe('segmentRange', () => {
  it('returns one plain segment when nothing is tagged', () => {
    expect(segmentRange(0, 10, [])).toEqual([{ start: 0, end: 10, spans: [] }]);
  });

  it('cuts nested spans into runs, outermost first', () => {
    const outer = span('outer', 2, 12);
    const inner = span('inner', 5, 8);
    const segments = segmentRange(0, 15, [inner, outer]);
    expect(segments.map((segment) => [segment.start, segment.end, segment.spans.map((s) => s.id)])).toEqual([
      [0, 2, []],
      [2, 5, ['outer']],
      [5, 8, ['outer', 'inner']],
      [8, 12, ['outer']],
      [12, 15, []],
    ]);
  });

  it('cuts overlapping spans so both cover their shared run', () => {
    const segments = segmentRange(0, 10, [span('a', 1, 6), span('b', 4, 9)]);
    expect(segments.find((segment) => segment.start === 4)?.spans.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('clips spans that run past the range (a span crossing paragraphs)', () => {
    const segments = segmentRange(10, 20, [span('long', 5, 15)]);
    expect(segments[0]).toEqual({ start: 10, end: 15, spans: [span('long', 5, 15)] });
  });

  it('ignores empty spans and spans outside the range', () => {
    expect(segmentRange(0, 5, [span('empty', 2, 2), span('after', 6, 8)])).toEqual([{ start: 0, end: 5, spans: [] }]);
  });
});

describe('stackLevels', () => {
  it('gives overlapping spans different levels and reuses freed levels', () => {
    const levels = stackLevels([span('a', 0, 10), span('b', 2, 4), span('c', 3, 12), span('d', 11, 14)]);
    expect(levels.get('a')).toBe(0);
    expect(levels.get('b')).toBe(1);
    expect(levels.get('c')).toBe(2);
    expect(levels.get('d')).toBe(0);
  });
});
