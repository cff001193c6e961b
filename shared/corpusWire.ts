/**
 * The corpus as the window sees it (its articles, their states, the tag set, the files left
 * out), part of the contract in shared/ipc.ts.
 */
import { z } from 'zod';
import { ArticleIdSchema } from './articleId';
import { ArticleStatusSchema } from './model/status';
import { UserProblemSchema } from './userProblem';
import { DimensionWireSchema } from './documentLabels/dimensionWire';
import { ZoneTypeWireSchema } from './zones/zoneTypes';
import { EventTypeWireSchema, RelationTypeWireSchema, SpanTypeWireSchema } from './tagset/relationTypes';

export const TagTypeWireSchema = SpanTypeWireSchema;

export type TagTypeWire = z.infer<typeof TagTypeWireSchema>;

export const TagSetWireSchema = z.object({
  source: z.enum(['hashiye.json', 'annotation.conf', 'default']),
  types: z.array(TagTypeWireSchema),
  /** (#21) Document-label dimensions, resolved (labels in both languages, Alt+Digit keys). */
  dimensions: z.array(DimensionWireSchema).optional(),
  /** (#21) Zone types: the built-in ones, then those the tag set adds. */
  zoneTypes: z.array(ZoneTypeWireSchema).optional(),
  /** Why the corpus's own tag set is not (wholly) used, in English for logs and tooltips; the user reads `userProblems`. */
  problem: z.string().nullable(),
  userProblems: z.array(UserProblemSchema),
  /** Relation and event types (#20); absent means none. Event types are never offered as span tags. */
  relationTypes: z.array(RelationTypeWireSchema).optional(),
  eventTypes: z.array(EventTypeWireSchema).optional(),
});
export type TagSetWire = z.infer<typeof TagSetWireSchema>;

export const ArticleEntrySchema = z.object({
  id: ArticleIdSchema,
  name: z.string(),
  folder: z.string(),
  status: ArticleStatusSchema,
  annotationCount: z.number().int().nonnegative(),
  /** The tag types present in the article, for filtering the list. */
  tags: z.array(z.string()),
  /** The annotator the article is assigned to, if any. */
  assignee: z.string().nullable().optional(),
  /** Why the article or its annotation file cannot be used, if it cannot (English, for the tooltip). */
  problem: z.string().nullable(),
  /** The same, coded for the user's language, when main knows it. */
  userProblem: UserProblemSchema.nullable().optional(),
  /** The kind of `problem` when it is the annotation file's (as article.load reports it), for the list to say it in the user's language. */
  problemKind: z.enum(['syntax', 'schema', 'version', 'offsets', 'text', 'io', 'invariant', 'permission']).optional(),
  /**
   * (#25) Listed before its annotation file was read: `status`, counts, tags and problem are
   * placeholders until `corpus.listChanged` brings them. Nothing that needs the status acts on it.
   */
  statusPending: z.literal(true).optional(),
});
export type ArticleEntry = z.infer<typeof ArticleEntrySchema>;

/** Why a file of the corpus was left out of the listing (see electron/services/corpus/corpusFileAccess.ts). */
export const SkippedCorpusFileSchema = z.object({
  /** Relative to the corpus root, with `/`. */
  path: z.string(),
  reason: z.enum(['outside-corpus', 'dangling-link', 'not-regular-file', 'too-large', 'being-written', 'linked-folder']),
  /** What was found, in English words from main ("a FIFO (named pipe), not a regular file"). */
  detail: z.string(),
});
export type SkippedCorpusFile = z.infer<typeof SkippedCorpusFileSchema>;

export const CorpusSchema = z.object({
  name: z.string(),
  /** Shown to the user; the renderer never sends it back. */
  displayPath: z.string(),
  mode: z.enum(['native', 'brat']),
  articles: z.array(ArticleEntrySchema),
  tagSet: TagSetWireSchema,
  /** Files the listing did not read: links leaving the corpus, FIFOs, devices, sockets... */
  skipped: z.array(SkippedCorpusFileSchema).optional(),
});
export type Corpus = z.infer<typeof CorpusSchema>;
