import { DocumentLabelsSchema, type DocumentLabels } from '../../../shared/documentLabels/judgmentFormat';
import { liftLegacyLabels } from '../../../shared/documentLabels/legacyLabels';
import type { ArticleSummary } from '../../../shared/metadata/metadataWire';
import { metadataPathFor } from '../../../shared/metadata/articleMetadata';
import { checkCorpusFileSync, readCorpusFile, readCorpusFileSync, realCorpusRoot, SETTLE_MS, type CorpusFileBytes } from '../corpus/corpusFileAccess';
import { inSlices } from '../corpus/corpusScanner';
import { INPUT_LIMITS } from '../corpus/inputLimits';
import { annotationPathFor } from '../storage/annotationStore';
import { loadArticleMetadata } from './articleMetadataFile';
import { parseJsonBytesAsLatin1 } from './annotationFileSummary';

/**
 * (#21) What the file list filters and sorts by beyond its listing: each article's metadata and
 * document labels. Asked for a page of articles at a time after the first listing (the listing
 * itself reads no metadata file).
 * (#25) Read synchronously in short time slices, as the listing reads (corpusScanner.ts inSlices):
 * the asynchronous reads (six thread-pool round trips a file, two files an article) took 3.4 s of
 * CPU for 10,000 articles, competing with whatever followed the listing. The rare articles the
 * quick read cannot settle alone (a metadata file present, an annotation file modified in the last
 * moment or unreadable) are read asynchronously as before, a few at a time.
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
  return read === null ? {} : labelsOfBytes(read.bytes);
}

function labelsOfBytes(bytes: Buffer): DocumentLabels {
  const structure = parseJsonBytesAsLatin1(bytes);
  if (typeof structure !== 'object' || structure === null || Array.isArray(structure)) return {};
  if (holdsNoLabels(structure)) return labelsOfJson(structure);
  try {
    return labelsOfJson(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
  } catch {
    return {};
  }
}

async function summaryOf(root: string, article: SummaryArticle): Promise<ArticleSummary> {
  const [metadata, labels] = await Promise.all([loadArticleMetadata(root, article.path), labelsOf(root, article.path)]);
  return { id: article.id, metadata: metadata.metadata, labels, metadataProblem: metadata.problem !== null };
}

/**
 * The summary of an article without a metadata file whose annotation file is absent or read at
 * once, or null when it needs summaryOf: a metadata file to read and check for write access, an
 * annotation file modified within SETTLE_MS (the asynchronous read waits for it to settle), or
 * any refusal or error (summaryOf gives the same answer it always gave).
 */
function quickSummaryOf(rootReal: string, article: SummaryArticle): ArticleSummary | null {
  try {
    if (checkCorpusFileSync(rootReal, metadataPathFor(article.path)).kind !== 'absent') return null;
    const read = readCorpusFileSync(rootReal, annotationPathFor(article.path), { maxBytes: INPUT_LIMITS.annotationFileBytes });
    if (read !== null && Date.now() - read.mtimeMs <= SETTLE_MS) return null;
    return { id: article.id, metadata: {}, labels: read === null ? {} : labelsOfBytes(read.bytes), metadataProblem: false };
  } catch {
    return null;
  }
}

export async function summarizeArticles(root: string, articles: readonly SummaryArticle[]): Promise<ArticleSummary[]> {
  let rootReal: string | null;
  try {
    rootReal = realCorpusRoot(root);
  } catch {
    rootReal = null;
  }
  const summaries: (ArticleSummary | null)[] = articles.map(() => null);
  if (rootReal !== null) {
    const real = rootReal;
    await inSlices([...articles.keys()], (index) => {
      summaries[index] = quickSummaryOf(real, articles[index]);
    });
  }
  const rest = [...articles.keys()].filter((index) => summaries[index] === null);
  for (let from = 0; from < rest.length; from += READS_AT_ONCE) {
    const batch = rest.slice(from, from + READS_AT_ONCE);
    const read = await Promise.all(batch.map((index) => summaryOf(root, articles[index])));
    batch.forEach((index, position) => {
      summaries[index] = read[position];
    });
  }
  return summaries as ArticleSummary[];
}
