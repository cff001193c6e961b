import { z } from 'zod';
import { proposeFooters, footerStartOf, DEFAULT_MIN_ARTICLES, type ArticleText, type FooterProposal } from '../../../shared/zones/repeatedFooters';
import { BOILERPLATE_ZONE, type Zone } from '../../../shared/documentLabels/judgmentFormat';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { listArticleIds } from '../corpus/articleFiles';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { readArticleBytes } from '../corpus/confinedReaders';
import { annotationPathFor } from '../storage/annotationStore';
import { ConcurrentChangeError, readAnnotationFileAt, saveAnnotationFileAt } from '../storage/annotationFileAtPath';

/** The top-level field of `NAME.ann.json` that remembers footer groups rejected for the article. */
export const REJECTED_FOOTERS_FIELD = 'footerProposalsRejected';
/** At most this many articles are scanned: a footer that recurs shows within them. */
export const MAX_SCANNED_ARTICLES = 5000;
const RETRIES = 5;

export class FooterScanCancelledError extends Error {
  constructor() {
    super('The footer scan was cancelled.');
    this.name = 'FooterScanCancelledError';
  }
}

export interface FooterScan {
  proposals: FooterProposal[];
  scanned: number;
  /** More articles than MAX_SCANNED_ARTICLES: the rest were not looked at. */
  truncated: boolean;
}

const RejectedSchema = z.array(z.string()).catch([]);

async function readArticle(root: string, id: string): Promise<{ path: string; article: DecodedArticle }> {
  const articlePath = resolveInCorpus(root, id);
  return { path: articlePath, article: decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath) }) };
}

/** Proposals for the corpus: every article read (up to the bound), its zones and rejects from its usable file. */
export async function scanFooterProposals(root: string, options: { minArticles?: number; signal?: AbortSignal; maxArticles?: number } = {}): Promise<FooterScan> {
  const ids = await listArticleIds(root);
  const bound = options.maxArticles ?? MAX_SCANNED_ARTICLES;
  const texts: ArticleText[] = [];
  for (const id of ids.slice(0, bound)) {
    if (options.signal?.aborted) throw new FooterScanCancelledError();
    let read: { path: string; article: DecodedArticle };
    try {
      read = await readArticle(root, id);
    } catch {
      continue; // An unreadable article is told where it is opened; it proposes nothing.
    }
    const existing = await readAnnotationFileAt(annotationPathFor(read.path), read.article, undefined, root);
    if (existing.kind === 'broken') continue; // Never written: nothing to propose into.
    const file = existing.kind === 'usable' ? existing.file : null;
    texts.push({ id, text: read.article.text, zones: file?.zones ?? [], rejected: RejectedSchema.parse((file as Record<string, unknown> | null)?.[REJECTED_FOOTERS_FIELD] ?? []) });
  }
  return { proposals: proposeFooters(texts, options.minArticles ?? DEFAULT_MIN_ARTICLES), scanned: texts.length, truncated: ids.length > bound };
}

export type FooterDecision = 'accept' | 'reject';

export interface FooterDecisionResult {
  written: string[];
  skipped: { id: string; reason: string }[];
}

/** One article's file with the decision in it, written only over the file as read (else read again). */
async function decideOne(root: string, id: string, key: string, decision: FooterDecision): Promise<boolean> {
  const { path: articlePath, article } = await readArticle(root, id);
  const annotationPath = annotationPathFor(articlePath);
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const existing = await readAnnotationFileAt(annotationPath, article, undefined, root);
    if (existing.kind === 'broken') throw new Error(existing.problem.message);
    const file = existing.kind === 'usable' ? existing.file : null;
    const start = footerStartOf(article.text, key);
    if (start === null) return false;
    const extra: Record<string, unknown> = {};
    if (decision === 'accept') {
      const zones: Zone[] = [...(file?.zones ?? [])];
      const end = Array.from(article.text).length;
      if (zones.some((zone) => zone.type === BOILERPLATE_ZONE && zone.start <= start && zone.end >= end)) return false;
      const used = new Set(zones.map((zone) => zone.id));
      let index = zones.length + 1;
      while (used.has(`Z${index}`)) index++;
      zones.push({ id: `Z${index}`, type: BOILERPLATE_ZONE, start, end } as Zone);
      extra.zones = zones.sort((a, b) => a.start - b.start || a.end - b.end);
    } else {
      const rejected = RejectedSchema.parse((file as Record<string, unknown> | null)?.[REJECTED_FOOTERS_FIELD] ?? []);
      if (rejected.includes(key)) return false;
      extra[REJECTED_FOOTERS_FIELD] = [...rejected, key];
    }
    try {
      await saveAnnotationFileAt(annotationPath, articlePath, article, { extra, expectedSha256: existing.kind === 'usable' ? existing.sha256 : null });
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
    }
  }
  throw new Error('The annotation file kept changing while the decision was written; try again.');
}

/**
 * Accepts (a boilerplate zone) or rejects (remembered in the file) the footer group `key` in the
 * given articles: one at a time, each file kept as another writer left it plus the decision.
 * `write` lets the session mark the writes as its own (the window is told and syncs).
 */
export async function decideFooter(
  root: string,
  key: string,
  articleIds: readonly string[],
  decision: FooterDecision,
  write: (articlePath: string, action: () => Promise<boolean>) => Promise<boolean> = (_path, action) => action(),
): Promise<FooterDecisionResult> {
  const result: FooterDecisionResult = { written: [], skipped: [] };
  for (const id of articleIds) {
    try {
      if (await write(resolveInCorpus(root, id), () => decideOne(root, id, key, decision))) result.written.push(id);
    } catch (error) {
      result.skipped.push({ id, reason: (error as Error).message });
    }
  }
  return result;
}
