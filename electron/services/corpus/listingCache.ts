import { promises as fs, lstatSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArticleEntry } from '../../../shared/corpusWire';
import { ArticleEntrySchema } from '../../../shared/corpusWire';
import { extrasByIndex, isArticleColumns, packArticles, unpackArticleAt, type ArticleColumns } from '../../../shared/articleListWire';
import { ArticleStatusSchema } from '../../../shared/model/status';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * A cache of what the file list shows of each article, kept outside the corpus (in the app's
 * data folder), keyed by the size, modification time and inode of the article and its annotation
 * file. It only saves reading and parsing files that did not change: deleting it loses
 * nothing, and no corpus file is ever written to build it.
 */
// 2: entries carry problemKind, and invariant problems (duplicate ids, dangling relations).
// 3 (#25): rows of arrays, tags as indexes into one table, name and folder taken from the id.
// 4 (#25, session 13): in columns, the listing's own wire form (shared/articleListWire.ts) with
// the stamps as one array of numbers, in the listing's order; stamps carry the inode. Version
// 3's 10,000 row arrays (and their checks, one by one) were a tenth of main's CPU in a cached
// listing, and their garbage more.
const CACHE_VERSION = 4;

/** Size, modification time and inode of a file (a file replaced by another of the same size and time has another inode). */
export type FileStamp = [size: number, mtimeMs: number, ino: number] | null;

/** Numbers an article takes in `stamps`: its article's stamp, then its annotation file's. */
const STAMP_WIDTH = 6;
/** The size written for a file that has no stamp (absent): sizes are never negative. */
const NO_FILE = -1;

interface CacheFile {
  version: typeof CACHE_VERSION;
  root: string;
  /** STAMP_WIDTH numbers an article, in the order of `columns.ids`. */
  stamps: number[];
  columns: ArticleColumns;
}

/** Size, modification time and inode of a file, null when there is none (no exception thrown for a missing file: thousands of articles have none). */
export function stampOf(file: string): FileStamp {
  try {
    const stat = lstatSync(file, { throwIfNoEntry: false });
    return stat ? [stat.size, stat.mtimeMs, stat.ino] : null;
  } catch {
    return null;
  }
}

function stampMatches(stamps: readonly unknown[], at: number, stamp: FileStamp): boolean {
  if (stamp === null) return stamps[at] === NO_FILE;
  return stamps[at] === stamp[0] && stamps[at + 1] === stamp[1] && stamps[at + 2] === stamp[2];
}

function pushStamp(stamps: number[], stamp: FileStamp): void {
  if (stamp === null) stamps.push(NO_FILE, 0, 0);
  else stamps.push(stamp[0], stamp[1], stamp[2]);
}

const STATUS_COUNT = ArticleStatusSchema.options.length;
/** The keys an entry's extras may hold (what the columns do not carry: articleListWire.ts extrasOf), never its id or status. */
const EXTRA_KEYS: ReadonlySet<string> = new Set(Object.keys(ArticleEntrySchema.shape).filter((key) => !['id', 'status', 'annotationCount', 'tags', 'assignee', 'statusPending'].includes(key)));

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isIndexArray(value: unknown, length: number, below: number, from = 0): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((index) => Number.isInteger(index) && index >= from && index < below);
}

/**
 * Whether the columns read from the cache file are whole: every column as long as the ids, every
 * index inside its table, no status pending, extras only of an entry's own keys. Checked once,
 * column by column (numbers and strings, no object an article): a damaged file is simply not used.
 */
