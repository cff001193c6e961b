import type { DocumentFields } from '../../../shared/articleDocumentWire';
import { liftLegacyLabels } from '../../../shared/documentLabels/legacyLabels';
import path from 'node:path';
import {
  NATIVE_FORMAT_ID,
  NATIVE_FORMAT_VERSION,
  AnnotationFileSchema,
  StoredAnnotationSchema,
  StoredRelationSchema,
  type AnnotationFile,
  type StoredAnnotation,
  type StoredRelation,
} from '../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../shared/model/status';
import { findInvariantProblem, findOffsetProblem, parseAnnotationFile, type AnnotationFileProblem, type ParsedAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { codePointText, type CodePointText } from '../../../shared/anchoring/offsets';
import { quoteAround } from '../../../shared/anchoring/quote';
import { decodedTextKey, type DecodedArticle } from '../article/articleDecoder';
import { sourceRecordFor } from '../article/sourceRecord';
import { writeFileAtomic } from './atomicWrite';
import { annotationShapeProblem, decodeAnnotationBytes, INPUT_LIMITS, type InputLimits } from '../corpus/inputLimits';
import type { JsonShape } from '../corpus/jsonShapeTally';
import { forgetWrittenAnnotationFile, jsonShapeOf, rememberWrittenAnnotationFile, writtenAnnotationFileFor } from './writtenAnnotationFile';
import { CorpusFileRefusedError, readFileInOwnFolder } from '../corpus/corpusFileAccess';
import { withUserProblem } from '../problems/userProblems';

export const ANNOTATION_SUFFIX = '.ann.json';

/** `NAME.txt` → `NAME.ann.json`, beside it. */
export function annotationPathFor(articlePath: string): string {
  const extension = path.extname(articlePath);
  const base = extension.toLowerCase() === '.txt' ? articlePath.slice(0, -extension.length) : articlePath;
  return base + ANNOTATION_SUFFIX;
}

/** The document fields (relations, labels, document labels, zones) as the file holds them: shared/ipc.ts DOCUMENT_FIELDS. */
export interface LoadedAnnotations extends DocumentFields {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  problem: AnnotationFileProblem | null;
  migratedFrom: number | null;
  /** Annotations kept aside because they could not be placed after the article changed. */
  orphans?: StoredAnnotation[];
}

const EMPTY: Omit<LoadedAnnotations, 'problem' | 'migratedFrom'> = { status: 'new', annotations: [], relations: [], labels: [] };

/**
 * Everything that makes an existing annotation file unusable for this article: it does not
 * parse, fails the schema, has an unknown version, or its spans do not fit the article's text.
 */
type ExistingFile =
  | { kind: 'absent' }
  | { kind: 'usable'; file: AnnotationFile; migratedFrom: number | null }
  | { kind: 'broken'; problem: AnnotationFileProblem; migratedFrom: number | null };

/**
 * An existing annotation file as read once and parsed, or its absence. `offsetsCheckedFor` is
 * the SHA-256 of an article its offsets and texts are already known to fit (the file this
 * process wrote for it), so that they are not checked again for that article.
 */
export type ParsedExisting =
  | { kind: 'absent' }
  | {
      kind: 'parsed';
      parsed: ParsedAnnotationFile;
      offsetsCheckedFor?: string;
      /**
       * (#17) findInvariantProblem's answer for `parsed.file`, when the caller already asked it
       * (opening asks before deciding whether it may re-anchor): 100,000 ids are not put in a
       * set twice. Absent: not asked yet, checkExisting asks.
       */
      invariant?: AnnotationFileProblem | null;
    };

/** Parses the text of an annotation file read once (readAnnotationFileWithinLimits). */
export function parseExisting(annotationPath: string, read: { kind: 'absent' } | { kind: 'read'; text: string | null }): ParsedExisting {
  if (read.kind === 'absent') return read;
  if (read.text === null) return { kind: 'parsed', parsed: { ok: false, problem: { kind: 'syntax', message: `${path.basename(annotationPath)} is not valid UTF-8.` } } };
  return { kind: 'parsed', parsed: parseAnnotationFile(read.text) };
}

/** The file, read from disk once, parsed: a read error becomes an 'io' problem. */
async function readAndParse(annotationPath: string): Promise<ParsedExisting> {
  let bytes: Buffer;
  try {
    // In the article's own folder (reached through no link), a regular file, within the limit (corpusFileAccess).
    const read = await readFileInOwnFolder(annotationPath, { maxBytes: INPUT_LIMITS.annotationFileBytes });
    if (read === null) return { kind: 'absent' };
    bytes = read.bytes;
  } catch (error) {
    return { kind: 'parsed', parsed: { ok: false, problem: { kind: 'io', message: error instanceof CorpusFileRefusedError ? error.message : `Cannot read ${path.basename(annotationPath)}: ${(error as Error).message}` } } };
  }
  const written = writtenAnnotationFileFor(annotationPath, bytes);
  if (written) return { kind: 'parsed', parsed: written.parsed, offsetsCheckedFor: written.offsetsCheckedFor };
  return parseExisting(annotationPath, { kind: 'read', text: decodeAnnotationBytes(bytes) });
}

/** Whether a parsed file fits the article's text (given as code points). */
function checkExisting(existing: ParsedExisting, article: DecodedArticle, text: CodePointText): ExistingFile {
  if (existing.kind === 'absent') return existing;
  const { parsed } = existing;
  if (!parsed.ok) return { kind: 'broken', problem: parsed.problem, migratedFrom: null };
  // Duplicate ids or dangling relations: an edit by id could hit the wrong annotation.
  const invariant = existing.invariant !== undefined ? existing.invariant : findInvariantProblem(parsed.file);
  if (invariant) return { kind: 'broken', problem: invariant, migratedFrom: parsed.migratedFrom };
  const problem = existing.offsetsCheckedFor === decodedTextKey(article) ? null : findOffsetProblem(parsed.file, text);
  if (problem) {
    const changed = parsed.file.source.sha256 !== article.sha256;
    const message = changed ? `${problem.message} (The article changed on disk since it was annotated.)` : problem.message;
    return { kind: 'broken', problem: { ...problem, message }, migratedFrom: parsed.migratedFrom };
  }
  return { kind: 'usable', file: parsed.file, migratedFrom: parsed.migratedFrom };
}

/**
 * Reads an article's annotations. A broken file is reported in `problem` (its kind and a
 * message naming what is wrong) with no annotations: the article then opens read-only.
 * `parsed` is the file as already read and parsed, when the caller has it.
 */
export async function loadAnnotations(articlePath: string, article: DecodedArticle, parsed?: ParsedExisting): Promise<LoadedAnnotations> {
  const existing = checkExisting(parsed ?? (await readAndParse(annotationPathFor(articlePath))), article, codePointText(article.text));
  if (existing.kind === 'absent') return { ...EMPTY, problem: null, migratedFrom: null, orphans: [] };
  if (existing.kind === 'broken') return { ...EMPTY, problem: existing.problem, migratedFrom: existing.migratedFrom, orphans: [] };
  const { file } = existing;
  return {
    status: file.status,
    annotations: file.annotations,
    relations: file.relations,
    labels: file.labels,
    documentLabels: file.documentLabels ?? {},
    zones: file.zones ?? [],
    problem: null,
    migratedFrom: existing.migratedFrom,
    orphans: readOrphans(file),
  };
}

/** The document fields as shared/ipc.ts DOCUMENT_FIELDS lists them; an absent `documentLabels` or `zones` keeps the file's. */
export interface SaveRequest extends DocumentFields {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
}

export class SaveRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SaveRefusedError';
  }
}

