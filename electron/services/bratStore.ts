import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { confTagTypes, parseAnnotationConf } from '../../shared/brat/annotationConf';
import { reanchorStandoff, type StandoffReanchorOutcome } from '../../shared/brat/reanchorStandoff';
import { parseVisualConf, withVisualConf } from '../../shared/brat/visualConf';
import { applyNativeChanges, standoffToNative, type RemovalGroup, type RestorableLines, type TextMismatch, type UnshownLine } from '../../shared/brat/nativeBridge';
import { linesRemovedWith, parseStandoff, serializeStandoff, type StandoffDocument } from '../../shared/brat/standoffDocument';
import type { StoredAnnotation, StoredRelation } from '../../shared/model/nativeFormat';
import type { AnnotationFileProblem } from '../../shared/model/readAnnotationFile';
import { defaultTagSet, resolveTagSet } from '../../shared/model/tagSet';
import type { ArticleStatus } from '../../shared/model/status';
import type { DecodedArticle } from './articleDecoder';
import { writeFileAtomic } from './atomicWrite';
import { readConfigurationFile } from './confinedReaders';
import { readFileInOwnFolder } from './corpusFileAccess';
import { INPUT_LIMITS } from './inputLimits';
import type { LoadedTagSet } from './tagSetLoader';

export const BRAT_ANNOTATION_SUFFIX = '.ann';
export const ANNOTATION_CONF = 'annotation.conf';
export const VISUAL_CONF = 'visual.conf';

/** `NAME.txt` → `NAME.ann`, beside it. */
export function bratAnnotationPathFor(articlePath: string): string {
  const extension = path.extname(articlePath);
  const base = extension.toLowerCase() === '.txt' ? articlePath.slice(0, -extension.length) : articlePath;
  return base + BRAT_ANNOTATION_SUFFIX;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * A corpus is a brat corpus when any folder in it holds `annotation.conf`, or a `NAME.ann`
 * beside a `NAME.txt`. Stops at the first sign, so a large native corpus costs one walk at most.
 */
export async function isBratCorpus(root: string): Promise<boolean> {
  const folders = [root];
  while (folders.length > 0) {
    const folder = folders.shift() as string;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
    if (files.has(ANNOTATION_CONF)) return true;
    for (const name of files) {
      if (name.endsWith(BRAT_ANNOTATION_SUFFIX) && files.has(`${name.slice(0, -BRAT_ANNOTATION_SUFFIX.length)}.txt`)) return true;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.endsWith('.annotators')) {
        folders.push(path.join(folder, entry.name));
      }
    }
  }
  return false;
}

/** The configuration file brat would use for a folder: in it, or in the nearest parent up to the root. */
export async function findBratConfig(root: string, folder: string, name: string = ANNOTATION_CONF): Promise<string | null> {
  const resolvedRoot = path.resolve(root);
  let current = path.resolve(folder);
  const relative = path.relative(resolvedRoot, current);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  for (;;) {
    const candidate = path.join(current, name);
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // Not here: try the parent.
    }
    if (current === resolvedRoot) return null;
    current = path.dirname(current);
  }
}

/** The `annotation.conf` brat would use for a folder. */
export function findAnnotationConf(root: string, folder: string): Promise<string | null> {
  return findBratConfig(root, folder, ANNOTATION_CONF);
}

/**
 * The tag set of a brat folder, from the nearest `annotation.conf` (types in the file's order,
 * which fixes the 1–9 hotkeys), with display names and colours from the nearest `visual.conf`;
 * the built-in default, with the reason, when there is none or it defines no usable type.
 */
export async function loadBratTagSet(root: string, folder: string = root): Promise<LoadedTagSet> {
  const confPath = await findAnnotationConf(root, folder);
  if (confPath === null) return { ...defaultTagSet(), problem: `No ${ANNOTATION_CONF} in this folder or above it; the default tag set is shown.` };
  let content: string;
  try {
    const read = await readConfigurationFile(root, confPath);
    if (read.kind !== 'read') return { ...defaultTagSet(), problem: `${read.kind === 'refused' ? read.message : `${ANNOTATION_CONF} is gone.`} The default tag set is shown.` };
    content = read.text;
  } catch (error) {
    return { ...defaultTagSet(), problem: `${ANNOTATION_CONF} cannot be read (${(error as Error).message}); the default tag set is shown.` };
  }
  const conf = parseAnnotationConf(content);
  let types = confTagTypes(conf);
  const visualPath = await findBratConfig(root, folder, VISUAL_CONF);
  if (visualPath !== null) {
    try {
      const visual = await readConfigurationFile(root, visualPath);
      if (visual.kind === 'read') types = withVisualConf(types, parseVisualConf(visual.text));
    } catch {
      // visual.conf only adds names and colours: without it the palette's own are used.
    }
  }
  if (types.length === 0) return { ...defaultTagSet(), problem: `${ANNOTATION_CONF} defines no entity type; the default tag set is shown.` };
  const problem = conf.problems.length > 0 ? conf.problems.map((entry) => `${ANNOTATION_CONF} line ${entry.line}: ${entry.message}`).join(' ') : null;
  return { ...resolveTagSet('annotation.conf', types), problem };
}

