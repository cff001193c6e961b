import { LOCK_FILE_NAME } from '../storage/annotationFileLock';
import { isArticleFileName, type ListedCorpus } from './articleFiles';
import { FileEventWatches } from './fileEventWatches';
import { knownState, readState, type FileState, type KnownFileState } from './watchedFileState';
import path from 'node:path';
import { CorpusFolderTree, type FolderTreeChange } from './corpusFolderTree';

/**
 * Notices changes on disk made by other programs: the open article, its annotation file and
 * the list of articles in the corpus.
 *
 * Polling is the ground truth (`stat` of the two open files every second; the corpus's folders
 * are `stat`ed and only those whose modification time moved are read again, see
 * CorpusFolderTree): file events do not arrive from network shares. File events, where they
 * work, make a change show up sooner and let the corpus poll slow down while nothing changes
 * (issue #17: re-reading a 50,000-article tree every five seconds cost a sixth of a core):
 * each one schedules a check, debounced, and the check decides from the content (SHA-256) or
 * the folder's listing, never from the event.
 *
 * Which events: on Linux every folder of the corpus is watched non-recursively (inotify on a
 * folder reports its files by name, also when a program replaces a file by renaming another over
 * it), up to MAX_FOLDER_WATCHES (fileEventWatches.ts) and the system's inotify limit; folders past that are covered by
 * polling at its fastest. A recursive watch of the whole corpus is used only where the system
 * provides one (macOS FSEvents, Windows ReadDirectoryChangesW). Node 20 emulates recursion on
 * Linux in JavaScript: a synchronous walk at start (which would block the main process on a big
 * corpus), one inotify watch per file and folder (20,000 for a corpus of 10,000 articles, past
 * many systems' limit), watches on files that lose track of a file replaced by rename, and races
 * with new folders (nodejs/node#48437): folders alone, watched by us, avoid all of these.
 *
 * Our own writes are not reported: the caller tells the watcher the SHA-256 of what it is about
 * to write (`noteOwnWrite`, before writing, so that no check can see the new file first), and a
 * file whose content has that hash is taken as ours. Temporary files and `.bak` copies are never
 * looked at: only the open article, its annotation file and `*.txt` names count.
 */
export type CorpusWatchEvent =
  /** The open article's bytes changed (`sha256` of the new bytes) or it was removed (`null`). */
  | { kind: 'articleChanged'; id: string; sha256: string | null }
  /** The open article's annotation file was changed or removed (`null`) by another program. */
  | { kind: 'annotationFileChanged'; id: string; path: string; sha256: string | null }
  /** Articles (ids relative to the corpus root) that appeared or disappeared. */
  | { kind: 'corpusChanged'; added: string[]; removed: string[] };

export interface CorpusWatcherOptions {
  root: string;
  /** Use `fs.watch` to notice changes sooner than polling does. Default true. */
  nativeEvents?: boolean;
  /** Watch the whole corpus with one recursive `fs.watch`. Default: only on macOS and Windows, where it is native. */
  recursiveEvents?: boolean;
  /** How often the open article and its annotation file are checked. Default 1000 ms; 0 turns it off. */
  filePollMs?: number;
  /**
   * How often the corpus's folders are checked while things change. Default 5000 ms; 0 turns it
   * off. While nothing changes the interval doubles, up to `idleCorpusPollMs`.
   */
  corpusPollMs?: number;
  /** The longest interval of the corpus poll while nothing changes. Default 60 s with file events on every folder, 20 s without. */
  idleCorpusPollMs?: number;
  /** How long file events are gathered before one check. Default 200 ms. */
  debounceMs?: number;
  /** (#25) Keep the first read of the corpus's folders for takeFirstWalk (the session lists the corpus from it). Default false. */
  keepFirstWalk?: boolean;
}

export interface WatchedArticle {
  id: string;
  articlePath: string;
  /** `NAME.ann.json`, or `NAME.ann` in a brat corpus. */
  annotationPath: string;
  /** SHA-256 of the article bytes as loaded (DecodedArticle.sha256), so a change between load and watch is caught. */
  articleSha256?: string;
  /** The article file as the caller read it, taken as the baseline instead of reading and hashing it again. */
  articleFile?: KnownFileState;
  /** The annotation file as the caller read it (or found it absent), likewise. */
  annotationFile?: KnownFileState;
}

/**
 * A file as a caller just read it: its size and mtime from a stat taken before reading it, and
 * the SHA-256 of the bytes read. Stat first: a change made after the stat moves its mtime or size
 * past what is recorded, so polling reads the file again and reports it if the content differs,
 * as it does for a baseline it read itself.
 */

