import { DocumentLabelsSchema, type DocumentLabels } from '../../../shared/documentLabels/judgmentFormat';
import { liftLegacyLabels } from '../../../shared/documentLabels/legacyLabels';
import type { ArticleSummary } from '../../../shared/metadata/metadataWire';
import { readCorpusFile, type CorpusFileBytes } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS } from '../corpus/inputLimits';
import { annotationPathFor } from '../storage/annotationStore';
import { loadArticleMetadata } from './articleMetadataFile';
import { parseJsonBytesAsLatin1 } from './annotationFileSummary';

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

/** The document labels of a parsed annotation file: the legacy `labels` array lifted, none when it is not an object or its labels are broken. */
function labelsOfJson(file: unknown): DocumentLabels {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return {};
  const lifted = liftLegacyLabels(file as Record<string, unknown>);
  const parsed = DocumentLabelsSchema.safeParse(lifted.documentLabels ?? {});
  return parsed.success ? parsed.data : {};
}

/** Whether a parsed file holds no labels at all: no `documentLabels`, and no string among the legacy `labels` (saved files hold `"labels": []`). */
function holdsNoLabels(file: object): boolean {
  const { labels, documentLabels } = file as { labels?: unknown; documentLabels?: unknown };
  return documentLabels === undefined && !(Array.isArray(labels) && labels.some((label) => typeof label === 'string'));
}

/**
 * The document labels of a native annotation file, or none when it is absent, refused or broken.
 * (#25) Parsed from its bytes read as Latin-1 (annotationFileSummary.ts: same structure, same
 * ASCII keys), decoded as UTF-8 only when it holds labels, whose values may be Persian: most
 * files hold none, and this runs for every article after every listing.
 */
async function labelsOf(root: string, articlePath: string): Promise<DocumentLabels> {
  let read: CorpusFileBytes | null;
  try {
    read = await readCorpusFile(root, annotationPathFor(articlePath), { maxBytes: INPUT_LIMITS.annotationFileBytes });
  } catch {
    return {};
  }
  if (read === null) return {};
  const structure = parseJsonBytesAsLatin1(read.bytes);
  if (typeof structure !== 'object' || structure === null || Array.isArray(structure)) return {};
  if (holdsNoLabels(structure)) return labelsOfJson(structure);
  try {
    return labelsOfJson(JSON.parse(read.bytes.toString('utf8').replace(/^\uFEFF/, '')));
  } catch {
    return {};
  }
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
