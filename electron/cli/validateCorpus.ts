import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AnnotationFile } from '../../shared/model/nativeFormat';
import { parseAnnotationFile } from '../../shared/model/readAnnotationFile';
import { createOffsetConverter, type OffsetConverter } from '../../shared/anchoring/offsets';
import { ANNOTATION_SUFFIX } from '../services/storage/annotationStore';
import { decodeArticle } from '../services/article/articleDecoder';
import { encodingRecordOf } from '../services/article/sourceRecord';
import { checkBratFiles, findBratOrphans } from '../services/brat/bratCorpusCheck';
import { listArticleIds } from '../services/corpus/articleFiles';
import { readAnnotationText, readArticleBytes } from '../services/corpus/confinedReaders';

export interface ValidationProblem {
  /** The file concerned, relative to the corpus (forward slashes). */
  file: string;
  annotation?: string;
  /** 1-based line in the file (brat `.ann` files and annotation.conf); 0 or absent for the whole file. */
  line?: number;
  kind: 'syntax' | 'schema' | 'version' | 'offsets' | 'text' | 'io' | 'invariant' | 'permission' | 'article' | 'duplicate-id' | 'relation' | 'tokens' | 'orphan-file' | 'reference' | 'conf';
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  articles: number;
  annotationFiles: number;
  annotations: number;
  /** brat `.ann` files checked (syntax, offsets, ids and references, annotation.conf). */
  bratFiles: number;
  problems: ValidationProblem[];
  /** Not wrong, worth knowing: an article changed since it was annotated but every span still matches. */
  warnings: ValidationProblem[];
}

async function listAnnotationFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        await walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (!entry.isDirectory() && entry.name.endsWith(ANNOTATION_SUFFIX) && !entry.name.startsWith('.')) {
        // Links and special files too: reading them through corpusFileAccess reports why they are refused.
        found.push(prefix + entry.name);
      }
    }
  };
  await walk(root, '');
  return found.sort();
}

type Report = (entry: ValidationProblem) => void;

/** The article an annotation file belongs to: NAME.txt beside it, or beside its NAME.annotators/ folder; null when there is none. */
function ownerArticle(file: string, articleFor: ReadonlyMap<string, string>, articleIds: readonly string[]): string | null {
  const beside = articleFor.get(file);
  if (beside) return beside;
  // Files inside NAME.annotators/ belong to the article NAME.txt beside that folder.
  const annotatorMatch = /^(.*)\.annotators\/[^/]+$/.exec(file);
  const owner = annotatorMatch ? `${annotatorMatch[1]}.txt` : null;
  return owner && articleIds.includes(owner) ? owner : null;
}

/** The annotation file parsed and its article decoded, or null once the reason is reported. */
async function readFileAndArticle(root: string, file: string, article: string, report: Report): Promise<{ annotationFile: AnnotationFile; text: string; sha256: string } | null> {
  let raw: string;
  try {
    const read = await readAnnotationText(root, path.join(root, ...file.split('/')));
    if (read === null) throw new Error('it is gone');
    raw = read;
  } catch (error) {
    report({ file, kind: 'io', message: `Cannot read: ${(error as Error).message}` });
    return null;
  }
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) {
    report({ file, kind: parsed.problem.kind, message: parsed.problem.message });
    return null;
  }
  try {
    // In the encoding this file records for these bytes (sourceRecord.ts), as the app opens it.
    const decoded = decodeArticle((await readArticleBytes(root, path.join(root, ...article.split('/')))).bytes, { record: encodingRecordOf(parsed.file.source) });
    return { annotationFile: parsed.file, text: decoded.text, sha256: decoded.sha256 };
  } catch (error) {
    report({ file, kind: 'article', message: `Its article ${article} cannot be read: ${(error as Error).message}` });
    return null;
  }
}

/** Ids unique, offsets (and fragments) in the article, texts equal to the article's there. Returns the annotation ids. */
function checkAnnotations(file: string, annotationFile: AnnotationFile, text: string, converter: OffsetConverter, hint: string, report: Report): Set<string> {
  const length = converter.codePointLength;
  const slice = (start: number, end: number): string => text.slice(converter.toUtf16(start), converter.toUtf16(end));
  const ids = new Set<string>();
  for (const annotation of annotationFile.annotations) {
    const where = { file, annotation: annotation.id };
    if (ids.has(annotation.id)) report({ ...where, kind: 'duplicate-id', message: `The id ${annotation.id} is used twice; the app opens this file read-only.` });
    ids.add(annotation.id);
    const ranges = annotation.fragments && annotation.fragments.length > 0 ? annotation.fragments : [annotation];
    const bad = [annotation, ...ranges].find((range) => range.end < range.start || range.end > length);
    if (bad) {
      report({ ...where, kind: 'offsets', message: `Annotation ${annotation.id} (${annotation.type}) at ${bad.start}-${bad.end} is outside the article (${length} characters)${hint}.` });
      continue;
    }
    if (ranges.some((range) => range.start < annotation.start || range.end > annotation.end)) {
      report({ ...where, kind: 'offsets', message: `Annotation ${annotation.id} has a fragment outside its bounds ${annotation.start}-${annotation.end}.` });
      continue;
    }
    const covered = ranges.map((range) => slice(range.start, range.end)).join(' ');
    if (covered !== annotation.text) {
      report({ ...where, kind: 'text', message: `Annotation ${annotation.id} (${annotation.type}) says «${annotation.text}» but the article has «${covered}» at ${annotation.start}-${annotation.end}${hint}.` });
    }
  }
  return ids;
}