/** Names an event can carry that never matter: our temporary files, backups and save locks (annotationFileLock.ts). */
function isNoise(name: string): boolean {
  const base = path.basename(name);
  return base.endsWith('.tmp') || base.endsWith('.bak') || LOCK_FILE_NAME.test(base);
}

export class CorpusWatcher {
  private readonly root: string;
  private readonly listeners = new Set<(event: CorpusWatchEvent) => void>();
  private readonly ownWrites = new Map<string, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly watches: FileEventWatches;
  private article: WatchedArticle | null = null;
  private articleState: FileState | null = null;
  private annotationState: FileState | null = null;
  private tree: CorpusFolderTree | null = null;
  /** Whether every folder of the corpus had a file-event watch at start (then the corpus poll may slow down further). */
  private eventsCoverCorpus = false;
  /** Folders named by file events since the last corpus check. */
  private readonly dirtyFolders = new Set<string>();
  private corpusPollTimer: NodeJS.Timeout | null = null;
  /** The corpus poll's current interval: grows while nothing changes, back to `corpusPollMs` on a change. */
  private corpusPollInterval = 0;
  private debounce: NodeJS.Timeout | null = null;
  private pendingFiles = false;
  private pendingCorpus = false;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(private readonly options: Required<CorpusWatcherOptions>) {
    this.root = path.resolve(options.root);
    this.watches = new FileEventWatches(this.root, options.nativeEvents, (file, folder) => this.onFileEvent(file, folder));
  }

  /** Takes a first listing of the corpus and starts watching it. */
  static async start(options: CorpusWatcherOptions): Promise<CorpusWatcher> {
    const recursiveEvents = process.platform === 'darwin' || process.platform === 'win32';
    const watcher = new CorpusWatcher({ nativeEvents: true, recursiveEvents, filePollMs: 1000, corpusPollMs: 5000, idleCorpusPollMs: 0, debounceMs: 200, keepFirstWalk: false, ...options });
    watcher.startWatching();
    // Folder watches are set up as each folder is first read, so nothing written after is missed.
    watcher.tree = await CorpusFolderTree.build(watcher.root, (folder) => watcher.watches.watchFolder(folder), { keepFirstWalk: watcher.options.keepFirstWalk });
    watcher.eventsCoverCorpus = watcher.watches.cover(watcher.tree.folderNames());
    watcher.scheduleCorpusPoll(false);
    return watcher;
  }

  /** (#25) The corpus as first read (`keepFirstWalk`), once: a listing of it is of the very tree later checks compare with. */
  takeFirstWalk(): ListedCorpus | null {
    return this.tree?.takeFirstWalk() ?? null;
  }

  /** The corpus poll's interval now (it grows while nothing changes). */
  get corpusPollIntervalMs(): number {
    return this.corpusPollInterval;
  }

  /** Folders of the corpus watched one by one with file events (Linux). */
  get watchedFolderCount(): number {
    return this.watches.folderCount;
  }

  /** True when a recursive file-event watch of the whole corpus is running (besides polling). */
  get usingRecursiveEvents(): boolean {
    return this.watches.recursive;
  }

