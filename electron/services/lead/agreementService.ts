import path from 'node:path';
import type { AgreementProblem, AgreementReport } from '../../../shared/agreement/agreementReport';
import { problemOfError, withUserProblem } from '../problems/userProblems';
import {
  addGroupDocument,
  addPairCounts,
  compareGroupDocument,
  comparePairDocument,
  emptyGroupCounts,
  emptyPairCounts,
  summarizeGroup,
  summarizePair,
  type GroupCounts,
  type PairCounts,
} from '../../../shared/agreement/pairAgreement';
import { documentTokens } from '../../../shared/agreement/tokenLabels';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { codePointText } from '../../../shared/anchoring/offsets';
import { readAnnotationFileAt } from '../storage/annotationFileAtPath';
import { listCorpusAnnotators } from './annotatorFiles';
import { annotatorFilePath } from './annotatorPaths';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { readArticleBytes } from '../corpus/confinedReaders';
import { boilerplateTest, partitionByBoilerplate } from '../../../shared/zones/outsideBoilerplate';
import type { Range } from '../../../shared/agreement/agreementSpan';
import { LabelJudgments } from '../../../shared/documentLabels/labelAgreementReport';
import { loadTagSet } from '../tagset/tagSetLoader';

export class UnknownAnnotatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownAnnotatorError';
  }
}

export class AgreementCancelledError extends Error {
  constructor() {
    super('Agreement computation cancelled.');
    this.name = 'AgreementCancelledError';
  }
}

/** Which annotators to compare: two of them, or every pair (and Fleiss' kappa over all when there are three or more). */
export type AgreementSelection = { kind: 'pair'; a: string; b: string } | { kind: 'all' };

export interface AgreementProgress {
  done: number;
  total: number;
}

function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** The annotators to compare: the pair asked for (both must have files), or all of them. */
function comparedAnnotators(selection: AgreementSelection, annotators: readonly string[]): string[] {
  if (selection.kind !== 'pair') return [...annotators];
  if (selection.a === selection.b) {
    throw withUserProblem(new UnknownAnnotatorError(`Compare two different annotators (got "${selection.a}" twice).`), { code: 'agreementSameAnnotator', annotator: selection.a });
  }
  const unknown = [selection.a, selection.b].filter((name) => !annotators.includes(name));
  if (unknown.length > 0) {
    const known = annotators.length > 0 ? annotators.join(', ') : 'none';
    throw withUserProblem(new UnknownAnnotatorError(`No annotation files of ${unknown.map((name) => `"${name}"`).join(' and ')} in this corpus (annotators: ${known}).`), {
      code: 'agreementUnknownAnnotators',
      names: unknown.slice(0, 20),
      known: annotators.slice(0, 20),
    });
  }
  return [selection.a, selection.b];
}

/** An article's text and the usable annotation files of the compared annotators; null (the reason in `problems`) when the article cannot be read. */
async function readArticleFiles(
  root: string,
  entry: { id: string; annotators: readonly string[] },
  compared: readonly string[],
  problems: AgreementProblem[],
): Promise<{ text: string; files: Map<string, AnnotationFile> } | null> {
  const articlePath = resolveInCorpus(root, entry.id);
  let article: DecodedArticle;
  try {
    // Decoded as the curated or first annotator file records (encodingRecord.ts): their offsets are in that text.
    article = decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath) });
  } catch (error) {
    problems.push({ kind: 'article', article: entry.id, message: `Article cannot be read: ${(error as Error).message}`, problem: problemOfError(error) });
    return null;
  }
  const codePoints = codePointText(article.text);
  const files = new Map<string, AnnotationFile>();
  for (const annotator of entry.annotators) {
    if (!compared.includes(annotator)) continue;
    const existing = await readAnnotationFileAt(annotatorFilePath(articlePath, annotator), article, codePoints, root);
    if (existing.kind === 'usable') files.set(annotator, existing.file);
    else if (existing.kind === 'broken') problems.push({ kind: 'annotation-file', article: entry.id, annotator, message: existing.problem.message, cause: existing.problem.kind });
    else problems.push({ kind: 'annotation-file', article: entry.id, annotator, message: 'The file disappeared while reading.', cause: 'missing' });
  }
  return { text: article.text, files };
}

/**
 * (#21) Boilerplate is not the article: annotations touching any compared annotator's
 * boilerplate zone, and the tokens inside it, are left out of every figure (else two annotators
 * who both ignored a footer would agree on it). Relations to a left-out annotation go with it.
 */
