import { describe, expect, it } from 'vitest';
import { findRelationTypeProblem, relationTypeProblemText } from './relationTypeChecks';
import type { EventTypeInput, RelationTypeInput } from './relationTypes';

const memberOf: RelationTypeInput = { id: 'member-of', args: [{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG'] }] };
const attack: EventTypeInput = { id: 'Attack', roles: [{ role: 'Attacker', types: ['PER', 'ORG'] }, { role: 'Target', types: ['<ENTITY>'], cardinality: { min: 0, max: null } }] };
const check = (relations: RelationTypeInput[], events: EventTypeInput[] = [], removedEntityIds: string[] = []) => findRelationTypeProblem({ entityIds: ['PER', 'ORG'], removedEntityIds, relations, events });

describe('relation and event types are checked before they are saved (#20)', () => {
  it('accepts a valid set, macros and event types as role types included', () => {
    expect(check([memberOf], [attack, { id: 'Report', roles: [{ role: 'Topic', types: ['Attack', '<EVENT>'] }] }])).toBeNull();
  });

  it('refuses duplicate ids, ids clashing with an entity type, and ids with spaces', () => {
    expect(check([memberOf, { ...memberOf }])).toEqual({ code: 'duplicateTypeId', id: 'member-of' });
    expect(check([memberOf], [{ ...attack, id: 'member-of' }])).toEqual({ code: 'duplicateTypeId', id: 'member-of' });
    expect(check([{ ...memberOf, id: 'PER' }])).toEqual({ code: 'idClashesWithEntity', id: 'PER' });
    expect(check([], [{ ...attack, id: 'ORG' }])).toEqual({ code: 'idClashesWithEntity', id: 'ORG' });
    expect(check([{ ...memberOf, id: '' }])).toEqual({ code: 'badTypeId', id: '' });
  });

  it('refuses a role without any allowed type, a bad or repeated role name', () => {
    expect(check([{ ...memberOf, args: [{ role: 'Member', types: [] }, { role: 'Group', types: ['ORG'] }] }])).toEqual({ code: 'roleWithoutTypes', owner: 'member-of', role: 'Member' });
    expect(check([], [{ id: 'Attack', roles: [{ role: 'A', types: ['PER'] }, { role: 'A', types: ['ORG'] }] }])).toEqual({ code: 'duplicateRole', owner: 'Attack', role: 'A' });
    expect(check([], [{ id: 'Attack', roles: [{ role: 'A:B', types: ['PER'] }] }])).toEqual({ code: 'badRoleName', owner: 'Attack', role: 'A:B' });
  });

  it('names a removed entity type still allowed by a role, and an unknown one', () => {
    const usesLoc: RelationTypeInput = { id: 'in', args: [{ role: 'Thing', types: ['PER'] }, { role: 'Place', types: ['LOC'] }] };
    expect(check([usesLoc], [], ['LOC'])).toEqual({ code: 'removedTypeInUse', owner: 'in', role: 'Place', type: 'LOC' });
    expect(check([usesLoc])).toEqual({ code: 'unknownTypeInUse', owner: 'in', role: 'Place', type: 'LOC' });
    expect(relationTypeProblemText({ code: 'removedTypeInUse', owner: 'in', role: 'Place', type: 'LOC' })).toBe('in: the role Place still allows LOC, which was removed.');
  });

  it('checks attributes: ids, repeats, a choice without values', () => {
    const withAttributes = (attributes: RelationTypeInput['attributes']) => check([{ ...memberOf, attributes }]);
    expect(withAttributes([{ id: 'Negated', type: 'boolean' }, { id: 'Negated' }])).toEqual({ code: 'duplicateAttribute', owner: 'member-of', attribute: 'Negated' });
    expect(withAttributes([{ id: 'Certainty', type: 'enum', values: [] }])).toEqual({ code: 'enumWithoutValues', owner: 'member-of', attribute: 'Certainty' });
    expect(withAttributes([{ id: 'a b' }])).toEqual({ code: 'badAttributeId', owner: 'member-of', attribute: 'a b' });
    expect(withAttributes([{ id: 'Certainty', type: 'enum', values: ['high', 'low'] }])).toBeNull();
  });
});
