/** What crosses IPC for the entity registry and the entity view (#24); the channels are in shared/ipc.ts. */
import { z } from 'zod';
import { EntityIdSchema, EntityRegistrySchema, WikidataIdSchema } from './registry';
import { UserProblemSchema } from '../userProblem';

const Offset = z.number().int().nonnegative();
const Name = z.string().min(1).max(400);

export const RegistryStateSchema = z.object({
  registry: EntityRegistrySchema,
  sha256: z.string(),
  /** (#17) Why entities.json may not be written (mode 0444, a read-only folder or disk): shown, and edits are refused. */
  readOnly: UserProblemSchema.optional(),
});
export type RegistryState = z.infer<typeof RegistryStateSchema>;

/** One edit of the registry; main applies it to the file as it is on disk now (entityRegistryFile.ts). */
export const RegistryEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), id: EntityIdSchema, type: z.string().min(1), text: Name }).strict(),
  z.object({ kind: z.literal('addAlias'), id: EntityIdSchema, alias: Name }).strict(),
  z
    .object({
      kind: z.literal('update'),
      id: EntityIdSchema,
      type: z.string().min(1).optional(),
      fa: z.string().max(400).optional(),
      latin: z.string().max(400).optional(),
      wikidata: z.union([WikidataIdSchema, z.literal('')]).optional(),
      note: z.string().max(4000).optional(),
      aliases: z.array(Name).max(1000).optional(),
    })
    .strict(),
  /** Links to `absorbed` in every annotation file are re-pointed to `kept`. */
  z.object({ kind: z.literal('merge'), kept: EntityIdSchema, absorbed: EntityIdSchema }).strict(),
  /** The aliases go to a new entity `newId`; so do the links of the mentions named (article id, annotation id). */
  z
    .object({
      kind: z.literal('split'),
      id: EntityIdSchema,
      newId: EntityIdSchema,
      aliases: z.array(Name).min(1).max(1000),
      mentions: z.array(z.object({ articleId: z.string().min(1), annotationId: z.string().min(1) }).strict()).max(10000),
    })
    .strict(),
  /** The entity leaves the registry and every link to it is removed. */
  z.object({ kind: z.literal('remove'), id: EntityIdSchema }).strict(),
]);
export type RegistryEditRequest = z.infer<typeof RegistryEditSchema>;

export const RegistryEditResultSchema = RegistryStateSchema.extend({
  /** Annotation files whose links were re-pointed (article ids). */
  rewritten: z.array(z.string()),
});

const KwicFields = {
  articleId: z.string(),
  start: Offset,
  end: Offset,
  before: z.string(),
  match: z.string(),
  after: z.string(),
  /** The article's date from its metadata, when it has one (filled where article metadata is read). */
  date: z.string().optional(),
};

/** A linked annotation of the entity, in code points. */
export const EntityMentionSchema = z.object({ ...KwicFields, annotationId: z.string(), type: z.string() });
export type EntityMention = z.infer<typeof EntityMentionSchema>;

/** Text matching one of the entity's names that is not linked to it; `annotationId`: an unlinked annotation exactly there. */
export const UnlinkedMentionSchema = z.object({ ...KwicFields, annotationId: z.string().optional() });
export type UnlinkedMention = z.infer<typeof UnlinkedMentionSchema>;

export const EntityViewSchema = z.object({
  entityId: z.string(),
  mentions: z.array(EntityMentionSchema),
  unlinked: z.array(UnlinkedMentionSchema),
  perArticle: z.array(z.object({ articleId: z.string(), count: z.number().int() })),
  perType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  /** More mentions or unlinked hits exist than were returned. */
  truncated: z.boolean(),
  /** Articles that could not be read or whose annotation file cannot be used. */
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type EntityView = z.infer<typeof EntityViewSchema>;

/** Links a span of an article that is not open to an entity: the annotation there, or a new one of `type`. */
export const LinkSpanSchema = z
  .object({ articleId: z.string().min(1), entity: EntityIdSchema, start: Offset, end: Offset, type: z.string().min(1), annotationId: z.string().optional() })
  .strict();
