import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AssignSummary, CorpusAnnotators, SwitchSummary } from '../../../shared/curation/curationSchemas';
import type { AnnotationFile, StoredAnnotation } from '../../../shared/model/nativeFormat';
import { annotationPathFor, ANNOTATION_SUFFIX, type LoadedAnnotations, type SaveRequest } from '../storage/annotationStore';
import { checkAnnotatorName } from '../../../shared/curation/annotatorName';
import { annotatorFileName, annotatorFilePath, annotatorsFolderFor } from './annotatorPaths';
import { ConcurrentChangeError, readAnnotationFileAt, saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { readArticleBytes } from '../corpus/confinedReaders';
import { scanCorpus } from '../corpus/corpusScanner';
import { pathExists } from '../storage/pathExists';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortAnnotators(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The annotators who have a file for this article, sorted. Files whose name is not a valid
 * annotator name (backups, temporary files, names another tool wrote) are not annotators.
 */
export async function listArticleAnnotators(articlePath: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(annotatorsFolderFor(articlePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.endsWith(ANNOTATION_SUFFIX)) continue;
    const name = entry.slice(0, -ANNOTATION_SUFFIX.length);
    const checked = checkAnnotatorName(name);
    // Only a name that maps back to this very file: "ali " or a decomposed "Zoé" would not.
    if (checked.ok && checked.name === name) names.push(name);
  }
  return sortAnnotators(names);
}

export async function listCorpusAnnotators(root: string): Promise<CorpusAnnotators> {
  const entries = await scanCorpus(root);
  const everyone = new Set<string>();
  const articles: CorpusAnnotators['articles'] = [];
  for (const entry of entries) {
    const annotators = await listArticleAnnotators(resolveInCorpus(root, entry.id));
    if (annotators.length === 0) continue;
    annotators.forEach((name) => everyone.add(name));
    articles.push({ id: entry.id, annotators });
  }
  return { annotators: sortAnnotators(everyone), articles, articleCount: entries.length };
}

/** An annotator's annotations of an article. A broken file gives none, with the reason in `problem`. */
export type AnnotatorAnnotations = Omit<LoadedAnnotations, 'orphans'>;

export async function loadAnnotatorAnnotations(articlePath: string, annotator: string, article: DecodedArticle): Promise<AnnotatorAnnotations> {
  // Confined to the article's folder: a NAME.annotators that links outside is not read.
  const existing = await readAnnotationFileAt(annotatorFilePath(articlePath, annotator), article, undefined, path.dirname(articlePath));
  const empty = { status: 'new' as const, annotations: [], relations: [], labels: [] };
  if (existing.kind === 'absent') return { ...empty, problem: null, migratedFrom: null };
  if (existing.kind === 'broken') return { ...empty, problem: existing.problem, migratedFrom: null };
  const { file } = existing;
  return { status: file.status, annotations: file.annotations, relations: file.relations, labels: file.labels, problem: null, migratedFrom: existing.migratedFrom };
}

/** Saves an annotator's file (creating `NAME.annotators/`); the same refusals as `saveAnnotations`. */
export async function saveAnnotatorAnnotations(articlePath: string, annotator: string, article: DecodedArticle, request: SaveRequest): Promise<AnnotationFile> {
  return saveAnnotationFileAt(annotatorFilePath(articlePath, annotator), articlePath, article, request);
}

async function readArticle(root: string, articlePath: string): Promise<DecodedArticle> {
  // Only NAME.ann.json's record: the annotator files are made from it here.
  return decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath, { annotators: false }) });
}

/**
 * The annotations of an article grouped by author (file name); an annotation without a usable
 * author goes to `fallback` (said in `summary.skipped`), and an article annotated by nobody yet
 * still gets `fallback`: the original status and tokens carry over, and the corpus shows it is
 * in per-annotator mode.
 */
function annotationsByAuthor(annotations: readonly StoredAnnotation[], fallback: string, id: string, summary: SwitchSummary): Map<string, StoredAnnotation[]> {
  const byAuthor = new Map<string, StoredAnnotation[]>();
  for (const annotation of annotations) {
    const checked = annotation.author === undefined ? null : checkAnnotatorName(annotation.author);
    const author = checked?.ok ? checked.name : fallback;
    if (checked && !checked.ok) summary.skipped.push({ id, annotator: annotation.author, reason: `Author name unusable as a file name (${checked.reason}); annotation ${annotation.id} goes to ${fallback}.` });
    const list = byAuthor.get(author);
    if (list) list.push(annotation);
    else byAuthor.set(author, [annotation]);
  }
  if (byAuthor.size === 0) byAuthor.set(fallback, []);
  return byAuthor;
}

