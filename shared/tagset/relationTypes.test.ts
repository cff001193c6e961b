import { describe, expect, it } from 'vitest';
import { TagSetFileSchema } from '../model/tagSet';
import { bratSuffixOfCardinality, cardinalityOfBratSuffix, RelationTagSetFieldsSchema, RelationTypeWireSchema, EventTypeWireSchema, resolveEventTypes, resolveRelationTypes } from './relationTypes';

const hashiyeJson = {
  types: [{ id: 'PER' }, { id: 'ORG' }, { id: 'LOC' }],
  relations: [
    { id: 'member-of', label: { fa: 'عضو', en: 'Member of' }, args: [{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG'] }] },
    { id: 'near', symmetric: true, attributes: [{ id: 'certain' }] },
  ],
  events: [{ id: 'Attack', hotkey: 'KeyK', roles: [{ role: 'Attacker', types: ['PER', 'ORG'] }, { role: 'Target', cardinality: { min: 0, max: null } }, { role: 'Place', types: ['LOC'], cardinality: { min: 0, max: 1 } }] }],
};

describe('relation and event types in hashiye.json', () => {
  it('reads both beside the entity types and resolves defaults', () => {
    expect(TagSetFileSchema.safeParse(hashiyeJson).success).toBe(true);
    const fields = RelationTagSetFieldsSchema.parse(hashiyeJson);
    const relations = resolveRelationTypes(fields.relations ?? []);
    expect(relations[0].args).toEqual([{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG'] }]);
    expect(relations[0].label).toEqual({ fa: 'عضو', en: 'Member of' });
    // No args: Arg1 and Arg2 of any type; no label: the id in both languages.
    expect(relations[1].args).toEqual([{ role: 'Arg1', types: [] }, { role: 'Arg2', types: [] }]);
    expect(relations[1].label).toEqual({ fa: 'near', en: 'near' });
    expect(relations[1].symmetric).toBe(true);
    expect(relations[1].attributes[0]).toMatchObject({ id: 'certain', type: 'boolean' });
    const events = resolveEventTypes(fields.events ?? []);
    expect(events[0].roles.map((role) => [role.role, role.min, role.max])).toEqual([['Attacker', 1, 1], ['Target', 0, null], ['Place', 0, 1]]);
    expect(events[0].hotkey).toBe('KeyK');
    for (const relation of relations) expect(RelationTypeWireSchema.safeParse(relation).success).toBe(true);
    expect(EventTypeWireSchema.safeParse(events[0]).success).toBe(true);
  });

  it('refuses a role with a space, a relation with one end, and max below min', () => {
    expect(RelationTagSetFieldsSchema.safeParse({ events: [{ id: 'E', roles: [{ role: 'a b' }] }] }).success).toBe(false);
    expect(RelationTagSetFieldsSchema.safeParse({ relations: [{ id: 'r', args: [{ role: 'A' }] }] }).success).toBe(false);
    expect(RelationTagSetFieldsSchema.safeParse({ events: [{ id: 'E', roles: [{ role: 'A', cardinality: { min: 3, max: 2 } }] }] }).success).toBe(false);
  });

  it('reads and writes brat cardinality suffixes', () => {
    expect(cardinalityOfBratSuffix('')).toEqual({ min: 1, max: 1 });
    expect(cardinalityOfBratSuffix('?')).toEqual({ min: 0, max: 1 });
    expect(cardinalityOfBratSuffix('*')).toEqual({ min: 0, max: null });
    expect(cardinalityOfBratSuffix('+')).toEqual({ min: 1, max: null });
    expect(cardinalityOfBratSuffix('{2}')).toEqual({ min: 2, max: 2 });
    expect(cardinalityOfBratSuffix('{1-3}')).toEqual({ min: 1, max: 3 });
    expect(cardinalityOfBratSuffix('{3-1}')).toBeNull();
    expect(cardinalityOfBratSuffix('!')).toBeNull();
    for (const suffix of ['', '?', '*', '+', '{2}', '{1-3}']) expect(bratSuffixOfCardinality(cardinalityOfBratSuffix(suffix)!)).toBe(suffix);
  });
});
