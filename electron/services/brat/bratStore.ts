import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { parseAnnotationConf } from '../../../shared/brat/annotationConf';
import { confSchema } from '../../../shared/brat/confRelationTypes';
import { resolveEventTypes, resolveRelationTypes } from '../../../shared/tagset/relationTypes';
import { eventRolesOf } from '../../../shared/relations/relationOperations';
import type { StandoffReanchorOutcome } from '../../../shared/anchoring/reanchorStandoff';
import { parseVisualConf, withVisualConf } from '../../../shared/brat/visualConf';
import { applyNativeChanges, standoffToNative, type RemovalGroup, type RestorableLines, type TextMismatch, type UnshownLine } from '../../../shared/brat/nativeBridge';
import { linesRemovedWith, serializeStandoff, type StandoffDocument } from '../../../shared/brat/standoffDocument';
import type { StoredAnnotation, StoredRelation } from '../../../shared/model/nativeFormat';
import type { AnnotationFileProblem } from '../../../shared/model/readAnnotationFile';
import { defaultTagSet, resolveTagSet } from '../../../shared/model/tagSet';
import type { ArticleStatus } from '../../../shared/model/status';
import type { DecodedArticle } from '../article/articleDecoder';
import { writeFileAtomic } from '../storage/atomicWrite';
import { readConfigurationFile } from '../corpus/confinedReaders';
import type { LoadedTagSet } from '../tagset/tagSetLoader';
import type { ConflictResolutions, SaveConflict, SavedDocument } from '../../../shared/saveWire';
import type { UserProblem } from '../../../shared/userProblem';
import { mergeDocuments } from '../../../shared/model/documentMerge';
import { sha256Of, type KnownFileState } from '../corpus/watchedFileState';
import { ReadOnlyAnnotationFileError } from '../storage/annotationFileForSave';
import type { AnnotationFileBase } from '../storage/mergingSave';
import { writeAccessRefusal } from '../storage/writeAccess';
import { problemOfError } from '../problems/userProblems';
import { readStandoffFile, readStandoffFileAndBytes, readStandoffSettled } from './standoffFile';
import { ANNOTATION_CONF, BRAT_ANNOTATION_SUFFIX, showsBratCorpus } from './bratSigns';

export { ANNOTATION_CONF, BRAT_ANNOTATION_SUFFIX } from './bratSigns';
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
  for await (const { entries } of corpusFoldersBreadthFirst(root)) {
    if (showsBratCorpus(new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)))) return true;
  }
  return false;
}

/**
 * The corpus's folders with their entries, breadth first (children by name): hidden, skipped
 * and annotator folders are not entered, folders that cannot be listed are passed over.
 */
async function* corpusFoldersBreadthFirst(root: string): AsyncGenerator<{ folder: string; entries: Dirent[] }> {
  const folders = [root];
  while (folders.length > 0) {
    const folder = folders.shift() as string;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    yield { folder, entries };
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.endsWith('.annotators'))
      .map((entry) => entry.name)
      .sort();
    for (const child of children) folders.push(path.join(folder, child));
  }
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
  if (confPath === null) return { ...defaultTagSet(), problem: `No ${ANNOTATION_CONF} in this folder or above it; the default tag set is shown.`, userProblems: [{ code: 'tagSetMissing', file: ANNOTATION_CONF }] };
  let content: string;
  try {
    const read = await readConfigurationFile(root, confPath);
    if (read.kind !== 'read') {
      const userProblem: UserProblem = read.kind === 'refused' ? read.userProblem : { code: 'tagSetMissing', file: ANNOTATION_CONF };
      return { ...defaultTagSet(), problem: `${read.kind === 'refused' ? read.message : `${ANNOTATION_CONF} is gone.`} The default tag set is shown.`, userProblems: [userProblem] };
    }
    content = read.text;
  } catch (error) {
    return { ...defaultTagSet(), problem: `${ANNOTATION_CONF} cannot be read (${(error as Error).message}); the default tag set is shown.`, userProblems: [problemOfError(error)] };
  }
  const conf = parseAnnotationConf(content);
  // Entity types are the span tags; event types come apart (never offered as span tags), with the relation types.
  const schema = confSchema(conf);
  let { entityTypes: types, eventTypes } = schema;
  const visualPath = await findBratConfig(root, folder, VISUAL_CONF);
  if (visualPath !== null) {
    try {
      const visual = await readConfigurationFile(root, visualPath);
      if (visual.kind === 'read') {
        const parsedVisual = parseVisualConf(visual.text);
        types = withVisualConf(types, parsedVisual);
        eventTypes = withVisualConf(eventTypes, parsedVisual);
      }
    } catch {
      // visual.conf only adds names and colours: without it the palette's own are used.
    }
  }
  if (types.length === 0) return { ...defaultTagSet(), problem: `${ANNOTATION_CONF} defines no entity type; the default tag set is shown.`, userProblems: [{ code: 'tagSetNoTypes', file: ANNOTATION_CONF }] };
  const confProblems = [...conf.problems, ...schema.problems].sort((a, b) => a.line - b.line);
  const problem = confProblems.length > 0 ? confProblems.map((entry) => `${ANNOTATION_CONF} line ${entry.line}: ${entry.message}`).join(' ') : null;
  const lines = confProblems.map((entry) => entry.line);
  const userProblems: UserProblem[] = lines.length > 0 ? [{ code: 'tagSetLines', file: ANNOTATION_CONF, lines: lines.slice(0, 10), more: Math.max(0, lines.length - 10) }] : [];
  const relationTypes = resolveRelationTypes(schema.relationTypes);
  return { ...resolveTagSet('annotation.conf', types), relationTypes, eventTypes: resolveEventTypes(eventTypes), problem, userProblems };
}

