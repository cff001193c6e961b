import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../../../shared/corpusWire';
import type { ArticleDocument } from '../../../shared/articleDocumentWire';
import type { SaveResult } from '../../../shared/saveWire';
import type { AnnotationListChanges } from '../../../shared/model/annotationChanges';
import type { StoredAnnotation, StoredRelation } from '../../../shared/model/nativeFormat';
import type { TagTypeInput } from '../../../shared/model/tagSet';
import type { DimensionInput } from '../../../shared/documentLabels/dimensions';
import { saveDimensions } from '../tagset/dimensionsFile';
import { annotationPageOf } from '../article/annotationPages';
import { BratStore, isBratCorpus } from '../brat/bratStore';
import { withUserProblem } from '../problems/userProblems';
import { annotationPathFor, loadAnnotations } from '../storage/annotationStore';
import { moveAsideBrokenFile } from '../storage/brokenAnnotationFile';
import { scheduleStaleTemporaryCleanup } from '../storage/staleTemporaryFiles';
import type { RelationTagSetFields } from '../../../shared/tagset/relationTypes';
import { applyTagSetChanges, planTypeChanges, type TypeChangePlan, type TypeChanges } from '../tagset/tagSetEditor';
import { resolveInCorpus } from './corpusPaths';
import { searchCorpus, tagAllInCorpus, undoTagAll, type CorpusSearchResult, type TagAllResult, type WriteTurn } from './corpusSearch';
import { CorpusWatcher } from './corpusWatcher';
import type { ListedCorpus } from './articleFiles';
import { openListingCache } from './corpusScanner';
import { collectTaggedTexts, suggestionsFor, type Suggestion } from './suggestions';
import { loadArticle } from './session/articleLoading';
import { saveWholeList, type SessionSaveRequest } from './session/articleSaving';
import { describeCorpus, describeCorpusFirst } from './session/corpusDescription';
import { sessionEventOf, type SessionEvent } from './session/outsideChanges';
import { SessionState } from './session/sessionState';
import { RegistryBase } from '../entities/registryBase';
import { decideFooter, scanFooterProposals, type FooterDecision, type FooterDecisionResult, type FooterScan } from '../zones/footerProposals';

/**
 * (#25) How long the reads a first listing left pending wait for the window to ask for them
 * (corpus.refresh, once it has drawn the list) before they start anyway, to fill the listing cache.
 */
const UNASKED_COMPLETION_MS = 1000;

export interface CorpusSessionOptions {
  /** Watch the corpus for changes made by other programs (off in short-lived tools). */
  watch?: boolean;
  /** Where the listing cache lives (outside any corpus); none when null. */
  cacheFolder?: string | null;
  /**
   * (#25) open() answers before the annotation files missing from the listing cache are read:
   * those articles come with `statusPending`, and describe() (corpus.refresh) answers the whole
   * listing once they are read, without reading them twice.
   */
  statusesLater?: boolean;
}

/**
 * The corpus open in the window: the only root that article ids are resolved against. It
 * loads and saves articles in the corpus's mode (native `NAME.ann.json`, or brat `NAME.ann`),
 * and reports changes that other programs make on disk. The steps live in `session/`
 * (loading, saving, brat saves, outside changes); this class is what the IPC handlers call.
 */
export class CorpusSession {
  private readonly state = new SessionState();
  /** The registry as this window last saw it: the base of its next entity edit's merge (#17). */
  private readonly registryBase = new RegistryBase();
  private stopWatcherEvents: (() => void) | null = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  /**
   * The listing open() left to complete, for the root it was made of: `start` begins reading (once)
   * and gives the whole listing. `fromCache` (#25, session 15): it only compares the stamps of
   * cached articles, so what it gives is a listing from the cache as of `changes` (SessionState.changes).
   */
  private completingListing: { start: () => Promise<Corpus>; fromCache: boolean; changes: number } | null = null;

  constructor(private readonly options: CorpusSessionOptions = {}) {}

