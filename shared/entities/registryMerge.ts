import { mergeKeyed, mergeLabels } from '../model/documentMerge';
import { mergeFields } from '../model/fieldMerge';
import type { Entity, EntityRegistry } from './registry';

/**
 * (#17) Three-way merge of two writers' `entities.json` (two windows, a window and a script):
 * entities are items keyed by id, as annotations are (shared/model/documentMerge.ts). Different
 * entities added, changed or removed on each side all stand. One entity changed on both sides
 * merges field by field (its Persian and Latin names are fields of their own, its aliases a set
 * whose additions and removals both apply); only the same field changed differently, or an
 * entity changed on one side and removed on the other, is a conflict.
 */
export interface RegistryConflict {
  entity: string;
  /** The fields both sides changed differently; empty when the whole entity is at stake (removed on one side, added twice). */
  fields: string[];
}

export interface RegistryMerge {
  registry: EntityRegistry;
  conflicts: RegistryConflict[];
}

type FlatEntity = Record<string, unknown>;

function flatten(entity: Entity): FlatEntity {
  const { names, aliases: _aliases, ...rest } = entity;
  const flat: FlatEntity = { ...rest };
  for (const [key, value] of Object.entries(names)) flat[`names.${key}`] = value;
  return flat;
}

function unflatten(flat: FlatEntity, aliases: string[]): Entity {
  const names: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith('names.')) names[key.slice('names.'.length)] = value;
    else rest[key] = value;
  }
  return { ...rest, names, aliases } as Entity;
}

/** One entity both sides changed: field by field, or a conflict naming the fields. */
function mergeEntity(base: Entity, disk: Entity, mine: Entity): { entity: Entity; fields: string[] } {
  const fields = mergeFields(flatten(base), flatten(disk), flatten(mine));
  return { entity: unflatten(fields.merged, mergeLabels(base.aliases, disk.aliases, mine.aliases)), fields: fields.conflicts };
}

export function mergeRegistries(base: EntityRegistry, disk: EntityRegistry, mine: EntityRegistry): RegistryMerge {
  const keyed = mergeKeyed(base.entities, disk.entities, mine.entities, {});
  const byId = (registry: EntityRegistry) => new Map(registry.entities.map((entity) => [entity.id, entity]));
  const [baseById, diskById, mineById] = [byId(base), byId(disk), byId(mine)];
  const conflicts: RegistryConflict[] = [];
  const entities = keyed.items.map((entity) => {
    if (!keyed.outcomes.get(entity.id)?.conflict) return entity;
    const [was, now, held] = [baseById.get(entity.id), diskById.get(entity.id), mineById.get(entity.id)];
    if (!was || !now || !held) {
      conflicts.push({ entity: entity.id, fields: [] });
      return entity;
    }
    const merged = mergeEntity(was, now, held);
    if (merged.fields.length > 0) conflicts.push({ entity: entity.id, fields: merged.fields });
    return merged.fields.length > 0 ? entity : merged.entity;
  });
  // An entity removed on one side and changed on the other is not among the items: still a conflict.
  for (const [id, outcome] of keyed.outcomes) {
    if (outcome.conflict && !entities.some((entity) => entity.id === id)) conflicts.push({ entity: id, fields: [] });
  }
  const { entities: _b, ...baseRest } = base;
  const { entities: _d, ...diskRest } = disk;
  const { entities: _m, ...mineRest } = mine;
  return { registry: { ...mergeFields<Record<string, unknown>>(baseRest, diskRest, mineRest).merged, entities } as EntityRegistry, conflicts };
}