/** Folders under the root that hold an `annotation.conf`, nearest to the root first. */
export async function foldersWithAnnotationConf(root: string): Promise<string[]> {
  const found: string[] = [];
  for await (const { folder, entries } of corpusFoldersBreadthFirst(path.resolve(root))) {
    if (entries.some((entry) => entry.isFile() && entry.name === ANNOTATION_CONF)) found.push(folder);
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
  const perFolder: UserProblem = { code: 'tagSetPerFolder', file: ANNOTATION_CONF, folders: folders.length, shownFrom: path.relative(root, folders[0]).split(path.sep).join('/') };
  return { ...tagSet, problem: tagSet.problem ? `${tagSet.problem} ${note}` : note, userProblems: [...tagSet.userProblems, perFolder] };
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
  /** SHA-256 of the file's bytes as read (null: no file), the base of the next merging save. */
  fileSha256?: string | null;
}

/** An article's `NAME.ann` in the native form the UI edits (offsets in code points). */
export async function loadBratAnnotations(articlePath: string, article: DecodedArticle): Promise<LoadedBratAnnotations> {
  const annotationPath = bratAnnotationPathFor(articlePath);
  const empty: LoadedBratAnnotations = { status: 'new', annotations: [], relations: [], labels: [], problem: null, migratedFrom: null, mismatches: [], unshown: [] };
  let document: StandoffDocument | null;
  let bytes: Buffer | null;
  try {
    ({ document, bytes } = await readStandoffFileAndBytes(annotationPath));
  } catch (error) {
    return { ...empty, problem: { kind: 'io', message: (error as Error).message } };
  }
  if (document === null || bytes === null) return { ...empty, fileSha256: null };
  const view = standoffToNative(document, Array.from(article.text));
  return {
    ...empty,
    fileSha256: sha256Of(bytes),
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
  /** The file as the caller just read it (null: no file), so that the changes land on what was merged against. */
  onDisk?: StandoffDocument | null,
): Promise<BratSaveResult> {
  const annotationPath = bratAnnotationPathFor(articlePath);
  const before = (onDisk !== undefined ? onDisk : await readStandoffFile(annotationPath)) ?? { bom: false, lines: [] };
  const codePoints = Array.from(article.text);
  const applied = applyNativeChanges(before, codePoints, request, restorable);
  const previous = serializeStandoff(before);
  const contents = serializeStandoff(applied.document);
  // With no file (or an empty one) `previous` is '', so "changed" alone also covers a first save.
  const written = contents !== previous;
  if (written) await writeFileAtomic(annotationPath, Buffer.from(contents, 'utf8'), { backup: true });
  const view = standoffToNative(applied.document, codePoints);
  return { contents, idMap: applied.idMap, removed: applied.removed, annotations: view.annotations, relations: view.relations, written };
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
  // Loaded when an article did change (#25): the placing needs diff-match-patch, which no other step does.
  const { reanchorStandoff } = await import('../../../shared/anchoring/reanchorStandoff');
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

  async save(articlePath: string, article: DecodedArticle, request: BratSaveRequest, onDisk?: StandoffDocument | null): Promise<BratSaveResult> {
    const remembered = this.removedByArticle.get(articlePath) ?? new Map<string, RemovalGroup>();
    const result = await saveBratAnnotations(articlePath, article, request, (id) => remembered.get(id) ?? null, onDisk);
    for (const annotation of result.annotations) remembered.delete(annotation.id);
    for (const group of result.removed) remembered.set(group.id, group);
    if (remembered.size > 0) this.removedByArticle.set(articlePath, remembered);
    else this.removedByArticle.delete(articlePath);
    return result;
  }

  /**
   * Saves as `save` does, merged with what another writer (brat itself, a script, a second
   * Hashiye) put in `NAME.ann` since `base` (what this window loaded or saved: its native view
   * and the SHA-256 of the file's bytes). The merge is the native one (shared/model/documentMerge)
   * by entity and relation id, the standoff line ids: entities and relations changed on one side
   * are taken from that side, ones changed on both sides differently are conflicts and nothing
   * is written; the merged result is then applied to the file as it is on disk, so every line
   * nobody touched keeps its bytes and new entities get ids free on disk. A file that changes
   * while being read (a plain writer, truncate then write) is read again until two reads agree.
   */
  async saveMerged(articlePath: string, article: DecodedArticle, mine: SavedDocument, base: AnnotationFileBase | null, resolutions?: ConflictResolutions): Promise<BratMergedSave> {
    const annotationPath = bratAnnotationPathFor(articlePath);
    const disk = await readStandoffSettled(annotationPath, base?.sha256);
    const diskSha = disk.bytes === null ? null : sha256Of(disk.bytes);
    let request: SavedDocument = mine;
    let adopted = false;
    if (base !== null && diskSha !== base.sha256) {
      const view = disk.document === null ? { annotations: [], relations: [] } : standoffToNative(disk.document, Array.from(article.text));
      // brat has no status or labels: only entities and relations are merged.
      // Compared as brat stores them: fields the file cannot hold (author, created) are no change.
      const flat = (document: Pick<SavedDocument, 'annotations' | 'relations'>): SavedDocument => ({ status: mine.status, labels: [], annotations: document.annotations.map(asStoredInBrat), relations: document.relations.map(({ id, type, from, to }) => ({ id, type, from, to })) });
      const merge = mergeDocuments(flat(base.document), flat(view), flat(mine), resolutions);
      if (merge.conflicts.length > 0) return { kind: 'conflicts', conflicts: merge.conflicts };
      request = merge.merged;
      adopted = merge.diskHadChanges;
    }
    // A rename replaces even a 0444 file (and root passes every access check): the mode is asked first.
    const readOnly = await writeAccessRefusal(annotationPath);
    if (readOnly !== null) throw new ReadOnlyAnnotationFileError(`Not saved: ${readOnly.message}`, readOnly.userProblem);
    const saved = await this.save(articlePath, article, request, disk.document);
    const sha256 = saved.written ? sha256Of(Buffer.from(saved.contents, 'utf8')) : diskSha;
    const document: SavedDocument = { status: mine.status, labels: [], annotations: saved.annotations, relations: saved.relations };
    const state: KnownFileState = sha256 === null ? { exists: false } : { exists: true, size: saved.written ? Buffer.byteLength(saved.contents, 'utf8') : (disk.bytes as Buffer).length, mtimeMs: -1, sha256 };
    return { kind: 'saved', saved, base: { document, sha256 }, merged: adopted ? document : null, state };
  }

  /** Forgets what was removed (the article was closed or reloaded from disk). */
  forget(articlePath: string): void {
    this.removedByArticle.delete(articlePath);
  }
}

export type BratMergedSave =
  | { kind: 'conflicts'; conflicts: SaveConflict[] }
  /** `merged`: the document now on disk when it holds another writer's changes (the window adopts it). */
  | { kind: 'saved'; saved: BratSaveResult; base: AnnotationFileBase; merged: SavedDocument | null; state: KnownFileState };

/** An annotation as a brat file can hold it (what standoffToNative gives back), for comparing versions. */
function asStoredInBrat(annotation: StoredAnnotation): StoredAnnotation {
  const stored: StoredAnnotation = { id: annotation.id, type: annotation.type, start: annotation.start, end: annotation.end, text: annotation.text };
  if (annotation.fragments && annotation.fragments.length > 1) stored.fragments = annotation.fragments.map(({ start, end }) => ({ start, end }));
  if (annotation.note) stored.note = annotation.note;
  if (annotation.attributes && Object.keys(annotation.attributes).length > 0) stored.attributes = annotation.attributes;
  // An event trigger's roles are its E line: a merge that dropped them would rewrite the event without its arguments.
  const roles = eventRolesOf(annotation);
  if (roles.length > 0) stored.roles = roles;
  return stored;
}
