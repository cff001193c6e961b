/**
 * The one definition of what crosses between the window and the main process. Each channel
 * has a zod schema for its request and its response; main validates every request against
 * it, the preload builds `window.api` by looping over it, and the renderer's `Api` type is
 * derived from it. Only domain verbs: no generic invoke, no paths outside the opened corpus.
 */
import { z } from 'zod';
import { ArticleIdSchema, ArticleRefSchema } from './articleId';
import { ArticleStatusSchema } from './model/status';
import { ArticleDocumentSchema, DOCUMENT_FIELDS } from './articleDocumentWire';
import { CorpusSchema } from './corpusWire';
import { UserProblemSchema } from './userProblem';
import { ConflictResolutionsSchema, SaveResultSchema } from './saveWire';
import { DimensionInputSchema } from './documentLabels/dimensions';
import { StoredAnnotationListSchema, StoredAnnotationSchema } from './model/nativeFormat';
import { TagTypeSchema } from './model/tagSet';
import { EventTypeSchema, RelationTypeSchema } from './tagset/relationTypes';
import { AgreementReportSchema } from './agreement/agreementReport';
import { checkAnnotatorName } from './curation/annotatorName';
import { CurationDecisionSchema } from './curation/curationDecision';
import { ArticleCurationSchema, AssignSummarySchema, CorpusAnnotatorsSchema, CuratedArticleSchema, SwitchSummarySchema } from './curation/curationSchemas';
import { CorpusStatsSchema } from './stats/corpusStatsReport';
import { ARTICLE_ENCODINGS, AUTO_ENCODING } from './text/articleEncodings';
import { AboutInfoSchema, DesktopPlatformSchema, PaneLayoutSchema, WindowLogEntrySchema } from './desktopWire';
import { ArticleMetadataSchema } from './metadata/articleMetadata';
import { ArticleMetadataStateSchema, ArticleSummarySchema, SUMMARY_PAGE_SIZE } from './metadata/metadataWire';
import { EntityViewSchema, LinkSpanSchema, RegistryEditResultSchema, RegistryEditSchema, RegistryStateSchema } from './entities/entityWire';
import { EntityIdSchema } from './entities/registry';
import { ExportProgressWireSchema, ExportRunRequestSchema, ExportRunResultSchema, ImportProgressWireSchema, ImportRunRequestSchema, ImportRunResultSchema } from './transferWire';
import { eventMethodName, eventNames, type EventChannel } from './ipcEventNames';
import { PretagPreviewRequestSchema, PretagPreviewSchema, PretagProgressWireSchema, PretagRejectRequestSchema, PretagRunRequestSchema, PretagRunResultSchema, PretagSuggestionSchema, PretaggerScoresSchema } from './pretagWire';

/**
 * article.load's optional `encoding`: decode the article with it, and keep decoding it so (saves
 * included) for the rest of the session; `auto` goes back to detection. The choice is recorded
 * in the annotation file's `source` (with `encodingChosen`), which decides later openings while
 * the article's bytes are unchanged. Absent: the session's choice for that article, if any, else
 * the recorded encoding, else detection.
 */
export const ArticleEncodingChoiceSchema = z.enum([AUTO_ENCODING, ...ARTICLE_ENCODINGS]);
export type ArticleEncodingChoice = z.infer<typeof ArticleEncodingChoiceSchema>;

export const AppStateSchema = z.object({
  corpus: CorpusSchema.nullable(),
  annotator: z.string(),
  uiLanguage: z.enum(['fa', 'en']),
  theme: z.enum(['light', 'dark', 'system']),
  fontSize: z.number().int(),
  lastArticleId: ArticleIdSchema.nullable(),
  /** Where the reader was in that article (UTF-16 offset of the text at the top of the view). */
  lastArticleOffset: z.number().int().nonnegative().nullable(),
  development: z.boolean(),
  /** (#23) The side panes as the user left them (settings.setPaneLayout); null before the first change. */
  paneLayout: PaneLayoutSchema.nullable().optional(),
  /** (#23) The system, so the shortcut sheet says Cmd on macOS. */
  platform: DesktopPlatformSchema.optional(),
});
export type AppState = z.infer<typeof AppStateSchema>;

