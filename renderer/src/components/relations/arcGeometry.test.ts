import { describe, expect, it } from 'vitest';
import { placeArcs } from './arcGeometry';

describe('arc placement', () => {
  it('stacks overlapping arcs on one line, the narrower lower, and leaves apart ones at the base', () => {
    const placed = placeArcs([
      { key: 'wide', from: { x: 300, top: 100 }, to: { x: 20, top: 100 } },
      { key: 'narrow', from: { x: 200, top: 100 }, to: { x: 150, top: 100 } },
      { key: 'apart', from: { x: 400, top: 100 }, to: { x: 350, top: 100 } },
      { key: 'next line', from: { x: 200, top: 140 }, to: { x: 150, top: 140 } },
    ]);
    expect(placed.map((arc) => [arc.key, arc.level])).toEqual([['wide', 1], ['narrow', 0], ['apart', 0], ['next line', 0]]);
    // Right to left: the path starts at the source (right) and ends at the target (left).
    expect(placed[0].path).toBe('M 300 100 C 300 68, 20 68, 20 100');
    expect(placed[1].labelX).toBe(175);
  });

  it('joins ends on different lines, rising above the higher one', () => {
    const [arc] = placeArcs([{ key: 'across', from: { x: 50, top: 100 }, to: { x: 500, top: 146 } }]);
    expect(arc.path).toBe('M 50 100 C 50 78, 500 78, 500 146');
  });
});
