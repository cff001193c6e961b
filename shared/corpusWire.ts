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

const ENTRY_KEYS: ReadonlySet<string> = new Set(Object.keys(ArticleEntrySchema.shape));
const STATUSES: ReadonlySet<unknown> = new Set(ArticleStatusSchema.options);
const PROBLEM_KINDS: ReadonlySet<unknown> = new Set(ArticleEntrySchema.shape.problemKind.unwrap().options);

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/**
 * Whether `value` is an entry ArticleEntrySchema takes as it is (only its own keys, no coded
 * problem to check): what nearly every row of a listing is. Anything else goes to the schema.
 */
function isPlainArticleEntry(value: unknown): value is ArticleEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  for (const key in entry) if (!ENTRY_KEYS.has(key)) return false;
  const { id, tags, annotationCount } = entry;
  if (typeof id !== 'string' || id.length === 0 || id.length > 4096 || id.includes('\0')) return false;
  if (typeof entry.name !== 'string' || typeof entry.folder !== 'string' || !STATUSES.has(entry.status) || !isNullableString(entry.problem)) return false;
  if (typeof annotationCount !== 'number' || !Number.isSafeInteger(annotationCount) || annotationCount < 0) return false;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return false;
  if (entry.assignee !== undefined && !isNullableString(entry.assignee)) return false;
  if (entry.problemKind !== undefined && !PROBLEM_KINDS.has(entry.problemKind)) return false;
  return (entry.userProblem === undefined || entry.userProblem === null) && (entry.statusPending === undefined || entry.statusPending === true);
}

/**
 * (#25) The articles of a listing. Checking 10,000 rows with the object schema (each copied)
 * took a visible share of answering the first listing; a row the plain check takes is exactly
 * what the schema would give, and any other row is checked, and its issues reported, by it.
 */
export const ArticleEntryListSchema = z.unknown().transform((value, context): ArticleEntry[] => {
  if (!Array.isArray(value)) {
    context.addIssue({ code: 'custom', message: 'Expected an array of article entries' });
    return z.NEVER;
  }
  const entries: ArticleEntry[] = new Array<ArticleEntry>(value.length);
  for (let index = 0; index < value.length; index++) {
    const row: unknown = value[index];
    if (isPlainArticleEntry(row)) {
      entries[index] = row;
      continue;
    }
    const parsed = ArticleEntrySchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
      return z.NEVER;
    }
    entries[index] = parsed.data;
  }
  return entries;
});

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
  articles: ArticleEntryListSchema,
  tagSet: TagSetWireSchema,
  /** Files the listing did not read: links leaving the corpus, FIFOs, devices, sockets... */
  skipped: z.array(SkippedCorpusFileSchema).optional(),
});
export type Corpus = z.infer<typeof CorpusSchema>;