const Empty = z.object({}).strict();

const TypeChangesSchema = z
  .object({
    renames: z.array(z.object({ from: z.string().min(1), to: z.string().min(1).regex(/^[^\s]+$/) }).strict()).max(500),
    removals: z.array(z.string().min(1)).max(500),
    /** (#20) Event roles renamed: the saved triggers of event type `type` (its id as saved) have their `roles` renamed too. */
    roleRenames: z.array(z.object({ type: z.string().min(1), from: z.string().min(1), to: z.string().min(1).regex(/^[^\s]+$/) }).strict()).max(500).optional(),
  })
  .strict();

const TypeChangePlanSchema = z.object({
  articles: z.array(z.object({ id: ArticleIdSchema, renamed: z.number().int(), removed: z.number().int() })),
  renamed: z.number().int(),
  removed: z.number().int(),
  skipped: z.array(z.object({ id: ArticleIdSchema, reason: z.string() })),
});

/** An annotator's name as typed: it names their file, so it must be a safe file name (shared/curation/annotatorName.ts). */
export const AnnotatorNameSchema = z
  .string()
  .max(400)
  .superRefine((name, context) => {
    const checked = checkAnnotatorName(name);
    if (!checked.ok) context.addIssue({ code: 'custom', message: checked.reason });
  });