/** The disk refused the write (read-only folder, disk full, file locked); the file on disk is unchanged. */
export class SaveFailedError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'SaveFailedError';
  }
}

const KNOWN_ANNOTATION_FIELDS: ReadonlySet<string> = new Set(Object.keys(StoredAnnotationSchema.shape));
const KNOWN_RELATION_FIELDS: ReadonlySet<string> = new Set(Object.keys(StoredRelationSchema.shape));

/**
 * The fields of a stored object that this version does not know (written by a newer Hashiye
 * or another tool). They are carried over on save; known fields always come from the edit, so
 * a note the user cleared is not resurrected from the old file.
 */
function unknownFields(stored: object | undefined, known: ReadonlySet<string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (!stored) return fields;
  // A plain loop: this runs for each of 10,000 annotations on every save, and most have none.
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (known.has(key)) continue;
    // As Object.fromEntries does: an own "__proto__" field stays a field, not the prototype.
    if (key === '__proto__') Object.defineProperty(fields, key, { value: record[key], enumerable: true, writable: true, configurable: true });
    else fields[key] = record[key];
  }
  return fields;
}

/**
 * Writes `NAME.ann.json` for an article. Refuses (SaveRefusedError, nothing written) when the
 * existing file is broken (does not parse, fails validation, has an unknown version, or does
 * not fit the article), or when an edited annotation's text is not the article's text at its
 * offsets. Fields this version does not know, at the top level, on annotations and on
 * relations, are kept. When the disk refuses to read the old file or to write the new one
 * (read-only folder, disk full, lock), SaveFailedError is thrown and the file is as it was.
 * `parsed` is the existing file as the caller already read and parsed it (in the same own-write
 * turn of the watcher), so that a save reads it once.
 */
