import type { Entity, EntityRegistry } from './registry';

/**
 * Reading entities of the registry (#24), apart from its zod schemas (registry.ts) so that (#25)
 * the window finds and names entities without building them.
 */

/** Every name an entity is known by: its Persian and Latin names, then its aliases, without repeats. */
export function namesOf(entity: Entity): string[] {
  const names = [entity.names.fa, entity.names.latin, ...entity.aliases].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return [...new Set(names)];
}

export function findEntity(registry: EntityRegistry, id: string): Entity | undefined {
  return registry.entities.find((entity) => entity.id === id);
}
