import { queryKey } from '../text/matchingKey';
import type { Entity, EntityRegistry } from './registry';
import { namesOf } from './registryEntries';

/**
 * Search-as-you-type over the registry (#24), Persian-aware: names and the query are folded with
 * the matching keys (Arabic/Persian letter variants, digits, harakat, ZWNJ) and compared without
 * spaces, so «محمدجواد ظریف», «محمد جواد ظریف» and «محمدجوادظریف» all find the same entity.
 */
export interface EntityLookupHit {
  entity: Entity;
  /** The name that matched best. */
  name: string;
  /** 0 the whole name, 1 a prefix of the name or of one of its words, 2 inside it. */
  rank: 0 | 1 | 2;
}

/** The folded key of a name without its separators: lost or extra ZWNJs and spaces never decide. */
export function compactNameKey(text: string): string {
  return queryKey(text).replaceAll(' ', '');
}

function wordStartsWith(name: string, needle: string): boolean {
  return queryKey(name)
    .split(' ')
    .some((word, index, words) => words.slice(index).join('').startsWith(needle) && word.length > 0);
}

function rankName(name: string, needle: string): 0 | 1 | 2 | null {
  const key = compactNameKey(name);
  if (key === needle) return 0;
  if (key.startsWith(needle) || wordStartsWith(name, needle)) return 1;
  if (key.includes(needle)) return 2;
  return null;
}

/** The entities one of whose names matches the query, best first (then by name); all of them for an empty query. */
export function lookupEntities(registry: EntityRegistry, query: string, limit = 50): EntityLookupHit[] {
  const needle = compactNameKey(query);
  const hits: EntityLookupHit[] = [];
  for (const entity of registry.entities) {
    let best: EntityLookupHit | null = null;
    for (const name of namesOf(entity)) {
      const rank = needle === '' ? 1 : rankName(name, needle);
      if (rank !== null && (best === null || rank < best.rank)) best = { entity, name, rank };
    }
    if (best === null && needle === '') best = { entity, name: entity.id, rank: 1 };
    if (best !== null) hits.push(best);
  }
  hits.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return hits.slice(0, limit);
}

/** The name to show for an entity: Persian or Latin first as the UI speaks, then an alias, then the id. */
export function displayName(entity: Entity, language: 'fa' | 'en'): string {
  const first = language === 'fa' ? (entity.names.fa ?? entity.names.latin) : (entity.names.latin ?? entity.names.fa);
  return first ?? entity.aliases[0] ?? entity.id;
}
