import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SkippedCorpusFile } from '../../../shared/corpusWire';
import { checkCorpusFile, corpusRelativePath, CorpusFileRefusedError, isInsideRoot } from './corpusFileAccess';
import { mayBeBratSign, showsBratCorpus } from '../brat/bratSigns';

/**
 * What counts as an article of a corpus, in one place: every `*.txt` below the root, except
 * hidden files and folders, `node_modules`, `.git` and per-annotator folders (`NAME.annotators`).
 */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isArticleFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.txt') && !name.startsWith('.');
}

/** The native annotation file's name beside an article (storage/annotationStore.ts annotationPathFor, which this walk does not import). */
const ANNOTATION_FILE_SUFFIX = '.ann.json';

/** (#25) The id of an article's native annotation file (`part/a.txt` → `part/a.ann.json`). */
export function annotationIdOf(articleId: string): string {
  return articleId.slice(0, -'.txt'.length) + ANNOTATION_FILE_SUFFIX;
}

export function isCorpusSubfolder(name: string): boolean {
  return !name.startsWith('.') && !IGNORED_FOLDERS.has(name) && !name.endsWith('.annotators');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Article ids (paths relative to the root, with `/`), in the order the corpus pane shows them. */
export async function listArticleIds(root: string): Promise<string[]> {
  return (await walkCorpus(root)).ids;
}

export interface CorpusWalk {
  /** Article ids, in the order the corpus pane shows them. */
  ids: string[];
  /** Article files and folders that were not taken, with the reason, by path. */
  skipped: SkippedCorpusFile[];
  /**
   * (#25) Ids of the entries that were neither a regular file nor a folder when read (links,
   * FIFOs, sockets, devices), whatever their name: a listing that trusts the walk's file types
   * checks these again before it lists their article.
   */
  notPlain: Set<string>;
  /**
   * (#25) Ids of the regular files named like a native annotation file (`NAME.ann.json`): an
   * article whose annotation file is neither here nor in `notPlain` had none when its folder was read.
   */
  annotationFiles: Set<string>;
}

function skippedOf(root: string, error: CorpusFileRefusedError): SkippedCorpusFile {
  return { path: corpusRelativePath(root, error.file), reason: error.refusal, detail: error.detail };
}

/** What one folder of the corpus holds, by the rules of walkCorpus (not its sub-folders' contents). */
export interface CorpusFolderListing {
  /** Names of the articles in it. */
  articles: string[];
  /** Names of the sub-folders that are part of the corpus (real folders, never links). */
  subfolders: string[];
  skipped: SkippedCorpusFile[];
  /** Names of the entries that are neither a regular file nor a folder (see CorpusWalk.notPlain). */
  notPlain: string[];
  /** Names of the regular files named like a native annotation file (see CorpusWalk.annotationFiles). */
  annotationFiles: string[];
  /** (#25) Whether the folder shows the corpus is a brat corpus (brat/bratSigns.ts), as bratStore.ts isBratCorpus would find. */
  bratSign: boolean;
}

/** Lists one folder of the corpus whose real root is `rootReal`; null when it cannot be read (gone, no permission). */
export async function listCorpusFolder(rootReal: string, folder: string): Promise<CorpusFolderListing | null> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return null;
  }
  const listing: CorpusFolderListing = { articles: [], subfolders: [], skipped: [], notPlain: [], annotationFiles: [], bratSign: false };
  let maybeBrat = false;
  for (const entry of entries) {
    if (entry.isFile()) {
      if (mayBeBratSign(entry.name)) maybeBrat = true;
      if (isArticleFileName(entry.name)) listing.articles.push(entry.name);
      else if (entry.name.endsWith(ANNOTATION_FILE_SUFFIX)) listing.annotationFiles.push(entry.name);
      continue;
    }
    const file = path.join(folder, entry.name);
    if (!entry.isDirectory()) listing.notPlain.push(entry.name);
    if (entry.isDirectory()) {
      if (isCorpusSubfolder(entry.name)) listing.subfolders.push(entry.name);
    } else if (entry.isSymbolicLink()) {
      const checked = await checkLink(rootReal, file, entry.name);
      if (checked === 'article') listing.articles.push(entry.name);
      else if (checked !== null) listing.skipped.push(skippedOf(rootReal, checked));
    } else if (isArticleFileName(entry.name)) {
      const checked = await checkCorpusFile(rootReal, file);
      if (checked.kind === 'refused') listing.skipped.push(skippedOf(rootReal, checked.error));
    }
  }
  listing.bratSign = maybeBrat && showsBratCorpus(new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)));
  return listing;
}

