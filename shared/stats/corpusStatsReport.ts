import { z } from 'zod';
import { ArticleStatusSchema } from '../model/status';

/**
 * The corpus statistics shared by the app (through IPC) and `hashiye stats --json`: both print
 * the figures of this one object, computed once by electron/services/lead/corpusStats.ts.
 */
const count = z.number().int().nonnegative();

export const ArticleStatsSchema = z.object({
  article: z.string(),
  status: ArticleStatusSchema,
  annotations: count,
  /** The article's annotations by type, most frequent first. */
  byType: z.record(z.string(), count),
  /** Present only when the article is assigned to someone. */
  assignee: z.string().optional(),
});
export type ArticleStats = z.infer<typeof ArticleStatsSchema>;

export const CorpusStatsSchema = z.object({
  articles: count,
  byStatus: z.record(ArticleStatusSchema, count),
  annotations: count,
  /** Annotations by type, most frequent first. */
  byType: z.record(z.string(), count),
  relations: count,
  /** Annotations of the articles' `NAME.ann.json` by their `author`, most first; those without one in `withoutAuthor`. */
  byAuthor: z.record(z.string(), count),
  withoutAuthor: count,
  /** Annotations in each annotator's own files (`NAME.annotators/ANNOTATOR.ann.json`), most first. */
  byAnnotatorFile: z.record(z.string(), count),
  /** Annotations created per day (`YYYY-MM-DD` as written in `created`), oldest first; those without a date in `undated`. */
  createdByDay: z.record(z.string(), count),
  undated: count,
  /** Articles finished (`done` or `approved`) per day of their file's last update, oldest first. */
  doneByDay: z.record(z.string(), count),
  /** Finished articles whose file has no usable `updated` date. */
  doneUndated: count,
  /** Articles or annotation files that cannot be read, with why (an annotator file names its annotator). */
  unreadable: z.array(z.object({ article: z.string(), annotator: z.string().optional(), message: z.string() })),
  perArticle: z.array(ArticleStatsSchema),
});
export type CorpusStats = z.infer<typeof CorpusStatsSchema>;

/** The statuses that count as finished in the progress figures. */
export const FINISHED_STATUSES: readonly z.infer<typeof ArticleStatusSchema>[] = ['done', 'approved'];
