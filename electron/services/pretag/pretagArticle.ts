import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { codePointText, type CodePointText } from '../../../shared/anchoring/offsets';
import { boilerplateRanges } from '../../../shared/zones/boilerplateCut';
import { languageOfText } from '../../../shared/text/textLanguage';
import type { GazetteerEntry } from '../../../shared/pretag/gazetteer';
import { matchGazetteer } from '../../../shared/pretag/gazetteerMatch';
import type { PretagSpan } from '../../../shared/pretag/pretagSpan';
import { checkTaggerSpans, describeTaggerSpanProblem } from '../../../shared/pretag/taggerProtocol';
import { annotationPathFor } from '../storage/annotationStore';
import { readAnnotationFileAt, type ExistingAnnotationFile } from '../storage/annotationFileAtPath';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { readArticleBytes } from '../corpus/confinedReaders';
import { callTagger } from './taggerClient';

/** Where the run's spans come from. */
export type PretagSourceSpec = { kind: 'gazetteer'; entries: readonly GazetteerEntry[] } | { kind: 'tagger'; url: string; timeoutMs?: number };

/** One article read for a run: its text, the analyst's boilerplate zones, and the annotator file as it was. */
export interface PretagArticleInput {
  article: DecodedArticle;
  codePoints: CodePointText;
  boilerplate: { start: number; end: number }[];
  existing: ExistingAnnotationFile;
}

/** Reads the article (decoded as its files record), the zones of NAME.ann.json, and NAME.annotators/AS.ann.json; all confined to the corpus. */
export async function readPretagArticle(root: string, articlePath: string, annotator: string): Promise<PretagArticleInput> {
  const article = decodeArticle((await readArticleBytes(root, articlePath)).bytes, { record: await readEncodingRecord(root, articlePath) });
  const codePoints = codePointText(article.text);
  const analyst = await readAnnotationFileAt(annotationPathFor(articlePath), article, codePoints, root);
  const zones = analyst.kind === 'usable' ? (analyst.file as AnnotationFile).zones : undefined;
  const existing = await readAnnotationFileAt(annotatorFilePath(articlePath, annotator), article, codePoints, root);
  return { article, codePoints, boilerplate: boilerplateRanges(zones, codePoints.length), existing };
}

export interface ArticleSpans {
  spans: PretagSpan[];
  /** Spans of a tagger's answer that were refused, in English (the count goes to the window). */
  refused: string[];
}

/** The spans the source proposes for one article; boilerplate gets none. Tagger failures throw TaggerError. */
export async function spansForArticle(input: PretagArticleInput, source: PretagSourceSpec, knownTypes: ReadonlySet<string>, signal?: AbortSignal): Promise<ArticleSpans> {
  const { text } = input.article;
  if (source.kind === 'gazetteer') return { spans: matchGazetteer(text, source.entries, input.boilerplate), refused: [] };
  // The whole text is sent so the offsets of the answer are the article's; spans in boilerplate are dropped.
  const response = await callTagger(source.url, { text, language: languageOfText(text).lang }, { timeoutMs: source.timeoutMs, signal });
  const checked = checkTaggerSpans(text, response, knownTypes, input.boilerplate);
  return { spans: checked.spans, refused: checked.problems.map(describeTaggerSpanProblem) };
}