function isWholeColumns(columns: unknown): columns is ArticleColumns {
  if (!isArticleColumns(columns)) return false;
  const { ids, statuses, counts, tagLists, tagList, assignees, assignee, extras } = columns;
  if (!isStringArray(ids) || typeof statuses !== 'string' || statuses.length !== ids.length) return false;
  for (let index = 0; index < statuses.length; index++) {
    const code = statuses.charCodeAt(index) - 48;
    if (code < 0 || code >= 2 * STATUS_COUNT || (code & 1) === 1) return false;
  }
  if (!Array.isArray(counts) || counts.length !== ids.length || !counts.every((count) => Number.isSafeInteger(count) && count >= 0)) return false;
  if (!Array.isArray(tagLists) || !tagLists.every(isStringArray) || !isIndexArray(tagList, ids.length, tagLists.length)) return false;
  if (!isStringArray(assignees) || !isIndexArray(assignee, ids.length, assignees.length + 2)) return false;
  return Array.isArray(extras) && extras.every((extra) => Array.isArray(extra) && Number.isInteger(extra[0]) && extra[0] >= 0 && extra[0] < ids.length && isPlainRecord(extra[1]) && Object.keys(extra[1]).every((key) => EXTRA_KEYS.has(key)));
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the cache file holds, or null when it is not a whole cache of this root in this version. */
function cacheOf(parsed: unknown, root: string): { stamps: unknown[]; columns: ArticleColumns } | null {
  if (!isPlainRecord(parsed) || parsed.version !== CACHE_VERSION || parsed.root !== root || !Array.isArray(parsed.stamps) || !isWholeColumns(parsed.columns)) return null;
  const { columns, stamps } = parsed as unknown as CacheFile;
  if (stamps.length !== columns.ids.length * STAMP_WIDTH) return null;
  return { stamps, columns };
}

/** (#25, session 15) The cache's entries, each unpacked from the columns the first time it is asked for (an unchanged article). */
class CachedEntries {
  private readonly unpacked: (ArticleEntry | undefined)[] = [];
  private readonly extras: ReturnType<typeof extrasByIndex>;

  constructor(private readonly columns: ArticleColumns) {
    this.extras = extrasByIndex(columns);
  }

  at(index: number): ArticleEntry {
    return (this.unpacked[index] ??= unpackArticleAt(this.columns, this.extras, index));
  }
}

const NO_COLUMNS: ArticleColumns = packArticles([]);

/**
 * (#25) Numbers an article takes in the stamps read early (ListingCache.lookupRead): for its
 * article, then its annotation file, whether it was a regular file (1; anything else 0), and its
 * size, modification time and inode.
 */
export const READ_STAMP_WIDTH = 8;

/** Whether the stamp read at `at` (READ_STAMP_WIDTH / 2 numbers) is of a regular file and equals the cached one at `cachedAt`. */
function readStampMatches(stamps: readonly unknown[], cachedAt: number, read: Float64Array, at: number): boolean {
  return read[at] === 1 && stamps[cachedAt] === read[at + 1] && stamps[cachedAt + 1] === read[at + 2] && stamps[cachedAt + 2] === read[at + 3];
}

export class ListingCache {
  /** What this listing stored (entries read from files), by article id, in the order it was seen. */
  private next = new Map<string, { article: FileStamp; annotations: FileStamp; entry: ArticleEntry }>();
  /** Whether anything was stored that the file on disk does not already hold. */
  private changed = false;
  /** (#25) By cache index: 1 when this listing found the article unchanged (no object an article: the next file copies these from the cache's own columns). */
  private readonly hits: Uint8Array;
  private hitCount = 0;
  private readonly entries: CachedEntries;
  /** Where the next id is looked for first: the listing asks in the order the cache was written. */
  private cursor = 0;
  private byId: Map<string, number> | null = null;
  /** The id asked last and its index (has() then lookup() ask for the same article). */
  private lastId = '';
  private lastIndex = -1;

  private constructor(
    private readonly file: string | null,
    /** The ids of the cache file, in its order. */
    readonly ids: readonly string[],
    /** STAMP_WIDTH numbers an article, as read: each is compared with `===`, so a damaged one only misses. */
    private readonly stamps: readonly unknown[],
    columns: ArticleColumns,
  ) {
    this.hits = new Uint8Array(ids.length);
    this.entries = new CachedEntries(columns);
  }

  /** Opens the cache of a corpus; an unreadable or missing cache is simply empty. */
  static async open(cacheFolder: string | null, root: string): Promise<ListingCache> {
    if (cacheFolder === null) return new ListingCache(null, [], [], NO_COLUMNS);
    const file = path.join(cacheFolder, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    try {
      const cached = cacheOf(JSON.parse(await fs.readFile(file, 'utf8')), root);
      if (cached !== null) return new ListingCache(file, cached.columns.ids, cached.stamps, cached.columns);
    } catch {
      // No cache yet, or a damaged one: it is rebuilt from the files.
    }
    return new ListingCache(file, [], [], NO_COLUMNS);
  }

  /** The article's index in the cache file, or -1: at the cursor when the listing goes in the cache's order (nearly always). */
  indexOf(id: string): number {
    if (this.lastId === id) return this.lastIndex;
    let index = this.ids[this.cursor] === id ? this.cursor : -1;
    if (index === -1) {
      this.byId ??= new Map(this.ids.map((cachedId, at) => [cachedId, at]));
      index = this.byId.get(id) ?? -1;
    }
    if (index !== -1) this.cursor = index + 1;
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  /** Whether the cache holds an entry for the article at all (its files' stamps not yet compared). */
  has(id: string): boolean {
    return this.indexOf(id) !== -1;
  }

  /** Whether the cached article at `index` had an annotation file (whose stamp is then worth reading). */
  hadAnnotationFile(index: number): boolean {
    return this.stamps[index * STAMP_WIDTH + 3] !== NO_FILE;
  }

  /** The cached entry when neither file changed since it was cached. */
  lookup(id: string, article: FileStamp, annotations: FileStamp): ArticleEntry | null {
    const index = this.indexOf(id);
    if (index === -1 || !stampMatches(this.stamps, index * STAMP_WIDTH, article) || !stampMatches(this.stamps, index * STAMP_WIDTH + 3, annotations)) return null;
    return this.hit(index);
  }

  /**
   * (#25) The cached entry at `index` when the stamps read of its files (`read`, READ_STAMP_WIDTH
   * numbers a cache index, corpusScanner.ts readStampsEarly) equal the cached ones; null otherwise.
   * `annotationSeen`: the walk found a regular annotation file beside the article (its stamp must
   * then match); else the cache must hold none for it (a file the walk did not see was not read).
   */
  lookupRead(index: number, read: Float64Array, annotationSeen: boolean): ArticleEntry | null {
    const cachedAt = index * STAMP_WIDTH;
    const at = index * READ_STAMP_WIDTH;
    if (!readStampMatches(this.stamps, cachedAt, read, at)) return null;
    if (annotationSeen ? !readStampMatches(this.stamps, cachedAt + 3, read, at + 4) : this.stamps[cachedAt + 3] !== NO_FILE) return null;
    return this.hit(index);
  }

  private hit(index: number): ArticleEntry {
    if (this.hits[index] === 0) {
      this.hits[index] = 1;
      this.hitCount++;
    }
    return this.entries.at(index);
  }

  store(id: string, article: FileStamp, annotations: FileStamp, entry: ArticleEntry): void {
    this.next.set(id, { article, annotations, entry });
    this.changed = true;
  }

  /**
   * Writes what this listing saw (entries of deleted articles drop out), in the listing's order
   * (`order`: its ids), the order the next listing asks in. Failure to write is harmless. A
   * listing served wholly from the cache writes nothing: the file already holds it.
   */
  async save(root: string, order: readonly string[]): Promise<void> {
    if (this.file === null) return;
    if (!this.changed && this.hitCount === this.ids.length) return;
    const stamps: number[] = [];
    const entries: ArticleEntry[] = [];
    for (const id of order) {
      const stored = this.next.get(id);
      if (stored !== undefined) {
        pushStamp(stamps, stored.article);
        pushStamp(stamps, stored.annotations);
        entries.push(stored.entry);
        continue;
      }
      const index = this.indexOf(id);
      if (index === -1 || this.hits[index] === 0) continue;
      // Found unchanged: its stamps matched the current files, so they are numbers.
      for (let at = index * STAMP_WIDTH; at < (index + 1) * STAMP_WIDTH; at++) stamps.push(this.stamps[at] as number);
      entries.push(this.entries.at(index));
    }
    const cacheFile: CacheFile = { version: CACHE_VERSION, root, stamps, columns: packArticles(entries) };
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(cacheFile), { backup: false });
    } catch {
      // The cache is an optimisation only.
    }
  }
}
