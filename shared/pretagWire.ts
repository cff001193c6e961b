/**
 * (#24) What pre-annotation sends over IPC: the source (a gazetteer file inside the corpus, or a
 * tagger URL), the annotator name the run writes as, the scope, the preview of what would be
 * sent, progress events, the run's summary, and the analyst's rejections. Part of the contract
 * in shared/ipc.ts.
 */
import { z } from 'zod';
import { ArticleIdSchema, ArticleRefSchema } from './articleId';
import { checkAnnotatorName } from './curation/annotatorName';
import { UserProblemSchema } from './userProblem';
import { SpanScoresSchema } from './agreement/agreementReport';

/** The name the run writes as (`NAME.annotators/AS.ann.json`), verbatim: a name that would be changed is refused. */
const PretagAsSchema = z
  .string()
  .min(1)
  .max(200)
  .superRefine((name, context) => {
    const checked = checkAnnotatorName(name);
    if (!checked.ok) context.addIssue({ code: 'custom', message: checked.reason });
    else if (checked.name !== name) context.addIssue({ code: 'custom', message: 'the name would be changed to be a file name' });
  });

export const PretagSourceSchema = z.discriminatedUnion('kind', [
  /** A gazetteer file by its path relative to the corpus folder (main confines it; nothing outside is read). */
  z.object({ kind: z.literal('gazetteer'), file: z.string().min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('tagger'), url: z.string().min(1).max(2000) }).strict(),
  /** A gazetteer built from the corpus's entity registry (entities.json): every name and alias, of its entity's type. */
  z.object({ kind: z.literal('registry') }).strict(),
]);
export type PretagSourceRequest = z.output<typeof PretagSourceSchema>;

export const PRETAG_SCOPES = ['article', 'corpus'] as const;

const scopeFields = {
  scope: z.enum(PRETAG_SCOPES),
  /** The open article, when the scope is `article`. */
  articleId: ArticleRefSchema.optional(),
};

const oneArticleExactly = {
  check: (request: { scope: string; articleId?: string }) => (request.scope === 'article') === (request.articleId !== undefined),
  message: { message: 'articleId is given exactly when the scope is one article', path: ['articleId'] },
};

export const PretagRunRequestSchema = z
  .object({ source: PretagSourceSchema, as: PretagAsSchema, ...scopeFields })
  .strict()
  .refine(oneArticleExactly.check, oneArticleExactly.message);

export const PretagPreviewRequestSchema = z
  .object({ source: PretagSourceSchema, ...scopeFields })
  .strict()
  .refine(oneArticleExactly.check, oneArticleExactly.message);

/** What a run would send or use, shown before it starts. */
export const PretagPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tagger'),
    /** The URL as it will be called (normalized). */
    url: z.string(),
    /** `loopback` and `lan` need no confirmation; `remote` does. */
    address: z.enum(['loopback', 'lan', 'remote']),
    confirmed: z.boolean(),
    articles: z.number().int().nonnegative(),
    /** Of the first article: what is sent first. */
    language: z.string(),
    characters: z.number().int().nonnegative(),
    firstCharacters: z.string(),
  }),
  z.object({
    kind: z.literal('gazetteer'),
    file: z.string(),
    articles: z.number().int().nonnegative(),
    phrases: z.number().int().nonnegative(),
    types: z.array(z.string()),
    /** Lines skipped (1-based line numbers). */
    skippedLines: z.array(z.number().int().positive()),
  }),
]);
export type PretagPreview = z.output<typeof PretagPreviewSchema>;

export const PretagProgressWireSchema = z.object({
  phase: z.enum(['tagging', 'writing']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PretagProgressWire = z.output<typeof PretagProgressWireSchema>;

export const PretagFinishedSchema = z.object({
  outcome: z.literal('finished'),
  as: z.string(),
  articles: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  failed: z.array(z.object({ article: ArticleIdSchema, problem: UserProblemSchema })),
  /** Tagger spans refused (off the text, unknown type...), summed over the articles. */
  refused: z.number().int().nonnegative(),
  /** The articles whose annotator file was written, for the window to reload the open one's suggestions. */
  changed: z.array(ArticleIdSchema),
});
export type PretagFinished = z.output<typeof PretagFinishedSchema>;

export const PretagRunResultSchema = z.discriminatedUnion('outcome', [
  /** A tagger outside this computer and its network that the user has not confirmed: nothing was sent. */
  z.object({ outcome: z.literal('needsConfirmation'), url: z.string() }),
  /** Cancel was pressed while tagging; nothing was written. */
  z.object({ outcome: z.literal('cancelled') }),
  PretagFinishedSchema,
]);
export type PretagRunResult = z.output<typeof PretagRunResultSchema>;

/** An annotator file's open suggestion for the article (rejected ones are not sent). */
export const PretagSuggestionSchema = z.object({
  as: z.string(),
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: z.string(),
  text: z.string(),
});
export type PretagSuggestion = z.output<typeof PretagSuggestionSchema>;

export const PretagRejectRequestSchema = z
  .object({
    id: ArticleRefSchema,
    as: PretagAsSchema,
    ids: z.array(z.string().min(1).max(200)).min(1).max(100_000),
    /** True: the rejection is taken back (undo). */
    undo: z.boolean().optional(),
  })
  .strict();

/** (#24) The pretagger's suggestions (AS.ann.json) scored against the analyst's final annotations, per type. */
export const PretaggerScoresSchema = z.object({ as: z.string(), articles: z.number().int().nonnegative(), scores: SpanScoresSchema });
