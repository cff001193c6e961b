import { withFileLock } from './annotationFileLock';
import { sourceRecordFor } from '../article/sourceRecord';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  AnnotationFileSchema,
  NATIVE_FORMAT_ID,
  NATIVE_FORMAT_VERSION,
  type AnnotationFile,
  type StoredAnnotation,
  type StoredRelation,
} from '../../../shared/model/nativeFormat';
import { findInvariantProblem, findOffsetProblem, parseAnnotationFile, type AnnotationFileProblem } from '../../../shared/model/readAnnotationFile';
import type { ArticleStatus } from '../../../shared/model/status';
import { codePointText, type CodePointText } from '../../../shared/anchoring/offsets';
import { quoteAround } from '../../../shared/anchoring/quote';
import { SaveFailedError, SaveRefusedError, writtenFileProblem } from './annotationStore';
import type { DecodedArticle } from '../article/articleDecoder';
import { writeFileAtomic } from './atomicWrite';
import { decodeAnnotationBytes, INPUT_LIMITS } from '../corpus/inputLimits';
import { assertWritableInCorpus, CorpusFileRefusedError, isInsideRoot, readCorpusFile, readFileInOwnFolder } from '../corpus/corpusFileAccess';
import { withUserProblem } from '../problems/userProblems';

/**
 * Reading and writing a native annotation file at a path given explicitly: an annotator's
 * `NAME.annotators/ANNOTATOR.ann.json`, or `NAME.ann.json` when top-level fields other than
 * the ones annotationStore saves (assignee, curation) must change. Same rules as
 * annotationStore: strict UTF-8, schema and offsets checked against the article, a broken file
 * is never overwritten, fields this version does not know are kept, atomic write with backup.
 */
export type ExistingAnnotationFile =
  | { kind: 'absent' }
  /** `sha256`: of the bytes read, for a later save that must land on this very file (`expectedSha256`). */
  | { kind: 'usable'; file: AnnotationFile; migratedFrom: number | null; sha256: string }
  | { kind: 'broken'; problem: AnnotationFileProblem };

