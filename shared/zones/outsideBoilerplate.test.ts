import { describe, expect, it } from 'vitest';
import type { Zone } from '../documentLabels/judgmentFormat';
import { boilerplateTest, outsideBoilerplate, partitionByBoilerplate } from './outsideBoilerplate';

const zone = (type: string, start: number, end: number, id = `${type}${start}`): Zone => ({ id, type, start, end }) as Zone;

describe('outsideBoilerplate (#21)', () => {
  const zones = [zone('headline', 0, 10), zone('boilerplate', 50, 80), zone('boilerplate', 75, 90)];

  it('keeps spans outside boilerplate and leaves out those inside it or crossing its edge', () => {
    const spans = [
      { id: 'head', start: 2, end: 6 },
      { id: 'body', start: 20, end: 30 },
      { id: 'touching-before', start: 45, end: 50 },
      { id: 'crossing', start: 48, end: 52 },
      { id: 'inside', start: 60, end: 65 },
      { id: 'inside-merged', start: 85, end: 89 },
      { id: 'after', start: 90, end: 95 },
    ];
    expect(outsideBoilerplate(spans, zones).map((span) => span.id)).toEqual(['head', 'body', 'touching-before', 'after']);
    expect(partitionByBoilerplate(spans, zones).inside.map((span) => span.id)).toEqual(['crossing', 'inside', 'inside-merged']);
  });

  it('keeps everything when there is no boilerplate zone (or no zones at all)', () => {
    const spans = [{ start: 0, end: 5 }, { start: 60, end: 70 }];
    expect(outsideBoilerplate(spans, [zone('headline', 0, 100)])).toEqual(spans);
    expect(outsideBoilerplate(spans, undefined)).toEqual(spans);
  });

  it('tests single spans, an empty one only when strictly inside', () => {
    const inBoilerplate = boilerplateTest(zones);
    expect(inBoilerplate(55, 56)).toBe(true);
    expect(inBoilerplate(55, 55)).toBe(true);
    expect(inBoilerplate(50, 50)).toBe(false);
    expect(inBoilerplate(10, 20)).toBe(false);
  });
});
