import { ArticleStatusSchema, type ArticleStatus } from '../../../shared/model/status';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { FINISHED_STATUSES, type CorpusStats } from '../../../shared/stats/corpusStatsReport';
import { listCorpusAnnotators } from './annotatorFiles';
import { annotatorFilePath } from './annotatorPaths';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { listArticleIds } from '../corpus/articleFiles';
import { readExportDocument, type ReadArticle } from '../transfer/exportArticleReader';
import { readAnnotationTextSync } from '../corpus/confinedReaders';
import { realCorpusRoot } from '../corpus/corpusFileAccess';

export type { CorpusStats } from '../../../shared/stats/corpusStatsReport';

function countInto(counts: Map<string, number>, key: string, amount = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + amount);
}

function countsByType(types: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of types) countInto(counts, type);
  return counts;
}

function byCountThenName(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(byCountThenName));
}

function chronologicalRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/**
 * The calendar day of an ISO timestamp as its writer saw it (`2024-03-20T23:30:00+03:30` is the
 * 20th): progress is read in the annotators' own days, not moved to UTC. Null when not a date.
 */
export function dayOfTimestamp(timestamp: string | undefined): string | null {
  if (timestamp === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(timestamp);
  if (!match || Number.isNaN(Date.parse(timestamp))) return null;
  const [, year, month, day] = match;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.parse rolls "2024-02-30" over to March: only a real calendar day counts.
  return check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

/** Counts gathered over the articles, turned into the report's sorted records at the end. */
interface Tallies {
  types: Map<string, number>;
  authors: Map<string, number>;
  createdDays: Map<string, number>;
  doneDays: Map<string, number>;
}

/** Adds one article (as the export reads it) to the statistics. */
function countArticle(stats: CorpusStats, tallies: Tallies, id: string, read: ReadArticle): void {
  stats.byStatus[read.status]++;
  if ('unreadable' in read) {
    stats.unreadable.push(read.unreadable);
    stats.perArticle.push({ article: id, status: read.status, annotations: 0, byType: {} });
    return;
  }
  const { annotations } = read.document;
  const counts = countsByType(annotations.map((annotation) => annotation.type));
  for (const [type, count] of counts) countInto(tallies.types, type, count);
  for (const annotation of annotations) {
    if (annotation.author) countInto(tallies.authors, annotation.author);
    else stats.withoutAuthor++;
    const day = dayOfTimestamp(annotation.created);
    if (day) countInto(tallies.createdDays, day);
    else stats.undated++;
  }
  stats.annotations += annotations.length;
  stats.relations += read.document.relations.length;
  if (FINISHED_STATUSES.includes(read.status)) {
    const day = dayOfTimestamp(read.updated);
    if (day) countInto(tallies.doneDays, day);
    else stats.doneUndated++;
  }
  stats.perArticle.push({ article: id, status: read.status, annotations: annotations.length, byType: sortedRecord(counts), ...(read.assignee ? { assignee: read.assignee } : {}) });
}

/** Annotations per annotator file (`NAME.annotators/ANNOTATOR.ann.json`); files that cannot be read or parsed go to `stats.unreadable`. */
async function countAnnotatorFiles(root: string, stats: CorpusStats): Promise<Map<string, number>> {
  const annotatorCounts = new Map<string, number>();
  for (const entry of (await listCorpusAnnotators(root)).articles) {
    for (const annotator of entry.annotators) {
      let raw: string;
      try {
        const read = readAnnotationTextSync(realCorpusRoot(root), annotatorFilePath(resolveInCorpus(root, entry.id), annotator));
        if (read === null) continue;
        raw = read;
      } catch (error) {
        stats.unreadable.push({ article: entry.id, annotator, message: `The annotator file cannot be read: ${(error as Error).message}` });
        continue;
      }
      const parsed = parseAnnotationFile(raw);
      if (parsed.ok) countInto(annotatorCounts, annotator, parsed.file.annotations.length);
      else stats.unreadable.push({ article: entry.id, annotator, message: `The annotator file is not valid: ${parsed.problem.message}` });
    }
  }
  return annotatorCounts;
}

/**
 * Articles by status, annotations by type, author, annotator file and article, and progress
 * over time. The figures `hashiye stats` prints and the app's statistics view draws: one
 * computation, so that both always agree.
 */
export async function corpusStats(root: string): Promise<CorpusStats> {
  const ids = await listArticleIds(root);
  const stats: CorpusStats = {
    articles: ids.length,
    byStatus: Object.fromEntries(ArticleStatusSchema.options.map((status) => [status, 0])) as Record<ArticleStatus, number>,
    annotations: 0,
    byType: {},
    relations: 0,
    byAuthor: {},
    withoutAuthor: 0,
    byAnnotatorFile: {},
    createdByDay: {},
    undated: 0,
    doneByDay: {},
    doneUndated: 0,
    unreadable: [],
    perArticle: [],
  };
  const tallies: Tallies = { types: new Map(), authors: new Map(), createdDays: new Map(), doneDays: new Map() };
  for (const id of ids) countArticle(stats, tallies, id, readExportDocument(root, id));
  const annotatorCounts = await countAnnotatorFiles(root, stats);
  stats.byType = sortedRecord(tallies.types);
  stats.byAuthor = sortedRecord(tallies.authors);
  stats.byAnnotatorFile = sortedRecord(annotatorCounts);
  stats.createdByDay = chronologicalRecord(tallies.createdDays);
  stats.doneByDay = chronologicalRecord(tallies.doneDays);
  return stats;
}
