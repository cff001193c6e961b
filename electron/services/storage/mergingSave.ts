import path from 'node:path';
import type { ConflictResolutions, SaveConflict, SavedDocument } from '../../../shared/saveWire';
import { mergeDocuments, sameItem } from '../../../shared/model/documentMerge';
import { sameJudgments } from '../../../shared/documentLabels/judgmentMerge';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { annotationPathFor, SaveFailedError, writeAnnotations, type SaveRequest } from './annotationStore';
import { checkBeforeWrite, DiskMovedOnError, readDisk, rememberWrittenBytes, slippedIn, type DiskFile } from './annotationFileForSave';
import type { DecodedArticle } from '../article/articleDecoder';
import { withFileLock } from './annotationFileLock';
import { assertWritableInCorpus, CorpusFileRefusedError } from '../corpus/corpusFileAccess';
import { sha256Of, type KnownFileState } from '../corpus/watchedFileState';
import { INPUT_LIMITS, type InputLimits } from '../corpus/inputLimits';

/**
 * Saving `NAME.ann.json` when other writers may write it too: a second Hashiye on the same
 * corpus, a sync tool, an editor. Every save is a three-way merge (shared/model/documentMerge):
 * `base` is what this window last loaded or saved (its document and the SHA-256 of the file's
 * bytes), `disk` is the file now, `mine` is the window's document. Disk bytes equal to the base
 * (the usual case: nobody else wrote) are replaced by mine as they are. Otherwise changes to
 * different items merge, and items both changed differently come back as conflicts, with
 * nothing written.
 *
 * Two Hashiye processes (two windows, the CLI) never interleave: each save holds the file's lock
 * (annotationFileLock.ts, `.NAME.ann.json.lock`) from its read to its rename, and waits a bounded
 * time for another's. Other programs ignore the lock, so the checks below stay.
 *
 * Races with the other writer are closed as far as files allow. The file is read through a
 * handle held until after the write. Just before the rename, the path must still name that
 * same file, of the same size and mtime (an atomic writer renames a new file in; a plain writer
 * changes the size or mtime); otherwise the save starts over on the new content. After the
 * rename, the replaced file is read again through the handle: a plain (truncate and write)
 * writer that was still writing into it shows there, and its content is merged into ours and
 * written again. A file that does not parse may be half written by such a writer: it is read
 * again for about 200 ms before it counts as broken.
 */

/** What a window last loaded or saved of an article's annotation file: the base of its next merge. */
export interface AnnotationFileBase {
  document: SavedDocument;
  /** SHA-256 of the file's bytes; null when there was no file. */
  sha256: string | null;
}

/**
 * A base whose document was let go to bound memory: only the SHA-256 of the file it was is kept.
 * The file is content-addressed by it: while the disk still holds those bytes, the disk's
 * document is the base, so the merge is exact. When the disk changed, the merge has no common
 * ancestor and takes an empty one: nothing of either side is lost (an item both sides hold
 * differently is asked about, one the window deleted may come back), never a silent overwrite.
 */
export interface EvictedBase {
  evicted: true;
  sha256: string | null;
}

/** What the merge bases of the window's articles may hold at most, as estimated JSON bytes (about the size of the files). */
export const BASES_BYTE_BUDGET = 96 * 1024 * 1024;
/** Bases kept at most, evicted or not (an evicted one is a few dozen bytes). */
export const BASES_MAX_ENTRIES = 100_000;

/**
 * The bases of the articles a window opened (it may hold unsaved edits for several and retry
 * them), bounded by bytes, not by count: an analyst who opens 200 articles still gets a three-way
 * merge on each. The most recent documents are kept whole within BASES_BYTE_BUDGET; older ones
 * are kept as their file's SHA-256 only (EvictedBase), which is enough whenever nobody else wrote.
 */
export class AnnotationFileBases {
  private readonly entries = new Map<string, { base: AnnotationFileBase | EvictedBase; bytes: number }>();
  private wholeBytes = 0;

  constructor(
    private readonly budgetBytes = BASES_BYTE_BUDGET,
    private readonly maxEntries = BASES_MAX_ENTRIES,
  ) {}

