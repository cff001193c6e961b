import type { Entity, EntityRegistry } from './registry';
import { namesOf } from './registryEntries';

/**
 * Pure edits of the entity registry (#24). Each returns a new registry and never changes the one
 * given; re-pointing the links in annotation files is the caller's (main's) part, told by the
 * returned `repoint` map (old entity id → new).
 */

const ARABIC_SCRIPT_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LATIN_SCRIPT_LETTER = /(?=\p{Script=Latin})\p{L}/u;

/** Which name a text fills: Persian (Arabic script) or Latin; null for neither (digits, Hebrew...). */
export function scriptOfName(text: string): 'fa' | 'latin' | null {
  if (ARABIC_SCRIPT_LETTER.test(text)) return 'fa';
  if (LATIN_SCRIPT_LETTER.test(text)) return 'latin';
  return null;
}

/** A short unique entity id: time-ordered prefix and randomness. */
export function createEntityId(random: () => number = Math.random): string {
  const time = Date.now().toString(36);
  const noise = Math.floor(random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0');
  return `e${time}${noise}`;
}

/** Whitespace collapsed and trimmed, as a name is stored. */
export function cleanName(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A new entity named after an annotation's text: the Persian or the Latin name by its script, else an alias. */
export function entityFromText(text: string, type: string, id: string): Entity {
  const name = cleanName(text);
  const script = scriptOfName(name);
  if (script === 'fa') return { id, type, names: { fa: name }, aliases: [] };
  if (script === 'latin') return { id, type, names: { latin: name }, aliases: [] };
  return { id, type, names: {}, aliases: name === '' ? [] : [name] };
}

export function addEntity(registry: EntityRegistry, entity: Entity): EntityRegistry {
  if (registry.entities.some((existing) => existing.id === entity.id)) throw new Error(`entity ${entity.id} exists`);
  return { ...registry, entities: [...registry.entities, entity] };
}

function replaceEntity(registry: EntityRegistry, id: string, change: (entity: Entity) => Entity): EntityRegistry {
  if (!registry.entities.some((entity) => entity.id === id)) throw new Error(`no entity ${id}`);
  return { ...registry, entities: registry.entities.map((entity) => (entity.id === id ? change(entity) : entity)) };
}

/** Adds an alias unless the entity already has that name (as written). */
export function addAlias(registry: EntityRegistry, id: string, alias: string): EntityRegistry {
  const name = cleanName(alias);
  return replaceEntity(registry, id, (entity) => (name === '' || namesOf(entity).includes(name) ? entity : { ...entity, aliases: [...entity.aliases, name] }));
}

export interface EntityChange {
  type?: string;
  fa?: string;
  latin?: string;
  wikidata?: string;
  note?: string;
  aliases?: string[];
}

/** Sets the fields given; an empty string removes an optional field. */
export function updateEntity(registry: EntityRegistry, id: string, change: EntityChange): EntityRegistry {
  return replaceEntity(registry, id, (entity) => {
    const next: Entity = { ...entity, names: { ...entity.names } };
    if (change.type !== undefined && change.type !== '') next.type = change.type;
    for (const key of ['fa', 'latin'] as const) {
      const value = change[key];
      if (value === undefined) continue;
      if (cleanName(value) === '') delete next.names[key];
      else next.names[key] = cleanName(value);
    }
    for (const key of ['wikidata', 'note'] as const) {
      const value = change[key];
      if (value === undefined) continue;
      if (value.trim() === '') delete next[key];
      else next[key] = value.trim();
    }
    if (change.aliases !== undefined) next.aliases = [...new Set(change.aliases.map(cleanName).filter((alias) => alias !== ''))];
    return next;
  });
}

export interface RegistryEdit {
  registry: EntityRegistry;
  /** Links to re-point in annotation files: old entity id → new. */
  repoint: Map<string, string>;
}

/**
 * Merges `absorbedId` into `keptId`: the kept entity keeps its names and takes the other's names
 * as aliases (the union of both alias lists), its QID and note when it has none; every link to
 * the absorbed entity is to be re-pointed to the kept one.
 */
export function mergeEntities(registry: EntityRegistry, keptId: string, absorbedId: string): RegistryEdit {
  if (keptId === absorbedId) throw new Error('an entity cannot be merged with itself');
  const absorbed = registry.entities.find((entity) => entity.id === absorbedId);
  if (!absorbed) throw new Error(`no entity ${absorbedId}`);
  const merged = replaceEntity(registry, keptId, (kept) => {
    const keptNames = new Set([kept.names.fa, kept.names.latin]);
    const aliases = [...new Set([...kept.aliases, ...namesOf(absorbed)])].filter((alias) => !keptNames.has(alias));
    const next: Entity = { ...kept, aliases };
    if (next.wikidata === undefined && absorbed.wikidata !== undefined) next.wikidata = absorbed.wikidata;
    if (absorbed.note !== undefined) next.note = next.note === undefined ? absorbed.note : `${next.note}\n${absorbed.note}`;
    return next;
  });
  return { registry: { ...merged, entities: merged.entities.filter((entity) => entity.id !== absorbedId) }, repoint: new Map([[absorbedId, keptId]]) };
}

/**
 * Splits the chosen aliases off `id` into a new entity of the same type, named after the first
 * of them by its script. Which mentions move with them is the caller's choice (main re-points
 * those annotations); the registry part is this.
 */
export function splitEntity(registry: EntityRegistry, id: string, aliases: readonly string[], newId: string): EntityRegistry {
  const source = registry.entities.find((entity) => entity.id === id);
  if (!source) throw new Error(`no entity ${id}`);
  const moved = aliases.map(cleanName).filter((alias) => alias !== '');
  if (moved.length === 0) throw new Error('a split moves at least one alias');
  const fresh = entityFromText(moved[0], source.type, newId);
  const freshNames = new Set(namesOf(fresh));
  fresh.aliases = [...new Set([...fresh.aliases, ...moved.filter((alias) => !freshNames.has(alias))])];
  const movedSet = new Set(moved);
  const kept = replaceEntity(registry, id, (entity) => ({ ...entity, aliases: entity.aliases.filter((alias) => !movedSet.has(alias)) }));
  return addEntity(kept, fresh);
}

/** Removes an entity; links to it are to be removed (`repoint` to ''). */
export function removeEntity(registry: EntityRegistry, id: string): RegistryEdit {
  if (!registry.entities.some((entity) => entity.id === id)) throw new Error(`no entity ${id}`);
  return { registry: { ...registry, entities: registry.entities.filter((entity) => entity.id !== id) }, repoint: new Map([[id, '']]) };
}
