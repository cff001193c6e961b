import { describe, expect, it } from 'vitest';
import { mergeFields } from '../model/fieldMerge';
import type { Entity, EntityRegistry } from './registry';
import { mergeRegistries } from './registryMerge';

const entity = (id: string, more: Partial<Entity> = {}): Entity => ({ id, type: 'PER', names: { fa: `نام ${id}` }, aliases: [], ...more });
const registry = (...entities: Entity[]): EntityRegistry => ({ version: 1, entities });

describe('three-way merge of entities.json (#17)', () => {
  it('keeps entities added, changed and removed on either side', () => {
    const base = registry(entity('a'), entity('b'), entity('c'));
    const disk = registry(entity('a', { note: 'از دیسک' }), entity('b'), entity('d'));
    const mine = registry(entity('a'), entity('b', { wikidata: 'Q1' }), entity('c'), entity('e'));
    const merged = mergeRegistries(base, disk, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.registry.entities.map((item) => item.id).sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(merged.registry.entities.find((item) => item.id === 'a')?.note).toBe('از دیسک');
    expect(merged.registry.entities.find((item) => item.id === 'b')?.wikidata).toBe('Q1');
  });

  it('merges one entity field by field, names separately and aliases as a set', () => {
    const base = registry(entity('a', { aliases: ['x', 'y'] }));
    const disk = registry(entity('a', { names: { fa: 'ظریف' }, aliases: ['x', 'y', 'z'] }));
    const mine = registry(entity('a', { names: { fa: 'نام a', latin: 'Zarif' }, aliases: ['y'] }));
    const merged = mergeRegistries(base, disk, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.registry.entities[0]).toMatchObject({ names: { fa: 'ظریف', latin: 'Zarif' } });
    expect([...merged.registry.entities[0].aliases].sort()).toEqual(['y', 'z']);
  });

  it('reports the same field changed differently, and a change against a removal, keeping the disk version', () => {
    const base = registry(entity('a'), entity('b'));
    const disk = registry(entity('a', { note: 'دیسک' }));
    const mine = registry(entity('a', { note: 'من' }), entity('b', { note: 'من' }));
    const merged = mergeRegistries(base, disk, mine);
    expect(merged.conflicts).toEqual([
      { entity: 'a', fields: ['note'] },
      { entity: 'b', fields: [] },
    ]);
    expect(merged.registry.entities).toEqual([entity('a', { note: 'دیسک' })]);
  });
});

describe('three-way merge of fields', () => {
  it('takes the side that changed, agrees on the same change, and names a real conflict', () => {
    const merged = mergeFields<Record<string, string>>({ title: 't', source: 's' }, { title: 't', source: 'S', author: 'م' }, { title: 'T', source: 's', author: 'م' });
    expect(merged).toEqual({ merged: { title: 'T', source: 'S', author: 'م' }, conflicts: [] });
    expect(mergeFields<Record<string, string>>({ title: 't' }, { title: 'A' }, { title: 'B' }).conflicts).toEqual(['title']);
    // A field removed on one side and untouched on the other is removed.
    expect(mergeFields<Record<string, string>>({ title: 't', url: 'u' }, { title: 't' }, { title: 't', url: 'u' }).merged).toEqual({ title: 't' });
  });
});
