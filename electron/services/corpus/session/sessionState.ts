import path from 'node:path';
import type { Corpus } from '../../../../shared/corpusWire';
import type { DecodedArticle } from '../../article/articleDecoder';
import { bratAnnotationPathFor, BratStore } from '../../brat/bratStore';
import { withFileLock } from '../../storage/annotationFileLock';
import { annotationPathFor } from '../../storage/annotationStore';
import { AnnotationFileBases } from '../../storage/mergingSave';
import { SavedAnnotationLists } from '../../storage/savedAnnotationLists';
import { withUserProblem } from '../../problems/userProblems';
import { resolveInCorpus } from '../corpusPaths';
import type { CorpusWatcher } from '../corpusWatcher';
import { TaggedTextFiles } from '../suggestions';
import { TaggedTextsCache } from './taggedTextsCache';
import type { KnownFileState } from '../watchedFileState';
import { ArticleReader } from './articleReading';
import { BlindOverwrites } from './blindOverwrites';

/**
 * What the session holds of the open corpus, shared by the steps that load, save and watch its
 * articles (CorpusSession is their façade, and the only owner of a SessionState).
 */
export class SessionState {
  root: string | null = null;
  mode: Corpus['mode'] = 'native';
  brat = new BratStore();
  watcher: CorpusWatcher | null = null;
  /** The text each open article was loaded with: saves are checked against the text their edits were made on. */
  readonly loaded = new Map<string, DecodedArticle>();
  /**
   * What this window last loaded or saved of each article's annotation file (its document and
   * the SHA-256 of the file's bytes): the base of the three-way merge every save makes with the
   * file on disk (mergingSave.ts), so that another writer's changes are merged, never overwritten.
   */
  readonly bases = new AnnotationFileBases();
  readonly lastWrites = new BlindOverwrites();
  /** What each article's last save held, for saves of changes only. */
  readonly savedLists = new SavedAnnotationLists();
  /** brat ids given to annotations the window created, by article: the window keeps its own ids. */
  readonly bratAliases = new Map<string, Map<string, string>>();
  readonly reader = new ArticleReader();
  /** (#17) The whole reads of big annotation files whose first page was sent, by article (earlyFirstPage.ts). */
  readonly wholeReads = new Map<string, AbortController>();
  /**
   * (#25, session 15) Counts what may have changed a listing since it was made: the session's own
   * writes, outside changes the watcher reported, each listing described again. A first listing's
   * completion is handed to the window's refresh only while this has not moved (CorpusSession.refreshListing).
   */
  changes = 0;
  /** Texts tagged in the corpus, for suggestions: gathered at most every few seconds, forgotten on every change. */
  readonly taggedTexts = new TaggedTextsCache();
  /** (#17) What each annotation file tagged, kept while the file is unchanged: a gathering reads only the files that changed. */
  readonly taggedTextFiles = new TaggedTextFiles();

  /** Forgets what was loaded, saved and chosen for the articles of the corpus being closed. */
  forgetArticles(): void {
    this.loaded.clear();
    this.bases.clear();
    this.lastWrites.clear();
    this.bratAliases.clear();
    this.savedLists.clear();
    this.reader.clear();
    for (const reading of this.wholeReads.values()) reading.abort();
    this.wholeReads.clear();
    this.taggedTextFiles.keepOnly(new Set());
  }

  requireRoot(): string {
    if (this.root === null) throw withUserProblem(new Error('No corpus is open.'), { code: 'noCorpus' });
    return this.root;
  }

  requireNativeRoot(what: string): string {
    const root = this.requireRoot();
    if (this.mode === 'brat') throw withUserProblem(new Error(`Cannot ${what} of a brat corpus here: its types come from annotation.conf.`), { code: 'bratTagSetReadOnly' });
    return root;
  }

  annotationPathOf(articlePath: string): string {
    return this.mode === 'brat' ? bratAnnotationPathFor(articlePath) : annotationPathFor(articlePath);
  }

  /** The article decoded, and its file as read (see ArticleReader.readFile). */
  async readArticleFile(articlePath: string, like?: DecodedArticle): Promise<{ article: DecodedArticle; file: KnownFileState }> {
    return this.reader.readFile(this.requireRoot(), this.mode, articlePath, like);
  }

  /** `like`: the article as loaded in the window; its encoding decodes saves unless the user chose another since. */
  async readArticle(articlePath: string, like?: DecodedArticle): Promise<DecodedArticle> {
    return (await this.readArticleFile(articlePath, like)).article;
  }

  async ownWrite<T>(file: string, write: () => Promise<T>, unchanged?: (value: T) => KnownFileState | null): Promise<T> {
    this.changes++;
    try {
      return await (this.watcher ? this.watcher.ownWrite(file, write, unchanged) : write());
    } finally {
      // A gathering of tagged texts that began before these bytes landed is not kept.
      this.taggedTexts.forget();
    }
  }

  /**
   * A rewrite by this process itself (tag all, its undo, a tag-set change): it read the file in
   * the same turn, so it saw our last save and is never a blind overwrite to repair. The window
   * is still told, and merges it.
   */
  async ownRewrite<T>(file: string, write: () => Promise<T>): Promise<T> {
    return this.ownWrite(file, async () => {
      // Read and rewritten under the file's lock, as saves are: another Hashiye never saves in between.
      const value = await withFileLock(file, write);
      const rewritten = path.resolve(file);
      for (const id of this.lastWrites.ids()) {
        if (this.root !== null && path.resolve(annotationPathFor(resolveInCorpus(this.root, id))) === rewritten) this.lastWrites.forget(id);
      }
      return value;
    }, () => null);
  }
}