/** Folders under the root that hold an `annotation.conf`, nearest to the root first. */
export async function foldersWithAnnotationConf(root: string): Promise<string[]> {
  const found: string[] = [];
  const folders = [path.resolve(root)];
  while (folders.length > 0) {
    const folder = folders.shift() as string;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some((entry) => entry.isFile() && entry.name === ANNOTATION_CONF)) found.push(folder);
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.endsWith('.annotators'))
      .map((entry) => entry.name)
      .sort();
    for (const child of children) folders.push(path.join(folder, child));
  }
  return found;
}

/**
 * The tag set shown for the whole corpus: the root's `annotation.conf`, else the one nearest to
 * the root. When sub-folders have configurations of their own, the problem says so: each
 * article's own tag set is `loadBratTagSet(root, its folder)`.
 */
export async function loadBratCorpusTagSet(root: string): Promise<LoadedTagSet> {
  const folders = await foldersWithAnnotationConf(root);
  if (folders.length === 0) return loadBratTagSet(root, root);
  const tagSet = await loadBratTagSet(root, folders[0]);
  if (folders.length === 1) return tagSet;
  const note = `${folders.length} folders have their own ${ANNOTATION_CONF}; the list shows the one in ${path.relative(root, folders[0]) || 'the corpus folder'}, and each article uses the one nearest to it.`;
  return { ...tagSet, problem: tagSet.problem ? `${tagSet.problem} ${note}` : note };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class UnreadableStandoffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableStandoffError';
  }
}

/**
 * Reads `NAME.ann`: null when it does not exist. The bytes must be UTF-8 (brat writes nothing
 * else); a file that is not is refused rather than decoded lossily, so it is never overwritten.
 */
export async function readStandoffFile(annotationPath: string): Promise<StandoffDocument | null> {
  // In the article's own folder (reached through no link), a regular file, within the annotation file limit (corpusFileAccess).
  const read = await readFileInOwnFolder(annotationPath, { maxBytes: INPUT_LIMITS.annotationFileBytes });
  if (read === null) return null;
  const { bytes } = read;
  let content: string;
  try {
    content = strictUtf8.decode(bytes);
  } catch {
    throw new UnreadableStandoffError(`${path.basename(annotationPath)} is not valid UTF-8; it is left untouched.`);
  }
  return parseStandoff(content);
}

export interface LoadedBratAnnotations {
  /** brat has no status: `in-progress` once the article has an entity, else `new`. */
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  problem: AnnotationFileProblem | null;
  migratedFrom: null;
  /** Entities whose text field differs from the article: shown with the article's text, the file keeps its own. */
  mismatches: TextMismatch[];
  /** Lines not shown (E, N, `*` are kept silently; these are the malformed or out-of-range ones). */
  unshown: UnshownLine[];
}

/** An article's `NAME.ann` in the native form the UI edits (offsets in code points). */
export async function loadBratAnnotations(articlePath: string, article: DecodedArticle): Promise<LoadedBratAnnotations> {
  const annotationPath = bratAnnotationPathFor(articlePath);
  const empty: LoadedBratAnnotations = { status: 'new', annotations: [], relations: [], labels: [], problem: null, migratedFrom: null, mismatches: [], unshown: [] };
  let document: StandoffDocument | null;
  try {
    document = await readStandoffFile(annotationPath);
  } catch (error) {
    return { ...empty, problem: { kind: 'io', message: (error as Error).message } };
  }
  if (document === null) return empty;
  const view = standoffToNative(document, Array.from(article.text));
  return {
    ...empty,
    status: view.annotations.length > 0 ? 'in-progress' : 'new',
    annotations: view.annotations,
    relations: view.relations,
    mismatches: view.mismatches,
    unshown: view.unshown,
  };
}

export interface BratSaveRequest {
  annotations: readonly StoredAnnotation[];
  relations: readonly StoredRelation[];
}

