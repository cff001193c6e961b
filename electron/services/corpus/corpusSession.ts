import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../../../shared/corpusWire';
import type { ArticleDocument } from '../../../shared/ipc';
import type { ConflictResolutions, SaveConflict, SavedDocument, SaveResult } from '../../../shared/saveWire';
import type { StoredAnnotation, StoredRelation } from '../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../shared/model/status';
import { loadedInReadingOrder } from '../../../shared/model/readingOrder';
import { decodeArticle, UnreadableArticleError, type DecodedArticle, type DecodeOptions } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { annotationPageOf, withFirstAnnotationPage } from '../article/annotationPages';
import { withFileLock } from '../storage/annotationFileLock';
import { AUTO_ENCODING } from '../../../shared/text/articleEncodings';
import { annotationPathFor, loadAnnotations, SaveRefusedError } from '../storage/annotationStore';
import { openArticleAnnotationsAndFile, type UnchangedAnnotationFile } from '../article/articleAnnotations';
import { moveAsideBrokenFile } from '../storage/brokenAnnotationFile';
import { bratAnnotationPathFor, BratStore, countBratEntities, isBratCorpus, loadBratAnnotations, loadBratCorpusTagSet, reanchorBratAnnotations } from '../brat/bratStore';
import { resolveInCorpus } from './corpusPaths';
import { SavedAnnotationLists } from '../storage/savedAnnotationLists';
import type { AnnotationListChanges } from '../../../shared/model/annotationChanges';
import { scanCorpusWithSkipped } from './corpusScanner';
import { AnnotationFileBases, saveMerged, savedDocumentOf, type LastWrite } from '../storage/mergingSave';
import { isPermissionFailure, writeAccessRefusal } from '../storage/writeAccess';
import { problemOfError, tooManyEntriesProblem, withUserProblem } from '../problems/userProblems';
import { CorpusWatcher, type CorpusWatchEvent } from './corpusWatcher';
import { sha256Of, type KnownFileState } from './watchedFileState';
import { countReanchorChanges } from '../../../shared/anchoring/reanchorStatus';
import { annotationFileLimitProblem, INPUT_LIMITS, saveRequestProblem } from './inputLimits';
import { readArticleBytes } from './confinedReaders';
import { scheduleStaleTemporaryCleanup } from '../storage/staleTemporaryFiles';
import { loadTagSet } from '../tagset/tagSetLoader';
import { searchCorpus, tagAllInCorpus, undoTagAll, type CorpusSearchResult, type TagAllResult } from './corpusSearch';
import { collectTaggedTexts, suggestionsFor, type Suggestion, type TaggedText } from './suggestions';

const TAGGED_TEXTS_TTL_MS = 3000;
/** How long after our write another program's write is checked for having dropped our changes unseen. */
const BLIND_OVERWRITE_WINDOW_MS = 5000;
import { applyTagSetChanges, planTypeChanges, type TypeChangePlan, type TypeChanges } from '../tagset/tagSetEditor';
import type { TagTypeInput } from '../../../shared/model/tagSet';

export interface SessionSaveRequest {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  /** How the user settled the conflicts an earlier save of this article reported. */
  resolutions?: ConflictResolutions;
}

export type SessionEvent =
  | { kind: 'articleChangedOnDisk'; id: string }
  | { kind: 'annotationsChangedOnDisk'; id: string }
  | { kind: 'corpusListChanged'; corpus: Corpus };

export interface CorpusSessionOptions {
  /** Watch the corpus for changes made by other programs (off in short-lived tools). */
  watch?: boolean;
  /** Where the listing cache lives (outside any corpus); none when null. */
  cacheFolder?: string | null;
}

/**
 * The corpus open in the window: the only root that article ids are resolved against. It
 * loads and saves articles in the corpus's mode (native `NAME.ann.json`, or brat `NAME.ann`),
 * and reports changes that other programs make on disk.
 */
