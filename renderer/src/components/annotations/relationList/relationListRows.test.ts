import { describe, expect, it } from 'vitest';
import { eventsWithinRows, listsAnything, movedRowIndex, relationListModel } from './relationListRows';

const annotations = [
  { id: 'a1', type: 'PER', text: 'علی' },
  { id: 'a2', type: 'ORG', text: 'UN' },
  { id: 'e1', type: 'Attack', text: 'حمله', roles: [{ role: 'Attacker', target: 'a1' }, { role: 'Target', target: 'a2' }] },
  { id: 'e2', type: 'Meet', text: 'دیدار' },
];
const labels = {
  relationLabel: (type: string) => (type === 'member' ? 'عضو' : type),
  eventLabel: (type: string) => (type === 'Attack' ? 'حمله' : type === 'Meet' ? 'دیدار' : null),
};

describe('relationListModel', () => {
  it('lists relations with both ends’ texts, then each event with its roles in order', () => {
    const model = relationListModel(annotations, [{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }], labels);
    expect(model.relations).toEqual([expect.objectContaining({ kind: 'relation', id: 'r1', role: null, label: 'عضو', fromText: 'علی', toText: 'UN' })]);
    expect(model.events.map((event) => [event.triggerId, event.label, event.rows.length])).toEqual([
      ['e1', 'حمله', 2],
      ['e2', 'دیدار', 0],
    ]);
    expect(model.ordered.map((row) => row.key)).toEqual(['r1', 'e1#0', 'e1#1']);
    expect(model.ordered[2]).toMatchObject({ kind: 'role', id: 'e1', role: 'Target', roleIndex: 1, from: 'e1', to: 'a2', toText: 'UN' });
  });

  it('shows the id of an end that is missing, and lists roles of a type the tag set lacks', () => {
    const model = relationListModel([{ id: 'x', type: 'Gone', text: 't', roles: [{ role: 'R', target: 'zz' }] } as never], [{ id: 'r', type: 'unknown', from: 'q', to: 'x' }], labels);
    expect(model.relations[0]).toMatchObject({ label: 'unknown', fromText: 'q', toText: 't' });
    expect(model.events[0]).toMatchObject({ label: 'Gone', rows: [expect.objectContaining({ toText: 'zz' })] });
  });
});

describe('movedRowIndex', () => {
  it('moves with the arrows, stops at the ends, jumps with Home and End, and ignores other keys', () => {
    expect(movedRowIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(movedRowIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(movedRowIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(movedRowIndex(1, 'Home', 3)).toBe(0);
    expect(movedRowIndex(0, 'End', 3)).toBe(2);
    expect(movedRowIndex(0, 'Enter', 3)).toBeNull();
    expect(movedRowIndex(0, 'ArrowDown', 0)).toBeNull();
  });
});

describe('eventsWithinRows', () => {
  const model = relationListModel(
    [...annotations, { id: 'e3', type: 'Attack', text: 'حمله دوم', roles: [{ role: 'Attacker', target: 'a2' }] }],
    [{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }],
    labels,
  );
  const shape = (budget: number) => eventsWithinRows(model.events, budget).map(({ event, rows }) => [event.triggerId, rows.map((row) => row.key)]);

  it('draws an event heading with the rows that fit, and nothing after the last drawn row', () => {
    expect(shape(-1)).toEqual([]);
    expect(shape(0)).toEqual([]);
    expect(shape(1)).toEqual([['e1', ['e1#0']]]);
    expect(shape(2)).toEqual([
      ['e1', ['e1#0', 'e1#1']],
      ['e2', []],
    ]);
  });

  it('draws every event once every row is drawn, a last event without roles included', () => {
    expect(shape(3)).toEqual([
      ['e1', ['e1#0', 'e1#1']],
      ['e2', []],
      ['e3', ['e3#0']],
    ]);
    const trailing = relationListModel(annotations, [], labels);
    expect(eventsWithinRows(trailing.events, trailing.ordered.length).map(({ event }) => event.triggerId)).toEqual(['e1', 'e2']);
  });
});

describe('listsAnything (#25 heap: the list is drawn only when it lists something)', () => {
  const isEventType = (type: string) => labels.eventLabel(type) !== null;
  const plain = [
    { id: 'a1', type: 'PER', text: 'علی' },
    { id: 'a2', type: 'ORG', text: 'UN' },
  ];
  const cases: [string, { id: string; type: string; text: string }[], { id: string; type: string; from: string; to: string }[]][] = [
    ['plain spans only', plain, []],
    ['a relation', plain, [{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }]],
    ['an event type without roles', [...plain, { id: 'e2', type: 'Meet', text: 'دیدار' }], []],
    ['roles on a type the tag set lacks', [...plain, { id: 'x', type: 'Gone', text: 't', roles: [{ role: 'R', target: 'a1' }] } as never], []],
    ['roles none of which is valid', [...plain, { id: 'x', type: 'Gone', text: 't', roles: [{ role: '', target: 'a1' }] } as never], []],
    ['an empty role list', [...plain, { id: 'x', type: 'Gone', text: 't', roles: [] } as never], []],
    ['the whole example', annotations, []],
  ];
  it.each(cases)('agrees with the model: %s', (_name, listed, relations) => {
    const model = relationListModel(listed, relations, labels);
    expect(listsAnything(listed, relations, isEventType)).toBe(model.ordered.length > 0 || model.events.length > 0);
  });

  it('says no for plain spans and yes for a relation', () => {
    expect(listsAnything(plain, [], isEventType)).toBe(false);
    expect(listsAnything([], [{ id: 'r1', type: 'member', from: 'a1', to: 'a2' }], isEventType)).toBe(true);
  });
});
