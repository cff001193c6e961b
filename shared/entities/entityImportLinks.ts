/**
 * (#24) Entity links read from an imported source (brat N lines) resolved against the registry
 * of the corpus being made. A Wikidata item finds the entity with that QID, or becomes a new
 * entity named after the linked text; a Hashiye id finds its entity and nothing else (an id the
 * registry does not know is reported, never invented).
 */
import type { BratEntityReference } from './entityExportLinks';
import { addEntity, createEntityId, entityFromText } from './entityOperations';
import type { EntityRegistry } from './registry';
import { findEntity } from './registryEntries';

export type LinkResolution = { registry: EntityRegistry; entityId: string; created: boolean } | { registry: EntityRegistry; entityId: null; created: false };

export function resolveImportedLink(registry: EntityRegistry, reference: BratEntityReference, span: { type: string; text: string }, newId: () => string = createEntityId): LinkResolution {
  if (reference.db === 'hashiye') {
    return findEntity(registry, reference.id) ? { registry, entityId: reference.id, created: false } : { registry, entityId: null, created: false };
  }
  const known = registry.entities.find((entity) => entity.wikidata === reference.qid);
  if (known) return { registry, entityId: known.id, created: false };
  let id = newId();
  while (findEntity(registry, id)) id = newId();
  const entity = { ...entityFromText(span.text, span.type, id), wikidata: reference.qid };
  return { registry: addEntity(registry, entity), entityId: id, created: true };
}