function withoutBoilerplate(files: Map<string, AnnotationFile>, tokens: readonly Range[]): { files: Map<string, AnnotationFile>; tokens: Range[]; ignored: number } {
  const zones = [...files.values()].flatMap((file) => file.zones ?? []);
  const inBoilerplate = boilerplateTest(zones);
  let ignored = 0;
  const kept = new Map<string, AnnotationFile>();
  for (const [annotator, file] of files) {
    const { outside, inside } = partitionByBoilerplate(file.annotations, zones);
    ignored += inside.length;
    kept.set(annotator, inside.length > 0 ? { ...file, annotations: outside } : file);
  }
  return { files: kept, tokens: tokens.filter(([start, end]) => !inBoilerplate(start, end)), ignored };
}

/**
 * Agreement of a corpus's annotators, from their files `NAME.annotators/ANNOTATOR.ann.json`.
 * A pair is compared on the articles both have a file for (a missing file is not an empty
 * one: the annotator never saw the article); Fleiss' kappa on the articles every compared
 * annotator has a file for. Counts are summed over articles, then scored once.
 */
export async function computeAgreement(
  root: string,
  selection: AgreementSelection,
  onProgress?: (progress: AgreementProgress) => void,
  signal?: AbortSignal,
): Promise<AgreementReport> {
  const corpus = await listCorpusAnnotators(root);
  const compared = comparedAnnotators(selection, corpus.annotators);
  const pairs: [string, string][] = [];
  for (let first = 0; first < compared.length; first++) {
    for (let second = first + 1; second < compared.length; second++) pairs.push([compared[first], compared[second]]);
  }
  const pairCounts = new Map<string, PairCounts>(pairs.map(([a, b]) => [pairKey(a, b), emptyPairCounts()]));
  const groupCounts: GroupCounts | null = selection.kind === 'all' && compared.length > 2 ? emptyGroupCounts(compared.length) : null;
  const problems: AgreementProblem[] = [];
  const tokenSources = { article: 0, tokenizer: 0 };
  const boilerplate = { articles: 0, annotationsIgnored: 0 };
  const labels = new LabelJudgments(compared);
  let comparedArticles = 0;
  const candidates = corpus.articles.filter((entry) => entry.annotators.filter((name) => compared.includes(name)).length >= 2);

  for (const [done, entry] of candidates.entries()) {
    if (signal?.aborted) throw new AgreementCancelledError();
    onProgress?.({ done, total: candidates.length });
    const read = await readArticleFiles(root, entry, compared, problems);
    if (read === null || read.files.size < 2) continue;
    comparedArticles++;
    labels.add(new Map([...read.files].map(([annotator, file]) => [annotator, file.documentLabels])));
    // The source tokens travel with every annotator's copy; the first valid set is used.
    const stored = [...read.files.values()].find((file) => file.tokens && file.tokens.length > 0)?.tokens;
    const allTokens = documentTokens(read.text, stored);
    tokenSources[allTokens.source]++;
    if (allTokens.problem) problems.push({ kind: 'tokens', article: entry.id, message: allTokens.problem });
    const { files, tokens, ignored } = withoutBoilerplate(read.files, allTokens.tokens);
    if (tokens.length < allTokens.tokens.length) boilerplate.articles++;
    boilerplate.annotationsIgnored += ignored;
    for (const [a, b] of pairs) {
      const fileA = files.get(a);
      const fileB = files.get(b);
      if (!fileA || !fileB) continue;
      addPairCounts(pairCounts.get(pairKey(a, b)) as PairCounts, comparePairDocument(tokens, fileA.annotations, fileB.annotations, { a: fileA, b: fileB }));
    }
    if (groupCounts && compared.every((name) => files.has(name))) {
      addGroupDocument(groupCounts, compareGroupDocument(tokens, compared.map((name) => (files.get(name) as AnnotationFile).annotations)));
    }
  }
  onProgress?.({ done: candidates.length, total: candidates.length });
  return {
    corpus: path.basename(path.resolve(root)),
    annotators: corpus.annotators,
    articles: corpus.articleCount,
    comparedArticles,
    tokenSources,
    pairs: pairs.map(([a, b]) => summarizePair(a, b, pairCounts.get(pairKey(a, b)) as PairCounts)),
    group: groupCounts ? summarizeGroup(compared, groupCounts) : null,
    boilerplate,
    documentLabels: labels.summarize((await loadTagSet(root)).dimensions ?? []),
    problems,
  };
}
