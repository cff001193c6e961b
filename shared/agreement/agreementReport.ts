import { z } from 'zod';
import { UserProblemSchema } from '../userProblem';
import type { GroupAgreement, PairAgreement } from './pairAgreement';
import { DimensionAgreementSchema } from '../documentLabels/labelAgreementReport';

/**
 * The agreement report of a corpus, shared by the UI (through IPC) and `hashiye agree --json`.
 * The zod schemas let the IPC contract validate it; the type checks below keep them equal to
 * the types the computation produces.
 */
const ratio = z.number().nullable();
const count = z.number().int().nonnegative();

const ScoresSchema = z.object({ precision: ratio, recall: ratio, f1: ratio });
const TagCountsSchema = z.object({ countA: count, countB: count, matched: count });

export const SpanScoresSchema = z.object({
  perTag: z.array(ScoresSchema.extend(TagCountsSchema.shape).extend({ tag: z.string() })),
  micro: ScoresSchema.extend(TagCountsSchema.shape),
  macro: ScoresSchema.extend({ tags: count }),
});

const KappaSchema = z.object({ items: count, observed: ratio, expected: ratio, kappa: ratio });

export const PairAgreementSchema = z.object({
  a: z.string(),
  b: z.string(),
  documents: count,
  exact: SpanScoresSchema,
  overlap: SpanScoresSchema,
  tokens: KappaSchema.extend({ confusion: z.object({ labels: z.array(z.string()), rows: z.array(z.array(count)) }) }),
  /** Relations and event roles, exact (#20). */
  relations: SpanScoresSchema,
});

export const GroupAgreementSchema = z.object({
  annotators: z.array(z.string()),
  documents: count,
  tokens: KappaSchema.extend({ raters: count }),
});

export const AgreementProblemSchema = z.object({
  /** `article` and `annotation-file`: left out; `tokens`: the article's source tokens were unusable, the tokenizer was used. */
  kind: z.enum(['article', 'annotation-file', 'tokens']),
  article: z.string(),
  annotator: z.string().optional(),
  /** English, for the command line and logs. */
  message: z.string(),
  /** Why, for the window to say in the user's language (#19): an annotation file's problem kind, or `missing` (it went while being read). */
  cause: z.enum(['syntax', 'schema', 'version', 'offsets', 'text', 'io', 'invariant', 'permission', 'missing']).optional(),
  /** For `article`: why the article could not be read, as main's coded problem. */
  problem: UserProblemSchema.optional(),
});
export type AgreementProblem = z.infer<typeof AgreementProblemSchema>;

export const AgreementReportSchema = z.object({
  /** The corpus folder's name (not its full path: the renderer never sees OS paths). */
  corpus: z.string(),
  /** Every annotator with a file in the corpus, sorted. */
  annotators: z.array(z.string()),
  /** Articles in the corpus, and those with files of at least two annotators. */
  articles: count,
  comparedArticles: count,
  /** Where kappa's tokens came from, in articles: source tokens kept from an import, or the tokenizer. */
  tokenSources: z.object({ article: count, tokenizer: count }),
  pairs: z.array(PairAgreementSchema),
  /** Fleiss' kappa over the annotators compared, when there are three or more; else null. */
  group: GroupAgreementSchema.nullable(),
  /** (#21) Boilerplate left out: articles with boilerplate tokens dropped, annotations inside it ignored. Absent in reports from before. */
  boilerplate: z.object({ articles: count, annotationsIgnored: count }).optional(),
  /** (#21) Agreement on document labels, per dimension of the tag set (and any undeclared one found). Absent in reports from before. */
  documentLabels: z.array(DimensionAgreementSchema).optional(),
  /** Files that could not be read, left out (each named). */
  problems: z.array(AgreementProblemSchema),
});

export type AgreementReport = z.infer<typeof AgreementReportSchema>;

// Compile-time checks that the schemas describe what pairAgreement.ts computes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const pairShapeMatches: Same<z.infer<typeof PairAgreementSchema>, PairAgreement> = true;
const groupShapeMatches: Same<z.infer<typeof GroupAgreementSchema>, GroupAgreement> = true;
export const REPORT_SHAPES_MATCH = pairShapeMatches && groupShapeMatches;