export class CorpusSession {
  private root: string | null = null;
  private mode: Corpus['mode'] = 'native';
  private brat = new BratStore();
  private watcher: CorpusWatcher | null = null;
  private stopWatcherEvents: (() => void) | null = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  /** The text each open article was loaded with: saves are checked against the text their edits were made on. */
  private readonly loaded = new Map<string, DecodedArticle>();
  /**
   * What this window last loaded or saved of each article's annotation file (its document and
   * the SHA-256 of the file's bytes): the base of the three-way merge every save makes with the
   * file on disk (mergingSave.ts), so that another writer's changes are merged, never overwritten.
   */
  private readonly bases = new AnnotationFileBases();
  /**
   * This window's last write of each article's annotation file, for a few seconds: a plain
   * writer that read the file just before it and wrote just after it has dropped our changes
   * without knowing; they are merged back (see isBlindTo) instead of taken as deleted.
   */
  private readonly lastWrites = new Map<string, LastWrite & { at: number }>();
  /** What each article's last save held, for saves of changes only. */
  private readonly savedLists = new SavedAnnotationLists();
  /** brat ids given to annotations the window created, by article: the window keeps its own ids. */
  private readonly bratAliases = new Map<string, Map<string, string>>();
  /** The last article file decoded, with its bytes: saves read the article again to check it. */
  private lastArticleRead: { path: string; bytes: Buffer; decodedAs: string; article: DecodedArticle } | null = null;
  /**
   * Encodings the user chose, by article path, for this session (`auto`: detection, whatever the
   * annotation file records): every read of it (saves too) decodes so. The choice is also
   * recorded in the annotation file (`source`), which decides in later sessions.
   */
  private readonly chosenEncodings = new Map<string, string>();
  /** Texts tagged in the corpus, for suggestions: gathered at most every few seconds. */
  private taggedTexts: { at: number; texts: TaggedText[] } | null = null;

  constructor(private readonly options: CorpusSessionOptions = {}) {}

