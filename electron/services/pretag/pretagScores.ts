import { addSpanCounts, countSpans, scoreSpanCounts, type SpanCounts, type SpanScores } from '../../../shared/agreement/spanScores';
import { boilerplateRanges } from '../../../shared/zones/boilerplateCut';
import { overlapsAnyRange } from '../../../shared/pretag/pretagSpan';
import { codePointText } from '../../../shared/anchoring/offsets';
import { annotationPathFor } from '../storage/annotationStore';
import { readAnnotationFileAt } from '../storage/annotationFileAtPath';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { listCorpusAnnotators } from '../lead/annotatorFiles';
import { decodeArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { readArticleBytes } from '../corpus/confinedReaders';
import { resolveInCorpus } from '../corpus/corpusPaths';

/**
 * (#24) How good a gazetteer or tagger was: its file AS.ann.json measured against the analyst's
 * final annotations (NAME.ann.json) with the agreement code's exact matching (same span and
 * type, as conlleval). The analyst is the reference: precision = exact matches / suggestions,
 * recall = exact matches / the analyst's annotations, per type, counts summed over the articles
 * that have both files. Rejected suggestions count (they are what the tagger proposed); the
 * analyst's annotations in boilerplate do not (the tagger was never asked there).
 */
export interface PretaggerScores {
  as: string;
  articles: number;
  scores: SpanScores;
}

export async function scorePretagger(root: string, as: string): Promise<PretaggerScores> {
  const corpus = await listCorpusAnnotators(root);
  const totals: SpanCounts = new Map();
  let articles = 0;
  for (const entry of corpus.articles) {
    if (!entry.annotators.includes(as)) continue;
    const articlePath = resolveInCorpus(root, entry.id);
    const article = decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath) });
    const codePoints = codePointText(article.text);
    const analyst = await readAnnotationFileAt(annotationPathFor(articlePath), article, codePoints, root);
    const suggested = await readAnnotationFileAt(annotatorFilePath(articlePath, as), article, codePoints, root);
    if (analyst.kind !== 'usable' || suggested.kind !== 'usable') continue;
    const boilerplate = boilerplateRanges(analyst.file.zones, codePoints.length);
    const reference = analyst.file.annotations.filter((annotation) => !overlapsAnyRange(annotation.start, annotation.end, boilerplate));
    addSpanCounts(totals, countSpans(reference, suggested.file.annotations, 'exact'));
    articles++;
  }
  return { as, articles, scores: scoreSpanCounts(totals) };
}
