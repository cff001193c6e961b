import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeArcLabels, type Box } from './arcLabels';

const metrics = { width: (text: string) => Array.from(text).length * 6, height: 12 };

function allApart(boxes: readonly Box[]): boolean {
  return boxes.every((box, index) => boxes.every((other, otherIndex) => otherIndex === index || !boxesOverlap(box, other)));
}

describe('arc labels', () => {
  it('keeps a label that meets nothing at its apex, whole', () => {
    const [placed] = placeArcLabels([{ x: 100, y: 50, label: 'member-of' }], [], metrics);
    expect(placed).toMatchObject({ lift: 0, text: 'member-of' });
  });

  it('lifts a label off a chip and off a label placed before it', () => {
    const chip: Box = { left: 80, right: 130, top: 38, bottom: 52 };
    const placed = placeArcLabels(
      [
        { x: 100, y: 50, label: 'located-in' },
        { x: 105, y: 50, label: 'part-of' },
      ],
      [chip],
      metrics,
    );
    expect(placed[0].lift).toBeGreaterThan(0);
    expect(placed[1].lift).toBeGreaterThan(placed[0].lift);
    expect(allApart([chip, ...placed.flatMap((label) => (label.box ? [label.box] : []))])).toBe(true);
  });

  it('shortens, then leaves out, a label with no free place; no two boxes ever intersect', () => {
    const wall: Box[] = Array.from({ length: 8 }, (_, row) => ({ left: 0, right: 95, top: row * -8 - 20, bottom: row * -8 + 60 }));
    const requests = Array.from({ length: 30 }, (_, index) => ({ x: 100 + (index % 5) * 3, y: 50, label: 'a-rather-long-relation-name' }));
    const placed = placeArcLabels(requests, wall, metrics);
    expect(placed.some((label) => label.text.endsWith('…'))).toBe(true);
    expect(placed.some((label) => label.text === '' && label.box === null)).toBe(true);
    expect(allApart([...wall.slice(0, 1), ...placed.flatMap((label) => (label.box ? [label.box] : []))])).toBe(true);
  });
});