  get rootPath(): string | null {
    return this.root;
  }

  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async open(folder: string): Promise<Corpus> {
    const resolved = path.resolve(folder);
    const stat = await fs.stat(resolved).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? withUserProblem(error as Error, { code: 'folderMissing', path: resolved }) : error;
    });
    if (!stat.isDirectory()) throw withUserProblem(new Error(`${resolved} is not a folder.`), { code: 'notAFolder', path: resolved });
    await this.close();
    this.root = resolved;
    this.mode = (await isBratCorpus(resolved)) ? 'brat' : 'native';
    this.brat = new BratStore();
    if (this.options.watch) {
      this.watcher = await CorpusWatcher.start({ root: resolved });
      this.stopWatcherEvents = this.watcher.onEvent((event) => void this.onWatchEvent(event));
      scheduleStaleTemporaryCleanup(resolved, () => this.root === resolved);
    }
    return this.describe();
  }

  async close(): Promise<void> {
    this.stopWatcherEvents?.();
    this.stopWatcherEvents = null;
    await this.watcher?.close();
    this.watcher = null;
    this.loaded.clear();
    this.chosenEncodings.clear();
    this.bases.clear();
    this.lastWrites.clear();
    this.bratAliases.clear();
    this.savedLists.clear();
    this.lastArticleRead = null;
  }

  async describe(): Promise<Corpus> {
    const root = this.requireRoot();
    if (this.mode === 'brat') {
      const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder: this.options.cacheFolder }), loadBratCorpusTagSet(root)]);
      const counted = await Promise.all(
        articles.map(async (entry) => {
          const count = await countBratEntities(path.join(root, ...entry.id.split('/')));
          return { ...entry, annotationCount: count, status: count > 0 ? ('in-progress' as const) : ('new' as const) };
        }),
      );
      return { name: path.basename(root), displayPath: root, mode: 'brat', articles: counted, tagSet, skipped };
    }
    const [{ articles, skipped }, tagSet] = await Promise.all([scanCorpusWithSkipped(root, { cacheFolder: this.options.cacheFolder }), loadTagSet(root)]);
    return { name: path.basename(root), displayPath: root, mode: 'native', articles, tagSet, skipped };
  }

  /** `encoding`: reopen in that encoding from now on (`auto`: detect again); absent: as before. */
  async loadArticle(id: string, encoding?: string): Promise<ArticleDocument> {
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    if (encoding !== undefined) this.chosenEncodings.set(articlePath, encoding);
    // The window starts over from what it loads: its next save sends the whole list.
    this.savedLists.forget(id);
    const { article, file: articleFile } = await this.readArticleFile(articlePath);
    // What was read of the annotation file, when nothing was written: the watcher's baseline.
    let annotationFile: KnownFileState | undefined;
    const base = {
      id,
      name: path.basename(articlePath),
      text: article.text,
      encoding: article.encoding,
      encodingGuessed: article.guessed,
      sha256: article.sha256,
      ...(article.invalidBytes > 0 ? { invalidBytes: article.invalidBytes, replacements: article.replacements } : {}),
      ...(article.chosen ? { encodingChosen: true } : {}),
      ...(article.recordIgnored ? { encodingRecordIgnored: article.recordIgnored } : {}),
    };
    let document: ArticleDocument;
    if (this.mode === 'brat') {
      const previous = this.loaded.get(id);
      const reanchored = previous && previous.sha256 !== article.sha256 ? await this.ownWrite(bratAnnotationPathFor(articlePath), () => reanchorBratAnnotations(articlePath, previous.text, article)) : null;
      this.brat.forget(articlePath);
      this.bratAliases.delete(id);
      const loaded = await loadBratAnnotations(articlePath, article);
      // A NAME.ann the user may not write opens read-only, saying why, with its annotations shown.
      const readOnly = loaded.problem === null ? await writeAccessRefusal(bratAnnotationPathFor(articlePath)) : null;
      if (readOnly !== null) loaded.problem = { kind: 'permission', message: readOnly.message, userProblems: [readOnly.userProblem] };
      if (loaded.problem === null || readOnly !== null) this.bases.set(id, { document: { status: 'new', annotations: loaded.annotations, relations: loaded.relations, labels: [] }, sha256: loaded.fileSha256 ?? null });
      else this.bases.delete(id);
      document = {
        ...base,
        status: loaded.annotations.length > 0 ? 'in-progress' : 'new',
        annotations: loaded.annotations,
        relations: loaded.relations,
        labels: [],
        problem: loaded.problem,
        migratedFrom: null,
        orphans: [],
        reanchored: reanchored ? countReanchorChanges(reanchored.changes) : null,
      };
    } else {
      // One read of the annotation file: limits, re-anchoring when the article changed on disk
      // (written at once, so the offsets on disk follow the text), then the offsets checked.
      const annotationPath = annotationPathFor(articlePath);
      // Under the file's lock: re-anchoring reads, moves and rewrites the file, and must not interleave with another Hashiye's save.
      const { opened, unchanged } = await this.ownWrite(annotationPath, () => withFileLock(annotationPath, () => openArticleAnnotationsAndFile(articlePath, article, INPUT_LIMITS, this.requireRoot())), (result) => {
        annotationFile = loadedFileState(result) ?? undefined;
        return annotationFile ?? null;
      });
      this.bases.delete(id);
      if (opened.kind === 'refused') {
        // Too large or too deeply nested to parse safely: opened read-only, the file untouched.
        document = { ...base, status: 'new', annotations: [], relations: [], labels: [], problem: { kind: 'io', message: opened.message }, migratedFrom: null, orphans: [], reanchored: null };
      } else {
        const { loaded, reanchored } = opened;
        // A file the user may not write opens read-only, saying why, with its annotations shown.
        const readOnly = loaded.problem === null ? await writeAccessRefusal(annotationPath) : null;
        document = {
          ...base,
          ...loaded,
          problem: loaded.problem ?? (readOnly === null ? null : { kind: 'permission', message: readOnly.message, userProblems: [readOnly.userProblem] }),
          // The quote context is for re-anchoring on disk; main recomputes it on every save.
          annotations: loaded.annotations.map(withoutQuote),
          orphans: loaded.orphans ?? [],
          reanchored: reanchored ? countReanchorChanges(reanchored.report.changes) : null,
        };
        // The base of this window's next save: the file as read here (or as re-anchoring wrote it).
        const fileSha256 = reanchored?.written != null ? sha256Of(Buffer.from(reanchored.written, 'utf8')) : unchanged?.kind === 'read' ? sha256Of(unchanged.bytes) : null;
        if (loaded.problem === null) this.bases.set(id, { document: savedDocumentOf(loaded), sha256: fileSha256 });
        // A choice of encoding is recorded at once, so it lasts even if nothing is tagged.
        if (encoding !== undefined && document.problem === null && (await this.recordEncoding(id, articlePath, article, savedDocumentOf(loaded)))) annotationFile = undefined;
      }
    }
    // (#17) The list is sent in reading order, the window's, and named by a revision: the window's first save can then send only its changes.
    if (this.mode === 'native' && document.problem === null) {
      const { annotations } = loadedInReadingOrder(document.annotations);
      document = withFirstAnnotationPage({ ...document, annotations, revision: this.savedLists.remember(id, annotations) });
    }
    this.loaded.set(id, article);
    // The files as just read are the baseline: the watcher need not read and hash them again.
    await this.watcher?.watchArticle({ id, articlePath, annotationPath: this.annotationPathOf(articlePath), articleSha256: article.sha256, articleFile, annotationFile });
    return document;
  }

  /** A page of the annotation list article.load sent in part (article.annotationPage). */
  annotationPage(id: string, revision: string, from: number): { annotations: StoredAnnotation[] } {
    resolveInCorpus(this.requireRoot(), id);
    return annotationPageOf(this.savedLists.listAt(id, revision), from);
  }

  /** Saves the list that `changes` make of the one last saved as `base` (see annotations.saveChanges). */
  async saveAnnotationChanges(id: string, sha256: string, base: string, changes: AnnotationListChanges<StoredAnnotation>, request: Omit<SessionSaveRequest, 'annotations'>): Promise<SaveResult> {
    const annotations = this.savedLists.withChanges(id, base, changes);
    if (annotations === null) {
      return { ok: false, message: 'The list these changes were made against is not known here; the whole list must be sent.', userProblem: { code: 'saveBaseUnknown' }, retryable: false, baseUnknown: true };
    }
    return this.saveAnnotations(id, sha256, { ...request, annotations });
  }

  async saveAnnotations(id: string, sha256: string, request: SessionSaveRequest): Promise<SaveResult> {
    const result = await this.saveWholeList(id, sha256, request);
    // The window adopts a merged document: its next changes are made against that list.
    if (result.ok) return { ...result, revision: this.savedLists.remember(id, result.merged?.annotations ?? request.annotations) };
    return result;
  }

  private async saveWholeList(id: string, sha256: string, request: SessionSaveRequest): Promise<SaveResult> {
    // What was tagged changes with every save: suggestions gather it again.
    this.taggedTexts = null;
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    const onDisk = await this.readArticle(articlePath, this.loaded.get(id));
    // Edits made before the article changed on disk are saved against the text they were made
    // on; reopening the article then re-anchors them to the new text.
    const article = onDisk.sha256 === sha256 ? onDisk : this.loaded.get(id)?.sha256 === sha256 ? (this.loaded.get(id) as DecodedArticle) : null;
    if (article === null) {
      return { ok: false, message: 'The article changed on disk since it was opened; reopen it before saving.', userProblem: { code: 'articleChangedOnDisk' }, retryable: false };
    }
    const { resolutions, ...mine } = request;
    const requestProblem = saveRequestProblem(mine);
    if (requestProblem) return { ok: false, message: requestProblem, userProblem: tooManyEntriesProblem(mine) ?? { code: 'unexpected', detail: requestProblem }, retryable: false };
    if (this.mode === 'brat') {
      const refused = await annotationFileLimitProblem(bratAnnotationPathFor(articlePath), INPUT_LIMITS, this.requireRoot());
      if (refused) return { ok: false, message: refused, userProblem: { code: 'saveRefused', file: path.basename(bratAnnotationPathFor(articlePath)) }, retryable: false };
      try {
        return await this.saveBrat(id, articlePath, article, mine, resolutions);
      } catch (error) {
        return saveFailure(error, bratAnnotationPathFor(articlePath));
      }
    }
    // The annotation file is read inside the watcher's own-write turn and merged with what this
    // window last loaded or saved: its limits, whether it can be used, what it keeps (unknown
    // fields) and what another writer changed are all decided on the bytes replaced.
    const saved = await this.ownWrite(
      annotationPathFor(articlePath),
      () => saveMerged(articlePath, article, { mine, base: this.bases.forMerge(id), resolutions, lastWrite: this.recentWrite(id), root: this.requireRoot() }),
      (outcome) => ('state' in outcome ? outcome.state : null),
    );
    switch (saved.kind) {
      case 'refused':
        return { ok: false, message: saved.message, userProblem: { code: 'saveRefused', file: path.basename(annotationPathFor(articlePath)) }, retryable: false };
      case 'failed':
        return saveFailure(saved.error, annotationPathFor(articlePath));
      case 'conflicts':
        return {
          ok: false,
          message: `Another window or program changed ${saved.conflicts.length} item(s) of this article that you changed too; choose which version to keep. Nothing was saved yet.`,
          userProblem: { code: 'saveConflicts', count: saved.conflicts.length },
          retryable: false,
          conflicts: saved.conflicts,
        };
      case 'written':
      case 'unchanged': {
        this.bases.set(id, saved.base);
        if (saved.kind === 'written' && saved.replaced !== null && saved.base.sha256 !== null) {
          for (const [other, write] of this.lastWrites) if (Date.now() - write.at > BLIND_OVERWRITE_WINDOW_MS) this.lastWrites.delete(other);
          this.lastWrites.set(id, { replaced: saved.replaced, wrote: saved.base.document, sha256: saved.base.sha256, at: Date.now() });
        }
        const savedAt = saved.kind === 'written' ? (saved.file.updated ?? new Date().toISOString()) : new Date().toISOString();
        return { ok: true, savedAt, written: saved.kind === 'written', ...(saved.merged ? { merged: withoutQuotes(saved.merged) } : {}) };
      }
    }
  }

  /** The lines of a brat file that deleting an entity would remove (itself, relations, notes...). */
  async previewDelete(id: string, annotationId: string): Promise<string[]> {
    if (this.mode !== 'brat') return [];
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    return this.brat.previewDelete(articlePath, this.bratAliases.get(id)?.get(annotationId) ?? annotationId);
  }

  async searchCorpus(query: string, wholeWords: boolean): Promise<CorpusSearchResult> {
    return searchCorpus(this.requireRoot(), query, { wholeWords, limit: 2000 });
  }

  /** Tags every hit of the query in the corpus as one step; undone with `undoTagAll`. */
  async tagAllInCorpus(query: string, wholeWords: boolean, type: string, author: string): Promise<TagAllResult> {
    // The watcher keeps its baseline (`() => null`): the open article's file changed under the
    // window, which is told and syncs; its next save merges (its base is the file before).
    return tagAllInCorpus(this.requireNativeRoot('tag across'), query, { wholeWords, type, author }, (articlePath, write) => this.ownRewrite(annotationPathFor(articlePath), write));
  }

  async undoTagAll(batchId: string): Promise<{ removed: number; articles: string[] }> {
    return undoTagAll(this.requireNativeRoot('tag across'), batchId, (articlePath, write) => this.ownRewrite(annotationPathFor(articlePath), write));
  }

  /** Where texts tagged elsewhere in the corpus recur untagged in this article (code points). */
  async suggestions(id: string): Promise<Suggestion[]> {
    if (this.mode !== 'native') return [];
    const root = this.requireRoot();
    const articlePath = resolveInCorpus(root, id);
    const article = this.loaded.get(id) ?? (await this.readArticle(articlePath));
    const loaded = await loadAnnotations(articlePath, article);
    if (!this.taggedTexts || Date.now() - this.taggedTexts.at > TAGGED_TEXTS_TTL_MS) {
      this.taggedTexts = { at: Date.now(), texts: await collectTaggedTexts(root) };
    }
    return suggestionsFor(article.text, loaded.annotations, this.taggedTexts.texts);
  }

  /** What renaming, merging or removing tag types would change in the corpus's annotation files. */
  async previewTypeChanges(changes: TypeChanges): Promise<TypeChangePlan> {
    return planTypeChanges(this.requireNativeRoot('edit the tag set'), changes);
  }

  /** Rewrites the annotation files for the changes (with backups), then saves the tag set. */
  async saveTagSet(types: TagTypeInput[], changes: TypeChanges): Promise<TypeChangePlan> {
    const root = this.requireNativeRoot('edit the tag set');
    return applyTagSetChanges(root, types, changes, (file, write) => this.ownRewrite(file, write));
  }

  private requireNativeRoot(what: string): string {
    const root = this.requireRoot();
    if (this.mode === 'brat') throw withUserProblem(new Error(`Cannot ${what} of a brat corpus here: its types come from annotation.conf.`), { code: 'bratTagSetReadOnly' });
    return root;
  }

  /** Moves a broken annotation file aside; returns its new file name. */
  async moveAsideAnnotationFile(id: string): Promise<string> {
    const articlePath = resolveInCorpus(this.requireRoot(), id);
    if (this.mode !== 'native' || !/\.txt$/i.test(articlePath)) throw withUserProblem(new Error(`${id} is not an article with a native annotation file.`), { code: 'notBroken', file: path.basename(articlePath), readOnly: false });
    // Only a file that cannot be used is moved aside: a valid file is never renamed from the window.
    const document = await this.loadArticle(id);
    if (document.problem === null) throw withUserProblem(new Error(`The annotation file of ${id} is not broken; it stays where it is.`), { code: 'notBroken', file: path.basename(annotationPathFor(articlePath)), readOnly: false });
    // A file the user may not write is not broken: it is left exactly where and as it is.
    if (document.problem.kind === 'permission') throw withUserProblem(new Error(`The annotation file of ${id} is read-only, not broken; it stays where it is.`), { code: 'notBroken', file: path.basename(annotationPathFor(articlePath)), readOnly: true });
    return path.basename(await moveAsideBrokenFile(articlePath));
  }

  /** Saves a brat article merged with the file on disk (BratStore.saveMerged); the window keeps its own ids for what it created. */
  private async saveBrat(id: string, articlePath: string, article: DecodedArticle, request: SessionSaveRequest, resolutions?: ConflictResolutions): Promise<SaveResult> {
    const aliases = this.bratAliases.get(id) ?? new Map<string, string>();
    const toBrat = (annotationId: string) => aliases.get(annotationId) ?? annotationId;
    const windowIds = new Map([...aliases.entries()].map(([windowId, bratId]) => [bratId, windowId]));
    const toWindow = (bratId: string) => windowIds.get(bratId) ?? bratId;
    const mine: SavedDocument = {
      status: request.status,
      labels: [],
      annotations: request.annotations.map((annotation) => ({ ...annotation, id: toBrat(annotation.id) })),
      relations: request.relations.map((relation) => ({ ...relation, id: toBrat(relation.id), from: toBrat(relation.from), to: toBrat(relation.to) })),
    };
    const bratResolutions = resolutions ? Object.fromEntries(Object.entries(resolutions).map(([key, choice]) => [toBrat(key), choice])) : undefined;
    const outcome = await this.ownWrite(
      bratAnnotationPathFor(articlePath),
      // Under NAME.ann's lock, as native saves are (annotationFileLock.ts): two instances never interleave.
      () => withFileLock(bratAnnotationPathFor(articlePath), () => this.brat.saveMerged(articlePath, article, mine, this.bases.get(id), bratResolutions)),
      (result) => (result.kind === 'saved' ? result.state : null),
    );
    if (outcome.kind === 'conflicts') {
      const conflicts = outcome.conflicts.map((conflict) => windowConflict(conflict, toWindow));
      return {
        ok: false,
        message: `Another program changed ${conflicts.length} item(s) of this article that you changed too; choose which version to keep. Nothing was saved yet.`,
        userProblem: { code: 'saveConflicts', count: conflicts.length },
        retryable: false,
        conflicts,
      };
    }
    for (const [windowId, bratId] of Object.entries(outcome.saved.idMap)) {
      const original = [...aliases.entries()].find(([, value]) => value === windowId)?.[0] ?? windowId;
      aliases.set(original, bratId);
    }
    this.bratAliases.set(id, aliases);
    this.bases.set(id, outcome.base);
    return { ok: true, savedAt: new Date().toISOString(), written: outcome.saved.written, ...(outcome.merged ? { merged: outcome.merged } : {}) };
  }

  private annotationPathOf(articlePath: string): string {
    return this.mode === 'brat' ? bratAnnotationPathFor(articlePath) : annotationPathFor(articlePath);
  }

  private async ownWrite<T>(file: string, write: () => Promise<T>, unchanged?: (value: T) => KnownFileState | null): Promise<T> {
    return this.watcher ? this.watcher.ownWrite(file, write, unchanged) : write();
  }

  private async onWatchEvent(event: CorpusWatchEvent): Promise<void> {
    this.taggedTexts = null;
    if (event.kind === 'articleChanged') this.emit({ kind: 'articleChangedOnDisk', id: event.id });
    else if (event.kind === 'annotationFileChanged') {
      await this.mergeBackBlindOverwrite(event.id);
      this.emit({ kind: 'annotationsChangedOnDisk', id: event.id });
    }
    else if (this.root) this.emit({ kind: 'corpusListChanged', corpus: await this.describe() });
  }

  /**
   * A rewrite by this process itself (tag all, its undo, a tag-set change): it read the file in
   * the same turn, so it saw our last save and is never a blind overwrite to repair. The window
   * is still told, and merges it.
   */
  private async ownRewrite<T>(file: string, write: () => Promise<T>): Promise<T> {
    return this.ownWrite(file, async () => {
      // Read and rewritten under the file's lock, as saves are: another Hashiye never saves in between.
      const value = await withFileLock(file, write);
      const rewritten = path.resolve(file);
      for (const id of [...this.lastWrites.keys()]) {
        if (this.root !== null && path.resolve(annotationPathFor(resolveInCorpus(this.root, id))) === rewritten) this.lastWrites.delete(id);
      }
      return value;
    }, () => null);
  }

  /** Our last write of an article's annotation file, while a blind overwrite of it is still plausible. */
  private recentWrite(id: string): LastWrite | null {
    const recent = this.lastWrites.get(id);
    if (recent === undefined) return null;
    if (Date.now() - recent.at > BLIND_OVERWRITE_WINDOW_MS) {
      this.lastWrites.delete(id);
      return null;
    }
    return recent;
  }

  /**
   * Another program changed the annotation file just after we wrote it. If it wrote a file made
   * from what we had replaced (it never saw our write), our changes would be gone from the disk
   * with nothing to tell: they are merged with its change and written back, once. Otherwise
   * (it saw our write) nothing is written; the window is told in either case and syncs.
   */
  private async mergeBackBlindOverwrite(id: string): Promise<void> {
    const recent = this.recentWrite(id);
    const article = this.loaded.get(id);
    if (recent === null || article === undefined || this.mode !== 'native' || this.root === null) return;
    this.lastWrites.delete(id);
    const articlePath = resolveInCorpus(this.root, id);
    await this.ownWrite(
      annotationPathFor(articlePath),
      () => saveMerged(articlePath, article, { mine: recent.wrote, base: { document: recent.wrote, sha256: recent.sha256 }, lastWrite: recent, root: this.root ?? undefined }),
      (outcome) => (outcome.kind === 'written' ? outcome.state : null),
    );
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Writes the encoding the article was just opened in into its annotation file's `source` (the
   * file is created if there is none), merged as every save is. A failure is not the open's: the
   * choice still holds for this session, and the next save records it.
   */
  private async recordEncoding(id: string, articlePath: string, article: DecodedArticle, document: SavedDocument): Promise<boolean> {
    const saved = await this.ownWrite(
      annotationPathFor(articlePath),
      () => saveMerged(articlePath, article, { mine: document, base: this.bases.forMerge(id), root: this.requireRoot(), recordEncoding: true }),
      (outcome) => ('state' in outcome ? outcome.state : null),
    );
    if (saved.kind === 'written' || saved.kind === 'unchanged') this.bases.set(id, saved.base);
    return saved.kind === 'written';
  }

  /** `like`: the article as loaded in the window; its encoding decodes saves unless the user chose another since. */
  private async readArticle(articlePath: string, like?: DecodedArticle): Promise<DecodedArticle> {
    return (await this.readArticleFile(articlePath, like)).article;
  }

  /**
   * The article decoded, and the file as read (size and mtime from the stat before reading, the
   * bytes' SHA-256) for the watcher. Bytes equal to the last ones decoded (every save checks the
   * article again) reuse that decoding: it depends on nothing but the bytes.
   */
  private async readArticleFile(articlePath: string, like?: DecodedArticle): Promise<{ article: DecodedArticle; file: KnownFileState }> {
    const root = this.requireRoot();
    const { bytes, size, mtimeMs } = await readArticleBytes(root, articlePath);
    const last = this.lastArticleRead;
    const chosen = this.chosenEncodings.get(articlePath);
    // In order: the user's choice in this session, the encoding the text in the window was decoded
    // with, what the annotation file records for these bytes, detection.
    let options: DecodeOptions;
    if (chosen === AUTO_ENCODING) options = {};
    else if (chosen !== undefined) options = { encoding: chosen };
    else if (like !== undefined) options = { encoding: like.encoding, chosen: like.chosen };
    else options = { record: this.mode === 'native' ? await readEncodingRecord(root, articlePath, { annotators: false }) : null };
    const decodedAs = JSON.stringify(options);
    let article: DecodedArticle;
    if (last !== null && last.path === articlePath && last.decodedAs === decodedAs && last.bytes.equals(bytes)) {
      article = last.article;
    } else {
      try {
        article = decodeArticle(bytes, options);
      } catch (error) {
        if (error instanceof UnreadableArticleError) throw withUserProblem(new Error(`${path.basename(articlePath)} cannot be read: ${error.message}`), { code: 'articleUnreadable', file: path.basename(articlePath) });
        throw error;
      }
      this.lastArticleRead = { path: articlePath, bytes, decodedAs, article };
    }
    return { article, file: { exists: true, size, mtimeMs, sha256: article.sha256 } };
  }

  private requireRoot(): string {
    if (this.root === null) throw withUserProblem(new Error('No corpus is open.'), { code: 'noCorpus' });
    return this.root;
  }
}