/**
 * Switches a corpus to one file per annotator. For every article with a usable `NAME.ann.json`,
 * its annotations are split by their `author` (annotations without one go to
 * `defaultAnnotator`) into `NAME.annotators/AUTHOR.ann.json`. The original `NAME.ann.json` is
 * kept unchanged (it is the curated file from now on), and an existing annotator file is
 * never overwritten: running the switch twice changes nothing. With `dryRun` nothing is
 * written and the summary says what the switch would do.
 */
export async function switchToAnnotatorFiles(root: string, defaultAnnotator: string, options: { dryRun?: boolean } = {}): Promise<SwitchSummary> {
  const fallback = annotatorFileName(defaultAnnotator);
  const summary: SwitchSummary = { articles: 0, written: [], skipped: [], relationsNotCarried: 0 };
  for (const entry of await scanCorpus(root)) {
    const articlePath = resolveInCorpus(root, entry.id);
    if (!(await pathExists(annotationPathFor(articlePath)))) continue;
    let article: DecodedArticle;
    try {
      article = await readArticle(root, articlePath);
    } catch (error) {
      summary.skipped.push({ id: entry.id, reason: `Article cannot be read: ${(error as Error).message}` });
      continue;
    }
    const original = await readAnnotationFileAt(annotationPathFor(articlePath), article);
    if (original.kind === 'broken') {
      summary.skipped.push({ id: entry.id, reason: `Annotation file: ${original.problem.message}` });
      continue;
    }
    if (original.kind === 'absent') continue;
    summary.articles++;
    const { file } = original;
    const byAuthor = annotationsByAuthor(file.annotations, fallback, entry.id, summary);
    const ownerOf = new Map<string, string>();
    for (const [author, annotations] of byAuthor) for (const annotation of annotations) ownerOf.set(annotation.id, author);
    for (const [author, annotations] of byAuthor) {
      const target = annotatorFilePath(articlePath, author);
      if (await pathExists(target)) {
        summary.skipped.push({ id: entry.id, annotator: author, reason: `${path.basename(target)} already exists; left as it is.` });
        continue;
      }
      const relations = file.relations.filter((relation) => ownerOf.get(relation.from) === author && ownerOf.get(relation.to) === author);
      // A dry run (the app's preview) reports what would be written and writes nothing.
      // expectedSha256 null: written only if still absent (another switch or annotator may create it meanwhile).
      if (!options.dryRun) {
        try {
          await saveAnnotationFileAt(target, articlePath, article, {
            status: file.status,
            annotations,
            relations,
            labels: file.labels,
            ...(file.tokens ? { tokens: file.tokens } : {}),
            expectedSha256: null,
          });
        } catch (error) {
          if (!(error instanceof ConcurrentChangeError)) throw error;
          summary.skipped.push({ id: entry.id, annotator: author, reason: `${path.basename(target)} was created meanwhile; left as it is.` });
          continue;
        }
      }
      summary.written.push({ id: entry.id, annotator: author, annotations: annotations.length });
    }
    summary.relationsNotCarried += file.relations.filter((relation) => ownerOf.get(relation.from) !== ownerOf.get(relation.to)).length;
  }
  return summary;
}

/**
 * Sets (or, with null, clears) the `assignee` of many articles, in their `NAME.ann.json`
 * (created, with no annotations, for an article that has none yet). A broken annotation file
 * is left alone and listed in `failed`.
 */
export async function setAssignee(root: string, articleIds: readonly string[], assignee: string | null): Promise<AssignSummary> {
  const name = assignee === null ? null : annotatorFileName(assignee);
  const summary: AssignSummary = { updated: [], failed: [] };
  for (const id of articleIds) {
    try {
      const articlePath = resolveInCorpus(root, id);
      const article = await readArticle(root, articlePath);
      await saveAnnotationFileAt(annotationPathFor(articlePath), articlePath, article, { assignee: name });
      summary.updated.push(id);
    } catch (error) {
      summary.failed.push({ id, reason: (error as Error).message });
    }
  }
  return summary;
}
