import { watch as watchFileSystem, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Folder watches at most (inotify's default limit is 8,192 per user on older systems, shared with other programs). */
export const MAX_FOLDER_WATCHES = 4000;

/**
 * The file-event watches of a corpus (see corpusWatcher.ts for which and why): one recursive
 * watch where the system provides one, else one per folder of the corpus, plus the open
 * article's folder. They only hurry a check on; polling stays the ground truth, so a watch that
 * fails is dropped and its folder left to polling.
 */
export class FileEventWatches {
  private readonly watchers: FSWatcher[] = [];
  private articleWatcher: FSWatcher | null = null;
  private recursiveWatch = false;
  /** Per-folder watches (Linux), by folder ('' is the root). */
  private readonly folderWatchers = new Map<string, FSWatcher>();
  /** False once a folder of the corpus went without its watch (the limit, an error). */
  private complete = true;
  private closed = false;

  /** `onEvent`: a file (or null: unknown) that an event named, with the corpus folder whose watch reported it. */
  constructor(
    private readonly root: string,
    private readonly enabled: boolean,
    private readonly onEvent: (file: string | null, folder?: string) => void,
  ) {}

  /** Starts the recursive watch of the whole corpus; false when the system has none (then folders are watched one by one). */
  startRecursive(): boolean {
    if (!this.enabled) return false;
    try {
      const watcher = watchFileSystem(this.root, { recursive: true, persistent: false }, (_type, name) => this.onEvent(name ? path.join(this.root, name.toString()) : null));
      watcher.on('error', () => this.dropWatcher(watcher));
      this.watchers.push(watcher);
      this.recursiveWatch = true;
      return true;
    } catch {
      // Not available here: the root folder alone, and the open article's folder (watchArticleFolder).
      return false;
    }
  }

  get recursive(): boolean {
    return this.recursiveWatch;
  }

  get folderCount(): number {
    return this.folderWatchers.size;
  }

  /** Whether every one of `folders` has a watch (or the recursive one covers them), and none was lost. */
  cover(folders: readonly string[]): boolean {
    if (this.recursiveWatch) return true;
    return this.complete && this.folderWatchers.size > 0 && folders.every((folder) => this.folderWatchers.has(folder));
  }

  /** False once some folder went without a watch: polling covers it, at its fastest. */
  get coversEveryFolder(): boolean {
    return this.complete;
  }

  /** Watches one folder of the corpus for its entries (Linux), within MAX_FOLDER_WATCHES and the system's limit. */
  watchFolder(folder: string): void {
    if (this.closed || !this.enabled || this.recursiveWatch || this.folderWatchers.has(folder)) return;
    if (this.folderWatchers.size >= MAX_FOLDER_WATCHES) {
      this.complete = false;
      return;
    }
    const absolute = folder === '' ? this.root : path.join(this.root, ...folder.split('/'));
    try {
      const watcher = watchFileSystem(absolute, { persistent: false }, (_type, name) => this.onEvent(name ? path.join(absolute, name.toString()) : absolute, folder));
      watcher.on('error', () => {
        // Gone, or the system ran out of watches: polling covers this folder from now on.
        watcher.close();
        if (this.folderWatchers.get(folder) === watcher) this.folderWatchers.delete(folder);
        this.complete = false;
      });
      this.folderWatchers.set(folder, watcher);
    } catch {
      // ENOSPC (inotify's limit) or the folder vanished: polling covers it.
      this.complete = false;
    }
  }

  unwatchFolder(folder: string): void {
    this.folderWatchers.get(folder)?.close();
    this.folderWatchers.delete(folder);
  }

  /** Watches the open article's folder (null: none), unless a recursive watch or the root's covers it. */
  watchArticleFolder(folder: string | null): void {
    this.articleWatcher?.close();
    this.articleWatcher = null;
    if (folder === null || !this.enabled || this.recursiveWatch || path.resolve(folder) === this.root) return;
    try {
      this.articleWatcher = watchFileSystem(folder, { persistent: false }, (_type, name) => this.onEvent(name ? path.join(folder, name.toString()) : null));
      this.articleWatcher.on('error', () => {
        this.articleWatcher?.close();
        this.articleWatcher = null;
      });
    } catch {
      // Polling covers it.
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
    for (const watcher of this.watchers) watcher.close();
    this.articleWatcher?.close();
  }

  private dropWatcher(watcher: FSWatcher): void {
    watcher.close();
    const index = this.watchers.indexOf(watcher);
    if (index !== -1) this.watchers.splice(index, 1);
    if (this.watchers.length === 0) this.recursiveWatch = false;
  }
}
