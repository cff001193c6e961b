import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  NATIVE_FORMAT_ID,
  NATIVE_FORMAT_VERSION,
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
}

const EMPTY: Omit<LoadedAnnotations, 'problem' | 'migratedFrom'> = { status: 'new', annotations: [], relations: [], labels: [] };

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function loadAnnotations(articlePath: string, article: DecodedArticle): Promise<LoadedAnnotations> {
  const annotationPath = annotationPathFor(articlePath);
  let raw: string | null;
  try {
    raw = await readIfExists(annotationPath);
  } catch (error) {
    return { ...EMPTY, problem: { kind: 'io', message: `Cannot read ${path.basename(annotationPath)}: ${(error as Error).message}` }, migratedFrom: null };
  }
  if (raw === null) return { ...EMPTY, problem: null, migratedFrom: null };
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) return { ...EMPTY, problem: parsed.problem, migratedFrom: null };
  const { file } = parsed;
  const problem = findOffsetProblem(file, Array.from(article.text));
  if (problem) {
    const changed = file.source.sha256 !== article.sha256;
    const message = changed ? `${problem.message} (The article changed on disk since it was annotated.)` : problem.message;
    return { ...EMPTY, problem: { ...problem, message }, migratedFrom: parsed.migratedFrom };
  }
  return {
    status: file.status,
    annotations: file.annotations,
    relations: file.relations,
    labels: file.labels,
    problem: null,
    migratedFrom: parsed.migratedFrom,
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

/**
 * Writes `NAME.ann.json` for an article. Refuses (and writes nothing) when the existing file
 * cannot be parsed, or when an annotation's text is not the article's text at its offsets.
 * Fields this version does not know, at the top level and on annotations, are kept.
 */
export async function saveAnnotations(articlePath: string, article: DecodedArticle, request: SaveRequest): Promise<AnnotationFile> {
  const annotationPath = annotationPathFor(articlePath);
  const existingRaw = await readIfExists(annotationPath);
  let existing: AnnotationFile | null = null;
  if (existingRaw !== null) {
    const parsed = parseAnnotationFile(existingRaw);
    if (!parsed.ok) {
      throw new SaveRefusedError(`${path.basename(annotationPath)} could not be read (${parsed.problem.message}); it is left untouched.`);
    }
    existing = parsed.file;
  }
  const codePoints = Array.from(article.text);
  const previousById = new Map((existing?.annotations ?? []).map((annotation) => [annotation.id, annotation]));
  const annotations = request.annotations.map((annotation): StoredAnnotation => {
    const previous = previousById.get(annotation.id);
    const merged: StoredAnnotation = { ...previous, ...annotation, quote: quoteAround(codePoints, annotation.start, annotation.end) };
    if (annotation.fragments === undefined) delete merged.fragments;
    return merged;
  });
  const file: AnnotationFile = {
    ...existing,
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { ...existing?.source, file: path.basename(articlePath), sha256: article.sha256, encoding: article.encoding, length: codePoints.length },
    status: request.status,
    annotations,
    relations: request.relations,
    labels: request.labels,
    updated: new Date().toISOString(),
  };
  const problem = findOffsetProblem(file, codePoints);
  if (problem) throw new SaveRefusedError(`Not saved: ${problem.message}`);
  await writeFileAtomic(annotationPath, `${JSON.stringify(file, null, 2)}\n`, { backup: true });
  return file;
}