  onEvent(listener: (event: CorpusWatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Watches the article now open (replacing the previous one). Its current content becomes the
   * baseline; if `articleSha256` is given and the bytes on disk already differ, the change is
   * reported at once. `articleFile` and `annotationFile`, when given, are taken as the baseline
   * instead of reading and hashing the files again (the caller has just read them).
   */
  async watchArticle(article: WatchedArticle): Promise<void> {
    this.article = article;
    this.articleState = null;
    this.annotationState = null;
    this.watches.watchArticleFolder(path.dirname(article.articlePath));
    await this.enqueue(async () => {
      this.articleState = article.articleFile ? knownState(article.articlePath, article.articleFile) : await readState(article.articlePath, null, true);
      this.annotationState = article.annotationFile ? knownState(article.annotationPath, article.annotationFile) : await readState(article.annotationPath, null, true);
      if (article.articleSha256 !== undefined && this.articleState.sha256 !== article.articleSha256) {
        this.emit({ kind: 'articleChanged', id: article.id, sha256: this.articleState.sha256 });
      }
    });
  }

  unwatchArticle(): void {
    this.article = null;
    this.articleState = null;
    this.annotationState = null;
    this.watches.watchArticleFolder(null);
  }

  /** Call before writing `file` with content of this SHA-256: that content will not be reported as a change. */
  noteOwnWrite(file: string, sha256: string): void {
    this.ownWrites.set(path.resolve(file), sha256);
  }

  /**
   * Runs one of our own writes (a save, a re-anchoring) with no check in between. On a closed
   * watcher the write simply runs. `write` must not call this watcher's `ownWrite` or `checkNow`,
   * which would wait for it.
   *
   * `known` tells, from what `write` returned, the file as the write left it: the SHA-256 of the
   * bytes it wrote (mtime -1 when unknown: the next poll hashes the file once), or what it read
   * when it wrote nothing. That becomes the baseline and, written, our own content. It must be
   * the bytes we wrote, not a read after the write: another writer may already have changed the
   * file, and taking its content as ours would hide that change from the window for good.
   * `known` returning null means the write left the file as it was (refused, failed): the
   * baseline stays. Without `known` (writers that cannot tell), the file is read after the write.
   */
  async ownWrite<T>(file: string, write: () => Promise<T>, known?: (value: T) => KnownFileState | null): Promise<T> {
    const outcome: { ran: boolean; value?: T; failed: boolean; error?: unknown } = { ran: false, failed: false };
    await this.enqueue(async () => {
      outcome.ran = true;
      try {
        outcome.value = await write();
      } catch (error) {
        outcome.failed = true;
        outcome.error = error;
      }
      const resolved = path.resolve(file);
      let state: FileState;
      if (known) {
        const left = outcome.failed ? null : known(outcome.value as T);
        // Thrown or null: nothing was written, the baseline stays as it was.
        if (left === null) return;
        state = knownState(resolved, left);
      } else {
        state = await readState(resolved, null, true);
      }
      if (state.sha256 !== null) this.ownWrites.set(resolved, state.sha256);
      const article = this.article;
      if (article && path.resolve(article.annotationPath) === resolved) this.annotationState = state;
      if (article && path.resolve(article.articlePath) === resolved) this.articleState = state;
    });
    // Closed meanwhile (another corpus opened): the write still happens, unwatched.
    if (!outcome.ran) return write();
    if (outcome.failed) throw outcome.error;
    return outcome.value as T;
  }

  /** Runs the checks now (the polling work), for callers that know something changed. */
  async checkNow(): Promise<void> {
    await this.enqueue(async () => {
      await this.checkFiles(true);
      await this.checkCorpus();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.corpusPollTimer) clearTimeout(this.corpusPollTimer);
    this.watches.close();
    if (this.debounce) clearTimeout(this.debounce);
    this.listeners.clear();
    await this.queue;
  }

  private startWatching(): void {
    if (this.options.filePollMs > 0) {
      this.timers.push(setInterval(() => void this.enqueue(() => this.checkFiles(false)), this.options.filePollMs).unref());
    }
    // Not recursive: each folder of the corpus gets its own watch as the tree reads it (FileEventWatches.watchFolder).
    if (this.options.recursiveEvents) this.watches.startRecursive();
  }

  /**
   * The next corpus poll: at `corpusPollMs` after a change, and twice as long after each check
   * that found nothing, up to the idle ceiling (longer when file events cover every folder, as
   * they then report changes themselves and the poll is only the fallback for network shares).
   */
  private scheduleCorpusPoll(changed: boolean): void {
    if (this.closed || this.options.corpusPollMs <= 0) return;
    const base = this.options.corpusPollMs;
    const ceiling = this.options.idleCorpusPollMs > 0 ? this.options.idleCorpusPollMs : this.eventsCoverCorpus && this.watches.coversEveryFolder ? 60_000 : 20_000;
    this.corpusPollInterval = changed || this.corpusPollInterval === 0 ? base : Math.min(Math.max(ceiling, base), this.corpusPollInterval * 2);
    if (this.corpusPollTimer) clearTimeout(this.corpusPollTimer);
    this.corpusPollTimer = setTimeout(() => {
      this.corpusPollTimer = null;
      void this.enqueue(async () => {
        const changedNow = await this.pollCorpus();
        this.scheduleCorpusPoll(changedNow);
      });
    }, this.corpusPollInterval);
    this.corpusPollTimer.unref();
  }

  /** `folder`: the corpus folder whose watch reported it (per-folder watches), when known. */
  private onFileEvent(file: string | null, folder?: string): void {
    if (this.closed) return;
    if (file !== null && isNoise(file)) return;
    const resolved = file === null ? null : path.resolve(file);
    const article = this.article;
    if (resolved === null || (article && (resolved === path.resolve(article.articlePath) || resolved === path.resolve(article.annotationPath)))) this.pendingFiles = true;
    // A folder's name, or a .txt: the listing of the folder holding it may have changed.
    if (resolved === null || isArticleFileName(path.basename(resolved)) || path.extname(resolved) === '') {
      this.pendingCorpus = true;
      const holder = folder ?? (resolved === null ? null : this.tree?.folderOf(resolved));
      // An event naming no known folder (a recursive watch's new sub-folder...): its parent chain is found by a full check.
      if (holder === null || holder === undefined) this.dirtyFolders.add('*');
      else this.dirtyFolders.add(holder);
    }
    if (!this.pendingFiles && !this.pendingCorpus) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      const files = this.pendingFiles;
      const corpus = this.pendingCorpus;
      this.pendingFiles = false;
      this.pendingCorpus = false;
      void this.enqueue(async () => {
        if (files) await this.checkFiles(true);
        if (corpus) await this.checkCorpus();
      });
    }, this.options.debounceMs);
    this.debounce.unref();
  }

  /** Checks run one at a time, in order, so two never compare against a half-updated state. */
  private enqueue(check: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.closed) return;
      try {
        await check();
      } catch {
        // A check that fails (a file vanishing mid-read) is simply retried by the next poll.
      }
    });
    this.queue = next;
    return next;
  }

  /**
   * A changed file is read again until two reads agree (at most a few times), so that a program
   * that truncates and then writes is reported once, with what it wrote, not the empty file between.
   */
  private async readSettled(file: string, previous: FileState, force: boolean): Promise<FileState> {
    let state = await readState(file, previous, force);
    for (let attempt = 0; attempt < 5 && state.sha256 !== previous.sha256; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(10, this.options.debounceMs / 4)));
      const again = await readState(file, null, true);
      if (again.sha256 === state.sha256) break;
      state = again;
    }
    return state;
  }

  private async checkFiles(force: boolean): Promise<void> {
    const article = this.article;
    if (!article || !this.articleState || !this.annotationState) return;
    const articleState = await this.readSettled(article.articlePath, this.articleState, force);
    const annotationState = await this.readSettled(article.annotationPath, this.annotationState, force);
    if (this.article !== article) return;
    if (articleState.sha256 !== this.articleState.sha256) {
      this.articleState = articleState;
      this.emit({ kind: 'articleChanged', id: article.id, sha256: articleState.sha256 });
    } else {
      this.articleState = articleState;
    }
    if (annotationState.sha256 !== this.annotationState.sha256) {
      this.annotationState = annotationState;
      const own = this.ownWrites.get(path.resolve(article.annotationPath));
      if (annotationState.sha256 === null || annotationState.sha256 !== own) {
        this.emit({ kind: 'annotationFileChanged', id: article.id, path: article.annotationPath, sha256: annotationState.sha256 });
      }
    } else {
      this.annotationState = annotationState;
    }
  }

  /**
   * After file events (or checkNow): the folders they named are read again; a change no event
   * could place, or checkNow, reads every folder. Returns whether anything changed.
   */
  private async checkCorpus(): Promise<boolean> {
    const tree = this.tree;
    if (!tree) return false;
    const named = [...this.dirtyFolders];
    this.dirtyFolders.clear();
    const everything = named.length === 0 || named.includes('*');
    return this.applyTreeChange(await tree.refresh(everything ? tree.folderNames() : named));
  }

  /** The corpus poll: one `stat` per folder, and only the folders that moved are read again. */
  private async pollCorpus(): Promise<boolean> {
    const tree = this.tree;
    if (!tree) return false;
    const moved = await tree.changedFolders();
    if (moved.length === 0) return false;
    return this.applyTreeChange(await tree.refresh(moved));
  }

  private applyTreeChange(change: FolderTreeChange): boolean {
    for (const folder of change.removedFolders) this.watches.unwatchFolder(folder);
    // An id both removed and added in one check (its folder replaced) did not change.
    const addedSet = new Set(change.added);
    const removedSet = new Set(change.removed);
    const added = [...addedSet].filter((id) => !removedSet.has(id)).sort();
    const removed = [...removedSet].filter((id) => !addedSet.has(id)).sort();
    if (added.length > 0 || removed.length > 0) this.emit({ kind: 'corpusChanged', added, removed });
    return added.length > 0 || removed.length > 0 || change.addedFolders.length > 0 || change.removedFolders.length > 0;
  }

  private emit(event: CorpusWatchEvent): void {
    if (this.closed) return;
    for (const listener of this.listeners) listener(event);
  }
}
