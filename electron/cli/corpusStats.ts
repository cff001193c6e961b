import { ArticleStatusSchema, type ArticleStatus } from '../../shared/model/status';
import { listArticleIds, readExportDocument } from '../services/exportCorpus';

export interface ArticleStats {
  article: string;
  status: ArticleStatus;
  annotations: number;
  byType: Record<string, number>;
}

export interface CorpusStats {
  articles: number;
  byStatus: Record<ArticleStatus, number>;
  annotations: number;
  /** Annotations by type, most frequent first. */
  byType: Record<string, number>;
  relations: number;
  /** Articles or annotation files that cannot be read, with why. */
  unreadable: { article: string; message: string }[];
  perArticle: ArticleStats[];
}

function countsByType(types: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Articles by status and annotations by type and by article. */
export async function corpusStats(root: string): Promise<CorpusStats> {
  const ids = await listArticleIds(root);
  const byStatus = Object.fromEntries(ArticleStatusSchema.options.map((status) => [status, 0])) as Record<ArticleStatus, number>;
  const totals = new Map<string, number>();
  const stats: CorpusStats = { articles: ids.length, byStatus, annotations: 0, byType: {}, relations: 0, unreadable: [], perArticle: [] };
  for (const id of ids) {
    const read = readExportDocument(root, id);
    byStatus[read.status]++;
    if ('unreadable' in read) {
      stats.unreadable.push(read.unreadable);
      stats.perArticle.push({ article: id, status: read.status, annotations: 0, byType: {} });
      continue;
    }
    const counts = countsByType(read.document.annotations.map((annotation) => annotation.type));
    for (const [type, count] of counts) totals.set(type, (totals.get(type) ?? 0) + count);
    stats.annotations += read.document.annotations.length;
    stats.relations += read.document.relations.length;
    stats.perArticle.push({ article: id, status: read.status, annotations: read.document.annotations.length, byType: sortedRecord(counts) });
  }
  stats.byType = sortedRecord(totals);
  return stats;
}
