import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAnnotationFile } from '../../shared/model/readAnnotationFile';
import { createOffsetConverter } from '../../shared/text/offsets';
import { ANNOTATION_SUFFIX } from '../services/annotationStore';
import { decodeArticle } from '../services/articleDecoder';
import { encodingRecordIn } from '../services/encodingRecord';
import { listArticleIds } from '../services/exportCorpus';
import { readAnnotationText, readArticleBytes } from '../services/confinedReaders';

export interface ValidationProblem {
  /** The file concerned, relative to the corpus (forward slashes). */
  file: string;
  annotation?: string;
  kind: 'syntax' | 'schema' | 'version' | 'offsets' | 'text' | 'io' | 'invariant' | 'permission' | 'article' | 'duplicate-id' | 'relation' | 'tokens' | 'orphan-file';
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  articles: number;
  annotationFiles: number;
  annotations: number;
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

/**
 * Checks every `NAME.ann.json` of a corpus: it parses (schema, version), it has its article,
 * every annotation's offsets are in range and its text is the article's text there, ids are
 * unique, relations link existing annotations and source tokens are ordered and in range.
 * Unlike loading in the app, it lists every problem, not the first of each file.
 */
export async function validateCorpus(root: string): Promise<ValidationResult> {
  const articleIds = await listArticleIds(root);
  const annotationFiles = await listAnnotationFiles(root);
  const articleFor = new Map(articleIds.map((id) => [id.replace(/\.txt$/i, ANNOTATION_SUFFIX), id]));
  const result: ValidationResult = { ok: true, articles: articleIds.length, annotationFiles: annotationFiles.length, annotations: 0, problems: [], warnings: [] };
  const problem = (entry: ValidationProblem): void => {
    result.problems.push(entry);
  };
  for (const file of annotationFiles) {
    const articleId = articleFor.get(file);
    if (!articleId) {
      // Files inside NAME.annotators/ belong to the article NAME.txt beside that folder.
      const annotatorMatch = /^(.*)\.annotators\/[^/]+$/.exec(file);
      const owner = annotatorMatch ? `${annotatorMatch[1]}.txt` : null;
      if (!owner || !articleIds.includes(owner)) {
        problem({ file, kind: 'orphan-file', message: 'No article (NAME.txt) beside this annotation file.' });
        continue;
      }
      articleFor.set(file, owner);
    }
    const article = articleFor.get(file) as string;
    let raw: string;
    try {
      const read = await readAnnotationText(root, path.join(root, ...file.split('/')));
      if (read === null) throw new Error('it is gone');
      raw = read;
    } catch (error) {
      problem({ file, kind: 'io', message: `Cannot read: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseAnnotationFile(raw);
    if (!parsed.ok) {
      problem({ file, kind: parsed.problem.kind, message: parsed.problem.message });
      continue;
    }
    let text: string;
    let sha256: string;
    try {
      // In the encoding this file records for these bytes (encodingRecord.ts), as the app opens it.
      const decoded = decodeArticle((await readArticleBytes(root, path.join(root, ...article.split('/')))).bytes, { record: encodingRecordIn(raw) });
      text = decoded.text;
      sha256 = decoded.sha256;
    } catch (error) {
      problem({ file, kind: 'article', message: `Its article ${article} cannot be read: ${(error as Error).message}` });
      continue;
    }
    const annotationFile = parsed.file;
    const converter = createOffsetConverter(text);
    const length = converter.codePointLength;
    const slice = (start: number, end: number): string => text.slice(converter.toUtf16(start), converter.toUtf16(end));
    const changed = annotationFile.source.sha256 !== sha256;
    const hint = changed ? ' (the article changed on disk since it was annotated)' : '';
    const ids = new Set<string>();
    result.annotations += annotationFile.annotations.length;
    for (const annotation of annotationFile.annotations) {
      const where = { file, annotation: annotation.id };
      if (ids.has(annotation.id)) problem({ ...where, kind: 'duplicate-id', message: `The id ${annotation.id} is used twice; the app opens this file read-only.` });
      ids.add(annotation.id);
      const ranges = annotation.fragments && annotation.fragments.length > 0 ? annotation.fragments : [annotation];
      const bad = [annotation, ...ranges].find((range) => range.end < range.start || range.end > length);
      if (bad) {
        problem({ ...where, kind: 'offsets', message: `Annotation ${annotation.id} (${annotation.type}) at ${bad.start}-${bad.end} is outside the article (${length} characters)${hint}.` });
        continue;
      }
      if (ranges.some((range) => range.start < annotation.start || range.end > annotation.end)) {
        problem({ ...where, kind: 'offsets', message: `Annotation ${annotation.id} has a fragment outside its bounds ${annotation.start}-${annotation.end}.` });
        continue;
      }
      const covered = ranges.map((range) => slice(range.start, range.end)).join(' ');
      if (covered !== annotation.text) {
        problem({ ...where, kind: 'text', message: `Annotation ${annotation.id} (${annotation.type}) says «${annotation.text}» but the article has «${covered}» at ${annotation.start}-${annotation.end}${hint}.` });
      }
    }
    // Orphans (annotations kept aside when the article changed) are still ends a relation may name.
    const orphans: unknown = (annotationFile as Record<string, unknown>).orphans;
    const ends = new Set(ids);
    if (Array.isArray(orphans)) for (const orphan of orphans as unknown[]) if (typeof orphan === 'object' && orphan !== null && typeof (orphan as { id?: unknown }).id === 'string') ends.add((orphan as { id: string }).id);
    const relationIds = new Set<string>();
    for (const relation of annotationFile.relations) {
      if (relationIds.has(relation.id)) problem({ file, annotation: relation.id, kind: 'duplicate-id', message: `The relation id ${relation.id} is used twice; the app opens this file read-only.` });
      relationIds.add(relation.id);
      for (const end of [relation.from, relation.to]) {
        if (!ends.has(end)) problem({ file, annotation: relation.id, kind: 'relation', message: `Relation ${relation.id} (${relation.type}) points to ${end}, which is not an annotation of this file; the app opens this file read-only.` });
      }
    }
    let previousEnd = 0;
    for (const [start, end] of annotationFile.tokens ?? []) {
      if (start < previousEnd || end <= start || end > length) {
        problem({ file, kind: 'tokens', message: `Source token ${start}-${end} is out of order or outside the article (${length} characters).` });
        break;
      }
      previousEnd = end;
    }
    if (changed && !result.problems.some((entry) => entry.file === file)) {
      result.warnings.push({ file, kind: 'article', message: `The article changed on disk since it was annotated (SHA-256 differs); every annotation still matches it.` });
    }
  }
  result.ok = result.problems.length === 0;
  return result;
}