export const ipcContract = {
  'app.init': { request: Empty, response: AppStateSchema },
  'corpus.openDialog': { request: Empty, response: CorpusSchema.nullable() },
  'corpus.refresh': { request: Empty, response: CorpusSchema.nullable() },
  /** `firstPageEarly` (#17): a big annotation list may come as its first page before main has parsed the whole file (pages then wait for it; a list that turns out otherwise is refused as articleChangedOnDisk). */
  'article.load': { request: z.object({ id: ArticleRefSchema, encoding: ArticleEncodingChoiceSchema.optional(), firstPageEarly: z.boolean().optional() }).strict(), response: ArticleDocumentSchema },
  /** (#17) The annotations of a list article.load sent in part (`annotationsTotal`), from index `from`, a page at a time. */
  'article.annotationPage': {
    request: z.object({ id: ArticleRefSchema, revision: z.string().min(1).max(100), from: z.number().int().nonnegative() }).strict(),
    response: z.object({ annotations: StoredAnnotationListSchema }),
  },
  'annotations.save': {
    request: z
      .object({
        id: ArticleRefSchema,
        /** SHA-256 of the text the annotations were made on: a save never lands on another text. */
        sha256: z.string(),
        status: ArticleStatusSchema,
        annotations: StoredAnnotationListSchema,
        ...DOCUMENT_FIELDS,
        resolutions: ConflictResolutionsSchema.optional(),
      })
      .strict(),
    response: SaveResultSchema,
  },
  /**
   * Saves what changed since the save named `base` (a revision from an earlier answer): ids that
   * left the list and annotations that entered it at their index. Main rebuilds the whole list
   * and saves it exactly as annotations.save would; a large document then costs the window a
   * few objects per save instead of all of them.
   */
  'annotations.saveChanges': {
    request: z
      .object({
        id: ArticleRefSchema,
        sha256: z.string(),
        base: z.string().min(1).max(100),
        status: ArticleStatusSchema,
        remove: z.array(z.string().min(1)),
        insert: z.array(z.object({ index: z.number().int().nonnegative(), annotation: StoredAnnotationSchema }).strict()),
        count: z.number().int().nonnegative(),
        ...DOCUMENT_FIELDS,
        /** Absent: the relations saved with `base`, unchanged (#25: not sent again with every tagging's save). */
        relations: DOCUMENT_FIELDS.relations.optional(),
        resolutions: ConflictResolutionsSchema.optional(),
      })
      .strict(),
    response: SaveResultSchema,
  },
  /** Renames a broken annotation file aside (never deleting it) so the article can be annotated afresh. */
  'annotations.moveAside': {
    request: z.object({ id: ArticleRefSchema }).strict(),
    response: z.object({ movedTo: z.string() }),
  },
  /**
   * Opens a folder or article dropped onto the window. Only the preload calls it, with the OS
   * path Electron gives for the dropped File; it is not part of the renderer's `window.api`.
   */
  'corpus.openDropped': {
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    response: z.object({ corpus: CorpusSchema, articleId: ArticleIdSchema.nullable() }),
  },
  /** Finds the query in every article with the Persian-aware matching keys (offsets in code points). */
  'corpus.search': {
    request: z.object({ query: z.string().min(1).max(500), wholeWords: z.boolean() }).strict(),
    response: z.object({
      hits: z.array(z.object({ articleId: ArticleIdSchema, start: z.number().int(), end: z.number().int(), before: z.string(), match: z.string(), after: z.string() })),
      total: z.number().int(),
      articles: z.number().int(),
      truncated: z.boolean(),
      skipped: z.array(z.object({ id: ArticleIdSchema, reason: z.string() })),
    }),
  },
  /** Tags every hit in the corpus as one step; the batch id undoes it. */
  'corpus.tagAll': {
    request: z.object({ query: z.string().min(1).max(500), wholeWords: z.boolean(), type: z.string().min(1).max(200) }).strict(),
    response: z.object({
      batchId: z.string(),
      added: z.number().int(),
      articles: z.array(ArticleIdSchema),
      skipped: z.array(z.object({ id: ArticleIdSchema, reason: z.string() })),
      /** (#21) Hits in boilerplate, shown but not tagged. */
      inBoilerplate: z.number().int().nonnegative().optional(),
    }),
  },
  'corpus.undoTagAll': {
    request: z.object({ batchId: z.string().regex(/^batch[0-9a-z]+$/) }).strict(),
    response: z.object({ removed: z.number().int(), articles: z.array(ArticleIdSchema) }),
  },
  /** (#21) Footers repeated across the corpus, proposed as boilerplate zones (code points); a new scan cancels the one before. */
  'corpus.footerProposals': {
    request: z.object({ minArticles: z.number().int().min(2).max(1000).optional() }).strict(),
    response: z.object({ proposals: z.array(z.object({ key: z.string(), articleId: ArticleIdSchema, start: z.number().int(), end: z.number().int(), articles: z.number().int() })), scanned: z.number().int(), truncated: z.boolean() }),
  },
  /** (#21) Accepts (a boilerplate zone) or rejects (remembered) a footer in the given articles' files. */
  'corpus.decideFooter': {
    request: z.object({ key: z.string().min(1).max(20000), articleIds: z.array(ArticleIdSchema).max(100000), decision: z.enum(['accept', 'reject']) }).strict(),
    response: z.object({ written: z.array(ArticleIdSchema), skipped: z.array(z.object({ id: ArticleIdSchema, reason: z.string() })) }),
  },
  /** Texts tagged elsewhere in the corpus that recur untagged in this article (code points). */
  'article.suggestions': {
    request: z.object({ id: ArticleRefSchema }).strict(),
    response: z.object({ suggestions: z.array(z.object({ start: z.number().int(), end: z.number().int(), type: z.string(), text: z.string(), count: z.number().int() })) }),
  },
  /** What renaming, merging or removing tag types would change in the annotation files. */
  'tagset.preview': {
    request: z.object({ changes: TypeChangesSchema }).strict(),
    response: TypeChangePlanSchema,
  },
  /** Saves the tag set to hashiye.json after rewriting the annotation files it changes (with backups). */
  'tagset.save': {
    request: z
      .object({
        types: z.array(TagTypeSchema).min(1).max(500),
        changes: TypeChangesSchema,
        /** (#20) Relation and event types; absent: hashiye.json keeps its own. */
        relations: z.array(RelationTypeSchema).max(500).optional(),
        events: z.array(EventTypeSchema).max(500).optional(),
      })
      .strict(),
    response: z.object({ plan: TypeChangePlanSchema, corpus: CorpusSchema }),
  },
  /** (#21) Saves the document-label dimensions into hashiye.json (its types and other fields kept). */
  'tagset.saveDimensions': {
    request: z.object({ dimensions: z.array(DimensionInputSchema).max(100) }).strict(),
    response: z.object({ corpus: CorpusSchema }),
  },
  /** The lines deleting an entity would also remove (brat: relations, events, notes); empty in native mode. */
  'annotations.previewDelete': {
    request: z.object({ id: ArticleRefSchema, annotationId: z.string().min(1) }).strict(),
    response: z.object({ lines: z.array(z.string()) }),
  },
  'session.remember': {
    request: z.object({ articleId: ArticleRefSchema.nullable(), offset: z.number().int().nonnegative().max(1e9).optional() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Display preferences, saved in the user's settings. */
  'settings.setPreferences': {
    request: z
      .object({ uiLanguage: z.enum(['fa', 'en']).optional(), theme: z.enum(['light', 'dark', 'system']).optional(), fontSize: z.number().int().min(12).max(40).optional() })
      .strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /** The annotator's name recorded on new annotations; saved in the settings. */
  'settings.setAnnotator': {
    request: z.object({ name: AnnotatorNameSchema }).strict(),
    response: z.object({ annotator: z.string() }),
  },
  /** The corpus statistics (the figures `hashiye stats` prints). */
  'stats.compute': { request: Empty, response: CorpusStatsSchema },
  /** Asks main for a file to save to, then writes the statistics there as CSV; null when cancelled. */
  'stats.exportCsv': { request: Empty, response: z.object({ savedAs: z.string().nullable() }) },
  'annotators.list': { request: Empty, response: CorpusAnnotatorsSchema },
  /** What switching to one file per annotator would write, without writing anything. */
  'annotators.previewSwitch': { request: Empty, response: SwitchSummarySchema },
  'annotators.switch': { request: Empty, response: SwitchSummarySchema },
  /** Assigns articles to an annotator (null: unassigns them). */
  'annotators.assign': {
    request: z.object({ ids: z.array(ArticleRefSchema).min(1).max(100_000), assignee: AnnotatorNameSchema.nullable() }).strict(),
    response: AssignSummarySchema,
  },
  'agreement.compute': {
    request: z
      .object({
        selection: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('pair'), a: AnnotatorNameSchema, b: AnnotatorNameSchema }).strict(),
          z.object({ kind: z.literal('all') }).strict(),
        ]),
      })
      .strict(),
    response: AgreementReportSchema,
  },
  /** The open article's disagreements between its annotators, side by side. */
  'curation.load': { request: z.object({ id: ArticleRefSchema }).strict(), response: ArticleCurationSchema },
  /** Records decisions and rewrites the curated `NAME.ann.json`. */
  'curation.decide': {
    request: z
      .object({
        id: ArticleRefSchema,
        changes: z.array(z.object({ groupId: z.string().min(1).max(200), decision: CurationDecisionSchema.nullable() }).strict()).min(1).max(10_000),
      })
      .strict(),
    response: CuratedArticleSchema,
  },
  /** File › Export: the destination folder is chosen by a native dialog in main (shared/transferWire.ts). */
  'export.run': { request: ExportRunRequestSchema, response: ExportRunResultSchema },
  'export.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  /** File › Import: the source and the new corpus folder are chosen by native dialogs in main. */
  'import.run': { request: ImportRunRequestSchema, response: ImportRunResultSchema },
  'import.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  /** Opens the corpus the last import wrote (main remembers it) and emits `corpus.changed`. */
  'import.openResult': { request: Empty, response: z.object({ opened: z.literal(true), name: z.string() }) },
  /**
   * Opens the folder main's menu asked for (`corpus.switchRequested`), once the window saved its
   * edits or the user chose to leave those it could not save; null when the request was replaced.
   */
  'corpus.confirmSwitch': { request: z.object({ token: z.string().regex(/^switch[0-9a-f]{24}$/) }).strict(), response: CorpusSchema.nullable() },
  /** (#23) The side panes' widths and collapsed state, kept in the settings across restarts. */
  'settings.setPaneLayout': { request: PaneLayoutSchema, response: z.object({ ok: z.literal(true) }) },
  /** (#23) Help › About: versions and the bundled packages' licences. */
  'help.about': { request: Empty, response: AboutInfoSchema },
  /** (#23) A line for the app log: a problem the window showed, by its code and parameters (never article text). */
  'help.log': { request: WindowLogEntrySchema, response: z.object({ ok: z.literal(true) }) },
  /** (#21) The article's `NAME.meta.json`: its fields, or why it cannot be used (then it is never overwritten). */
  'article.metadata': { request: z.object({ id: ArticleRefSchema }).strict(), response: ArticleMetadataStateSchema },
  /** (#21) Writes the edited fields into `NAME.meta.json` (unknown fields kept); refused (`saved: false`) when the file has a problem. */
  'article.saveMetadata': {
    /** `base` (#17): the fields as the editor opened them; another writer's changes since then merge in, the same field changed is `metadataConflict`. */
    request: z.object({ id: ArticleRefSchema, metadata: ArticleMetadataSchema, base: ArticleMetadataSchema.optional() }).strict(),
    response: ArticleMetadataStateSchema.extend({ saved: z.boolean() }),
  },
  /** (#21) Metadata and document labels of a page of articles, for the file list's filters and sorting (asked after the first listing). */
  'corpus.summaries': {
    request: z.object({ ids: z.array(ArticleRefSchema).max(SUMMARY_PAGE_SIZE) }).strict(),
    response: z.object({ summaries: z.array(ArticleSummarySchema) }),
  },
  /** (#24) The corpus's entity registry (`entities.json`; empty when there is none). */
  'entities.load': { request: Empty, response: RegistryStateSchema },
  /** (#24) One edit of the registry, applied to the file as it is on disk; links moved by a merge, split or removal are re-pointed in the annotation files. */
  'entities.edit': { request: RegistryEditSchema, response: RegistryEditResultSchema },
  /** (#24) The entity view: its mentions across the corpus and the unlinked occurrences of its names (progress: `entities.progress`). */
  'entities.view': { request: z.object({ entity: EntityIdSchema }).strict(), response: EntityViewSchema },
  /** (#24) Links a span of an article that is not open (the annotation there, or a new one). */
  'entities.linkSpan': { request: LinkSpanSchema, response: z.object({ annotationId: z.string() }) },
  /** (#24) What a pre-annotation run would send (a tagger) or use (a gazetteer); nothing is sent (shared/pretagWire.ts). */
  'pretag.preview': { request: PretagPreviewRequestSchema, response: PretagPreviewSchema },
  /** (#24) The user confirmed sending articles to this tagger URL (outside this computer and its network); kept in the settings. */
  'pretag.confirmTagger': { request: z.object({ url: z.string().min(1).max(2000) }).strict(), response: z.object({ url: z.string() }) },
  /** (#24) Runs a gazetteer or a tagger over the article or the corpus into NAME.annotators/AS.ann.json, with `pretag.progress` events. */
  'pretag.run': { request: PretagRunRequestSchema, response: PretagRunResultSchema },
  'pretag.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  /** (#24) The article's open suggestions from pre-annotation runs (every annotator file; rejected ones left out). */
  'pretag.suggestions': { request: z.object({ id: ArticleRefSchema }).strict(), response: z.object({ suggestions: z.array(PretagSuggestionSchema) }) },
  /** (#24) Marks suggestions of AS.ann.json `pretagRejected` (or takes the mark off again: undo). */
  'pretag.reject': { request: PretagRejectRequestSchema, response: z.object({ changed: z.number().int().nonnegative() }) },
  /** (#24) Precision, recall and F1 per type of AS.ann.json's suggestions against the analyst's annotations. */
  'pretag.scores': { request: z.object({ as: z.string().min(1).max(200) }).strict(), response: PretaggerScoresSchema },
} as const;

