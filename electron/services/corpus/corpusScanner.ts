import { promises as fs, lstatSync } from 'node:fs';
import path from 'node:path';
import type { ArticleEntry, SkippedCorpusFile } from '../../../shared/corpusWire';
import type { UserProblem } from '../../../shared/userProblem';
import { findInvariantProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor } from '../storage/annotationStore';
import { binaryFormatOf, SNIFF_LENGTH, sniffUnreadableReason } from '../article/articleDecoder';
import { annotationIdOf, walkCorpus, type CorpusWalk } from './articleFiles';
import { corpusRelativePath, CorpusFileRefusedError, readRegularFileBoundedSync, type CorpusFileCheck } from './corpusFileAccess';
import { checkWalkedFileSync, readArticleHeadSync } from './confinedReaders';
import { INPUT_LIMITS } from './inputLimits';
import { ListingCache, READ_STAMP_WIDTH, type FileStamp } from './listingCache';
import { problemOfError } from '../problems/userProblems';
import { summarizeAnnotationBytes, summarizeAnnotationText } from '../metadata/annotationFileSummary';

function articleProblem(articlePath: string, realPath: string, buffer: Buffer): Pick<ArticleEntry, 'problem' | 'userProblem'> {
  const name = path.basename(articlePath);
  let head: Uint8Array;
  try {
    head = readArticleHeadSync(articlePath, realPath, buffer);
  } catch (error) {
    return { problem: `Article cannot be read: ${(error as Error).message}`, userProblem: { code: 'articleUnreadable', file: name, format: null } };
  }
  const reason = sniffUnreadableReason(head);
  return reason === null ? { problem: null } : { problem: `Article unreadable: ${reason}`, userProblem: { code: 'articleUnreadable', file: name, format: binaryFormatOf(head) } };
}

/** The annotation file's problem, with its kind, unless the article itself has one (that one is shown). */
function withAnnotationProblem(entry: ArticleEntry, kind: NonNullable<ArticleEntry['problemKind']>, message: string, userProblem: UserProblem | null): ArticleEntry {
  if (entry.problem !== null) return entry;
  return { ...entry, problem: `Annotation file: ${message}`, problemKind: kind, userProblem };
}

/** Size, time and inode of a checked file, for the listing cache; null when it is absent or refused. */
function stampOfChecked(checked: CorpusFileCheck): FileStamp {
  return checked.kind === 'regular' ? [checked.stats.size, checked.stats.mtimeMs, checked.stats.ino] : null;
}

function describeArticle(id: string, articlePath: string, articleRealPath: string, annotations: CorpusFileCheck, buffer: Buffer): ArticleEntry {
  const slash = id.lastIndexOf('/');
  const [name, folder] = [path.basename(articlePath), slash === -1 ? '' : id.slice(0, slash)];
  const problem = articleProblem(articlePath, articleRealPath, buffer);
  // (#25) Plain literals where nothing is wrong (nearly always): objects built by spreading took ten times longer to check and send.
  const base: ArticleEntry = problem.problem === null ? { id, name, folder, status: 'new', annotationCount: 0, tags: [], problem: null } : { id, name, folder, status: 'new', annotationCount: 0, tags: [], ...problem };
  let bytes: Buffer;
  try {
    // Checked by the caller (confined, a regular file), read within the limit without blocking: a FIFO here once froze the listing.
    if (annotations.kind === 'absent') return base;
    if (annotations.kind === 'refused') throw annotations.error;
    bytes = readRegularFileBoundedSync(annotationPathFor(articlePath), annotations.realPath, { maxBytes: INPUT_LIMITS.annotationFileBytes }).bytes;
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return withAnnotationProblem(base, 'io', error.message, problemOfError(error));
    return base;
  }
  // (#18) Decoded as UTF-8 only when the summary needs it (a string it uses is not ASCII, or the file needs the full reader).
  let raw: string | null = null;
  const summary = summarizeAnnotationBytes(bytes) ?? summarizeAnnotationText((raw = bytes.toString('utf8')));
  if (summary) {
    const { invariantProblem, ...shown } = summary;
    if (invariantProblem === null && base.problem === null) return { id, name, folder, status: shown.status, annotationCount: shown.annotationCount, tags: shown.tags, problem: null, assignee: shown.assignee };
    return invariantProblem === null ? { ...base, ...shown } : withAnnotationProblem({ ...base, ...shown }, 'invariant', invariantProblem.message, invariantProblem.userProblems?.[0] ?? null);
  }
  // Anything unusual (an older version, a broken file) goes through the full reader for its message.
  const parsed = parseAnnotationFile(raw ?? bytes.toString('utf8'));
  if (!parsed.ok) return withAnnotationProblem(base, parsed.problem.kind, parsed.problem.message, parsed.problem.userProblems?.[0] ?? null);
  const tags = [...new Set(parsed.file.annotations.map((annotation) => annotation.type))].sort();
  const listed: ArticleEntry = { ...base, status: parsed.file.status, annotationCount: parsed.file.annotations.length, tags, assignee: parsed.file.assignee ?? null };
  const invariant = findInvariantProblem(parsed.file);
  return invariant === null ? listed : withAnnotationProblem(listed, 'invariant', invariant.message, invariant.userProblems?.[0] ?? null);
}