/** (#25) A walk as walkCorpus gives it, and whether the corpus is a brat corpus, made of its folders' listings (by folder id, `/`, the root ''). */
export interface ListedCorpus extends CorpusWalk {
  brat: boolean;
}

/** (#25) The walk of a corpus from the listings of its folders, read once (walkCorpus, or the watcher's first read of its tree). */
export function walkOfListings(listings: Iterable<[folder: string, listing: CorpusFolderListing]>): ListedCorpus {
  const ids: string[] = [];
  const skipped: SkippedCorpusFile[] = [];
  const notPlain = new Set<string>();
  const annotationFiles = new Set<string>();
  let brat = false;
  for (const [folder, listing] of listings) {
    const prefix = folder === '' ? '' : `${folder}/`;
    for (const name of listing.articles) ids.push(prefix + name);
    for (const name of listing.notPlain) notPlain.add(prefix + name);
    for (const name of listing.annotationFiles) annotationFiles.add(prefix + name);
    skipped.push(...listing.skipped);
    brat ||= listing.bratSign;
  }
  return { ids: ids.sort((a, b) => collator.compare(a, b)), skipped: skipped.sort((a, b) => collator.compare(a.path, b.path)), notPlain, annotationFiles, brat };
}

/**
 * Walks the corpus from its real root. An article that is a link is taken only when its target
 * is a regular file inside the corpus; a FIFO, socket or device with an article's name, and a
 * link to a folder (never followed: inside the corpus its files are listed where they really
 * are, outside they are not the corpus's), are skipped and reported with the reason.
 */
export async function walkCorpus(root: string): Promise<ListedCorpus> {
  let rootReal: string;
  try {
    rootReal = await fs.realpath(path.resolve(root));
  } catch {
    return { ids: [], skipped: [], notPlain: new Set(), annotationFiles: new Set(), brat: false };
  }
  const listings: [string, CorpusFolderListing][] = [];
  const walk = async (folder: string, id: string): Promise<void> => {
    const listing = await listCorpusFolder(rootReal, folder);
    if (listing === null) return;
    listings.push([id, listing]);
    // (#25, session 15) Side by side, as the watcher's first read (corpusFolderTree.ts): the order of the listings does not matter, the ids are sorted below.
    await Promise.all(listing.subfolders.map((name) => walk(path.join(folder, name), id === '' ? name : `${id}/${name}`)));
  };
  await walk(rootReal, '');
  return walkOfListings(listings);
}

/** A link in the corpus: an article to take, a refusal to report, or null for a link to nothing the corpus cares about. */
async function checkLink(rootReal: string, file: string, name: string): Promise<'article' | CorpusFileRefusedError | null> {
  let target;
  try {
    target = await fs.stat(file);
  } catch {
    return isArticleFileName(name) ? new CorpusFileRefusedError(file, 'dangling-link', 'it is a symbolic link whose target does not exist') : null;
  }
  if (target.isDirectory()) {
    if (!isCorpusSubfolder(name)) return null;
    const real = await fs.realpath(file);
    return isInsideRoot(rootReal, real)
      ? new CorpusFileRefusedError(file, 'linked-folder', `it is a link to a folder of the corpus (${corpusRelativePath(rootReal, real) || '.'}), whose files are listed there`)
      : new CorpusFileRefusedError(file, 'outside-corpus', `it is a link to a folder outside the corpus (${real})`);
  }
  if (!isArticleFileName(name)) return null;
  const checked = await checkCorpusFile(rootReal, file);
  if (checked.kind === 'regular') return 'article';
  return checked.kind === 'refused' ? checked.error : null;
}