  get rootPath(): string | null {
    return this.state.root;
  }

  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async open(folder: string): Promise<Corpus> {
    const resolved = path.resolve(folder);
    // (#25, session 15) Anything from here on may have changed what the listing's stamps were compared with.
    const changesAtOpen = this.state.changes;
    const stat = await fs.stat(resolved).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? withUserProblem(error as Error, { code: 'folderMissing', path: resolved }) : error;
    });
    if (!stat.isDirectory()) throw withUserProblem(new Error(`${resolved} is not a folder.`), { code: 'notAFolder', path: resolved });
    await this.close();
    this.state.root = resolved;
    this.state.brat = new BratStore();
    // (#25) The listing cache (the app's own file) is read while the folders are, and then the
    // stamps of the files it knows; watched, the watcher's first read of the folders also gives
    // the brat signs and the listing's walk.
    const cache = this.options.statusesLater ? openListingCache(this.options.cacheFolder ?? null, resolved) : undefined;
    let walk: ListedCorpus | null = null;
    if (this.options.watch) {
      const watcher = await CorpusWatcher.start({ root: resolved, keepFirstWalk: true });
      walk = watcher.takeFirstWalk();
      this.state.watcher = watcher;
      this.stopWatcherEvents = watcher.onEvent((event) => {
        this.state.changes++;
        void sessionEventOf(this.state, event, () => this.describe()).then((sessionEvent) => {
          if (sessionEvent !== null) this.emit(sessionEvent);
        });
      });
      scheduleStaleTemporaryCleanup(resolved, () => this.state.root === resolved);
    }
    this.state.mode = (walk?.brat ?? (await isBratCorpus(resolved))) ? 'brat' : 'native';
    if (!this.options.statusesLater) return this.describe();
    const { corpus, complete, completesFromCache } = await describeCorpusFirst(resolved, this.state.mode, this.options.cacheFolder, { walk, cache });
    if (complete !== null) this.completeListingLater(complete, completesFromCache, changesAtOpen);
    return corpus;
  }

  /**
   * Reads what the first listing left pending (one slice after another, yielding between them)
   * when describe() asks for the whole listing, or after UNASKED_COMPLETION_MS. (#25) Not at once:
   * on two cores the reads took the CPU the window needed to receive and draw the first listing.
   */
  private completeListingLater(complete: () => Promise<Corpus>, fromCache: boolean, changes: number): void {
    let corpus: Promise<Corpus> | null = null;
    const completing = {
      fromCache,
      changes,
      start: (): Promise<Corpus> => {
        if (corpus !== null) return corpus;
        clearTimeout(unasked);
        corpus = complete();
        const forget = () => {
          if (this.completingListing === completing) this.completingListing = null;
        };
        corpus.then(forget, forget);
        return corpus;
      },
    };
    const unasked = setTimeout(() => void completing.start(), UNASKED_COMPLETION_MS);
    unasked.unref();
    this.completingListing = completing;
  }

  async close(): Promise<void> {
    // A listing left to complete is read now, as it was before the window asked (it fills the cache).
    void this.completingListing?.start();
    this.stopWatcherEvents?.();
    this.stopWatcherEvents = null;
    await this.state.watcher?.close();
    this.state.watcher = null;
    this.state.forgetArticles();
  }

  async describe(): Promise<Corpus> {
    // The files open() left pending are read once, there; what changed meanwhile is seen below, from the cache it filled.
    await this.completingListing?.start().catch(() => undefined);
    this.state.changes++;
    return describeCorpus(this.state.requireRoot(), this.state.mode, this.options.cacheFolder);
  }

  /**
   * The window's corpus.refresh. (#25, session 15) A first listing that left pending only cached
   * articles whose stamps were still being read is completed by comparing them: that completion
   * is a listing from the cache, as fresh as one that waited for the stamps before answering, and
   * is answered as it is (describing again would check the 19,000 files a second time), unless
   * anything that may change a listing happened since open() (SessionState.changes).
   */
  async refreshListing(): Promise<Corpus> {
    const completing = this.completingListing;
    if (completing === null || !completing.fromCache || completing.changes !== this.state.changes) return this.describe();
    const corpus = await completing.start().catch(() => null);
    return corpus !== null && completing.changes === this.state.changes ? corpus : this.describe();
  }

  /**
   * `encoding`: reopen in that encoding from now on (`auto`: detect again); absent: as before.
   * `firstPageEarly` (#17): a big annotation file may be answered from its first page before it is parsed whole (earlyFirstPage.ts).
   */
  async loadArticle(id: string, encoding?: string, options: { firstPageEarly?: boolean } = {}): Promise<ArticleDocument> {
    // (#17) The window has moved on: what is still gathered or read for the article it left would share main with this load.
    this.stopSuggestionsOtherThan(id);
    for (const [article, reading] of this.state.wholeReads) if (article !== id) reading.abort();
    const loading = loadArticle(this.state, id, encoding, options);
    const entry = { id, loading };
    this.loading.add(entry);
    try {
      const document = await loading;
      this.lastLoaded = id;
      return document;
    } finally {
      this.loading.delete(entry);
    }
  }

  /** A page of the annotation list article.load sent in part (article.annotationPage); of a list still being read, once it is. */
  async annotationPage(id: string, revision: string, from: number): Promise<{ annotations: StoredAnnotation[] }> {
    resolveInCorpus(this.state.requireRoot(), id);
    return annotationPageOf(await this.state.savedLists.listWhenReady(id, revision), from);
  }

  /**
   * Saves the list that `changes` make of the one last saved as `base` (see annotations.saveChanges).
   * Relations left out are the ones saved (or loaded) with `base`.
   */
  async saveAnnotationChanges(id: string, sha256: string, base: string, changes: AnnotationListChanges<StoredAnnotation>, request: Omit<SessionSaveRequest, 'annotations' | 'relations'> & { relations?: readonly StoredRelation[] }): Promise<SaveResult> {
    const annotations = this.state.savedLists.withChanges(id, base, changes);
    const relations = request.relations ?? this.state.savedLists.relationsAt(id, base);
    if (annotations === null || relations === null) {
      return { ok: false, message: 'The list these changes were made against is not known here; the whole list must be sent.', userProblem: { code: 'saveBaseUnknown' }, retryable: false, baseUnknown: true };
    }
    return this.saveAnnotations(id, sha256, { ...request, relations: [...relations], annotations });
  }

  async saveAnnotations(id: string, sha256: string, request: SessionSaveRequest): Promise<SaveResult> {
    const result = await saveWholeList(this.state, id, sha256, request);
    // The window adopts a merged document: its next changes are made against that list.
    if (result.ok) return { ...result, revision: this.state.savedLists.remember(id, result.merged?.annotations ?? request.annotations, result.merged?.relations ?? request.relations) };
    return result;
  }

  /** The lines of a brat file that deleting an entity would remove (itself, relations, notes...). */
  async previewDelete(id: string, annotationId: string): Promise<string[]> {
    if (this.state.mode !== 'brat') return [];
    const articlePath = resolveInCorpus(this.state.requireRoot(), id);
    return this.state.brat.previewDelete(articlePath, this.state.bratAliases.get(id)?.get(annotationId) ?? annotationId);
  }

  async searchCorpus(query: string, wholeWords: boolean): Promise<CorpusSearchResult> {
    return searchCorpus(this.state.requireRoot(), query, { wholeWords, limit: 2000 });
  }

  /** Tags every hit of the query in the corpus as one step; undone with `undoTagAll`. */
  async tagAllInCorpus(query: string, wholeWords: boolean, type: string, author: string): Promise<TagAllResult> {
    // The watcher keeps its baseline (`() => null`): the open article's file changed under the
    // window, which is told and syncs; its next save merges (its base is the file before).
    return tagAllInCorpus(this.state.requireNativeRoot('tag across'), query, { wholeWords, type, author }, (articlePath, write) => this.state.ownRewrite(annotationPathFor(articlePath), write));
  }

  async undoTagAll(batchId: string): Promise<{ removed: number; articles: string[] }> {
    return undoTagAll(this.state.requireNativeRoot('tag across'), batchId, (articlePath, write) => this.state.ownRewrite(annotationPathFor(articlePath), write));
  }

  /**
   * (#24) The native corpus's root and the session's own write turn, for the entity registry's
   * rewrites of links in annotation files (as tagAllInCorpus writes: the window is told and merges).
   */
  entityFileAccess(): { root: string; write: WriteTurn; base: RegistryBase } {
    // Links live in native annotation files (`entity`); a brat corpus is linked after importing it (its N lines come in as links).
    if (this.state.mode === 'brat') throw withUserProblem(new Error('Entity links are kept in Hashiye\'s annotation files, which a brat corpus does not have: import the brat corpus to link its annotations.'), { code: 'entityLinkBratMode' });
    const write: WriteTurn = (articlePath, action) => this.state.ownRewrite(annotationPathFor(articlePath), action);
    return { root: this.state.requireNativeRoot('link entities'), write, base: this.registryBase };
  }

  /** (#17) The article loads under way, and the article last loaded: suggestions wait for the window's next article. */
  private readonly loading = new Set<{ id: string; loading: Promise<ArticleDocument> }>();
  private lastLoaded: string | null = null;

  /** The suggestion searches running, by article: one for another article is stopped by a new one (#25). */
  private readonly suggesting = new Map<AbortController, string>();

  /**
   * Where texts tagged elsewhere in the corpus recur untagged in this article (code points).
   * Asking for another article's stops the searches still running for earlier ones (they answer
   * nothing): the window drops them anyway, and their seconds of CPU slowed the article opened.
   */
  async suggestions(id: string): Promise<Suggestion[]> {
    this.stopSuggestionsOtherThan(id);
    // (#17) Asked for the article shown while the window already opens another (an idle callback
    // run after the click): the answer would be dropped, and gathering the corpus's tagged texts
    // (39 MB parsed for a file of 100,000 annotations) would hold main's answer to that article.
    for (let others = this.loadsOtherThan(id); others.length > 0; others = this.loadsOtherThan(id)) await Promise.allSettled(others);
    if (this.lastLoaded !== null && this.lastLoaded !== id) return [];
    const search = new AbortController();
    this.suggesting.set(search, id);
    try {
      return await this.suggestionsOf(id, search.signal);
    } catch (error) {
      // Stopped for another article (while gathering the corpus's tagged texts): nothing to answer.
      if (search.signal.aborted) return [];
      throw error;
    } finally {
      this.suggesting.delete(search);
    }
  }

  private loadsOtherThan(id: string): Promise<ArticleDocument>[] {
    return [...this.loading].filter((entry) => entry.id !== id).map((entry) => entry.loading);
  }

  /** Stops the suggestion searches running for other articles than `id` (loading or asking for `id`). */
  private stopSuggestionsOtherThan(id: string): void {
    for (const [running, article] of this.suggesting) if (article !== id) running.abort();
  }

  private async suggestionsOf(id: string, signal: AbortSignal): Promise<Suggestion[]> {
    if (this.state.mode !== 'native') return [];
    const root = this.state.requireRoot();
    const articlePath = resolveInCorpus(root, id);
    // (#17) The list the window was sent (its pages' list, once the whole file is parsed), not
    // the file parsed once more: 39 MB for 100,000 annotations, while the pages' own parse ran.
    const kept = await this.state.savedLists.latest(id);
    // Stopped while the list was waited for (the window opened another article): its file is not parsed.
    signal.throwIfAborted();
    const base = this.state.bases.get(id);
    const article = this.state.loaded.get(id) ?? (await this.state.readArticle(articlePath));
    const own = kept !== null && base !== null ? { annotations: kept, zones: base.document.zones } : await loadAnnotations(articlePath, article);
    const tagged = await this.state.taggedTexts.current(() => collectTaggedTexts(root, kept !== null ? new Map([[id, kept]]) : undefined, signal, this.state.taggedTextFiles));
    if (signal.aborted) return [];
    return suggestionsFor(article.text, own.annotations, tagged, undefined, own.zones, undefined, signal);
  }

  private footerScan: AbortController | null = null;

  /** (#21) Footers repeated across the corpus, proposed as boilerplate; a new scan cancels the one before. */
  async footerProposals(minArticles?: number): Promise<FooterScan> {
    this.footerScan?.abort();
    const controller = new AbortController();
    this.footerScan = controller;
    return scanFooterProposals(this.state.requireNativeRoot('find repeated footers'), { minArticles, signal: controller.signal });
  }

  /** (#21) The analyst's decision on a footer, written into each article's file (the window is told and syncs). */
  async decideFooter(key: string, articleIds: readonly string[], decision: FooterDecision): Promise<FooterDecisionResult> {
    return decideFooter(this.state.requireNativeRoot('mark boilerplate'), key, articleIds, decision, (articlePath, write) => this.state.ownWrite(annotationPathFor(articlePath), write, () => null));
  }

  /** What renaming, merging or removing tag types would change in the corpus's annotation files. */
  async previewTypeChanges(changes: TypeChanges): Promise<TypeChangePlan> {
    return planTypeChanges(this.state.requireNativeRoot('edit the tag set'), changes);
  }

  /** Rewrites the annotation files for the changes (with backups), then saves the tag set. */
  async saveTagSet(types: TagTypeInput[], changes: TypeChanges, relationFields?: RelationTagSetFields): Promise<TypeChangePlan> {
    const root = this.state.requireNativeRoot('edit the tag set');
    return applyTagSetChanges(root, types, changes, (file, write) => this.state.ownRewrite(file, write), relationFields);
  }

  /** (#21) Saves the document-label dimensions into hashiye.json. */
  async saveDimensions(dimensions: DimensionInput[]): Promise<void> {
    const root = this.state.requireNativeRoot('edit the tag set');
    await saveDimensions(root, dimensions);
  }

  /** Moves a broken annotation file aside; returns its new file name. */
  async moveAsideAnnotationFile(id: string): Promise<string> {
    const articlePath = resolveInCorpus(this.state.requireRoot(), id);
    if (this.state.mode !== 'native' || !/\.txt$/i.test(articlePath)) throw withUserProblem(new Error(`${id} is not an article with a native annotation file.`), { code: 'notBroken', file: path.basename(articlePath), readOnly: false });
    // Only a file that cannot be used is moved aside: a valid file is never renamed from the window.
    const document = await this.loadArticle(id);
    if (document.problem === null) throw withUserProblem(new Error(`The annotation file of ${id} is not broken; it stays where it is.`), { code: 'notBroken', file: path.basename(annotationPathFor(articlePath)), readOnly: false });
    // A file the user may not write is not broken: it is left exactly where and as it is.
    if (document.problem.kind === 'permission') throw withUserProblem(new Error(`The annotation file of ${id} is read-only, not broken; it stays where it is.`), { code: 'notBroken', file: path.basename(annotationPathFor(articlePath)), readOnly: true });
    return path.basename(await moveAsideBrokenFile(articlePath));
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