/**
 * Files are read synchronously in short slices, yielding to the event loop between them: for
 * thousands of small files this is several times faster than one promise per read (no thread-pool
 * round trips), opens one file at a time (no EMFILE), and never blocks main for more than a few ms.
 * (#25) A slice ends by time, not by a count of files: 200 reads once held main for 100 ms on a
 * loaded machine, and the window's own requests (the listing it was just sent) waited behind them.
 */
const SLICE_MS = 8;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `step` on every item, yielding to the event loop whenever a slice of `sliceMs` is used up (also the file list's summaries, articleSummaries.ts). */
export async function inSlices<T>(items: readonly T[], step: (item: T, index: number) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  let index = 0;
  for (const item of items) {
    step(item, index++);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  await yieldToEventLoop();
}

export interface CorpusScan {
  articles: ArticleEntry[];
  /** Files left out of the listing, with the reason: links leaving the corpus, FIFOs, devices... */
  skipped: SkippedCorpusFile[];
}

/**
 * (#25) A listing shown before the annotation files it has not cached were read: those articles
 * are listed with `statusPending` and placeholders; `complete()` reads them (the same confined,
 * bounded reads as a full scan, each file checked again) and gives the listing scanCorpusWithSkipped
 * would have, saving the cache.
 */
export interface FirstListing extends CorpusScan {
  complete(): Promise<CorpusScan>;
  /**
   * (#25, session 15) Every pending article is one the cache knows whose stamps were still being
   * read: complete() compares them (reading only the files that changed), and its listing is a
   * listing from the cache, as exact as one that waited for the stamps before answering.
   */
  onlyStampsPending: boolean;
}

/**
 * Lists every article (`*.txt`) under the root with its status, sorted by folder and name.
 * An article whose first bytes show it is not text, or whose annotation file is broken, has
 * the reason in `problem` (the article's own problem first).
 */
export async function scanCorpus(root: string, options: { cacheFolder?: string | null } = {}): Promise<ArticleEntry[]> {
  return (await scanCorpusWithSkipped(root, options)).articles;
}

/**
 * scanCorpus, and the files it did not read. Every file is checked (one `lstat`, which also
 * gives the cache its stamp) before the cache is consulted, so a file replaced by a link or a
 * FIFO is reported even when its entry is cached; what the cache holds was read the same way.
 */
export async function scanCorpusWithSkipped(root: string, options: { cacheFolder?: string | null; cache?: Promise<OpenedListingCache> } = {}): Promise<CorpusScan> {
  return (await listCorpusFirst(root, options, { defer: false })).complete();
}

/**
 * (#25) Slices of the stamps read early: short, because the folders are read meanwhile (the
 * watcher's first read, the walk), one awaited step after another, each waiting for a slice to end.
 */
const EARLY_SLICE_MS = 2;

/** (#25) The listing cache of a corpus, and the stamps of the files it knows being read meanwhile (null: none to read). */
export interface OpenedListingCache {
  cache: ListingCache;
  /** Resolves when every stamp is read. */
  stamps: Promise<ReadStamps | null>;
  /** (#25, session 15) The same stamps while they are read: a first listing compares those read already and leaves the rest pending. */
  reading: ReadStamps | null;
}

/** The stamps of a cache's files as read from the real root `rootReal` (READ_STAMP_WIDTH numbers a cache index). */
interface ReadStamps {
  rootReal: string;
  read: Float64Array;
  /** Cache indexes below this have their stamps read. */
  readCount: number;
}

/**
 * (#25) Opens a corpus's listing cache and starts reading the stamps of the files it knows at
 * once, without waiting for the walk: checking 19,000 files of a cached 10,000-article corpus was
 * most of main's work in a listing from the cache, and it waited until the folders had been read.
 * Now it overlaps that read, whose own work is mostly the system's (the listing's folders are read
 * in the thread pool). A stamp read before the walk saw its file is as good as one read after: a
 * file changed while the corpus is being listed can have either state in the listing, as before.
 */
export async function openListingCache(cacheFolder: string | null, root: string): Promise<OpenedListingCache> {
  const [cache, rootReal] = await Promise.all([ListingCache.open(cacheFolder, root), fs.realpath(path.resolve(root)).catch(() => null)]);
  if (cache.ids.length === 0 || rootReal === null) return { cache, stamps: Promise.resolve(null), reading: null };
  const reading: ReadStamps = { rootReal, read: new Float64Array(cache.ids.length * READ_STAMP_WIDTH), readCount: 0 };
  return { cache, stamps: readStampsEarly(cache, reading), reading };
}

/** Where an article's file is (`rootPrefix`: the real root and a separator). */
function articlePathOf(rootPrefix: string, id: string): string {
  return rootPrefix + (path.sep === '/' ? id : id.split('/').join(path.sep));
}

function rootPrefixOf(rootReal: string): string {
  return rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep;
}

/** One file's stamp into `read` at `at`: whether it is a regular file, then its size, time and inode. */
function readStampInto(read: Float64Array, at: number, file: string): void {
  let stats;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return;
  }
  if (stats === undefined || !stats.isFile()) return;
  read[at] = 1;
  read[at + 1] = stats.size;
  read[at + 2] = stats.mtimeMs;
  read[at + 3] = stats.ino;
}

/** Both files of every cached article (the annotation file only where the cache holds one: an added one misses anyway). */
async function readStampsEarly(cache: ListingCache, stamps: ReadStamps): Promise<ReadStamps> {
  const rootPrefix = rootPrefixOf(stamps.rootReal);
  const { read } = stamps;
  await inSlices(
    cache.ids,
    (id, index) => {
      const file = articlePathOf(rootPrefix, id);
      readStampInto(read, index * READ_STAMP_WIDTH, file);
      if (cache.hadAnnotationFile(index)) readStampInto(read, index * READ_STAMP_WIDTH + READ_STAMP_WIDTH / 2, annotationPathFor(file));
      stamps.readCount = index + 1;
    },
    EARLY_SLICE_MS,
  );
  return stamps;
}

/**
 * (#25) The cached entry of an article from the stamps read early, when they still match; null to
 * list it the usual way: not cached, changed, or found by the walk to be (or to have beside it)
 * something other than a regular file, which gets the whole check as before.
 */
function listedFromReadStamps(cache: ListingCache, stamps: ReadStamps | null, walk: CorpusWalk, id: string, annotationId: string): ArticleEntry | null | 'unread' {
  if (stamps === null || (walk.notPlain.size > 0 && (walk.notPlain.has(id) || walk.notPlain.has(annotationId)))) return null;
  const index = cache.indexOf(id);
  if (index === -1) return null;
  // (#25, session 15) Its stamps are still being read: listed as pending, compared by complete().
  if (index >= stamps.readCount) return 'unread';
  return cache.lookupRead(index, stamps.read, walk.annotationFiles.has(annotationId));
}

/** Where an article the first listing left pending sits in it, for complete() to fill in. */
interface PendingArticle {
  index: number;
  id: string;
  /** (#25, session 15) The cache knows it and its stamps were not read yet: complete() compares them before reading anything. */
  stampUnread: boolean;
}

function placeholderEntry(id: string): ArticleEntry {
  const slash = id.lastIndexOf('/');
  return { id, name: id.slice(id.lastIndexOf('/') + 1), folder: slash === -1 ? '' : id.slice(0, slash), status: 'new', annotationCount: 0, tags: [], problem: null, statusPending: true };
}

/**
 * Checks both files of an article and lists it from the cache, or describes it (`defer`: leaves
 * it pending); null when it is no longer an article. `annotationSeen` false (#25): the walk found
 * no annotation file beside it (neither a regular file nor anything else), so none is looked for.
 */
function listOne(
  scan: { rootReal: string; rootPrefix: string; cache: ListingCache; buffer: Buffer; refuse: (error: CorpusFileRefusedError) => void },
  id: string,
  defer: boolean,
  annotationSeen = true,
): ArticleEntry | 'pending' | null {
  // The walk went only through real folders from the real root.
  const file = articlePathOf(scan.rootPrefix, id);
  const article = checkWalkedFileSync(scan.rootReal, file);
  if (article.kind !== 'regular') {
    // Changed since the walk (removed, or replaced by something that is not an article).
    if (article.kind === 'refused') scan.refuse(article.error);
    return null;
  }
  const annotations: CorpusFileCheck = annotationSeen ? checkWalkedFileSync(scan.rootReal, annotationPathFor(file)) : { kind: 'absent' };
  if (annotations.kind === 'refused') {
    scan.refuse(annotations.error);
    // Listed (the article itself is fine and opens read-only), never cached.
    return describeArticle(id, file, article.realPath, annotations, scan.buffer);
  }
  // Size and time of both files are all a cached entry needs: an unchanged article is
  // listed from two lstats, without opening either file.
  const articleStamp = stampOfChecked(article);
  const annotationStamp = stampOfChecked(annotations);
  const cached = scan.cache.lookup(id, articleStamp, annotationStamp);
  if (cached) return cached;
  if (defer) return 'pending';
  const entry = describeArticle(id, file, article.realPath, annotations, scan.buffer);
  scan.cache.store(id, articleStamp, annotationStamp, entry);
  return entry;
}

/**
 * Whether the first listing must check an article's files now: always without `defer`; with it,
 * only when the cache may list it (its stamps are compared) or when the walk found its article or
 * annotation file to be something other than a regular file (a link, a FIFO: checked and reported
 * as a full scan would). Otherwise the walk's own file types are enough to list it as pending.
 */
function mustCheckFirst(id: string, defer: boolean, cache: ListingCache, notPlain: ReadonlySet<string>): boolean {
  return !defer || cache.has(id) || (notPlain.size > 0 && (notPlain.has(id) || notPlain.has(annotationPathFor(id))));
}

/**
 * The listing with what costs no file read: the walk, two lstats for an article the cache knows,
 * none for one it does not (`defer`: pending); without `defer`, complete() has nothing left to read.
 * `walk` and `options.cache` (#25): the corpus's folders as just read (the watcher's first read) and
 * its listing cache being read (of this root, opened for this listing alone); else both are read here.
 */
export async function listCorpusFirst(root: string, options: { cacheFolder?: string | null; cache?: Promise<OpenedListingCache> }, { defer, walk: given = null }: { defer: boolean; walk?: CorpusWalk | null }): Promise<FirstListing> {
  // Already in the corpus pane's order (folder and name, numeric): the entries keep it. The cache (and its files' stamps) is read meanwhile.
  const [walk, opened] = await Promise.all([given ?? walkCorpus(root), options.cache ?? openListingCache(options.cacheFolder ?? null, root)]);
  const { cache } = opened;
  const skipped = [...walk.skipped];
  let rootReal: string;
  try {
    rootReal = await fs.realpath(path.resolve(root));
  } catch {
    return { articles: [], skipped, complete: async () => ({ articles: [], skipped }), onlyStampsPending: true };
  }
  // (#25, session 15) Deferred, the listing does not wait for the stamps: what is read already is compared, the rest is pending.
  const early = defer ? opened.reading : await opened.stamps;
  const stamps = early !== null && early.rootReal === rootReal ? early : null;
  // (#25) Paths of the walk's ids by concatenation: path.join for 20,000 files showed in the listing's profile.
  const scan = { rootReal, rootPrefix: rootPrefixOf(rootReal), cache, buffer: Buffer.alloc(SNIFF_LENGTH), refuse: (error: CorpusFileRefusedError) => skipped.push({ path: corpusRelativePath(rootReal, error.file), reason: error.refusal, detail: error.detail }) };
  const entries: ArticleEntry[] = [];
  const pending: PendingArticle[] = [];
  await inSlices(walk.ids, (id) => {
    const annotationId = annotationIdOf(id);
    const hit = listedFromReadStamps(cache, stamps, walk, id, annotationId);
    if (hit !== null && hit !== 'unread') {
      entries.push(hit);
      return;
    }
    const listed = hit === 'unread' ? 'pending' : mustCheckFirst(id, defer, cache, walk.notPlain) ? listOne(scan, id, defer, walk.annotationFiles.has(annotationId) || walk.notPlain.has(annotationId)) : 'pending';
    if (listed === 'pending') {
      pending.push({ index: entries.length, id, stampUnread: hit === 'unread' });
      entries.push(placeholderEntry(id));
    } else if (listed !== null) entries.push(listed);
  });
  const firstSkipped = [...skipped];
  const complete = async (): Promise<CorpusScan> => {
    const compared = pending.some((article) => article.stampUnread) ? await opened.stamps : null;
    const completed: (ArticleEntry | null)[] = [...entries];
    await inSlices(pending, ({ index, id, stampUnread }) => {
      const fromStamps = stampUnread && compared !== null && compared.rootReal === rootReal ? listedFromReadStamps(cache, compared, walk, id, annotationIdOf(id)) : null;
      // Otherwise checked again: the file may have been replaced (by a link, a FIFO) since the first listing.
      const listed = fromStamps !== null && fromStamps !== 'unread' ? fromStamps : listOne(scan, id, false);
      completed[index] = listed === 'pending' ? null : listed;
    });
    const articles = completed.filter((entry): entry is ArticleEntry => entry !== null);
    await cache.save(root, articles.map((entry) => entry.id));
    return { articles, skipped };
  };
  return { articles: entries, skipped: firstSkipped, complete, onlyStampsPending: pending.every((article) => article.stampUnread) };
}
