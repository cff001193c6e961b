/**
 * What a save sends and answers across the IPC contract (shared/ipc.ts): the saved part of a
 * document, the conflicts another writer caused, how the user settled them, and the result.
 */
import { z } from 'zod';
import { ArticleStatusSchema } from './model/status';
import { StoredAnnotationListSchema, StoredAnnotationSchema, StoredRelationSchema } from './model/nativeFormat';
import { UserProblemSchema } from './userProblem';
import { DocumentLabelsSchema, ZoneListSchema } from './documentLabels/judgmentFormat';

/**
 * The article's document-level content as one writer holds it: what a save merges and what a
 * window adopts when the file on disk held changes it did not have.
 */
export const SavedDocumentSchema = z.object({
  status: ArticleStatusSchema,
  annotations: StoredAnnotationListSchema,
  relations: z.array(StoredRelationSchema),
  labels: z.array(z.string()),
  /** (#21) Judgments of the article as a whole; absent from a writer that does not handle them (then kept as they are). */
  documentLabels: DocumentLabelsSchema.optional(),
  zones: ZoneListSchema.optional(),
});
export type SavedDocument = z.infer<typeof SavedDocumentSchema>;

/**
 * One item that this window and another writer (a second instance, a sync tool, an editor)
 * both changed, differently, since this window last loaded or saved the file. `key` is the
 * annotation or relation id, or `status`; `mine` and `disk` are the two versions (null: that
 * side deleted it; for `status`, the status as a string).
 */
export const SaveConflictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annotation'), key: z.string().min(1), base: StoredAnnotationSchema.nullable(), mine: StoredAnnotationSchema.nullable(), disk: StoredAnnotationSchema.nullable() }),
  z.object({ kind: z.literal('relation'), key: z.string().min(1), base: StoredRelationSchema.nullable(), mine: StoredRelationSchema.nullable(), disk: StoredRelationSchema.nullable() }),
  z.object({ kind: z.literal('status'), key: z.literal('status'), base: ArticleStatusSchema, mine: ArticleStatusSchema, disk: ArticleStatusSchema }),
  /** (#21) A document-label dimension (`label:ID`) or a zone (`zone:ID`); each version as JSON text. */
  z.object({ kind: z.literal('judgment'), key: z.string().min(1), base: z.string().nullable(), mine: z.string().nullable(), disk: z.string().nullable() }),
]);
export type SaveConflict = z.infer<typeof SaveConflictSchema>;

/** How the user settled conflicts: by key, keep this window's version or the one on disk. */
export const ConflictResolutionsSchema = z.record(z.string().min(1), z.enum(['mine', 'disk']));
export type ConflictResolutions = z.infer<typeof ConflictResolutionsSchema>;

export const SaveResultSchema = z.discriminatedUnion('ok', [
  /**
   * `revision` names the annotation list just saved, for annotations.saveChanges. `merged` is
   * present when the file on disk held changes this window did not have (another writer's):
   * it is what is now on disk, this window's edits included, and the window adopts it without
   * counting it as an edit. `written` is false when nothing needed writing.
   */
  z.object({ ok: z.literal(true), savedAt: z.string(), revision: z.string().optional(), merged: SavedDocumentSchema.optional(), written: z.boolean().optional() }),
  /**
   * `retryable`: the disk refused (full, locked, read-only) and saving again may work; else the
   * save was refused on purpose. `baseUnknown`: the changes named a revision main no longer
   * keeps; nothing was written, and the whole list should be sent with annotations.save.
   * `conflicts`: another writer changed the same items differently; nothing was written, and
   * the save is sent again with the user's `resolutions`. `readOnly`: the file or its folder
   * cannot be written (permissions, a read-only mount); the edits stay in memory.
   */
  z.object({
    ok: z.literal(false),
    /** English, for logs and tooltips; the user reads `userProblem`. */
    message: z.string(),
    userProblem: UserProblemSchema,
    retryable: z.boolean(),
    baseUnknown: z.boolean().optional(),
    conflicts: z.array(SaveConflictSchema).optional(),
    readOnly: z.boolean().optional(),
  }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;
