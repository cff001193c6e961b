import { z } from 'zod';
import { StoredAnnotationSchema } from '../model/nativeFormat';
import { CurationDecisionSchema } from './curationDecision';
import type { CurationListing, DisagreementGroup } from './disagreements';

/**
 * The data the annotator-file and curation services hand to the UI, as zod schemas so that
 * the IPC contract can validate them. The services' return types are these types.
 */
export const DisagreementGroupSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['missing', 'type', 'boundary', 'mixed']),
  versions: z.array(z.object({ annotator: z.string(), spans: z.array(StoredAnnotationSchema) })),
});

export const CurationListingSchema = z.object({
  annotators: z.array(z.string()),
  agreed: z.array(StoredAnnotationSchema),
  groups: z.array(DisagreementGroupSchema),
});

/** An article's curation: the disagreements side by side and the decisions taken so far. */
export const ArticleCurationSchema = z.object({
  articleId: z.string(),
  annotators: z.array(z.string()),
  listing: CurationListingSchema,
  /** By group id; stale ones included (see `stale`). */
  decisions: z.record(z.string(), CurationDecisionSchema),
  undecided: z.array(z.string()),
  /** Decisions whose group no longer exists: an annotator changed their spans since. */
  stale: z.array(z.string()),
  /** Annotator files that could not be read, left out of the comparison. */
  problems: z.array(
    z.object({
      annotator: z.string(),
      /** English, for the command line and logs. */
      message: z.string(),
      /** Why, for the window to say in the user's language (#19): the file's problem kind, or `missing`. */
      cause: z.enum(['syntax', 'schema', 'version', 'offsets', 'text', 'io', 'invariant', 'permission', 'missing']).optional(),
    }),
  ),
});
export type ArticleCuration = z.infer<typeof ArticleCurationSchema>;

/** After decisions were applied: the curation and the annotations now in `NAME.ann.json`. */
export const CuratedArticleSchema = ArticleCurationSchema.extend({ annotations: z.array(StoredAnnotationSchema) });
export type CuratedArticle = z.infer<typeof CuratedArticleSchema>;

export const CorpusAnnotatorsSchema = z.object({
  /** Everyone with at least one file, sorted. */
  annotators: z.array(z.string()),
  /** Each article with its annotators; articles with none are left out. */
  articles: z.array(z.object({ id: z.string(), annotators: z.array(z.string()) })),
  /** Articles the corpus holds. */
  articleCount: z.number().int().nonnegative(),
});
export type CorpusAnnotators = z.infer<typeof CorpusAnnotatorsSchema>;

export const SwitchSummarySchema = z.object({
  /** Articles that had a usable `NAME.ann.json`. */
  articles: z.number().int().nonnegative(),
  /** Annotator files written. */
  written: z.array(z.object({ id: z.string(), annotator: z.string(), annotations: z.number().int().nonnegative() })),
  /** Articles or annotator files left alone, with the reason. */
  skipped: z.array(z.object({ id: z.string(), annotator: z.string().optional(), reason: z.string() })),
  /** Relations not carried into an annotator file because their two ends belong to different annotators. */
  relationsNotCarried: z.number().int().nonnegative(),
});
export type SwitchSummary = z.infer<typeof SwitchSummarySchema>;

export const AssignSummarySchema = z.object({
  updated: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type AssignSummary = z.infer<typeof AssignSummarySchema>;

// Compile-time checks that the schemas describe what disagreements.ts computes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const groupShapeMatches: Same<z.infer<typeof DisagreementGroupSchema>, DisagreementGroup> = true;
const listingShapeMatches: Same<z.infer<typeof CurationListingSchema>, CurationListing> = true;
export const CURATION_SHAPES_MATCH = groupShapeMatches && listingShapeMatches;
