import { z } from 'zod';
import { ArticleIdSchema } from '../articleId';
import { DocumentLabelsSchema } from '../documentLabels/judgmentFormat';
import { ArticleMetadataSchema } from './articleMetadata';

/**
 * (#21) Metadata on the wire (shared/ipc.ts): an article's `NAME.meta.json` as the header and the
 * editor see it, and the per-article summaries the file list filters and sorts by.
 */

/**
 * Why the metadata file cannot be used, coded for the window to word in the user's language:
 * - `syntax`: not JSON; `schema`: a known field of the wrong form (`field` names it);
 * - `refused`: not a file the app reads (a link out of the corpus, a FIFO, too large...);
 * - `readOnly` (#17): a file the user may not write (mode 0444, a read-only folder or disk): its
 *   fields are shown, and it is never replaced.
 * A file with a problem is never overwritten: the editor is read-only for the article.
 */
export const MetadataProblemSchema = z.object({
  code: z.enum(['metadataSyntax', 'metadataSchema', 'metadataRefused', 'metadataUnreadable', 'metadataReadOnly']),
  file: z.string().max(4096),
  field: z.string().max(400).optional(),
  /** English, for logs and the tooltip. */
  detail: z.string().max(2000),
});
export type MetadataProblem = z.infer<typeof MetadataProblemSchema>;

export const ArticleMetadataStateSchema = z.object({
  metadata: ArticleMetadataSchema,
  /** True when `NAME.meta.json` exists (it may still have a problem). */
  exists: z.boolean(),
  problem: MetadataProblemSchema.nullable(),
});
export type ArticleMetadataState = z.infer<typeof ArticleMetadataStateSchema>;

/** What the file list knows of an article beyond its listing entry, filled in after the first listing. */
export const ArticleSummarySchema = z.object({
  id: ArticleIdSchema,
  metadata: ArticleMetadataSchema,
  /** The article's document labels (dimension → value), undeclared dimensions included. */
  labels: DocumentLabelsSchema,
  metadataProblem: z.boolean(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export { SUMMARY_PAGE_SIZE } from './summaryPaging';