  /** The whole base, or null (none, or only its SHA-256 is left: see forMerge). brat saves use this. */
  get(articleId: string): AnnotationFileBase | null {
    const entry = this.entries.get(articleId);
    return entry === undefined || 'evicted' in entry.base ? null : entry.base;
  }

  /** The base for a merging save: whole, evicted (its SHA-256), or null when none was ever known. */
  forMerge(articleId: string): AnnotationFileBase | EvictedBase | null {
    return this.entries.get(articleId)?.base ?? null;
  }

  set(articleId: string, base: AnnotationFileBase): void {
    this.delete(articleId);
    const bytes = estimatedDocumentBytes(base.document);
    this.entries.set(articleId, { base, bytes });
    this.wholeBytes += bytes;
    // The oldest documents go first; the newest is kept whole even alone over the budget (its save is the likeliest).
    for (const [id, entry] of this.entries) {
      if (this.wholeBytes <= this.budgetBytes || id === articleId) break;
      if ('evicted' in entry.base) continue;
      this.wholeBytes -= entry.bytes;
      this.entries.set(id, { base: { evicted: true, sha256: entry.base.sha256 }, bytes: 0 });
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.delete(id);
    }
  }

  delete(articleId: string): void {
    const entry = this.entries.get(articleId);
    if (entry === undefined) return;
    this.wholeBytes -= entry.bytes;
    this.entries.delete(articleId);
  }

  clear(): void {
    this.entries.clear();
    this.wholeBytes = 0;
  }

  /** Estimated bytes of the documents kept whole (for tests and diagnostics). */
  get documentBytes(): number {
    return this.wholeBytes;
  }
}

/**
 * About the size of a document as JSON, in one pass without serializing it (a document of
 * 100,000 annotations would take tens of milliseconds to stringify on every save).
 */
export function estimatedDocumentBytes(document: SavedDocument): number {
  let bytes = 100 + document.labels.reduce((sum, label) => sum + label.length + 4, 0);
  for (const annotation of document.annotations) {
    bytes += 90 + annotation.id.length + annotation.type.length + 2 * annotation.text.length + (annotation.note?.length ?? 0) * 2;
    if (annotation.attributes) bytes += 40 * Object.keys(annotation.attributes).length;
    if (annotation.fragments) bytes += 30 * annotation.fragments.length;
  }
  for (const relation of document.relations) bytes += 50 + relation.id.length + relation.type.length + relation.from.length + relation.to.length + (relation.note?.length ?? 0) * 2;
  return bytes;
}

/** The file's state as the save left it, for the watcher's baseline (mtime unknown after a write: -1, so the next poll hashes it). */
export type SavedFileState = KnownFileState;

export type MergingSaveOutcome =
  /** `merged`: what is now on disk, when it differs from mine (the window adopts it). */
  /** `replaced`: the document the written bytes replaced (null: no file, or one that did not parse). */
  | { kind: 'written'; file: AnnotationFile; base: AnnotationFileBase; merged: SavedDocument | null; state: SavedFileState; replaced: SavedDocument | null }
  /** Nothing needed writing: the disk already holds mine (and maybe more: `merged`). */
  | { kind: 'unchanged'; base: AnnotationFileBase; merged: SavedDocument | null; state: SavedFileState }
  /** Items both sides changed: nothing of mine was written (the disk versions are kept for them). */
  | { kind: 'conflicts'; conflicts: SaveConflict[]; state: SavedFileState | null }
  | { kind: 'refused'; message: string }
  /** What writing threw (SaveRefusedError, SaveFailedError...): the file is as it was. */
  | { kind: 'failed'; error: unknown };

/** How many times a save starts over because another writer wrote during it, before giving up (retryable). */
const MAX_ROUNDS = 8;

export const EMPTY_DOCUMENT: SavedDocument = { status: 'new', annotations: [], relations: [], labels: [] };