/** Events from main to the window. Each `on...` in the Api returns an unsubscribe function. */
export const MenuCommandSchema = z.enum(['undo', 'redo', 'find', 'next-article', 'previous-article', 'shortcuts', 'export', 'import', 'guide', 'about']);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const ipcEvents = {
  /** Another corpus was opened (menu, dialog): the window starts over with it. */
  'corpus.changed': CorpusSchema,
  /** Articles were added or removed on disk: the list is refreshed, the open article stays. */
  'corpus.listChanged': CorpusSchema,
  /** The open article's text was changed by another program. */
  'article.changedOnDisk': z.object({ id: ArticleIdSchema }),
  /** The open article's annotation file was changed by another program. */
  'annotations.changedOnDisk': z.object({ id: ArticleIdSchema }),
  'menu.command': z.object({ command: MenuCommandSchema }),
  'export.progress': ExportProgressWireSchema,
  'import.progress': ImportProgressWireSchema,
  /** (#24) Articles scanned by `entities.view` so far. */
  'entities.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** File › Open Folder or Open Recent was chosen in main's menu: the window saves (or asks), then calls corpus.confirmSwitch. */
  'corpus.switchRequested': z.object({ token: z.string(), articleId: ArticleIdSchema.nullable().optional() }),
  /** (#23) A file of the open corpus was opened from the OS or a second launch: the window opens that article. */
  'corpus.articleRequested': z.object({ id: ArticleIdSchema }),
  /** (#23) A path opened from the OS or a second launch opens nothing: the window says why. */
  'corpus.openRefused': UserProblemSchema,
  /** (#24) A pre-annotation run's progress. */
  'pretag.progress': PretagProgressWireSchema,
  // Every name of shared/ipcEventNames.ts has its schema here, and no schema lacks its name there.
} as const satisfies Record<EventChannel, z.ZodType>;

