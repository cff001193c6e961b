import { promises as fs, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArticleEntry } from '../../../shared/corpusWire';
import { ArticleStatusSchema } from '../../../shared/model/status';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * A cache of what the file list shows of each article, kept outside the corpus (in the app's
 * data folder), keyed by the size and modification time of the article and its annotation
 * file. It only saves reading and parsing files that did not change: deleting it loses
 * nothing, and no corpus file is ever written to build it.
 */
// 2: entries carry problemKind, and invariant problems (duplicate ids, dangling relations).
// 3 (#25): rows of arrays, tags as indexes into one table, name and folder taken from the id:
// reading version 2's 10,000 objects took longer than checking the files' stamps.
const CACHE_VERSION = 3;

export type FileStamp = [size: number, mtimeMs: number] | null;

/** One article as the cache file holds it: its stamps, then its entry (the fields past the id's in `extra`). */
type CachedRow = [id: string, article: FileStamp, annotations: FileStamp, status: ArticleEntry['status'], annotationCount: number, tags: number[], extra: Extra];

/** The entry's fields past id, name, folder, status, count and tags: the common cases as numbers. */
type Extra = 0 | 1 | Record<string, unknown>;

const STATUSES: ReadonlySet<unknown> = new Set(ArticleStatusSchema.options);

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

function extraOf(entry: ArticleEntry): Extra {
  const { id: _id, name: _name, folder: _folder, status: _status, annotationCount: _count, tags: _tags, ...extra } = entry;
  const keys = Object.keys(extra);
  if (extra.problem === null && keys.length === 1) return 0;
  if (extra.problem === null && extra.assignee === null && keys.length === 2) return 1;
  return extra;
}

/**
 * The entry of a row as read from disk, or null when it is not one. Rows are checked one by one
 * as they are looked up, not all at once with a schema on open: validating 10,000 entries took
 * longer than listing the corpus from the cache, and a bad row only costs reading its files.
 */
function entryOfRow(row: unknown, tags: readonly string[]): { article: FileStamp; annotations: FileStamp; entry: ArticleEntry } | null {
  if (!Array.isArray(row) || row.length !== 7) return null;
  const [id, article, annotations, status, annotationCount, tagIndexes, extra] = row as unknown[];
  if (typeof id !== 'string' || !isStamp(article) || !isStamp(annotations) || !STATUSES.has(status) || typeof annotationCount !== 'number' || !Array.isArray(tagIndexes)) return null;
  if (!tagIndexes.every((index) => typeof index === 'number' && tags[index] !== undefined) || !(extra === 0 || extra === 1 || isRecord(extra))) return null;
  const slash = id.lastIndexOf('/');
  const name = id.slice(slash + 1);
  const folder = slash === -1 ? '' : id.slice(0, slash);
  const listedStatus = status as ArticleEntry['status'];
  const entryTags = tagIndexes.map((index: number) => tags[index]);
  // Plain literals, like the scanner's entries: objects built by spreading took ten times longer to check and to send.
  const entry: ArticleEntry =
    extra === 0
      ? { id, name, folder, status: listedStatus, annotationCount, tags: entryTags, problem: null }
      : extra === 1
        ? { id, name, folder, status: listedStatus, annotationCount, tags: entryTags, problem: null, assignee: null }
        : ({ ...extra, id, name, folder, status: listedStatus, annotationCount, tags: entryTags } as ArticleEntry);
  return { article, annotations, entry };
}

export class ListingCache {
  private next = new Map<string, { article: FileStamp; annotations: FileStamp; entry: ArticleEntry }>();
  /** Whether anything was stored that the file on disk does not already hold. */
  private changed = false;

  private constructor(
    private readonly file: string | null,
    /** The rows read, by article id; each is checked when it is looked up. */
    private readonly previous: Map<string, unknown>,
    private readonly tags: readonly string[],
  ) {}

  /** Opens the cache of a corpus; an unreadable or missing cache is simply empty. */
  static async open(cacheFolder: string | null, root: string): Promise<ListingCache> {
    if (cacheFolder === null) return new ListingCache(null, new Map(), []);
    const file = path.join(cacheFolder, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      if (isRecord(parsed) && parsed.version === CACHE_VERSION && parsed.root === root && Array.isArray(parsed.rows) && Array.isArray(parsed.tags)) {
        const rows = new Map<string, unknown>();
        for (const row of parsed.rows as unknown[]) if (Array.isArray(row) && typeof row[0] === 'string') rows.set(row[0], row);
        return new ListingCache(file, rows, parsed.tags.map(String));
      }
    } catch {
      // No cache yet, or a damaged one: it is rebuilt from the files.
    }
    return new ListingCache(file, new Map(), []);
  }

  /** Whether the cache holds an entry for the article at all (its files' stamps not yet compared). */
  has(id: string): boolean {
    return this.previous.has(id);
  }

  /** The cached entry when neither file changed since it was cached. */
  lookup(id: string, article: FileStamp, annotations: FileStamp): ArticleEntry | null {
    const cached = entryOfRow(this.previous.get(id), this.tags);
    if (!cached || cached.entry.id !== id || !sameStamp(cached.article, article) || !sameStamp(cached.annotations, annotations)) return null;
    this.next.set(id, cached);
    return cached.entry;
  }

  store(id: string, article: FileStamp, annotations: FileStamp, entry: ArticleEntry): void {
    this.next.set(id, { article, annotations, entry });
    this.changed = true;
  }

  /**
   * Writes what this listing saw (entries of deleted articles drop out). Failure to write is
   * harmless. A listing served wholly from the cache writes nothing: the file already holds it.
   */
  async save(root: string): Promise<void> {
    if (this.file === null) return;
    if (!this.changed && this.next.size === this.previous.size) return;
    const tags: string[] = [];
    const tagIndex = new Map<string, number>();
    const indexOf = (tag: string) => tagIndex.get(tag) ?? (tagIndex.set(tag, tags.push(tag) - 1), tags.length - 1);
    const rows: CachedRow[] = [];
    for (const [id, { article, annotations, entry }] of this.next) rows.push([id, article, annotations, entry.status, entry.annotationCount, entry.tags.map(indexOf), extraOf(entry)]);
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, root, tags, rows }), { backup: false });
    } catch {
      // The cache is an optimisation only.
    }
  }
}
