import { describe, expect, it } from 'vitest';
import { addAlias, entityFromText, mergeEntities, removeEntity, splitEntity, updateEntity, addEntity } from './entityOperations';
import { lookupEntities, displayName } from './entityLookup';
import { EntityRegistrySchema, emptyRegistry, type EntityRegistry } from './registry';
import { namesOf } from './registryEntries';

function registryOf(...entities: EntityRegistry['entities']): EntityRegistry {
  return { version: 1, entities };
}

describe('entity registry operations', () => {
  it('fills the Persian or the Latin name from the annotation text by its script', () => {
    expect(entityFromText('محمدجواد  ظریف', 'PER', 'e1')).toEqual({ id: 'e1', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: [] });
    expect(entityFromText(' Zarif ', 'PER', 'e2').names).toEqual({ latin: 'Zarif' });
    expect(entityFromText('۱۲۳', 'NUM', 'e3')).toMatchObject({ names: {}, aliases: ['۱۲۳'] });
  });

  it('adds an alias once and refuses an id twice', () => {
    let registry = addEntity(emptyRegistry(), entityFromText('ظریف', 'PER', 'e1'));
    registry = addAlias(addAlias(registry, 'e1', 'Zarif'), 'e1', 'Zarif');
    registry = addAlias(registry, 'e1', 'ظریف');
    expect(registry.entities[0].aliases).toEqual(['Zarif']);
    expect(() => addEntity(registry, entityFromText('x', 'PER', 'e1'))).toThrow(/exists/);
  });

  it('merges two entities: the union of names as aliases, links re-pointed to the kept one', () => {
    const registry = registryOf(
      { id: 'a', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: ['ظریف'] },
      { id: 'b', type: 'PER', names: { latin: 'Zarif' }, aliases: ['ظریف', 'جواد ظریف'], wikidata: 'Q123', note: 'FM' },
    );
    const { registry: merged, repoint } = mergeEntities(registry, 'a', 'b');
    expect(merged.entities).toEqual([{ id: 'a', type: 'PER', names: { fa: 'محمدجواد ظریف' }, aliases: ['ظریف', 'Zarif', 'جواد ظریف'], wikidata: 'Q123', note: 'FM' }]);
    expect([...repoint]).toEqual([['b', 'a']]);
    expect(() => mergeEntities(registry, 'a', 'a')).toThrow();
    expect(registry.entities).toHaveLength(2);
  });

  it('splits chosen aliases off into a new entity of the same type', () => {
    const registry = registryOf({ id: 'a', type: 'PER', names: { fa: 'ظریف' }, aliases: ['Zarif', 'علی ظریف', 'A. Zarif'] });
    const split = splitEntity(registry, 'a', ['علی ظریف', 'A. Zarif'], 'b');
    expect(split.entities).toEqual([
      { id: 'a', type: 'PER', names: { fa: 'ظریف' }, aliases: ['Zarif'] },
      { id: 'b', type: 'PER', names: { fa: 'علی ظریف' }, aliases: ['A. Zarif'] },
    ]);
    expect(() => splitEntity(registry, 'a', [], 'c')).toThrow();
  });

  it('updates and removes fields and removes an entity with its links', () => {
    const registry = registryOf({ id: 'a', type: 'PER', names: { fa: 'ظریف' }, aliases: [], note: 'x' });
    const updated = updateEntity(registry, 'a', { latin: 'Zarif', wikidata: 'Q1', note: '', aliases: ['  ظریف  جواد', ''] });
    expect(updated.entities[0]).toEqual({ id: 'a', type: 'PER', names: { fa: 'ظریف', latin: 'Zarif' }, aliases: ['ظریف جواد'], wikidata: 'Q1' });
    expect(namesOf(updated.entities[0])).toEqual(['ظریف', 'Zarif', 'ظریف جواد']);
    const removed = removeEntity(updated, 'a');
    expect(removed.registry.entities).toEqual([]);
    expect([...removed.repoint]).toEqual([['a', '']]);
  });

  it('validates the file: QIDs, ids and duplicates', () => {
    expect(EntityRegistrySchema.safeParse({ version: 1, entities: [{ id: 'a', type: 'PER', names: {}, aliases: [], wikidata: 'Q0' }] }).success).toBe(false);
    expect(EntityRegistrySchema.safeParse({ version: 1, entities: [{ id: 'a b', type: 'PER', names: {}, aliases: [] }] }).success).toBe(false);
    const twice = { id: 'a', type: 'PER', names: {}, aliases: [] };
    expect(EntityRegistrySchema.safeParse({ version: 1, entities: [twice, twice] }).success).toBe(false);
    expect(EntityRegistrySchema.safeParse({ version: 1, entities: [{ ...twice, wikidata: 'Q42', extra: true }] }).success).toBe(true);
  });
});

describe('entity lookup', () => {
  const registry = registryOf(
    { id: 'zarif', type: 'PER', names: { fa: 'محمدجواد ظریف', latin: 'Mohammad Javad Zarif' }, aliases: ['ظریف'] },
    { id: 'tehran', type: 'LOC', names: { fa: 'تهران', latin: 'Tehran' }, aliases: [] },
    { id: 'iran', type: 'LOC', names: { fa: 'ايران' }, aliases: [] },
  );

  it('finds a name whatever became of its ZWNJ and spaces', () => {
    for (const query of ['محمدجواد ظریف', 'محمد جواد ظریف', 'محمدجوادظریف', 'محمد\u200cجواد ظریف']) {
      expect(lookupEntities(registry, query)[0]).toMatchObject({ entity: { id: 'zarif' }, rank: 0 });
    }
  });

  it('ranks the whole name, then prefixes (of the name or a word), then substrings', () => {
    expect(lookupEntities(registry, 'ظریف').map((hit) => [hit.entity.id, hit.rank])).toEqual([['zarif', 0]]);
    expect(lookupEntities(registry, 'jav')[0]).toMatchObject({ entity: { id: 'zarif' }, rank: 1 });
    expect(lookupEntities(registry, 'hra')[0]).toMatchObject({ entity: { id: 'tehran' }, rank: 2 });
    expect(lookupEntities(registry, 'TEH')[0]).toMatchObject({ entity: { id: 'tehran' }, rank: 1 });
    expect(lookupEntities(registry, 'nothing')).toEqual([]);
    expect(lookupEntities(registry, '')).toHaveLength(3);
  });

  it('folds Arabic letter variants: ايران with Arabic yeh is found as ایران', () => {
    expect(lookupEntities(registry, 'ایران')[0]).toMatchObject({ entity: { id: 'iran' }, rank: 0 });
  });

  it('shows the name of the UI language first', () => {
    expect(displayName(registry.entities[0], 'fa')).toBe('محمدجواد ظریف');
    expect(displayName(registry.entities[0], 'en')).toBe('Mohammad Javad Zarif');
    expect(displayName(registry.entities[2], 'en')).toBe('ايران');
  });
});