/** The part of an annotation file a merge compares. */
export function savedDocumentOf(file: Pick<AnnotationFile, 'status' | 'annotations' | 'relations' | 'labels' | 'documentLabels' | 'zones'>): SavedDocument {
  return { status: file.status, annotations: file.annotations, relations: file.relations, labels: file.labels, documentLabels: file.documentLabels ?? {}, zones: file.zones ?? [] };
}


export interface MergingSaveRequest {
  mine: SaveRequest;
  /**
   * What this window last loaded or saved; null when unknown (then mine replaces the disk's, as
   * before merging existed); evicted: only its file's SHA-256 is known (see EvictedBase).
   */
  base: AnnotationFileBase | EvictedBase | null;
  resolutions?: ConflictResolutions;
  /**
   * This window's last write of the file, when `base` is what it wrote: if the disk now holds a
   * file made blindly from what that write replaced (isBlindTo), the merge takes the replaced
   * document as the base, so the other writer's save does not count as deleting our changes.
   */
  lastWrite?: LastWrite | null;
  /** The corpus root: the file must be one the app may replace inside it (no link leading out, no FIFO or device). */
  root?: string;
  /**
   * Write even when the documents are the same, if the file records another encoding for the
   * article than `article`'s (or another choice flag): the user just chose one, and it must last.
   */
  recordEncoding?: boolean;
  /** How long to wait for another process's save of the same file (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export interface LastWrite {
  replaced: SavedDocument;
  wrote: SavedDocument;
  sha256: string;
}

/**
 * Saves `mine` into the article's `NAME.ann.json`, merged with what another writer put there
 * since `base`. See the file comment for the races.
 */
export async function saveMerged(articlePath: string, article: DecodedArticle, request: MergingSaveRequest, limits: InputLimits = INPUT_LIMITS): Promise<MergingSaveOutcome> {
  const annotationPath = annotationPathFor(articlePath);
  if (request.root !== undefined) {
    // Confined before the lock file is made beside it: a folder reached through a link out of the corpus gets neither.
    try {
      await assertWritableInCorpus(request.root, annotationPath);
    } catch (error) {
      if (error instanceof CorpusFileRefusedError) return { kind: 'refused', message: `Not saved: ${error.message}` };
      return { kind: 'failed', error };
    }
  }
  // Another Hashiye saving the same file waits for this save to finish, and this one for it
  // (annotationFileLock.ts): read, merge and rename never interleave between two instances.
  try {
    return await withFileLock(annotationPath, () => saveMergedHoldingLock(articlePath, article, request, limits), request.lockWaitMs === undefined ? {} : { waitMs: request.lockWaitMs });
  } catch (error) {
    // The lock could not be had in time (AnnotationFileLockedError): nothing was read or written.
    return { kind: 'failed', error };
  }
}

/** What a save carries from one round to the next when another writer wrote during it. */
interface SaveRounds {
  base: AnnotationFileBase | EvictedBase | null;
  mine: SavedDocument;
  /** Conflicts met after our bytes were already on disk (a writer slipped in during the rename). */
  lateConflicts: SaveConflict[];
}

/** One round of a save is over, and another is needed: the disk moved on, or a writer slipped in. */
const AGAIN = Symbol('again');

async function saveMergedHoldingLock(articlePath: string, article: DecodedArticle, request: MergingSaveRequest, limits: InputLimits): Promise<MergingSaveOutcome> {
  const annotationPath = annotationPathFor(articlePath);
  const rounds: SaveRounds = { base: request.base, mine: request.mine, lateConflicts: [] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let disk: DiskFile;
    try {
      disk = await readDisk(annotationPath, limits, request.root);
    } catch (error) {
      return { kind: 'failed', error };
    }
    if (disk.kind === 'refused') return disk;
    try {
      const outcome = await saveRound(articlePath, article, request, limits, disk, rounds);
      if (outcome !== AGAIN) return outcome;
    } finally {
      if (disk.kind === 'present') await disk.handle.close();
    }
  }
  return { kind: 'failed', error: new SaveFailedError(`Could not save ${path.basename(annotationPath)}: another program kept changing it during the save; try again.`, { cause: null }) };
}

function stateOf(disk: DiskFile & { kind: 'present' | 'absent' }): SavedFileState {
  return disk.kind === 'present' ? { exists: true, size: disk.size, mtimeMs: disk.mtimeMs, sha256: disk.sha256 } : { exists: false };
}

/** What a round decided before writing: the outcome (nothing to write, or conflicts), or what to write. */
type RoundPlan = { outcome: MergingSaveOutcome } | { target: SavedDocument; adopted: boolean; diskDocument: SavedDocument | null };

/** Merges mine with the disk against the base, and says whether anything needs writing. */
function planRound(article: DecodedArticle, request: MergingSaveRequest, disk: DiskFile & { kind: 'present' | 'absent' }, rounds: SaveRounds): RoundPlan {
  const { mine, lateConflicts } = rounds;
  const diskSha = disk.kind === 'present' ? disk.sha256 : null;
  const diskDocument = disk.kind === 'present' ? (disk.existing.parsed.ok ? savedDocumentOf(disk.existing.parsed.file) : null) : EMPTY_DOCUMENT;
  const encodingToRecord = request.recordEncoding === true && recordsOtherEncoding(disk, article);
  let base = rounds.base;
  if (base !== null && 'evicted' in base) {
    // Content-addressed: the disk still holding the base's bytes is the base; otherwise no common ancestor is known.
    base = rounds.base = { document: diskSha === base.sha256 && diskDocument !== null ? diskDocument : EMPTY_DOCUMENT, sha256: base.sha256 };
  }
  if (base !== null && diskSha !== base.sha256 && diskDocument !== null) {
    const lastWrite = request.lastWrite;
    const blind = lastWrite != null && lastWrite.sha256 === base.sha256 && isBlindTo(lastWrite.replaced, lastWrite.wrote, diskDocument);
    const merge = mergeDocuments(blind ? lastWrite.replaced : base.document, diskDocument, mine, request.resolutions);
    if (merge.conflicts.length > 0) return { outcome: { kind: 'conflicts', conflicts: merge.conflicts, state: stateOf(disk) } };
    const adopted = merge.diskHadChanges || !sameDocument(merge.merged, request.mine);
    if (!merge.needsWrite && !encodingToRecord) {
      const state = stateOf(disk);
      if (lateConflicts.length > 0) return { outcome: { kind: 'conflicts', conflicts: lateConflicts, state } };
      return { outcome: { kind: 'unchanged', base: { document: diskDocument, sha256: diskSha }, merged: adopted ? merge.merged : null, state } };
    }
    return { target: merge.merged, adopted, diskDocument };
  }
  if (base !== null && diskSha === base.sha256 && sameDocument(base.document, mine) && disk.kind === 'present' && !encodingToRecord) {
    // Nothing new on either side: an idle window never rewrites the file (two instances would ping-pong).
    const state = stateOf(disk);
    if (lateConflicts.length > 0) return { outcome: { kind: 'conflicts', conflicts: lateConflicts, state } };
    return { outcome: { kind: 'unchanged', base, merged: sameDocument(mine, request.mine) ? null : mine, state } };
  }
  return { target: mine, adopted: !sameDocument(mine, request.mine), diskDocument };
}

/** One round: merge, write, and look for a writer that slipped in during the rename (then AGAIN, with its change merged). */
async function saveRound(articlePath: string, article: DecodedArticle, request: MergingSaveRequest, limits: InputLimits, disk: DiskFile & { kind: 'present' | 'absent' }, rounds: SaveRounds): Promise<MergingSaveOutcome | typeof AGAIN> {
  const annotationPath = annotationPathFor(articlePath);
  const plan = planRound(article, request, disk, rounds);
  if ('outcome' in plan) return plan.outcome;
  const { target, adopted, diskDocument } = plan;
  let written: { file: AnnotationFile; bytes: Buffer };
  try {
    written = await writeAnnotations(articlePath, article, target, disk.kind === 'present' ? disk.existing : { kind: 'absent' }, {
      beforeWrite: () => checkBeforeWrite(annotationPath, disk),
    });
  } catch (error) {
    if (error instanceof DiskMovedOnError) return AGAIN;
    return { kind: 'failed', error };
  }
  const sha256 = sha256Of(written.bytes);
  rememberWrittenBytes(written.bytes, sha256);
  const state: SavedFileState = { exists: true, size: written.bytes.length, mtimeMs: -1, sha256 };
  // The base is what the file now holds, as a reader of it gets it (fields this version does not know included).
  const writtenBase: AnnotationFileBase = { document: savedDocumentOf(written.file), sha256 };
  const slippedFile = disk.kind === 'present' && diskDocument !== null ? await slippedIn(annotationPath, disk, limits) : null;
  if (slippedFile === null) {
    if (rounds.lateConflicts.length > 0) return { kind: 'conflicts', conflicts: rounds.lateConflicts, state };
    return { kind: 'written', file: written.file, base: writtenBase, merged: adopted ? target : null, state, replaced: disk.kind === 'present' ? diskDocument : EMPTY_DOCUMENT };
  }
  // A plain writer wrote the file we were replacing: its change is not on disk. Merge it into
  // what we wrote (its base is what we merged against) and write again, over our own bytes.
  const again = mergeDocuments(diskDocument as SavedDocument, savedDocumentOf(slippedFile), target, request.resolutions);
  if (again.conflicts.length > 0) rounds.lateConflicts = again.conflicts;
  rounds.mine = again.merged;
  rounds.base = writtenBase;
  return AGAIN;
}

/** Whether the file (absent: records nothing) records another encoding or choice for the article than `article`'s. */
function recordsOtherEncoding(disk: DiskFile, article: DecodedArticle): boolean {
  if (disk.kind !== 'present') return true;
  if (!disk.existing.parsed.ok) return false;
  const source: Record<string, unknown> = disk.existing.parsed.file.source;
  return source.encoding !== article.encoding || source.sha256 !== article.sha256 || (source.encodingChosen === true) !== article.chosen;
}

function sameDocument(a: SavedDocument, b: SavedDocument): boolean {
  if (a.status !== b.status || a.annotations.length !== b.annotations.length || a.relations.length !== b.relations.length || a.labels.length !== b.labels.length) return false;
  // (#21) A side that does not carry judgments holds the other's (it leaves them as they are).
  if (!sameJudgments({ documentLabels: a.documentLabels ?? b.documentLabels, zones: a.zones ?? b.zones }, { documentLabels: b.documentLabels ?? a.documentLabels, zones: b.zones ?? a.zones })) return false;
  return a.labels.every((label, index) => label === b.labels[index]) && a.annotations.every((annotation, index) => sameItem(annotation, b.annotations[index])) && a.relations.every((relation, index) => sameItem(relation, b.relations[index]));
}

/**
 * Whether `now` (the file after another program wrote it) was made from `replaced` without our
 * write `wrote` that replaced it: every item our write changed is, in `now`, as it was before
 * our write, and something else changed. A plain writer that read the file just before our save
 * and wrote just after does exactly that: our changes vanish from the disk, with no conflict to
 * show. Such a write is merged with ours instead of taken as deleting our changes.
 */
export function isBlindTo(replaced: SavedDocument, wrote: SavedDocument, now: SavedDocument): boolean {
  let ours = 0;
  const blindItems = <T extends { id: string }>(before: readonly T[], after: readonly T[], seen: readonly T[]): boolean => {
    const beforeById = new Map(before.map((item) => [item.id, item]));
    const afterById = new Map(after.map((item) => [item.id, item]));
    const seenById = new Map(seen.map((item) => [item.id, item]));
    for (const id of new Set([...beforeById.keys(), ...afterById.keys()])) {
      if (sameItem(beforeById.get(id), afterById.get(id))) continue;
      ours++;
      if (!sameItem(beforeById.get(id), seenById.get(id))) return false;
    }
    return true;
  };
  if (!blindItems(replaced.annotations, wrote.annotations, now.annotations) || !blindItems(replaced.relations, wrote.relations, now.relations)) return false;
  // The status is no evidence either way: two writers tagging a new article both move it to
  // in-progress. Only annotations and relations, which each writer makes under its own ids, tell.
  return ours > 0 && !sameDocument(now, replaced);
}
