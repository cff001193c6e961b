import { describe, expect, it } from 'vitest';
import { EventTypeWireSchema, RelationTypeWireSchema, resolveEventTypes, resolveRelationTypes, type EventTypeInput, type RelationTypeInput } from '../../../../../shared/tagset/relationTypes';
import { attributeValues, cardinalityKeyOf, eventInputsOf, eventRowsOf, newEventRow, newRelationRow, newRole, relationInputsOf, relationRowsOf, toggledType } from './relationTypeEdits';
import { eventRoleRenames, relationTypeChanges, relationTypesToSave } from './relationTypeSave';

const RELATIONS: RelationTypeInput[] = [
  { id: 'member-of', label: { fa: 'عضو', en: 'Member of' }, color: '#5b6b7f', args: [{ role: 'Member', types: ['PER'] }, { role: 'Group', types: ['ORG', 'LOC'] }], attributes: [{ id: 'Certainty', label: { fa: 'قطعیت', en: 'Certainty' }, type: 'enum', values: ['high', 'low'] }] },
  { id: 'sibling', label: { fa: 'هم‌نیا', en: 'Sibling' }, color: '#8e44ad', args: [{ role: 'A', types: ['<ENTITY>'] }, { role: 'B', types: ['<ENTITY>'] }], symmetric: true },
];
const EVENTS: EventTypeInput[] = [
  {
    id: 'Attack',
    label: { fa: 'حمله', en: 'Attack' },
    color: '#c0392b',
    hotkey: 'KeyQ',
    guideline: 'the trigger word',
    roles: [{ role: 'Attacker', types: ['PER', 'ORG'] }, { role: 'Target', types: ['<ENTITY>'], cardinality: { min: 0, max: null } }, { role: 'Place', types: ['LOC'], cardinality: { min: 0, max: 1 } }, { role: 'Victims', types: ['PER'], cardinality: { min: 2, max: 3 } }],
    attributes: [{ id: 'Negated', label: { fa: 'منفی', en: 'Negated' }, type: 'boolean' }],
  },
];
const ENTITY_ROWS = ['PER', 'ORG', 'LOC'].map((id) => ({ key: id, id }));

describe('the tag-set editor’s relation and event rows (#20)', () => {
  it('round trip: what the window receives → rows → hashiye.json → read back gives the same types', () => {
    const relationWire = resolveRelationTypes(RELATIONS).map((type) => RelationTypeWireSchema.parse(type));
    const eventWire = resolveEventTypes(EVENTS).map((type) => EventTypeWireSchema.parse(type));
    const saved = relationTypesToSave(ENTITY_ROWS, ['PER', 'ORG', 'LOC'], relationRowsOf(relationWire), eventRowsOf(eventWire));
    expect(saved.problem).toBeNull();
    expect(saved.relations).toEqual(RELATIONS);
    expect(saved.events).toEqual(EVENTS);
    expect(resolveRelationTypes(saved.relations)).toEqual(relationWire);
    expect(resolveEventTypes(saved.events)).toEqual(eventWire);
  });

  it('role constraints follow an entity type renamed in the same edit', () => {
    const rows = relationRowsOf(resolveRelationTypes(RELATIONS));
    const renamed = [{ key: 'PER', id: 'PERSON' }, { key: 'ORG', id: 'ORG' }, { key: 'LOC', id: 'LOC' }];
    const saved = relationTypesToSave(renamed, ['PER', 'ORG', 'LOC'], rows, []);
    expect(saved.problem).toBeNull();
    expect(saved.relations[0].args?.[0].types).toEqual(['PERSON']);
  });

  it('a removed entity type still allowed by a role keeps the types from being saved', () => {
    const rows = relationRowsOf(resolveRelationTypes(RELATIONS));
    const saved = relationTypesToSave([{ key: 'PER', id: 'PER' }, { key: 'ORG', id: 'ORG' }], ['PER', 'ORG', 'LOC'], rows, []);
    expect(saved.problem).toEqual({ code: 'removedTypeInUse', owner: 'member-of', role: 'Group', type: 'LOC' });
  });

  it('a new entity type is named by its key until saved, then by its id', () => {
    const row = { ...newRelationRow(1), id: 'works-at' };
    row.args = [{ ...row.args[0], types: ['new 1'] }, { ...row.args[1], types: ['ORG'] }];
    const saved = relationTypesToSave([...ENTITY_ROWS, { key: 'new 1', id: 'TEAM' }], ['PER', 'ORG', 'LOC'], [row], []);
    expect(saved.problem).toBeNull();
    expect(saved.relations[0].args?.[0]).toEqual({ role: 'Arg1', types: ['TEAM'] });
  });

  it('a new relation type without allowed types is refused', () => {
    expect(relationTypesToSave(ENTITY_ROWS, [], [newRelationRow(1)], []).problem).toEqual({ code: 'roleWithoutTypes', owner: 'REL1', role: 'Arg1' });
  });

  it('cardinalities, values and ticks', () => {
    expect(cardinalityKeyOf({ min: 1, max: 1 })).toBe('one');
    expect(cardinalityKeyOf({ min: 0, max: null })).toBe('any');
    expect(cardinalityKeyOf({ min: 2, max: 3 })).toBeNull();
    expect(attributeValues(' high, low ،میانه,, ')).toEqual(['high', 'low', 'میانه']);
    expect(toggledType(['PER'], 'ORG', true)).toEqual(['PER', 'ORG']);
    expect(toggledType(['PER', 'ORG'], 'PER', false)).toEqual(['ORG']);
    expect(toggledType(['PER'], 'PER', true)).toEqual(['PER']);
  });

  it('labels left empty are left out, and choice values of a non-choice attribute are dropped', () => {
    const rows = eventRowsOf(resolveEventTypes([{ id: 'Meet', roles: [{ role: 'Who', types: ['PER'] }] }]));
    rows[0].fa = '';
    rows[0].en = '';
    rows[0].attributes = [{ id: 'Kind', fa: '', en: 'Kind', type: 'text', values: 'a, b' }];
    expect(eventInputsOf(rows, new Map())).toEqual([{ id: 'Meet', color: rows[0].color, roles: [{ role: 'Who', types: ['PER'] }], attributes: [{ id: 'Kind', label: { en: 'Kind' }, type: 'text' }] }]);
    expect(relationInputsOf([], new Map())).toEqual([]);
  });

  it('relation and event types renamed or removed become changes for the annotation files; new ones none', () => {
    const rows = [
      { originalId: 'member-of', id: 'belongs-to' },
      { originalId: 'Attack', id: 'Attack' },
      { originalId: null, id: 'Meet' },
    ];
    expect(relationTypeChanges(rows, ['member-of', 'cites', 'Attack'])).toEqual({ renames: [{ from: 'member-of', to: 'belongs-to' }], removals: ['cites'] });
  });

  it('event roles renamed become role renames named by the event type as saved; new roles and new event types give none', () => {
    const [attack] = eventRowsOf(resolveEventTypes(EVENTS));
    const renamedAttack = { ...attack, id: 'Assault', roles: [{ ...attack.roles[0], role: 'Assailant' }, attack.roles[1], { ...newRole('Weapon') }] };
    const fresh = { ...newEventRow(2), roles: [{ ...newRole('Who'), role: 'Participant' }] };
    expect(eventRoleRenames([renamedAttack, fresh])).toEqual([{ type: 'Assault', from: 'Attacker', to: 'Assailant' }]);
    expect(eventRoleRenames(eventRowsOf(resolveEventTypes(EVENTS)))).toEqual([]);
  });
});