export interface BratSaveResult {
  /** The file's new text (UTF-8 when written): hash it for `CorpusWatcher.noteOwnWrite`. */
  contents: string;
  /** Native id → brat id for what got a new id (new annotations and relations). */
  idMap: Record<string, string>;
  /** The lines this save removed, per deleted entity or relation; kept by `BratStore` for undo. */
  removed: RemovalGroup[];
  /** The annotations as they now are in the file (new ids, spans cut at line breaks). */
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  /** False when nothing differed and the file was not written. */
  written: boolean;
}

/**
 * Saves the UI's annotations of a brat article into `NAME.ann`: every line the user did not
 * touch keeps its bytes; the previous file is kept as `NAME.ann.bak`. Nothing is written when
 * nothing changed, so opening and saving a brat corpus leaves every file as it was.
 */
export async function saveBratAnnotations(
  articlePath: string,
  article: DecodedArticle,
  request: BratSaveRequest,
  restorable?: RestorableLines,
): Promise<BratSaveResult> {
  const annotationPath = bratAnnotationPathFor(articlePath);
  const before = (await readStandoffFile(annotationPath)) ?? { bom: false, lines: [] };
  const codePoints = Array.from(article.text);
  const applied = applyNativeChanges(before, codePoints, request, restorable);
  const previous = serializeStandoff(before);
  const contents = serializeStandoff(applied.document);
  const existed = before.lines.length > 0 || before.bom || (await fileExists(annotationPath));
  const written = contents !== previous || (!existed && contents !== '');
  if (written) await writeFileAtomic(annotationPath, Buffer.from(contents, 'utf8'), { backup: true });
  const view = standoffToNative(applied.document, codePoints);
  return { contents, idMap: applied.idMap, removed: applied.removed, annotations: view.annotations, relations: view.relations, written };
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export interface BratReanchorResult extends StandoffReanchorOutcome {
  /** The new file text when it was written (hash it for `CorpusWatcher.noteOwnWrite`), else null. */
  contents: string | null;
}

/**
 * After a brat article changed on disk: places its entities again in the new text, using the
 * text they were made on (`previousText`, the document text the session loaded) for context,
 * and saves `NAME.ann` when anything moved (the previous file kept as `NAME.ann.bak`).
 */
export async function reanchorBratAnnotations(articlePath: string, previousText: string, article: DecodedArticle): Promise<BratReanchorResult | null> {
  const annotationPath = bratAnnotationPathFor(articlePath);
  const document = await readStandoffFile(annotationPath);
  if (document === null) return null;
  const outcome = reanchorStandoff(document, previousText, article.text);
  const before = serializeStandoff(document);
  const after = serializeStandoff(outcome.document);
  if (after === before) return { ...outcome, contents: null };
  await writeFileAtomic(annotationPath, Buffer.from(after, 'utf8'), { backup: true });
  return { ...outcome, contents: after };
}

/** Entities in `NAME.ann` (T lines), for the corpus list; 0 when there is no file. */
export async function countBratEntities(articlePath: string): Promise<number> {
  try {
    const document = await readStandoffFile(bratAnnotationPathFor(articlePath));
    return document === null ? 0 : document.lines.filter((line) => line.kind === 'entity').length;
  } catch {
    return 0;
  }
}

/**
 * The brat side of a corpus session: saves, and remembers the lines each deletion removed
 * (R, E, A, N, notes) so that when undo brings the entity back, the next save puts all of
 * them back where they were instead of writing a bare new T line.
 */
export class BratStore {
  private readonly removedByArticle = new Map<string, Map<string, RemovalGroup>>();

  /** The lines that deleting `annotationId` would remove, to show before deleting. */
  async previewDelete(articlePath: string, annotationId: string): Promise<string[]> {
    const document = await readStandoffFile(bratAnnotationPathFor(articlePath));
    if (document === null) return [];
    return linesRemovedWith(document, annotationId).map((entry) => entry.line.raw);
  }

  async save(articlePath: string, article: DecodedArticle, request: BratSaveRequest): Promise<BratSaveResult> {
    const remembered = this.removedByArticle.get(articlePath) ?? new Map<string, RemovalGroup>();
    const result = await saveBratAnnotations(articlePath, article, request, (id) => remembered.get(id) ?? null);
    for (const annotation of result.annotations) remembered.delete(annotation.id);
    for (const group of result.removed) remembered.set(group.id, group);
    if (remembered.size > 0) this.removedByArticle.set(articlePath, remembered);
    else this.removedByArticle.delete(articlePath);
    return result;
  }

  /** Forgets what was removed (the article was closed or reloaded from disk). */
  forget(articlePath: string): void {
    this.removedByArticle.delete(articlePath);
  }
}
