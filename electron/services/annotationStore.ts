import { promises as fs } from 'node:fs';
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
} from '../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../shared/model/status';
import { findOffsetProblem, parseAnnotationFile, type AnnotationFileProblem } from '../../shared/model/readAnnotationFile';
import { quoteAround } from '../../shared/text/quote';
import type { DecodedArticle } from './articleDecoder';
import { writeFileAtomic } from './atomicWrite';

export const ANNOTATION_SUFFIX = '.ann.json';

/** `NAME.txt` → `NAME.ann.json`, beside it. */
export function annotationPathFor(articlePath: string): string {
  const extension = path.extname(articlePath);
  const base = extension.toLowerCase() === '.txt' ? articlePath.slice(0, -extension.length) : articlePath;
  return base + ANNOTATION_SUFFIX;
}

export interface LoadedAnnotations {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  problem: AnnotationFileProblem | null;
  migratedFrom: number | null;
  /** Annotations kept aside because they could not be placed after the article changed. */
  orphans?: StoredAnnotation[];
}

const EMPTY: Omit<LoadedAnnotations, 'problem' | 'migratedFrom'> = { status: 'new', annotations: [], relations: [], labels: [] };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Raised when an existing annotation file's bytes are not UTF-8: it must not be read as text, nor overwritten. */
class NotUtf8Error extends Error {}

/**
 * The annotation file's text, or null when there is none. Decoded strictly: a lenient decoder
 * would turn stray bytes into U+FFFD and the next save would silently destroy them.
 */
async function readIfExists(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new NotUtf8Error(`${path.basename(file)} is not valid UTF-8.`);
  }
}

/**
 * Everything that makes an existing annotation file unusable for this article: it does not
 * parse, fails the schema, has an unknown version, or its spans do not fit the article's text.
 */
type ExistingFile =
  | { kind: 'absent' }
  | { kind: 'usable'; file: AnnotationFile; migratedFrom: number | null }
  | { kind: 'broken'; problem: AnnotationFileProblem; migratedFrom: number | null };

async function readExisting(annotationPath: string, article: DecodedArticle, codePoints: readonly string[]): Promise<ExistingFile> {
  let raw: string | null;
  try {
    raw = await readIfExists(annotationPath);
  } catch (error) {
    const kind = error instanceof NotUtf8Error ? 'syntax' : 'io';
    const message = error instanceof NotUtf8Error ? error.message : `Cannot read ${path.basename(annotationPath)}: ${(error as Error).message}`;
    return { kind: 'broken', problem: { kind, message }, migratedFrom: null };
  }
  if (raw === null) return { kind: 'absent' };
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) return { kind: 'broken', problem: parsed.problem, migratedFrom: null };
  const problem = findOffsetProblem(parsed.file, codePoints);
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
 */
export async function loadAnnotations(articlePath: string, article: DecodedArticle): Promise<LoadedAnnotations> {
  const existing = await readExisting(annotationPathFor(articlePath), article, Array.from(article.text));
  if (existing.kind === 'absent') return { ...EMPTY, problem: null, migratedFrom: null, orphans: [] };
  if (existing.kind === 'broken') return { ...EMPTY, problem: existing.problem, migratedFrom: existing.migratedFrom, orphans: [] };
  const { file } = existing;
  return {
    status: file.status,
    annotations: file.annotations,
    relations: file.relations,
    labels: file.labels,
    problem: null,
    migratedFrom: existing.migratedFrom,
    orphans: readOrphans(file),
  };
}

export interface SaveRequest {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  labels: string[];
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
  if (!stored) return {};
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !known.has(key)));
}

/**
 * Writes `NAME.ann.json` for an article. Refuses (SaveRefusedError, nothing written) when the
 * existing file is broken (does not parse, fails validation, has an unknown version, or does
 * not fit the article), or when an edited annotation's text is not the article's text at its
 * offsets. Fields this version does not know, at the top level, on annotations and on
 * relations, are kept. When the disk refuses to read the old file or to write the new one
 * (read-only folder, disk full, lock), SaveFailedError is thrown and the file is as it was.
 */
export async function saveAnnotations(articlePath: string, article: DecodedArticle, request: SaveRequest): Promise<AnnotationFile> {
  const annotationPath = annotationPathFor(articlePath);
  const codePoints = Array.from(article.text);
  const existing = await readExisting(annotationPath, article, codePoints);
  if (existing.kind === 'broken' && existing.problem.kind === 'io') {
    // Could not even read it (permissions, a lock): nothing is wrong with the edits, so retrying may succeed.
    throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: ${existing.problem.message}`, { cause: existing.problem });
  }
  if (existing.kind === 'broken') {
    throw new SaveRefusedError(`${path.basename(annotationPath)} could not be used (${existing.problem.message}); it is left untouched.`);
  }
  const previous = existing.kind === 'usable' ? existing.file : null;
  const previousAnnotations = new Map((previous?.annotations ?? []).map((annotation) => [annotation.id, annotation]));
  const previousRelations = new Map((previous?.relations ?? []).map((relation) => [relation.id, relation]));
  const annotations = request.annotations.map((annotation): StoredAnnotation => ({
    ...unknownFields(previousAnnotations.get(annotation.id), KNOWN_ANNOTATION_FIELDS),
    ...annotation,
    quote: quoteAround(codePoints, annotation.start, annotation.end),
  }));
  const relations = request.relations.map((relation): StoredRelation => ({
    ...unknownFields(previousRelations.get(relation.id), KNOWN_RELATION_FIELDS),
    ...relation,
  }));
  const file: AnnotationFile = {
    ...previous,
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { ...previous?.source, file: path.basename(articlePath), sha256: article.sha256, encoding: article.encoding, length: codePoints.length },
    status: request.status,
    annotations,
    relations,
    labels: request.labels,
    updated: new Date().toISOString(),
  };
  const problem = findOffsetProblem(file, codePoints);
  if (problem) throw new SaveRefusedError(`Not saved: ${problem.message}`);
  // Never write a file this version could not read back.
  const checked = AnnotationFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SaveRefusedError(`Not saved: invalid field ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  try {
    await writeFileAtomic(annotationPath, `${JSON.stringify(file, null, 2)}\n`, { backup: true });
  } catch (error) {
    throw new SaveFailedError(`Could not save ${path.basename(annotationPath)}: ${(error as Error).message}`, { cause: error });
  }
  return file;
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
