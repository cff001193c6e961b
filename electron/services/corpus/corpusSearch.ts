import { randomBytes } from 'node:crypto';
import { boilerplateTest } from '../../../shared/zones/outsideBoilerplate';
import { buildMatchingKey, findHits, queryKey } from '../../../shared/text/matchingKey';
import { createOffsetConverter } from '../../../shared/anchoring/offsets';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { loadAnnotations, saveAnnotations } from '../storage/annotationStore';
import { resolveInCorpus } from './corpusPaths';
import { listArticleIds } from './articleFiles';
import { readArticleBytes } from './confinedReaders';

/** Runs one read-modify-write of an article's annotation file (the session runs it as its own write, unwatched). */
export type WriteTurn = <T>(articlePath: string, action: () => Promise<T>) => Promise<T>;

/** One occurrence of the query in the corpus, with its context (keyword in context). Offsets in code points. */
export interface CorpusHit {
  articleId: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export interface CorpusSearchResult {
  hits: CorpusHit[];
  total: number;
  articles: number;
  /** True when more hits exist than were returned. */
  truncated: boolean;
  /** Articles that could not be read, with the reason. */
  skipped: { id: string; reason: string }[];
}

const CONTEXT = 30;

async function readArticle(root: string, id: string): Promise<{ path: string; article: DecodedArticle }> {
  const articlePath = resolveInCorpus(root, id);
  const bytes = (await readArticleBytes(root, articlePath)).bytes;
  // Decoded as the annotation file records, so hits are in the text the offsets of tags are in.
  return { path: articlePath, article: decodeArticle(bytes, { record: await readEncodingRecord(root, articlePath) }) };
}

/** Every occurrence of `query` in every article, found with the Persian-aware matching keys. */
export async function searchCorpus(root: string, query: string, options: { wholeWords: boolean; limit: number }, signal?: AbortSignal): Promise<CorpusSearchResult> {
  const result: CorpusSearchResult = { hits: [], total: 0, articles: 0, truncated: false, skipped: [] };
  if (queryKey(query) === '') return result;
  for (const id of await listArticleIds(root)) {
    if (signal?.aborted) break;
    let article: DecodedArticle;
    try {
      article = (await readArticle(root, id)).article;
    } catch (error) {
      result.skipped.push({ id, reason: (error as Error).message });
      continue;
    }
    const hits = findHits(article.text, buildMatchingKey(article.text), query, { wholeWords: options.wholeWords });
    if (hits.length === 0) continue;
    result.articles++;
    result.total += hits.length;
    const converter = createOffsetConverter(article.text);
    for (const hit of hits) {
      if (result.hits.length >= options.limit) {
        result.truncated = true;
        break;
      }
      result.hits.push({
        articleId: id,
        start: converter.toCodePoint(hit.start),
        end: converter.toCodePoint(hit.end),
        before: article.text.slice(Math.max(0, hit.start - CONTEXT), hit.start).replace(/\n/g, ' '),
        match: article.text.slice(hit.start, hit.end),
        after: article.text.slice(hit.end, hit.end + CONTEXT).replace(/\n/g, ' '),
      });
    }
  }
  return result;
}

export interface TagAllResult {
  /** Every annotation this step added carries this prefix in its id, so the step can be undone. */
  batchId: string;
  added: number;
  articles: string[];
  skipped: { id: string; reason: string }[];
  /** (#21) Hits inside boilerplate zones: found, not tagged. */
  inBoilerplate: number;
}

/**
 * Tags every occurrence of `query` in the corpus as `type`, in one step: each article's file is
 * written once (atomic, with a backup), broken files are left alone and reported, spans already
 * tagged with the type are not doubled. `write` lets the session mark these writes as its own.
 */
export async function tagAllInCorpus(
  root: string,
  query: string,
  options: { wholeWords: boolean; type: string; author: string },
  write: WriteTurn = (_path, action) => action(),
): Promise<TagAllResult> {
  const batchId = `batch${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const result: TagAllResult = { batchId, added: 0, articles: [], skipped: [], inBoilerplate: 0 };
  const now = new Date().toISOString();
  for (const id of await listArticleIds(root)) {
    let located: { path: string; article: DecodedArticle };
    try {
      located = await readArticle(root, id);
    } catch (error) {
      result.skipped.push({ id, reason: (error as Error).message });
      continue;
    }
    const { article } = located;
    const hits = findHits(article.text, buildMatchingKey(article.text), query, { wholeWords: options.wholeWords });
    if (hits.length === 0) continue;
    const converter = createOffsetConverter(article.text);
    // The file is read inside the write turn, so what is written adds to the file as it is then,
    // never to an older read (another window or program may save it meanwhile).
    const added = await write(located.path, async (): Promise<number | string> => {
      const loaded = await loadAnnotations(located.path, article);
      if (loaded.problem) return loaded.problem.message;
      const taken = new Set(loaded.annotations.filter((annotation) => annotation.type === options.type).map((annotation) => `${annotation.start}:${annotation.end}`));
      const inBoilerplate = boilerplateTest(loaded.zones);
      const tagged: StoredAnnotation[] = [];
      for (const hit of hits) {
        const start = converter.toCodePoint(hit.start);
        const end = converter.toCodePoint(hit.end);
        // (#21) Boilerplate is not the article: its hits are counted, never tagged.
        if (inBoilerplate(start, end)) {
          result.inBoilerplate++;
          continue;
        }
        if (taken.has(`${start}:${end}`)) continue;
        tagged.push({ id: `${batchId}-${tagged.length}`, type: options.type, start, end, text: article.text.slice(hit.start, hit.end), author: options.author, created: now, modified: now });
      }
      if (tagged.length === 0) return 0;
      await saveAnnotations(located.path, article, {
        status: loaded.status === 'new' ? 'in-progress' : loaded.status,
        annotations: [...loaded.annotations, ...tagged].sort((a, b) => a.start - b.start || b.end - a.end),
        relations: loaded.relations,
        labels: loaded.labels,
      });
      return tagged.length;
    });
    if (typeof added === 'string') {
      result.skipped.push({ id, reason: added });
      continue;
    }
    if (added === 0) continue;
    result.added += added;
    result.articles.push(id);
  }
  return result;
}

/** Undoes a "tag all" step: removes exactly the annotations it added, wherever they still are. */
export async function undoTagAll(
  root: string,
  batchId: string,
  write: WriteTurn = (_path, action) => action(),
): Promise<{ removed: number; articles: string[] }> {
  const prefix = `${batchId}-`;
  const outcome = { removed: 0, articles: [] as string[] };
  for (const id of await listArticleIds(root)) {
    let located: { path: string; article: DecodedArticle };
    try {
      located = await readArticle(root, id);
    } catch {
      continue;
    }
    // Read inside the write turn, as in tagAllInCorpus: only the batch's annotations leave the file as it is now.
    const removed = await write(located.path, async (): Promise<number> => {
      const loaded = await loadAnnotations(located.path, located.article);
      if (loaded.problem) return 0;
      const kept = loaded.annotations.filter((annotation) => !annotation.id.startsWith(prefix));
      if (kept.length === loaded.annotations.length) return 0;
      await saveAnnotations(located.path, located.article, {
        status: loaded.status,
        annotations: kept,
        relations: loaded.relations.filter((relation) => !relation.from.startsWith(prefix) && !relation.to.startsWith(prefix)),
        labels: loaded.labels,
      });
      return loaded.annotations.length - kept.length;
    });
    if (removed === 0) continue;
    outcome.removed += removed;
    outcome.articles.push(id);
  }
  return outcome;
}
