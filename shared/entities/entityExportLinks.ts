/**
 * (#24) How an entity link travels in the export formats. An annotation holds only its entity's
 * id; the exports also name the entity and, when it has one, its Wikidata item, so a reader
 * outside Hashiye can tell who is meant. The registry's entities reach the serializers as
 * `SerializeOptions.entities` (a Map, which the export's worker threads receive by structured clone).
 */
import type { Entity, EntityRegistry } from './registry';

/** What an export writes about a linked entity. */
export interface ExportEntity {
  id: string;
  /** The Wikidata QID (`Q42`), when the entity has one. */
  wikidata?: string;
  /** Its Persian name, else its Latin name, else its first alias ('' when it has none). */
  name: string;
}

export type ExportEntities = ReadonlyMap<string, ExportEntity>;

export const WIKIDATA_ENTITY_IRI_PREFIX = 'http://www.wikidata.org/entity/';
/** A corpus-local entity, for an entity without a QID: `urn:hashiye:entity:` + its id. */
export const LOCAL_ENTITY_IRI_PREFIX = 'urn:hashiye:entity:';
/** The brat normalization databases (N lines): Wikidata for an entity with a QID, the corpus's own registry otherwise. */
export const BRAT_WIKIDATA_DB = 'Wikidata';
export const BRAT_LOCAL_DB = 'Hashiye';

function displayName(entity: Entity): string {
  return entity.names.fa ?? entity.names.latin ?? entity.aliases[0] ?? '';
}

export function exportEntitiesOf(registry: EntityRegistry): Map<string, ExportEntity> {
  return new Map(registry.entities.map((entity) => [entity.id, { id: entity.id, name: displayName(entity), ...(entity.wikidata ? { wikidata: entity.wikidata } : {}) }]));
}

/** The linked entity as the export names it; an id not in the registry (deleted since) is named by its id alone. */
export function exportEntityOf(entityId: string, entities: ExportEntities | undefined): ExportEntity {
  return entities?.get(entityId) ?? { id: entityId, name: '' };
}

/** The entity's IRI: its Wikidata item when it has one, else the corpus-local IRI. */
export function entityIri(entity: ExportEntity): string {
  return entity.wikidata ? `${WIKIDATA_ENTITY_IRI_PREFIX}${entity.wikidata}` : `${LOCAL_ENTITY_IRI_PREFIX}${encodeURIComponent(entity.id)}`;
}

/** A brat N line's reference: `Wikidata:Q…` or `Hashiye:ID`. */
export function bratReferenceOf(entity: ExportEntity): string {
  return entity.wikidata ? `${BRAT_WIKIDATA_DB}:${entity.wikidata}` : `${BRAT_LOCAL_DB}:${entity.id}`;
}

/** A brat reference read back: the database and the id, or null when it is neither of Hashiye's. */
export type BratEntityReference = { db: 'wikidata'; qid: string } | { db: 'hashiye'; id: string };

export function parseBratReference(reference: string): BratEntityReference | null {
  const colon = reference.indexOf(':');
  if (colon <= 0) return null;
  const db = reference.slice(0, colon);
  const id = reference.slice(colon + 1);
  if (db === BRAT_WIKIDATA_DB && /^Q[1-9][0-9]*$/.test(id)) return { db: 'wikidata', qid: id };
  if (db === BRAT_LOCAL_DB && /^[A-Za-z0-9_-]{1,64}$/.test(id)) return { db: 'hashiye', id };
  return null;
}

/**
 * A link read back from the fields JSONL items and Label Studio regions carry (`entity`,
 * `wikidata`): the Wikidata item when the QID is valid, else the registry id; undefined for none.
 */
export function referenceOfFields(entity: unknown, wikidata: unknown): BratEntityReference | undefined {
  if (typeof wikidata === 'string' && /^Q[1-9][0-9]*$/.test(wikidata)) return { db: 'wikidata', qid: wikidata };
  if (typeof entity === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(entity)) return { db: 'hashiye', id: entity };
  return undefined;
}