export async function saveAnnotations(articlePath: string, article: DecodedArticle, request: SaveRequest, parsed?: ParsedExisting): Promise<AnnotationFile> {
  return (await writeAnnotations(articlePath, article, request, parsed)).file;
}

export interface WriteAnnotationsOptions {
  /**
   * Runs after the file is built and checked, just before it replaces the one on disk: a merging
   * save checks there that nobody wrote the file since it was read (and throws to start over).
   */
  beforeWrite?: () => Promise<void>;
}

/**
 * A file this version would refuse to open is never written: its size against the annotation
 * file read limit, its shape against the parse limits (`shape` as jsonShapeOf measured it).
 */
export function writtenFileProblem(name: string, byteLength: number, shape: JsonShape | null, limits: InputLimits = INPUT_LIMITS): string | null {
  if (byteLength > limits.annotationFileBytes) {
    const megabytes = (bytes: number) => `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('en')} MB`;
    return `Not saved: ${name} would be ${megabytes(byteLength)}, more than the ${megabytes(limits.annotationFileBytes)} an annotation file may hold to be opened again (shorten long notes or split the article). The edits stay in the window; the file on disk is unchanged.`;
  }
  const shapeProblem = shape === null ? null : annotationShapeProblem(name, shape, limits);
  return shapeProblem === null ? null : `Not saved: ${shapeProblem}`;
}

/**
 * An annotation as a save writes it: the request's fields with the quote in StoredAnnotationSchema's
 * order (right after the five required fields), then the fields this version does not know from
 * the previous file, those the request does not set. (#17) Written so, the file reads back in
 * the schema's own form, which the fast path (annotationListFastPath.ts) takes as it is: with
 * the quote last, each of 100,000 annotations was copied into that form on every opening.
 */
function inSchemaOrder(annotation: StoredAnnotation, quote: StoredAnnotation['quote'], previous: StoredAnnotation | undefined): StoredAnnotation {
  const { id, type, start, end, text, quote: _sentQuote, ...rest } = annotation;
  const written: StoredAnnotation = { id, type, start, end, text, quote, ...rest };
  const kept = unknownFields(previous, KNOWN_ANNOTATION_FIELDS);
  for (const key of Object.keys(kept)) {
    // Known fields always come from the edit: only a field the request lacks is carried over.
    if (Object.hasOwn(written, key)) continue;
    Object.defineProperty(written, key, { value: kept[key], enumerable: true, writable: true, configurable: true });
  }
  return written;
}

/** The file a save writes: the request's items with their quotes, over what the previous file had (fields this version does not know kept). */
function fileToWrite(previous: AnnotationFile | null, articlePath: string, article: DecodedArticle, request: SaveRequest, codePoints: CodePointText): AnnotationFile {
  const previousAnnotations = new Map((previous?.annotations ?? []).map((annotation) => [annotation.id, annotation]));
  const previousRelations = new Map((previous?.relations ?? []).map((relation) => [relation.id, relation]));
  const annotations = request.annotations.map((annotation): StoredAnnotation => inSchemaOrder(annotation, quoteAround(codePoints, annotation.start, annotation.end), previousAnnotations.get(annotation.id)));
  const relations = request.relations.map((relation): StoredRelation => ({
    ...unknownFields(previousRelations.get(relation.id), KNOWN_RELATION_FIELDS),
    ...relation,
  }));
  const file: AnnotationFile = {
    ...previous,
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    // `encodingChosen` records the user's choice of encoding, so that it lasts (encodingRecord.ts); absent when detected.
    source: sourceRecordFor(previous?.source, articlePath, article, codePoints.length),
    status: request.status,
    annotations,
    relations,
    labels: request.labels,
    ...judgmentFields(previous, request),
    updated: new Date().toISOString(),
  };
  // A flat `labels` list (a tool or an older window sent it) is written where reading would move
  // it (#21): the file then reads back exactly as it was written.
  return liftLegacyLabels(file) as AnnotationFile;
}

