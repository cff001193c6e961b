import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { applyNativeChanges, standoffToNative } from './nativeBridge';
import { parseStandoff, serializeStandoff } from './standoffDocument';

const TEXT = 'Rebels attacked the base and the army said so.';
const codePoints = Array.from(TEXT);
// E2 (Say) has E1 (Attack) as an argument: a role filled by another event names its trigger.
const SOURCE = [
  'T1\tGroup 0 6\tRebels',
  'T2\tAttack 7 15\tattacked',
  'T3\tFacility 20 24\tbase',
  'T4\tGroup 33 37\tarmy',
  'T5\tSay 38 42\tsaid',
  'E1\tAttack:T2 Attacker:T1 Target:T3',
  'E2\tSay:T5 Speaker:T4 Topic:E1',
  '',
].join('\n');

function view() {
  return standoffToNative(parseStandoff(SOURCE), codePoints);
}

function save(annotations: StoredAnnotation[]): string {
  const document = parseStandoff(SOURCE);
  return serializeStandoff(applyNativeChanges(document, codePoints, { annotations, relations: [] }).document);
}

function withRoles(annotations: StoredAnnotation[], id: string, roles: { role: string; target: string }[]): StoredAnnotation[] {
  return annotations.map((annotation) => (annotation.id === id ? { ...annotation, roles } : annotation));
}

describe('brat events and trigger roles', () => {
  it('reads each E line as roles on its trigger, an event argument as that event\'s trigger', () => {
    const annotations = view().annotations;
    expect(annotations.find((annotation) => annotation.id === 'T2')?.roles).toEqual([{ role: 'Attacker', target: 'T1' }, { role: 'Target', target: 'T3' }]);
    expect(annotations.find((annotation) => annotation.id === 'T5')?.roles).toEqual([{ role: 'Speaker', target: 'T4' }, { role: 'Topic', target: 'T2' }]);
    expect(annotations.find((annotation) => annotation.id === 'T1')?.roles).toBeUndefined();
    expect(save(annotations)).toBe(SOURCE);
  });

  it('rewrites a changed event in place, keeping its id and the E reference of an unchanged argument', () => {
    const annotations = withRoles(view().annotations, 'T5', [{ role: 'Speaker', target: 'T4' }, { role: 'Topic', target: 'T2' }, { role: 'Place', target: 'T3' }]);
    expect(save(annotations)).toBe(SOURCE.replace('E2\tSay:T5 Speaker:T4 Topic:E1', 'E2\tSay:T5 Speaker:T4 Topic:E1 Place:T3'));
  });

  it('writes a new event as an E line with the next free id; a trigger retyped takes its event along', () => {
    let annotations = withRoles(view().annotations, 'T4', [{ role: 'Agent', target: 'T1' }]);
    expect(save(annotations)).toBe(`${SOURCE}E3\tGroup:T4 Agent:T1\n`);
    annotations = view().annotations.map((annotation) => (annotation.id === 'T2' ? { ...annotation, type: 'Assault' } : annotation));
    expect(save(annotations)).toBe(SOURCE.replace('T2\tAttack', 'T2\tAssault').replace('E1\tAttack:T2', 'E1\tAssault:T2'));
  });

  it('leaves the E lines alone when the annotations carry no roles field, and lets the event go with a deleted argument', () => {
    const plain = view().annotations.map((annotation) => {
      const copy: StoredAnnotation = { ...annotation };
      delete copy.roles;
      return copy;
    });
    expect(save(plain)).toBe(SOURCE);
    // T3 deleted: E1 goes with it, and E2, which names E1, too (brat's cascade); no event is made up again.
    const without = view().annotations.filter((annotation) => annotation.id !== 'T3');
    expect(save(without)).toBe(SOURCE.split('\n').filter((line) => !/^(T3|E1|E2)\t/.test(line)).join('\n'));
  });
});
