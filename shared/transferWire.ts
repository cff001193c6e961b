/**
 * What File › Export and File › Import send over IPC: the requests (options only; the folders
 * and files are chosen by native dialogs in main, never named by the renderer), the progress
 * events and the summaries shown in the dialogs. Part of the contract in shared/ipc.ts.
 */
import { z } from 'zod';
import { ArticleRefSchema } from './articleId';
import { EXPORT_FORMAT_IDS, JSONL_VARIANTS, TAGGING_SCHEMES } from './formats/exportTypes';
import { CONLL_SEPARATORS } from './formats/import/conll';
import { IMPORT_FORMATS } from './formats/import/importTypes';
import { TAG_SCHEMES } from './formats/import/tagScheme';

export const EXPORT_SCOPES = ['article', 'corpus', 'done'] as const;
export type ExportScopeChoice = (typeof EXPORT_SCOPES)[number];

export const ExportRunRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMAT_IDS),
    /** `article`: the article named by `articleId`; `done`: articles marked done or approved. */
    scope: z.enum(EXPORT_SCOPES),
    articleId: ArticleRefSchema.optional(),
    scheme: z.enum(TAGGING_SCHEMES).optional(),
    jsonlVariant: z.enum(JSONL_VARIANTS).optional(),
    /** Write even when some label cannot be held by the format (the report lists each). */
    allowLossy: z.boolean(),
    /** CSV for Excel: UTF-8 with a byte-order mark. */
    excel: z.boolean().optional(),
  })
  .strict()
  .refine((request) => (request.scope === 'article') === (request.articleId !== undefined), {
    message: 'articleId is given exactly when the scope is one article',
    path: ['articleId'],
  });
/** What the window sends (main's handler receives the article confined to the corpus). */
export type ExportRunRequest = z.input<typeof ExportRunRequestSchema>;

export const ExportProblemWireSchema = z.object({
  kind: z.string(),
  effect: z.enum(['lost', 'changed', 'omitted']),
  annotation: z.string().optional(),
  /** The span by its text and type, for the report the user reads (the id stays for scripts). */
  span: z.object({ text: z.string(), type: z.string() }).optional(),
  /** The coded problem's parameters (format, the span overlapped, pieces), worded by the window. */
  params: z
    .object({
      format: z.string().optional(),
      other: z.object({ text: z.string(), type: z.string() }).optional(),
      pieces: z.number().int().nonnegative().optional(),
    })
    .optional(),
  message: z.string(),
});

export const ExportDocumentReportWireSchema = z.object({
  article: z.string(),
  annotations: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  problems: z.array(ExportProblemWireSchema),
});

export const ExportTotalsWireSchema = z.object({
  articles: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  omitted: z.number().int().nonnegative(),
  unreadable: z.number().int().nonnegative(),
});

export const ExportFinishedSchema = z.object({
  outcome: z.literal('finished'),
  format: z.enum(EXPORT_FORMAT_IDS),
  /** False when nothing was written: labels would be lost and lossy output was not allowed. */
  written: z.boolean(),
  /** Where the files went; shown to the user, never sent back. */
  outFolder: z.string(),
  /** Files written, relative to `outFolder` (the first ones when there are very many). */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), role: z.enum(['main', 'document', 'schema', 'report', 'manifest']) })),
  filesTotal: z.number().int().nonnegative(),
  totals: ExportTotalsWireSchema,
  lossy: z.boolean(),
  unreadable: z.array(z.object({ article: z.string(), message: z.string() })),
  /** Per article, what the format could not hold (the first ones; all are in export-report.json). */
  documents: z.array(ExportDocumentReportWireSchema),
  documentsTotal: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type ExportFinished = z.output<typeof ExportFinishedSchema>;

export const ExportRunResultSchema = z.discriminatedUnion('outcome', [
  /** The destination dialog was closed without a choice: nothing happened. */
  z.object({ outcome: z.literal('dismissed') }),
  /** Cancel was pressed while exporting; nothing was written (the engine writes only at the end). */
  z.object({ outcome: z.literal('cancelled'), cancelled: z.literal(true) }),
  ExportFinishedSchema,
]);
export type ExportRunResult = z.output<typeof ExportRunResultSchema>;

export const ExportProgressWireSchema = z.object({
  phase: z.enum(['listing', 'reading', 'writing', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgressWire = z.output<typeof ExportProgressWireSchema>;

export const IMPORT_SOURCE_KINDS = ['file', 'folder'] as const;
export type ImportSourceKind = (typeof IMPORT_SOURCE_KINDS)[number];

export const ImportRunRequestSchema = z
  .object({
    from: z.enum(IMPORT_FORMATS),
    /** Pick a file or a folder of files as the source; brat is always a folder. */
    sourceKind: z.enum(IMPORT_SOURCE_KINDS).optional(),
    sentencesPerArticle: z.number().int().min(1).max(1_000_000).optional(),
    separator: z.enum(['auto', ...CONLL_SEPARATORS]).optional(),
    scheme: z.enum(['auto', ...TAG_SCHEMES]).optional(),
  })
  .strict();
export type ImportRunRequest = z.output<typeof ImportRunRequestSchema>;

export const ImportProblemWireSchema = z.object({
  /** The source file, relative to the chosen source folder (or its name, for one file). */
  file: z.string(),
  /** 1-based; 0 when the problem concerns the whole file. */
  line: z.number().int().nonnegative(),
  reason: z.string(),
  /** The reason as a code with its values, when it has one: the window words it in the user's language. */
  why: z.object({ code: z.string().max(40) }).catchall(z.union([z.string().max(400), z.number()])).optional(),
});
export type ImportProblemWire = z.output<typeof ImportProblemWireSchema>;

export const ImportFinishedSchema = z.object({
  outcome: z.literal('imported'),
  /** The new corpus folder; shown to the user, never sent back. */
  out: z.string(),
  articles: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  /** Lines or items not imported (the first ones when there are very many). */
  skipped: z.array(ImportProblemWireSchema),
  skippedTotal: z.number().int().nonnegative(),
  warnings: z.array(ImportProblemWireSchema),
  warningsTotal: z.number().int().nonnegative(),
  detected: z.array(z.object({ file: z.string(), separator: z.string().optional(), scheme: z.string().optional() })),
  /** Cancel was pressed: the articles written before it stay, each whole. */
  cancelled: z.boolean(),
  durationMs: z.number().nonnegative(),
});
export type ImportFinished = z.output<typeof ImportFinishedSchema>;

export const ImportRunResultSchema = z.discriminatedUnion('outcome', [
  /** A dialog (source or new corpus folder) was closed without a choice: nothing happened. */
  z.object({ outcome: z.literal('dismissed') }),
  ImportFinishedSchema,
]);
export type ImportRunResult = z.output<typeof ImportRunResultSchema>;

export const ImportProgressWireSchema = z.object({
  phase: z.enum(['reading', 'writing']),
  file: z.string(),
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  articlesWritten: z.number().int().nonnegative(),
  fraction: z.number().min(0).max(1),
});
export type ImportProgressWire = z.output<typeof ImportProgressWireSchema>;
