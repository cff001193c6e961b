import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventRoleArgumentSchema, type StoredRelation } from '../model/nativeFormat';
import { addEventRole, addRelation, changeRelationArgument, eventRolesOf, isEventRoleArgument, linkedTo, removeAnnotationWithLinks, removeEventRole, removeRelation, retypeRelation, reverseRelation } from './relationOperations';

const annotations = [
  { id: 'a1', type: 'PER' },
  { id: 'a2', type: 'ORG' },
  { id: 'e1', type: 'Attack', roles: [{ role: 'Attacker', target: 'a1' }, { role: 'Target', target: 'a2' }] },
];
const relations: StoredRelation[] = [{ id: 'r1', type: 'member-of', from: 'a1', to: 'a2' }];

describe('relation operations', () => {
  it('adds, retypes, reverses, re-points and removes a relation without touching the input', () => {
    const added = addRelation(relations, { type: 'near', from: 'a2', to: 'a1' }, () => 'r2');
    expect(added.id).toBe('r2');
    expect(added.relations).toEqual([...relations, { id: 'r2', type: 'near', from: 'a2', to: 'a1' }]);
    // The same type between the same ends in the same direction is not added twice.
    expect(addRelation(added.relations, { type: 'near', from: 'a2', to: 'a1' }, () => 'r3').id).toBe('r2');
    expect(retypeRelation(added.relations, 'r1', 'leads')[0]).toEqual({ id: 'r1', type: 'leads', from: 'a1', to: 'a2' });
    expect(reverseRelation(added.relations, 'r1')[0]).toEqual({ id: 'r1', type: 'member-of', from: 'a2', to: 'a1' });
    expect(changeRelationArgument(added.relations, 'r1', 'to', 'e1')[0].to).toBe('e1');
    expect(removeRelation(added.relations, 'r1').map((relation) => relation.id)).toEqual(['r2']);
    expect(relations).toHaveLength(1);
  });

  it('adds and removes event roles on the trigger', () => {
    const withPlace = addEventRole(annotations, 'e1', { role: 'Place', target: 'a2' });
    expect(eventRolesOf(withPlace[2]).map((role) => role.role)).toEqual(['Attacker', 'Target', 'Place']);
    expect(addEventRole(withPlace, 'e1', { role: 'Place', target: 'a2' })[2]).toBe(withPlace[2]);
    const withoutFirst = removeEventRole(withPlace, 'e1', 0);
    expect(eventRolesOf(withoutFirst[2])).toEqual([{ role: 'Target', target: 'a2' }, { role: 'Place', target: 'a2' }]);
    // The last role removed: no empty `roles` field is left behind.
    const bare = removeEventRole(removeEventRole(annotations, 'e1', 0), 'e1', 0);
    expect('roles' in bare[2]).toBe(false);
    expect(eventRolesOf({ roles: 'nonsense' })).toEqual([]);
  });

  it('lists what refers to an annotation, and deletes it with its relations and roles', () => {
    expect(linkedTo('a1', annotations, relations)).toEqual({ relations, roles: [{ eventId: 'e1', role: 'Attacker' }], ownRoles: 0 });
    expect(linkedTo('e1', annotations, relations).ownRoles).toBe(2);
    const after = removeAnnotationWithLinks(annotations, relations, 'a1');
    expect(after.annotations.map((annotation) => annotation.id)).toEqual(['a2', 'e1']);
    expect(eventRolesOf(after.annotations[1])).toEqual([{ role: 'Target', target: 'a2' }]);
    expect(after.relations).toEqual([]);
  });
});

describe('events in the native file', () => {
  it('reads a trigger with roles through the annotation list schema, and refuses a role without a target', async () => {
    const { StoredAnnotationListSchema } = await import('../model/nativeFormat');
    const trigger = { id: 'e1', type: 'Attack', start: 0, end: 4, text: 'حمله', roles: [{ role: 'Attacker', target: 'a1' }] };
    const parsed = StoredAnnotationListSchema.safeParse([trigger]);
    expect(parsed.success && eventRolesOf(parsed.data[0])).toEqual([{ role: 'Attacker', target: 'a1' }]);
    expect(StoredAnnotationListSchema.safeParse([{ ...trigger, roles: [{ role: 'Attacker' }] }]).success).toBe(false);
  });
});

describe('isEventRoleArgument (#25: the window checks roles without zod)', () => {
  it('answers as EventRoleArgumentSchema does', () => {
    const samples: unknown[] = [
      { role: 'Attacker', target: 'a1' },
      { role: 'Attacker', target: 'a1', kept: true },
      { role: '', target: 'a1' },
      { role: 'Attacker', target: '' },
      { role: 'Attacker' },
      { role: 1, target: 'a1' },
      Object.assign(['x'], { role: 'Attacker', target: 'a1' }),
      null,
      'Attacker',
      [],
    ];
    for (const sample of samples) expect(isEventRoleArgument(sample)).toBe(EventRoleArgumentSchema.safeParse(sample).success);
    const roleLike = fc.record({ role: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), target: fc.oneof(fc.string(), fc.constant(null)) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(roleLike, fc.anything()), (sample) => {
        expect(isEventRoleArgument(sample)).toBe(EventRoleArgumentSchema.safeParse(sample).success);
      }),
    );
  });
});