function saveFailure(error: unknown, annotationPath: string): SaveResult {
  const coded = problemOfError(error);
  // A refusal of ours that did not say more: the file on disk is left as it is.
  const userProblem = coded.code === 'unexpected' && error instanceof SaveRefusedError ? { code: 'saveRefused' as const, file: path.basename(annotationPath) } : coded;
  // A file or folder we may not write: the window keeps the edits and says why (it is not a full disk).
  if (isPermissionFailure(error)) return { ok: false, message: (error as Error).message, userProblem, retryable: true, readOnly: true };
  return { ok: false, message: (error as Error).message, userProblem, retryable: !(error instanceof SaveRefusedError) };
}

function knownFileState(file: UnchangedAnnotationFile): KnownFileState {
  return file.kind === 'absent' ? { exists: false } : { exists: true, size: file.size, mtimeMs: file.mtimeMs, sha256: sha256Of(file.bytes) };
}

/** The annotation file as opening an article left it: as read, or the bytes re-anchoring wrote (mtime unknown). */
function loadedFileState({ opened, unchanged }: { opened: { kind: string; reanchored?: { written: string | null } | null }; unchanged: UnchangedAnnotationFile | null }): KnownFileState | null {
  if (unchanged !== null) return knownFileState(unchanged);
  const written = opened.reanchored?.written;
  if (written == null) return null;
  const bytes = Buffer.from(written, 'utf8');
  return { exists: true, size: bytes.length, mtimeMs: -1, sha256: sha256Of(bytes) };
}

/** A conflict as the window names its items (its own ids for what it created in a brat article). */
function windowConflict(conflict: SaveConflict, toWindow: (id: string) => string): SaveConflict {
  if (conflict.kind === 'status') return conflict;
  if (conflict.kind === 'annotation') {
    const named = (annotation: StoredAnnotation | null) => (annotation === null ? null : { ...annotation, id: toWindow(annotation.id) });
    return { ...conflict, key: toWindow(conflict.key), base: named(conflict.base), mine: named(conflict.mine), disk: named(conflict.disk) };
  }
  const named = (relation: StoredRelation | null) => (relation === null ? null : { ...relation, id: toWindow(relation.id), from: toWindow(relation.from), to: toWindow(relation.to) });
  return { ...conflict, key: toWindow(conflict.key), base: named(conflict.base), mine: named(conflict.mine), disk: named(conflict.disk) };
}

function withoutQuotes(document: SavedDocument): SavedDocument {
  return { ...document, annotations: document.annotations.map(withoutQuote) };
}

function withoutQuote(annotation: StoredAnnotation): StoredAnnotation {
  if (annotation.quote === undefined) return annotation;
  const { quote: _quote, ...rest } = annotation;
  return rest;
}
