import { describe, expect, it } from 'vitest';
import { resolveEventTypes, resolveRelationTypes } from '../tagset/relationTypes';
import { argumentAccepts, fittingRelationTypes, fittingRoles, missingRoles } from './relationConstraints';

const relationTypes = resolveRelationTypes([
  { id: 'member-of', args: [{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG'] }] },
  { id: 'located-in', args: [{ role: 'Thing', types: ['<ENTITY>'] }, { role: 'Place', types: ['LOC'] }] },
  { id: 'cause', args: [{ role: 'Cause', types: ['<EVENT>'] }, { role: 'Effect', types: ['<EVENT>'] }] },
  { id: 'related' },
]);
const [attack] = resolveEventTypes([{ id: 'Attack', roles: [{ role: 'Attacker', types: ['PER', 'ORG'] }, { role: 'Target', cardinality: { min: 0, max: null } }, { role: 'Place', types: ['LOC'], cardinality: { min: 0, max: 1 } }] }]);
const events = new Set(['Attack']);

describe('argument constraints', () => {
  it('offers only the relation types whose two ends fit, in that direction', () => {
    expect(fittingRelationTypes(relationTypes, 'PER', 'ORG', events).map((type) => type.id)).toEqual(['member-of', 'related']);
    expect(fittingRelationTypes(relationTypes, 'ORG', 'PER', events).map((type) => type.id)).toEqual(['related']);
    expect(fittingRelationTypes(relationTypes, 'ORG', 'LOC', events).map((type) => type.id)).toEqual(['located-in', 'related']);
    expect(fittingRelationTypes(relationTypes, 'Attack', 'LOC', events).map((type) => type.id)).toEqual(['related']);
    expect(fittingRelationTypes(relationTypes, 'Attack', 'Attack', events).map((type) => type.id)).toEqual(['cause', 'related']);
    expect(fittingRelationTypes(relationTypes.slice(0, 1), 'LOC', 'LOC', events)).toEqual([]);
    expect(argumentAccepts({ role: 'x', types: [] }, 'anything', events)).toBe(true);
  });

  it('offers the roles an argument may fill, up to their maximum, and names the missing ones', () => {
    expect(fittingRoles(attack, [], 'PER', events).map((role) => role.role)).toEqual(['Attacker', 'Target']);
    expect(fittingRoles(attack, [{ role: 'Attacker', target: 'a' }], 'PER', events).map((role) => role.role)).toEqual(['Target']);
    expect(fittingRoles(attack, [{ role: 'Place', target: 'l' }], 'LOC', events).map((role) => role.role)).toEqual(['Target']);
    expect(missingRoles(attack, []).map((role) => role.role)).toEqual(['Attacker']);
    expect(missingRoles(attack, [{ role: 'Attacker', target: 'a' }])).toEqual([]);
  });
});
