import { promises as fs, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { ArticleEntry } from '../../shared/ipc';
import { writeFileAtomic } from './atomicWrite';

/**
 * A cache of what the file list shows of each article, kept outside the corpus (in the app's
 * data folder), keyed by the size and modification time of the article and its annotation
 * file. It only saves reading and parsing files that did not change: deleting it loses
 * nothing, and no corpus file is ever written to build it.
 */
const CACHE_VERSION = 1;

const FileStampSchema = z.tuple([z.number(), z.number()]).nullable();
const CachedEntrySchema = z.object({ article: FileStampSchema, annotations: FileStampSchema, entry: z.record(z.string(), z.unknown()) });
const CacheFileSchema = z.object({ version: z.literal(CACHE_VERSION), root: z.string(), entries: z.record(z.string(), CachedEntrySchema) });
type CachedEntry = z.infer<typeof CachedEntrySchema>;

export type FileStamp = [size: number, mtimeMs: number] | null;

export function stampOf(file: string): FileStamp {
  try {
    const stat = statSync(file);
    return [stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1];
}

export class ListingCache {
  private next = new Map<string, CachedEntry>();

  private constructor(
    private readonly file: string | null,
    private readonly previous: Map<string, CachedEntry>,
  ) {}

  /** Opens the cache of a corpus; an unreadable or missing cache is simply empty. */
  static async open(cacheFolder: string | null, root: string): Promise<ListingCache> {
    if (cacheFolder === null) return new ListingCache(null, new Map());
    const file = path.join(cacheFolder, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (parsed.success && parsed.data.root === root) return new ListingCache(file, new Map(Object.entries(parsed.data.entries)));
    } catch {
      // No cache yet, or a damaged one: it is rebuilt from the files.
    }
    return new ListingCache(file, new Map());
  }

  /** The cached entry when neither file changed since it was cached. */
  lookup(id: string, article: FileStamp, annotations: FileStamp): ArticleEntry | null {
    const cached = this.previous.get(id);
    if (!cached || !sameStamp(cached.article, article) || !sameStamp(cached.annotations, annotations)) return null;
    this.next.set(id, cached);
    return cached.entry as unknown as ArticleEntry;
  }

  store(id: string, article: FileStamp, annotations: FileStamp, entry: ArticleEntry): void {
    this.next.set(id, { article, annotations, entry: entry as unknown as Record<string, unknown> });
  }

  /** Writes what this listing saw (entries of deleted articles drop out). Failure to write is harmless. */
  async save(root: string): Promise<void> {
    if (this.file === null) return;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, root, entries: Object.fromEntries(this.next) }), { backup: false });
    } catch {
      // The cache is an optimisation only.
    }
  }
}
