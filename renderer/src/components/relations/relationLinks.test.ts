import { describe, expect, it } from 'vitest';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { eventTriggersOf, hasLinks, LinkIndex, type Link } from './relationLinks';

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

describe('LinkIndex', () => {
  const link = (key: string, from: string, to: string): Link => ({ key, id: key, role: null, from, to, label: 'r', color: '#000' });

  it('gives the links with both ends present, in the document order, as a walk over all of them would', () => {
    const links = [link('r1', 'a', 'b'), link('r2', 'c', 'a'), link('r3', 'b', 'z'), link('r4', 'a', 'c'), link('r5', 'y', 'b')];
    const index = new LinkIndex(links);
    const ends = new Map([['c', 1], ['b', 2], ['a', 3]]);
    const walked = links.filter((each) => ends.has(each.from) && ends.has(each.to));
    expect(index.between(ends)).toEqual(walked);
    expect(index.between(ends).map((each) => each.key)).toEqual(['r1', 'r2', 'r4']);
    expect(index.between(new Map([['z', 0]]))).toEqual([]);
    expect(index.size).toBe(5);
  });
});

describe('hasLinks (#25 heap: the arc drawer is set up only when there may be arcs)', () => {
  const relation = { id: 'r1', type: 'member', from: 'a1', to: 'a2' };
  it('is false for plain spans, true with a relation or an event trigger', () => {
    expect(hasLinks({ annotations: [span('a1', 0), span('a2', 10)], relations: [] })).toBe(false);
    expect(hasLinks({ annotations: [span('a1', 0), span('a2', 10)], relations: [relation] })).toBe(true);
    expect(hasLinks({ annotations: [span('a1', 0), trigger('e1', 10, 'a1')], relations: [] })).toBe(true);
    expect(hasLinks({ annotations: [], relations: [] })).toBe(false);
  });
});
