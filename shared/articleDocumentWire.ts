/**
 * What article.load answers: the article's decoded text with its annotation file's content, and
 * the document fields every load and save carries. Kept apart from the channel list in ipc.ts.
 */
import { z } from 'zod';
import { ArticleIdSchema } from './articleId';
import { ArticleStatusSchema } from './model/status';
import { UserProblemSchema } from './userProblem';
import { DocumentLabelsSchema, ZoneListSchema } from './documentLabels/judgmentFormat';
import { StoredAnnotationListSchema, StoredAnnotationSchema, StoredRelationSchema } from './model/nativeFormat';

export const AnnotationFileProblemSchema = z.object({
  kind: z.enum(['syntax', 'schema', 'version', 'offsets', 'text', 'io', 'invariant', 'permission']),
  /** English, the technical detail. */
  message: z.string(),
  /** What the user reads beside the kind's explanation (duplicate ids, why it is read-only...), when known. */
  userProblems: z.array(UserProblemSchema).optional(),
});


/** What an annotation file holds besides its annotations and status: alike when it is loaded and in both kinds of save. */
export const DOCUMENT_FIELDS = {
  relations: z.array(StoredRelationSchema),
  labels: z.array(z.string()),
  /** (#21) Judgments of the article as a whole (absent: none). */
  documentLabels: DocumentLabelsSchema.optional(),
  zones: ZoneListSchema.optional(),
};
/** The document fields as a type, for main's load and save shapes (derived, never repeated). */
export type DocumentFields = z.infer<z.ZodObject<typeof DOCUMENT_FIELDS>>;
export const ArticleDocumentSchema = z.object({
  id: ArticleIdSchema,
  name: z.string(),
  /** The document text: decoded, BOM removed, line ends turned into LF, nothing else changed. */
  text: z.string(),
  encoding: z.string(),
  /** True when the encoding was a guess (no BOM, not valid UTF-8). */
  encodingGuessed: z.boolean(),
  sha256: z.string(),
  status: ArticleStatusSchema,
  /** Offsets in code points, as in the file. */
  annotations: StoredAnnotationListSchema,
  ...DOCUMENT_FIELDS,
  /** Set when the annotation file cannot be used; the article is then read-only. */
  problem: AnnotationFileProblemSchema.nullable(),
  migratedFrom: z.number().int().nullable(),
  /** Annotations that could not be placed in the changed text; kept in the file, shown apart. */
  orphans: z.array(StoredAnnotationSchema),
  /** Counts of what re-anchoring changed, when the article changed since it was annotated. */
  reanchored: z.object({ moved: z.number().int(), fuzzy: z.number().int(), orphaned: z.number().int() }).nullable(),
  /** Bytes the encoding could not read (absent: none); each invalid sequence is a U+FFFD in `text`. */
  invalidBytes: z.number().int().nonnegative().optional(),
  /** U+FFFD characters put in `text` in place of invalid sequences (absent: none). */
  replacements: z.number().int().nonnegative().optional(),
  /** True when `encoding` is the user's choice (article.load's `encoding`) rather than detected. */
  encodingChosen: z.boolean().optional(),
  /** The annotation file records another encoding that was not used (the article changed since, or the encoding is unknown): detection decided. */
  encodingRecordIgnored: z.object({ encoding: z.string(), reason: z.enum(['article-changed', 'unknown-encoding']) }).optional(),
  /**
   * Names `annotations` as sent, in this order, for annotations.saveChanges: the first save after
   * opening sends only what changed (100,000 annotations sent whole took seconds). Absent: the
   * first save sends the whole list.
   */
  revision: z.string().optional(),
  /**
   * (#17) The list named by `revision` holds this many annotations, of which `annotations` is the
   * first page; the window fetches the rest with article.annotationPage. Absent: all were sent
   * (one message of 100,000 annotations held the window for hundreds of milliseconds to decode).
   */
  annotationsTotal: z.number().int().nonnegative().optional(),
  /**
   * (#17) With `annotationsTotal`: the pages after the first hold this many each (the last fewer);
   * the first is smaller, since it travels with the text. Absent: as many as the first.
   */
  annotationsPageSize: z.number().int().positive().optional(),
});
export type ArticleDocument = z.infer<typeof ArticleDocumentSchema>;