export type Channel = keyof typeof ipcContract;

/** Channels the preload calls itself (with what only it can know); never exposed as `window.api` methods. */
export const preloadOnlyChannels = ['corpus.openDropped'] as const satisfies readonly Channel[];
type PreloadOnlyChannel = (typeof preloadOnlyChannels)[number];
type WindowChannel = Exclude<Channel, PreloadOnlyChannel>;
export type { EventChannel };
export type RequestOf<C extends Channel> = z.input<(typeof ipcContract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof ipcContract)[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof ipcEvents)[E]>;

export const channelNames = Object.keys(ipcContract) as Channel[];
/** The channels `window.api` exposes. */
export const windowChannelNames = channelNames.filter((channel): channel is WindowChannel => !(preloadOnlyChannels as readonly string[]).includes(channel));
export { eventMethodName, eventNames };

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Verb<C extends string, N extends string> = C extends `${N}.${infer V}` ? V : never;
type EventMethod<E extends string> = E extends `${infer N}.${infer V}` ? `on${Capitalize<N>}${Capitalize<V>}` : never;

/** `window.api`: `api.article.load({ id })`, `api.onCorpusChanged(listener)`, ... */
export type Api = {
  [N in Namespace<WindowChannel>]: {
    [V in Verb<WindowChannel, N>]: (request: RequestOf<`${N}.${V}` & Channel>) => Promise<ResponseOf<`${N}.${V}` & Channel>>;
  };
} & {
  [E in EventChannel as EventMethod<E>]: (listener: (payload: EventPayloadOf<E>) => void) => () => void;
};

/** The IPC channel name of an event as sent over the wire. */
export function eventWireName(event: EventChannel): string {
  return `event:${event}`;
}

