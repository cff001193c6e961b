import { randomUUID } from 'node:crypto';
import type { UserProblem } from '../../../shared/userProblem';
import { mergePretagRun, type PretagSource } from '../../../shared/pretag/pretagMerge';
import type { PretagSpan } from '../../../shared/pretag/pretagSpan';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { scanCorpus } from '../corpus/corpusScanner';
import { loadTagSet } from '../tagset/tagSetLoader';
import { problemOfError } from '../problems/userProblems';
import { checkAnnotatorName } from '../../../shared/curation/annotatorName';
import { readPretagArticle, spansForArticle, type PretagArticleInput, type PretagSourceSpec } from './pretagArticle';
import { TaggerCancelledError, TaggerError } from './taggerClient';

/**
 * (#24) A pre-annotation run: a gazetteer or a tagger over one article or the corpus, written as
 * the annotator file `NAME.annotators/AS.ann.json` of each article (the suggestion, accept and
 * agreement machinery of annotator files serves it). Two phases: every article is read and
 * tagged first, then the files are written. Cancel during the first phase writes nothing; the
 * second is a few small atomic writes and is not interrupted, so a run leaves either no file
 * changed or every file written (merge rules: shared/pretag/pretagMerge.ts).
 */
export interface PretagRunOptions {
  /** The annotator name the run writes as (`--as`, verbatim); checked by annotatorFilePath. */
  as: string;
  source: PretagSourceSpec;
  /** Article ids (as in the corpus); absent: every article. */
  articles?: readonly string[];
}

export interface PretagProgress {
  phase: 'tagging' | 'writing';
  done: number;
  total: number;
}

export interface PretagArticleResult {
  article: string;
  written: number;
  replaced: number;
  /** Spans not written because the same span was rejected before or is already in the file by hand. */
  alreadyThere: number;
  /** Tagger spans refused (off the text, empty, unknown type), in English. */
  refused: string[];
  /** Why nothing was written for this article. */
  problem?: { message: string; userProblem: UserProblem };
}

export interface PretagSummary {
  as: string;
  source: PretagSource;
  articles: PretagArticleResult[];
  written: number;
  failed: number;
}

export class PretagCancelledError extends Error {
  constructor() {
    super('Pre-annotation cancelled; nothing was written.');
    this.name = 'PretagCancelledError';
  }
}

export class PretagInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PretagInputError';
  }
}

interface Planned {
  id: string;
  articlePath: string;
  input: PretagArticleInput;
  spans: PretagSpan[];
  result: PretagArticleResult;
}

function failure(id: string, error: unknown): PretagArticleResult {
  return { article: id, written: 0, replaced: 0, alreadyThere: 0, refused: [], problem: { message: (error as Error).message, userProblem: problemOfError(error) } };
}

async function articleIds(root: string, wanted: readonly string[] | undefined): Promise<string[]> {
  const all = (await scanCorpus(root)).map((entry) => entry.id);
  if (wanted === undefined) return all;
  const missing = wanted.filter((id) => !all.includes(id));
  if (missing.length > 0) throw new PretagInputError(`Not articles of this corpus: ${missing.join(', ')}.`);
  return [...wanted];
}

/** Phase one: reads and tags one article; a refused or unreachable tagger stops the run (every article would fail alike). */
async function planArticle(root: string, id: string, options: PretagRunOptions, knownTypes: ReadonlySet<string>, signal?: AbortSignal): Promise<Planned | PretagArticleResult> {
  const articlePath = resolveInCorpus(root, id);
  let input: PretagArticleInput;
  try {
    input = await readPretagArticle(root, articlePath, options.as);
  } catch (error) {
    return failure(id, error);
  }
  if (input.existing.kind === 'broken') {
    const problem: UserProblem = { code: 'pretagAnnotatorFileBroken', article: id, annotator: options.as };
    return { ...failure(id, new Error(`${options.as}'s file for ${id} cannot be read (${input.existing.problem.message}); left as it is.`)), problem: { message: input.existing.problem.message, userProblem: problem } };
  }
  try {
    const { spans, refused } = await spansForArticle(input, options.source, knownTypes, signal);
    return { id, articlePath, input, spans, result: { article: id, written: 0, replaced: 0, alreadyThere: 0, refused } };
  } catch (error) {
    if (error instanceof TaggerCancelledError) throw new PretagCancelledError();
    if (error instanceof TaggerError && (error.problem.code === 'taggerRefused' || error.problem.code === 'taggerUnreachable')) throw error;
    return failure(id, error);
  }
}

/** Phase two: merges and writes one article's file; it must still be the file read in phase one. */
async function writeArticle(planned: Planned, as: string, source: PretagSource): Promise<PretagArticleResult> {
  const { input } = planned;
  const previous = input.existing.kind === 'usable' ? input.existing : null;
  const merged = mergePretagRun(previous?.file.annotations ?? [], planned.spans, {
    source,
    author: as,
    textOf: (span) => input.codePoints.slice(span.start, span.end),
    now: new Date().toISOString(),
    newId: () => `pre-${randomUUID().slice(0, 8)}`,
  });
  const ids = new Set(merged.annotations.map((annotation) => annotation.id));
  try {
    await saveAnnotationFileAt(annotatorFilePath(planned.articlePath, as), planned.articlePath, input.article, {
      annotations: merged.annotations,
      // A relation to a replaced suggestion would point at nothing.
      relations: (previous?.file.relations ?? []).filter((relation) => ids.has(relation.from) && ids.has(relation.to)),
      expectedSha256: previous?.sha256 ?? null,
    });
  } catch (error) {
    return failure(planned.id, error);
  }
  return { ...planned.result, written: merged.written, replaced: merged.replaced, alreadyThere: merged.alreadyThere };
}

export async function runPretag(root: string, options: PretagRunOptions, onProgress?: (progress: PretagProgress) => void, signal?: AbortSignal): Promise<PretagSummary> {
  const name = checkAnnotatorName(options.as);
  if (!name.ok || name.name !== options.as) throw new PretagInputError(`"${options.as}" cannot be an annotator's file name${name.ok ? '' : ` (${name.reason})`}.`);
  const ids = await articleIds(root, options.articles);
  const knownTypes = new Set((await loadTagSet(root)).types.map((type) => type.id));
  const planned: Planned[] = [];
  const results: PretagArticleResult[] = [];
  for (const [done, id] of ids.entries()) {
    if (signal?.aborted) throw new PretagCancelledError();
    onProgress?.({ phase: 'tagging', done, total: ids.length });
    const plan = await planArticle(root, id, options, knownTypes, signal);
    if ('input' in plan) planned.push(plan);
    else results.push(plan);
  }
  if (signal?.aborted) throw new PretagCancelledError();
  for (const [done, plan] of planned.entries()) {
    onProgress?.({ phase: 'writing', done, total: planned.length });
    results.push(await writeArticle(plan, options.as, options.source.kind));
  }
  onProgress?.({ phase: 'writing', done: planned.length, total: planned.length });
  results.sort((a, b) => ids.indexOf(a.article) - ids.indexOf(b.article));
  return { as: options.as, source: options.source.kind, articles: results, written: results.reduce((sum, result) => sum + result.written, 0), failed: results.filter((result) => result.problem).length };
}