/** Relation ids unique, and both ends annotations (or orphans) of this file. */
function checkRelations(file: string, annotationFile: AnnotationFile, annotationIds: ReadonlySet<string>, report: Report): void {
  // Orphans (annotations kept aside when the article changed) are still ends a relation may name.
  const orphans: unknown = (annotationFile as Record<string, unknown>).orphans;
  const ends = new Set(annotationIds);
  if (Array.isArray(orphans)) for (const orphan of orphans as unknown[]) if (typeof orphan === 'object' && orphan !== null && typeof (orphan as { id?: unknown }).id === 'string') ends.add((orphan as { id: string }).id);
  const relationIds = new Set<string>();
  for (const relation of annotationFile.relations) {
    if (relationIds.has(relation.id)) report({ file, annotation: relation.id, kind: 'duplicate-id', message: `The relation id ${relation.id} is used twice; the app opens this file read-only.` });
    relationIds.add(relation.id);
    for (const end of [relation.from, relation.to]) {
      if (!ends.has(end)) report({ file, annotation: relation.id, kind: 'relation', message: `Relation ${relation.id} (${relation.type}) points to ${end}, which is not an annotation of this file; the app opens this file read-only.` });
    }
  }
}

/** Source tokens in order and inside the article (`length` code points); the first bad one is reported. */
function checkTokens(file: string, annotationFile: AnnotationFile, length: number, report: Report): void {
  let previousEnd = 0;
  for (const [start, end] of annotationFile.tokens ?? []) {
    if (start < previousEnd || end <= start || end > length) {
      report({ file, kind: 'tokens', message: `Source token ${start}-${end} is out of order or outside the article (${length} characters).` });
      return;
    }
    previousEnd = end;
  }
}

/**
 * Checks every `NAME.ann.json` of a corpus: it parses (schema, version), it has its article,
 * every annotation's offsets are in range and its text is the article's text there, ids are
 * unique, relations link existing annotations and source tokens are ordered and in range.
 * Unlike loading in the app, it lists every problem, not the first of each file.
 */
export async function validateCorpus(root: string, progress?: (done: number, total: number, what: string) => void): Promise<ValidationResult> {
  const articleIds = await listArticleIds(root);
  const annotationFiles = await listAnnotationFiles(root);
  const articleFor = new Map(articleIds.map((id) => [id.replace(/\.txt$/i, ANNOTATION_SUFFIX), id]));
  const result: ValidationResult = { ok: true, articles: articleIds.length, annotationFiles: annotationFiles.length, annotations: 0, bratFiles: 0, problems: [], warnings: [] };
  const report: Report = (entry) => {
    result.problems.push(entry);
  };
  for (const [index, file] of annotationFiles.entries()) {
    progress?.(index + 1, annotationFiles.length, 'annotation files');
    const article = ownerArticle(file, articleFor, articleIds);
    if (article === null) {
      report({ file, kind: 'orphan-file', message: 'No article (NAME.txt) beside this annotation file.' });
      continue;
    }
    const read = await readFileAndArticle(root, file, article, report);
    if (read === null) continue;
    const { annotationFile, text } = read;
    const changed = annotationFile.source.sha256 !== read.sha256;
    result.annotations += annotationFile.annotations.length;
    const converter = createOffsetConverter(text);
    const ids = checkAnnotations(file, annotationFile, text, converter, changed ? ' (the article changed on disk since it was annotated)' : '', report);
    checkRelations(file, annotationFile, ids, report);
    checkTokens(file, annotationFile, converter.codePointLength, report);
    if (changed && !result.problems.some((entry) => entry.file === file)) {
      result.warnings.push({ file, kind: 'article', message: `The article changed on disk since it was annotated (SHA-256 differs); every annotation still matches it.` });
    }
  }
  await validateBrat(root, result);
  result.ok = result.problems.length === 0;
  return result;
}

/** The brat side of a corpus: `.ann` without `.txt` (problems), `.txt` without `.ann` in a brat corpus (warnings), every `.ann` line checked. */
async function validateBrat(root: string, result: ValidationResult): Promise<void> {
  const orphans = await findBratOrphans(root);
  result.bratFiles = orphans.annFiles.length;
  for (const file of orphans.annWithoutText) result.problems.push({ file, line: 0, kind: 'orphan-file', message: `No ${file.replace(/\.ann$/, '.txt')} beside this brat annotation file: brat cannot show it and nothing reads it.` });
  for (const file of orphans.textWithoutAnn) result.warnings.push({ file, line: 0, kind: 'orphan-file', message: 'No .ann beside this article in a brat corpus (brat shows it unannotated).' });
  for (const problem of await checkBratFiles(root, orphans)) result.problems.push(problem);
}
