import { describe, expect, it } from 'vitest';
import { segmentRange } from '../text/highlightBands';
import { compareReadingOrder } from './annotationOperations';

describe('compareReadingOrder', () => {
  it('orders by start, outer spans before the spans they hold, the same span by id', () => {
    const spans = [
      { id: 'b', start: 2, end: 4 },
      { id: 'c', start: 0, end: 3 },
      { id: 'a', start: 2, end: 4 },
      { id: 'd', start: 0, end: 9 },
    ];
    expect([...spans].sort(compareReadingOrder).map((span) => span.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('is the order in which highlights nest', () => {
    const spans = [
      { id: 'inner', start: 2, end: 4 },
      { id: 'outer', start: 0, end: 9 },
      { id: 'same', start: 2, end: 4 },
    ];
    const covering = segmentRange(0, 9, spans).find((segment) => segment.start === 2);
    expect(covering?.spans.map((span) => span.id)).toEqual([...spans].sort(compareReadingOrder).map((span) => span.id));
  });
});