/** `codePoints` (a view of the article text's) may be passed when several files of one article are read. */
export async function readAnnotationFileAt(
  annotationPath: string,
  article: DecodedArticle,
  codePoints: CodePointText = codePointText(article.text),
  /** The corpus the file must be in; without it, the file's own folder (see readFileInOwnFolder). */
  root?: string,
): Promise<ExistingAnnotationFile> {
  let bytes: Buffer;
  try {
    // Confined to the corpus (or its own folder), a regular file, within the limit.
    const limit = { maxBytes: INPUT_LIMITS.annotationFileBytes };
    const read = root === undefined ? await readFileInOwnFolder(annotationPath, limit) : await readCorpusFile(root, annotationPath, limit);
    if (read === null) return { kind: 'absent' };
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return { kind: 'broken', problem: { kind: 'io', message: error.message } };
    return { kind: 'broken', problem: { kind: 'io', message: `Cannot read ${path.basename(annotationPath)}: ${(error as Error).message}` } };
  }
  const raw = decodeAnnotationBytes(bytes);
  if (raw === null) return { kind: 'broken', problem: { kind: 'syntax', message: `${path.basename(annotationPath)} is not valid UTF-8.` } };
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) return { kind: 'broken', problem: parsed.problem };
  const problem = findInvariantProblem(parsed.file) ?? findOffsetProblem(parsed.file, codePoints);
  if (problem) {
    const changed = parsed.file.source.sha256 !== article.sha256;
    return { kind: 'broken', problem: { ...problem, message: changed ? `${problem.message} (The article changed on disk since it was annotated.)` : problem.message } };
  }
  return { kind: 'usable', file: parsed.file, migratedFrom: parsed.migratedFrom, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** What to change; anything left out keeps its value from the existing file (or the default for a new one). */
export interface AnnotationFileChanges {
  status?: ArticleStatus;
  annotations?: StoredAnnotation[];
  relations?: StoredRelation[];
  labels?: string[];
  tokens?: [number, number][];
  /** null removes the field. */
  assignee?: string | null;
  /** Other top-level fields (such as `curation`); null removes one. */
  extra?: Record<string, unknown>;
  /**
   * The file must still be the one the caller read and decided on: the SHA-256 of its bytes, or
   * null for "there was no file". Otherwise another writer changed it meanwhile: nothing is
   * written and ConcurrentChangeError says so (the caller reads again and decides again).
   */
  expectedSha256?: string | null;
}

/** The file changed (or appeared) since the caller read it: nothing was written, nothing of the other writer's is lost. */
export class ConcurrentChangeError extends SaveRefusedError {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * Writes the file at `annotationPath` for the article at `articlePath`, creating its folder.
 * Throws SaveRefusedError (nothing written) when the existing file is broken or the result
 * would not validate, SaveFailedError when the disk refuses.
 */
export async function saveAnnotationFileAt(
  annotationPath: string,
  articlePath: string,
  article: DecodedArticle,
  changes: AnnotationFileChanges,
): Promise<AnnotationFile> {
  // Under the file's lock (annotationFileLock.ts), as the window's saves are: another Hashiye
  // never writes it between this read and this write. Throws AnnotationFileLockedError (retryable) when it cannot be had.
  return withFileLock(annotationPath, () => saveAnnotationFileAtHoldingLock(annotationPath, articlePath, article, changes));
}

/** The file to write: the changes over the previous file (fields not changed kept), with fresh quotes and source record. */
function draftOf(previous: AnnotationFile | null, articlePath: string, article: DecodedArticle, changes: AnnotationFileChanges, codePoints: CodePointText): Record<string, unknown> {
  const annotations = (changes.annotations ?? previous?.annotations ?? []).map((annotation) => ({
    ...annotation,
    quote: quoteAround(codePoints, annotation.start, annotation.end),
  }));
  const draft: Record<string, unknown> = {
    ...previous,
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: sourceRecordFor(previous?.source, articlePath, article, codePoints.length),
    status: changes.status ?? previous?.status ?? 'new',
    annotations,
    relations: changes.relations ?? previous?.relations ?? [],
    labels: changes.labels ?? previous?.labels ?? [],
  };
  if (changes.tokens !== undefined) draft.tokens = changes.tokens;
  if (changes.assignee === null) delete draft.assignee;
  else if (changes.assignee !== undefined) draft.assignee = changes.assignee;
  for (const [key, value] of Object.entries(changes.extra ?? {})) {
    if (value === null) delete draft[key];
    else draft[key] = value;
  }
  draft.updated = new Date().toISOString();
  return draft;
}

async function saveAnnotationFileAtHoldingLock(annotationPath: string, articlePath: string, article: DecodedArticle, changes: AnnotationFileChanges): Promise<AnnotationFile> {
  // One code-point view of the text for the checks and the quotes: no array of a million code points.
  const codePoints = codePointText(article.text);
  // Confined to the article's folder (the file is beside it, or in its NAME.annotators/): a
  // folder in between that links outside the corpus is neither read nor written through.
  const articleFolder = path.dirname(articlePath);
  const existing = await readAnnotationFileAt(annotationPath, article, codePoints, articleFolder);
  if (changes.expectedSha256 !== undefined && (existing.kind === 'usable' ? existing.sha256 : existing.kind === 'absent' ? null : 'broken') !== changes.expectedSha256) {
    throw new ConcurrentChangeError(`${path.basename(annotationPath)} was changed by another window or program since it was read; nothing was written. Reload and try again.`);
  }
  if (existing.kind === 'broken') {
    throw new SaveRefusedError(`${path.basename(annotationPath)} could not be used (${existing.problem.message}); it is left untouched.`);
  }
  const previous = existing.kind === 'usable' ? existing.file : null;
  const draft = draftOf(previous, articlePath, article, changes, codePoints);
  const checked = AnnotationFileSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SaveRefusedError(`Not saved: invalid field ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const problem = findInvariantProblem(checked.data) ?? findOffsetProblem(checked.data, codePoints);
  // Coded for the window: duplicate ids, relations to missing ids (#17).
  if (problem) throw withUserProblem(new SaveRefusedError(`Not saved: ${problem.message}`), problem.userProblems?.[0] ?? { code: 'saveRefused', file: path.basename(annotationPath) });
  const json = `${JSON.stringify(draft, null, 2)}\n`;
  const tooLarge = writtenFileProblem(path.basename(annotationPath), Buffer.byteLength(json, 'utf8'), null);
  if (tooLarge) throw new SaveRefusedError(tooLarge);
  try {
    if (await assertFolderWritable(articleFolder, path.dirname(annotationPath))) await assertWritableInCorpus(articleFolder, annotationPath);
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) throw new SaveRefusedError(`Not saved: ${error.message}`);
    throw error;
  }
  try {
    await fs.mkdir(path.dirname(annotationPath), { recursive: true });
    await writeFileAtomic(annotationPath, json, { backup: true });
  } catch (error) {
    throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: ${(error as Error).message}`, { cause: error });
  }
  return checked.data;
}

/**
 * The folder a file is about to be written in (NAME.annotators/, made if missing), checked to be
 * really inside the article's folder: a NAME.annotators that links outside is refused. False
 * when it does not exist yet.
 */
async function assertFolderWritable(articleFolder: string, folder: string): Promise<boolean> {
  let real: string;
  try {
    real = await fs.realpath(folder);
  } catch {
    // Not made yet: created inside the article's folder by the write.
    return false;
  }
  if (!isInsideRoot(await fs.realpath(articleFolder), real)) {
    throw new SaveRefusedError(`Not saved: ${path.basename(folder)} leads outside the corpus (to ${real}).`);
  }
  return true;
}