/** The request's judgments over the previous file's; an empty one is written only where the file already had the field. */
function judgmentFields(previous: AnnotationFile | null, request: SaveRequest): Pick<AnnotationFile, 'documentLabels' | 'zones'> {
  const fields: Pick<AnnotationFile, 'documentLabels' | 'zones'> = {};
  const labels = request.documentLabels ?? previous?.documentLabels;
  if (labels !== undefined && (Object.keys(labels).length > 0 || previous?.documentLabels !== undefined)) fields.documentLabels = labels;
  const zones = request.zones ?? previous?.zones;
  if (zones !== undefined && (zones.length > 0 || previous?.zones !== undefined)) fields.zones = zones;
  return fields;
}

/** saveAnnotations, giving back also the exact bytes written (their SHA-256 is the file's new content hash). */
export async function writeAnnotations(articlePath: string, article: DecodedArticle, request: SaveRequest, parsed?: ParsedExisting, options: WriteAnnotationsOptions = {}): Promise<{ file: AnnotationFile; bytes: Buffer }> {
  const annotationPath = annotationPathFor(articlePath);
  // One code-point view of the text for the checks and the quotes: no array of a million code points.
  const codePoints = codePointText(article.text);
  const existing = checkExisting(parsed ?? (await readAndParse(annotationPath)), article, codePoints);
  if (existing.kind === 'broken' && existing.problem.kind === 'io') {
    // Could not even read it (permissions, a lock): nothing is wrong with the edits, so retrying may succeed.
    throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: ${existing.problem.message}`, { cause: existing.problem });
  }
  if (existing.kind === 'broken') {
    throw new SaveRefusedError(`${path.basename(annotationPath)} could not be used (${existing.problem.message}); it is left untouched.`);
  }
  const previous = existing.kind === 'usable' ? existing.file : null;
  const file = fileToWrite(previous, articlePath, article, request, codePoints);
  const problem = findInvariantProblem(file) ?? findOffsetProblem(file, codePoints);
  // Coded for the window: duplicate ids, relations to missing ids (#17).
  if (problem) throw withUserProblem(new SaveRefusedError(`Not saved: ${problem.message}`), problem.userProblems?.[0] ?? { code: 'saveRefused', file: path.basename(annotationPath) });
  // Never write a file this version could not read back.
  const checked = AnnotationFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SaveRefusedError(`Not saved: invalid field ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const bytes = Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
  // Measured before writing: the walk is what lets the next save skip reading these bytes back.
  const shape = jsonShapeOf(file);
  const tooLarge = writtenFileProblem(path.basename(annotationPath), bytes.length, shape);
  if (tooLarge) throw new SaveRefusedError(tooLarge);
  await options.beforeWrite?.();
  forgetWrittenAnnotationFile(annotationPath);
  try {
    await writeFileAtomic(annotationPath, bytes, { backup: true });
  } catch (error) {
    throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: ${(error as Error).message}`, { cause: error });
  }
  if (shape !== null) {
    rememberWrittenAnnotationFile({ path: annotationPath, bytes, shape, parsed: { ok: true, file: checked.data, migratedFrom: null }, offsetsCheckedFor: decodedTextKey(article) });
  }
  return { file, bytes };
}

/** The `orphans` kept beside `annotations` (written by re-anchoring); unreadable entries are skipped here and kept on disk. */
function readOrphans(file: AnnotationFile): StoredAnnotation[] {
  const raw: unknown = (file as Record<string, unknown>).orphans;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = StoredAnnotationSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
