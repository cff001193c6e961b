import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listCorpusFolder, walkOfListings, type CorpusFolderListing, type ListedCorpus } from './articleFiles';

/**
 * The corpus's folders and the articles directly in each, kept up to date folder by folder, so
 * that noticing added and removed articles costs in proportion to what changed: a folder is read
 * again only when a file event names it or its modification time moved (adding, removing or
 * renaming an entry moves it), never the whole tree every few seconds. With 50,000 articles in
 * a hundred folders an idle check is a hundred `stat`s instead of reading 100,000 names.
 */
interface FolderState {
  /** Folder's mtime and ctime when it was last read: a change to its entries moves them. */
  mtimeMs: number;
  ctimeMs: number;
  articles: Set<string>;
  subfolders: Set<string>;
}

export interface FolderTreeChange {
  /** Article ids that appeared or disappeared. */
  added: string[];
  removed: string[];
  /** Folders (relative, `/`) that appeared or disappeared, for watches to follow. */
  addedFolders: string[];
  removedFolders: string[];
}

function emptyChange(): FolderTreeChange {
  return { added: [], removed: [], addedFolders: [], removedFolders: [] };
}

function childOf(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

export class CorpusFolderTree {
  private readonly folders = new Map<string, FolderState>();
  /** (#25) The folders' listings as the first build read them, kept (when asked) until takeFirstWalk. */
  private firstListings: [string, CorpusFolderListing][] | null = null;

  private constructor(
    /** The corpus root's real path: folders are read from it, never through a link. */
    readonly rootReal: string,
    /** Called for a folder about to be read for the first time: a watch set up here misses nothing written after the read. */
    private readonly onNewFolder: (folder: string) => void,
  ) {}

  /**
   * Reads the whole tree once. `keepFirstWalk` (#25): the listings read are kept for
   * takeFirstWalk, so that the corpus's first listing is made of this read, not of another.
   */
  static async build(root: string, onNewFolder: (folder: string) => void = () => {}, { keepFirstWalk = false }: { keepFirstWalk?: boolean } = {}): Promise<CorpusFolderTree> {
    let rootReal: string;
    try {
      rootReal = await fs.realpath(path.resolve(root));
    } catch {
      rootReal = path.resolve(root);
    }
    const tree = new CorpusFolderTree(rootReal, onNewFolder);
    if (keepFirstWalk) tree.firstListings = [];
    await tree.addFolder('', emptyChange());
    return tree;
  }

  /**
   * (#25) The corpus as the first build read it (walkCorpus's walk, and its brat signs), once;
   * null when it was not kept or was taken. Each folder's times were taken before it was read,
   * so whatever changes after this read is noticed and reported by the tree's next check.
   */
  takeFirstWalk(): ListedCorpus | null {
    const listings = this.firstListings;
    this.firstListings = null;
    return listings === null ? null : walkOfListings(listings);
  }

  absolute(folder: string): string {
    return folder === '' ? this.rootReal : path.join(this.rootReal, ...folder.split('/'));
  }

  /** Every article id now known. */
  ids(): Set<string> {
    const ids = new Set<string>();
    for (const [folder, state] of this.folders) for (const name of state.articles) ids.add(childOf(folder, name));
    return ids;
  }

  /** Every folder now known (relative, `/`; the root is ''). */
  folderNames(): string[] {
    return [...this.folders.keys()];
  }

  has(folder: string): boolean {
    return this.folders.has(folder);
  }

  /** The known folder that holds `file` (an absolute path), or null when it is none of the corpus's. */
  folderOf(file: string): string | null {
    const relative = path.relative(this.rootReal, path.dirname(file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const folder = relative.split(path.sep).join('/');
    return this.folders.has(folder) ? folder : null;
  }

  /** Folders whose modification time moved (or that are gone) since they were read: one `stat` each. */
  async changedFolders(): Promise<string[]> {
    const changed: string[] = [];
    for (const [folder, state] of this.folders) {
      try {
        const stat = await fs.stat(this.absolute(folder));
        if (stat.mtimeMs !== state.mtimeMs || stat.ctimeMs !== state.ctimeMs) changed.push(folder);
      } catch {
        changed.push(folder);
      }
    }
    return changed;
  }

  /** Reads these folders again (all of them when none are named) and says what changed. */
  async refresh(folders: Iterable<string> = this.folderNames()): Promise<FolderTreeChange> {
    const change = emptyChange();
    for (const folder of folders) {
      // A folder removed while refreshing its parent is already accounted for.
      if (this.folders.has(folder)) await this.refreshFolder(folder, change);
    }
    return change;
  }

  private async refreshFolder(folder: string, change: FolderTreeChange): Promise<void> {
    const state = this.folders.get(folder);
    if (!state) return;
    const read = await this.read(folder);
    if (read === null) {
      this.removeFolder(folder, change);
      return;
    }
    for (const name of read.articles) if (!state.articles.has(name)) change.added.push(childOf(folder, name));
    for (const name of state.articles) if (!read.articles.has(name)) change.removed.push(childOf(folder, name));
    const previousSubfolders = state.subfolders;
    this.folders.set(folder, read);
    for (const name of previousSubfolders) if (!read.subfolders.has(name)) this.removeFolder(childOf(folder, name), change);
    for (const name of read.subfolders) if (!previousSubfolders.has(name)) await this.addFolder(childOf(folder, name), change);
  }

  private async addFolder(folder: string, change: FolderTreeChange): Promise<void> {
    if (this.folders.has(folder)) return;
    this.onNewFolder(folder);
    const read = await this.read(folder);
    if (read === null) return;
    this.folders.set(folder, read);
    change.addedFolders.push(folder);
    for (const name of read.articles) change.added.push(childOf(folder, name));
    // (#25, session 15) Sub-folders read side by side: one after another, a corpus of twenty folders
    // was forty awaited reads in a row, each waiting behind whatever main did meanwhile, and the first
    // listing waited for the last of them. (The thread pool bounds how many run at once.)
    await Promise.all([...read.subfolders].map((name) => this.addFolder(childOf(folder, name), change)));
  }

  private removeFolder(folder: string, change: FolderTreeChange): void {
    const state = this.folders.get(folder);
    if (!state) return;
    this.folders.delete(folder);
    change.removedFolders.push(folder);
    for (const name of state.articles) change.removed.push(childOf(folder, name));
    for (const name of state.subfolders) this.removeFolder(childOf(folder, name), change);
  }

  /** A folder's listing, with its times taken before reading it (a change made meanwhile moves them past what is kept). */
  private async read(folder: string): Promise<FolderState | null> {
    const absolute = this.absolute(folder);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      return null;
    }
    const listing = await listCorpusFolder(this.rootReal, absolute);
    if (listing === null) return null;
    this.firstListings?.push([folder, listing]);
    return { mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, articles: new Set(listing.articles), subfolders: new Set(listing.subfolders) };
  }
}
