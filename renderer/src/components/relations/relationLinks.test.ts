import { describe, expect, it } from 'vitest';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { eventTriggersOf } from './relationLinks';

const span = (id: string, start: number): DocumentAnnotation => ({ id, type: 'PER', start, end: start + 3, text: 'abc' }) as DocumentAnnotation;
const trigger = (id: string, start: number, target: string): DocumentAnnotation => ({ ...span(id, start), roles: [{ role: 'Agent', target }] }) as DocumentAnnotation;

describe('eventTriggersOf', () => {
  it('keeps the same array while the triggers are the same objects, so a plain tagging redraws no arc', () => {
    const event = trigger('e1', 10, 'a1');
    const before = [span('a1', 0), event];
    const triggers = eventTriggersOf(before);
    expect(triggers).toEqual([event]);
    expect(eventTriggersOf([...before, span('a2', 20)])).toBe(triggers);
  });

  it('gives a new array when a trigger is added, changed or removed', () => {
    const event = trigger('e1', 10, 'a1');
    const first = eventTriggersOf([span('a1', 0), event]);
    const changed = { ...event, roles: [{ role: 'Place', target: 'a1' }] } as DocumentAnnotation;
    const second = eventTriggersOf([span('a1', 0), changed]);
    expect(second).not.toBe(first);
    expect(second).toEqual([changed]);
    const added = eventTriggersOf([span('a1', 0), changed, trigger('e2', 30, 'a1')]);
    expect(added).toHaveLength(2);
    expect(eventTriggersOf([span('a1', 0)])).toEqual([]);
  });
});
