import { DocumentLabelsSchema, type DocumentLabels } from '../../../shared/documentLabels/judgmentFormat';
import { liftLegacyLabels } from '../../../shared/documentLabels/legacyLabels';
import type { ArticleSummary } from '../../../shared/metadata/metadataWire';
import { readAnnotationText } from '../corpus/confinedReaders';
import { annotationPathFor } from '../storage/annotationStore';
import { loadArticleMetadata } from './articleMetadataFile';

/**
 * (#21) What the file list filters and sorts by beyond its listing: each article's metadata and
 * document labels. Asked for a page of articles at a time after the first listing (the listing
 * itself reads no metadata file), read asynchronously a few at a time so the main process keeps
 * answering the window between files.
 */
const READS_AT_ONCE = 8;

export interface SummaryArticle {
  id: string;
  path: string;
}

/** The document labels of a native annotation file (the legacy `labels` array lifted), or none when it is absent, refused or broken. */
async function labelsOf(root: string, articlePath: string): Promise<DocumentLabels> {
  let raw: string | null;
  try {
    raw = await readAnnotationText(root, annotationPathFor(articlePath));
  } catch {
    return {};
  }
  if (raw === null) return {};
  let file: unknown;
  try {
    file = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return {};
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return {};
  const lifted = liftLegacyLabels(file as Record<string, unknown>);
  const parsed = DocumentLabelsSchema.safeParse(lifted.documentLabels ?? {});
  return parsed.success ? parsed.data : {};
}

async function summaryOf(root: string, article: SummaryArticle): Promise<ArticleSummary> {
  const [metadata, labels] = await Promise.all([loadArticleMetadata(root, article.path), labelsOf(root, article.path)]);
  return { id: article.id, metadata: metadata.metadata, labels, metadataProblem: metadata.problem !== null };
}

export async function summarizeArticles(root: string, articles: readonly SummaryArticle[]): Promise<ArticleSummary[]> {
  const summaries: ArticleSummary[] = [];
  for (let index = 0; index < articles.length; index += READS_AT_ONCE) {
    summaries.push(...(await Promise.all(articles.slice(index, index + READS_AT_ONCE).map((article) => summaryOf(root, article)))));
  }
  return summaries;
}
