/**
 * The entity registry of a corpus (#24): `entities.json` beside `hashiye.json`. An annotation
 * links to an entity by an optional top-level `entity` field holding the entity's id. This file
 * is the contract both the registry and the pre-annotation tools (gazetteer) read.
 */
import { z } from 'zod';
import { WIKIDATA_ID_PATTERN } from './wikidataId';

export const ENTITIES_FILE_NAME = 'entities.json';
export const ENTITIES_FORMAT_VERSION = 1;

/** A Wikidata item id: Q and a number without leading zeros. */
export const WikidataIdSchema = z.string().regex(WIKIDATA_ID_PATTERN);
/** Entity ids are kept short and plain so they travel in brat (`Hashiye:ID`), CSV and file names. */
export const EntityIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const EntityNamesSchema = z.looseObject({
  fa: z.string().min(1).optional(),
  latin: z.string().min(1).optional(),
});

export const EntitySchema = z.looseObject({
  id: EntityIdSchema,
  /** An entity type of the corpus's tag set. */
  type: z.string().min(1),
  names: EntityNamesSchema,
  aliases: z.array(z.string().min(1)),
  wikidata: WikidataIdSchema.optional(),
  note: z.string().optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const EntityRegistrySchema = z
  .looseObject({
    version: z.literal(ENTITIES_FORMAT_VERSION),
    entities: z.array(EntitySchema),
  })
  .superRefine((registry, context) => {
    const seen = new Set<string>();
    registry.entities.forEach((entity, index) => {
      if (seen.has(entity.id)) context.addIssue({ code: 'custom', path: ['entities', index, 'id'], message: `duplicate entity id ${entity.id}` });
      seen.add(entity.id);
    });
  });
export type EntityRegistry = z.infer<typeof EntityRegistrySchema>;

export function emptyRegistry(): EntityRegistry {
  return { version: ENTITIES_FORMAT_VERSION, entities: [] };
}
