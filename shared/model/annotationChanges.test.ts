import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seededRandom';
import { annotationListChanges, applyAnnotationListChanges } from './annotationChanges';

interface Item {
  id: string;
  type: string;
}

const item = (id: string, type = 'PER'): Item => ({ id, type });

describe('annotationListChanges', () => {
  it('describes an insertion by its place and nothing else', () => {
    const a = item('a');
    const c = item('c');
    const b = item('b');
    const changes = annotationListChanges([a, c], [a, b, c]);
    expect(changes).toEqual({ remove: [], insert: [{ index: 1, annotation: b }], count: 3 });
    expect(applyAnnotationListChanges([a, c], changes!)).toEqual([a, b, c]);
  });

  it('describes a retag as the old one out and the new one in at the same place', () => {
    const a = item('a');
    const b = item('b');
    const retagged = { ...b, type: 'ORG' };
    const changes = annotationListChanges([a, b], [a, retagged]);
    expect(changes).toEqual({ remove: ['b'], insert: [{ index: 1, annotation: retagged }], count: 2 });
    expect(applyAnnotationListChanges([a, b], changes!)).toEqual([a, retagged]);
  });

  it('is empty for the same list and refuses lists whose unchanged items changed order', () => {
    const a = item('a');
    const b = item('b');
    expect(annotationListChanges([a, b], [a, b])).toEqual({ remove: [], insert: [], count: 2 });
    expect(annotationListChanges([a, b], [b, a])).toBeNull();
  });

  it('refuses a removal whose id an unchanged item also carries', () => {
    const first = item('x');
    const twin = item('x');
    const other = item('o');
    expect(annotationListChanges([other, first, twin], [twin, other])).toBeNull();
  });

  it('rejects changes that do not fit the list they are applied to', () => {
    const a = item('a');
    const b = item('b');
    expect(applyAnnotationListChanges([a], { remove: [], insert: [{ index: 1, annotation: b }], count: 3 })).toBeNull();
    expect(applyAnnotationListChanges([a], { remove: [], insert: [{ index: 5, annotation: b }], count: 2 })).toBeNull();
    expect(
      applyAnnotationListChanges([a], {
        remove: [],
        insert: [
          { index: 1, annotation: b },
          { index: 1, annotation: b },
        ],
        count: 3,
      }),
    ).toBeNull();
  });

  it('gives back exactly the new list over 1,000 random edits, undo jumps included', () => {
    const random = seededRandom(5);
    let counter = 0;
    let saved: Item[] = [];
    const history: Item[][] = [saved];
    let current = saved;
    for (let step = 0; step < 1000; step++) {
      const next = [...current];
      const choice = random();
      if (choice < 0.4 || next.length === 0) {
        for (let count = 1 + Math.floor(random() * 4); count > 0; count--) next.splice(Math.floor(random() * (next.length + 1)), 0, item(`n${counter++}`));
      } else if (choice < 0.65) {
        next.splice(Math.floor(random() * next.length), 1 + Math.floor(random() * 2));
      } else if (choice < 0.9) {
        const at = Math.floor(random() * next.length);
        next[at] = { ...next[at], type: next[at].type === 'PER' ? 'LOC' : 'PER' };
      }
      // An undo: back to an older list as it was.
      current = choice >= 0.9 ? history[Math.floor(random() * history.length)] : next;
      history.push(current);
      if (random() < 0.5) continue;
      const changes = annotationListChanges(saved, current);
      expect(changes).not.toBeNull();
      expect(applyAnnotationListChanges(saved, changes!)).toEqual(current);
      saved = current;
    }
  });
});
