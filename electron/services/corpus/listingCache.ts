import { promises as fs, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArticleEntry } from '../../../shared/corpusWire';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * A cache of what the file list shows of each article, kept outside the corpus (in the app's
 * data folder), keyed by the size and modification time of the article and its annotation
 * file. It only saves reading and parsing files that did not change: deleting it loses
 * nothing, and no corpus file is ever written to build it.
 */
// 2: entries carry problemKind, and invariant problems (duplicate ids, dangling relations).
const CACHE_VERSION = 2;

interface CachedEntry {
  article: FileStamp;
  annotations: FileStamp;
  entry: Record<string, unknown>;
}

export type FileStamp = [size: number, mtimeMs: number] | null;

/** Size and modification time of a file, null when there is none (no exception thrown for a missing file: thousands of articles have none). */
export function stampOf(file: string): FileStamp {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat ? [stat.size, stat.mtimeMs] : null;
  } catch {
    return null;
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStamp(value: unknown): value is FileStamp {
  return value === null || (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number');
}

/**
 * One cached entry as read from disk, or null when it is not one. Entries are checked one by one
 * as they are looked up, not all at once with a schema on open: validating 10,000 entries took
 * longer than listing the corpus from the cache, and a bad entry only costs reading its files.
 */
function cachedEntry(value: unknown): CachedEntry | null {
  if (!isRecord(value) || !isStamp(value.article) || !isStamp(value.annotations) || !isRecord(value.entry)) return null;
  return { article: value.article, annotations: value.annotations, entry: value.entry };
}

export class ListingCache {
  private next = new Map<string, CachedEntry>();
  /** Whether anything was stored that the file on disk does not already hold. */
  private changed = false;

  private constructor(
    private readonly file: string | null,
    private readonly previous: Map<string, unknown>,
  ) {}

  /** Opens the cache of a corpus; an unreadable or missing cache is simply empty. */
  static async open(cacheFolder: string | null, root: string): Promise<ListingCache> {
    if (cacheFolder === null) return new ListingCache(null, new Map());
    const file = path.join(cacheFolder, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      if (isRecord(parsed) && parsed.version === CACHE_VERSION && parsed.root === root && isRecord(parsed.entries)) {
        return new ListingCache(file, new Map(Object.entries(parsed.entries)));
      }
    } catch {
      // No cache yet, or a damaged one: it is rebuilt from the files.
    }
    return new ListingCache(file, new Map());
  }

  /** Whether the cache holds an entry for the article at all (its files' stamps not yet compared). */
  has(id: string): boolean {
    return this.previous.has(id);
  }

  /** The cached entry when neither file changed since it was cached. */
  lookup(id: string, article: FileStamp, annotations: FileStamp): ArticleEntry | null {
    const cached = cachedEntry(this.previous.get(id));
    if (!cached || !sameStamp(cached.article, article) || !sameStamp(cached.annotations, annotations)) return null;
    this.next.set(id, cached);
    return cached.entry as unknown as ArticleEntry;
  }

  store(id: string, article: FileStamp, annotations: FileStamp, entry: ArticleEntry): void {
    this.next.set(id, { article, annotations, entry: entry as unknown as Record<string, unknown> });
    this.changed = true;
  }

  /**
   * Writes what this listing saw (entries of deleted articles drop out). Failure to write is
   * harmless. A listing served wholly from the cache writes nothing: the file already holds it.
   */
  async save(root: string): Promise<void> {
    if (this.file === null) return;
    if (!this.changed && this.next.size === this.previous.size) return;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, root, entries: Object.fromEntries(this.next) }), { backup: false });
    } catch {
      // The cache is an optimisation only.
    }
  }
}
