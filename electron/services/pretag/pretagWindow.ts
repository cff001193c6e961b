import path from 'node:path';
import { gazetteerFromRegistry, gazetteerSyntaxOf, parseGazetteer, type GazetteerEntry, type ParsedGazetteer } from '../../../shared/pretag/gazetteer';
import { ENTITIES_FILE_NAME } from '../../../shared/entities/registry';
import { readRegistry } from '../entities/entityRegistryFile';
import { isPretagAnnotation, isRejectedSuggestion } from '../../../shared/pretag/pretagMerge';
import { markRejected, unmarkRejected } from '../../../shared/pretag/suggestionDecisions';
import type { PretagPreview, PretagSourceRequest, PretagSuggestion } from '../../../shared/pretagWire';
import { languageOfText } from '../../../shared/text/textLanguage';
import { CorpusFileRefusedError, describeFileKind, readCorpusFile, readRegularFileBounded } from '../corpus/corpusFileAccess';
import { promises as fs } from 'node:fs';
import { PathOutsideCorpusError, resolveInCorpus, type ConfinedArticle } from '../corpus/corpusPaths';
import { scanCorpus } from '../corpus/corpusScanner';
import { listArticleAnnotators } from '../lead/annotatorFiles';
import { annotatorFilePath } from '../lead/annotatorPaths';
import { withUserProblem } from '../problems/userProblems';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { readPretagArticle, type PretagSourceSpec } from './pretagArticle';
import { classifyTaggerUrl, checkTaggerDestination } from './taggerAddress';

/**
 * (#24) What the window's pre-annotation asks of main besides the run itself: the gazetteer read
 * from inside the corpus, the preview of what a run would send, an article's open suggestions
 * from its annotator files, and the analyst's rejections written back to an annotator file.
 */

/** A gazetteer is a small list; a larger file is refused rather than read into memory. */
export const GAZETTEER_MAX_BYTES = 50 * 1024 * 1024;
/** How much of the first article the preview shows. */
const PREVIEW_CHARACTERS = 200;

export class PretagSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PretagSourceError';
  }
}

function outsideCorpus(file: string): Error {
  return withUserProblem(new PretagSourceError(`The gazetteer ${file} is not inside the opened corpus folder; only a gazetteer inside it is read.`), { code: 'gazetteerOutsideCorpus', file });
}

/** The gazetteer's bytes: a path that leads out of the corpus (absolute, `..`, a link out) is refused as such, nothing read. */
async function readGazetteerBytes(root: string, file: string): Promise<Uint8Array> {
  let absolute: string;
  try {
    absolute = resolveInCorpus(root, file);
  } catch (error) {
    if (error instanceof PathOutsideCorpusError) throw outsideCorpus(file);
    throw error;
  }
  try {
    const read = await readCorpusFile(root, absolute, { maxBytes: GAZETTEER_MAX_BYTES });
    if (read === null) throw withUserProblem(new PretagSourceError(`The gazetteer ${file} does not exist.`), { code: 'fileMissing', file });
    return read.bytes;
  } catch (error) {
    if (error instanceof CorpusFileRefusedError && (error.refusal === 'outside-corpus' || error.refusal === 'linked-folder')) throw outsideCorpus(file);
    throw error;
  }
}

/**
 * (#17) A gazetteer named on the command line (`hashiye pretag --gazetteer FILE`): the user's own
 * file, wherever it is, but only a regular file and never more than GAZETTEER_MAX_BYTES, counted
 * while reading: a FIFO would block the run for ever, `/dev/zero` would fill the memory.
 * Throws CorpusFileRefusedError for those, the I/O error for a missing or unreadable file.
 */
export async function readNamedGazetteerFile(file: string): Promise<Buffer> {
  const real = await fs.realpath(file);
  const stats = await fs.stat(real);
  if (!stats.isFile()) throw new CorpusFileRefusedError(file, 'not-regular-file', `it is ${describeFileKind(stats)}`);
  return (await readRegularFileBounded(file, real, { maxBytes: GAZETTEER_MAX_BYTES })).bytes;
}

/** The gazetteer file by its path relative to the corpus; nothing outside the corpus is read. */
export async function readGazetteerInCorpus(root: string, file: string): Promise<ParsedGazetteer> {
  const bytes = await readGazetteerBytes(root, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw withUserProblem(new PretagSourceError(`The gazetteer ${file} is not UTF-8 text.`), { code: 'gazetteerNotUtf8', file });
  }
  const parsed = parseGazetteer(text, gazetteerSyntaxOf(path.basename(file)));
  if (parsed.entries.length === 0) throw withUserProblem(new PretagSourceError(`The gazetteer ${file} has no phrase to look for.`), { code: 'gazetteerEmpty', file });
  return parsed;
}

/** (#24) The registry as a gazetteer: every name and alias of its entities; a registry without any is refused with its own message. */
export async function registryGazetteer(root: string): Promise<GazetteerEntry[]> {
  const entries = gazetteerFromRegistry((await readRegistry(root)).registry.entities);
  if (entries.length === 0) throw withUserProblem(new PretagSourceError(`The entity registry (${ENTITIES_FILE_NAME}) has no name to look for.`), { code: 'gazetteerRegistryEmpty' });
  return entries;
}

/** The engine's source for a request; a tagger URL must be one the user may send to (taggerNeedsConfirmation otherwise). */
export async function sourceSpecOf(root: string, source: PretagSourceRequest, isConfirmed: (href: string) => boolean): Promise<PretagSourceSpec> {
  if (source.kind === 'gazetteer') return { kind: 'gazetteer', entries: (await readGazetteerInCorpus(root, source.file)).entries };
  if (source.kind === 'registry') return { kind: 'gazetteer', entries: await registryGazetteer(root) };
  return { kind: 'tagger', url: checkTaggerDestination(source.url, isConfirmed) };
}

/** What a run would send (tagger) or use (gazetteer); nothing is sent anywhere. */
export async function previewPretag(root: string, source: PretagSourceRequest, article: ConfinedArticle | undefined, isConfirmed: (href: string) => boolean): Promise<PretagPreview> {
  const ids = article ? [article.id] : (await scanCorpus(root)).map((entry) => entry.id);
  if (source.kind === 'gazetteer') {
    const parsed = await readGazetteerInCorpus(root, source.file);
    return { kind: 'gazetteer', file: source.file, articles: ids.length, phrases: parsed.entries.length, types: [...new Set(parsed.entries.map((entry) => entry.type))].sort(), skippedLines: parsed.problems.map((problem) => problem.line) };
  }
  if (source.kind === 'registry') {
    const entries = await registryGazetteer(root);
    return { kind: 'gazetteer', file: ENTITIES_FILE_NAME, articles: ids.length, phrases: entries.length, types: [...new Set(entries.map((entry) => entry.type))].sort(), skippedLines: [] };
  }
  const classified = classifyTaggerUrl(source.url);
  if (!classified.ok) throw withUserProblem(new PretagSourceError(`${source.url} is not an http:// or https:// URL.`), { code: 'taggerBadUrl', url: source.url });
  const first = ids[0];
  const text = first === undefined ? '' : (await readPretagArticle(root, resolveInCorpus(root, first), 'tagger')).article.text;
  const codePoints = [...text];
  return {
    kind: 'tagger',
    url: classified.url.href,
    address: classified.kind,
    confirmed: classified.kind !== 'remote' || isConfirmed(classified.url.href),
    articles: ids.length,
    language: languageOfText(text).lang,
    characters: codePoints.length,
    firstCharacters: codePoints.slice(0, PREVIEW_CHARACTERS).join(''),
  };
}

/** The article's suggestions written by pre-annotation runs, in every annotator file, rejected ones left out. */
export async function articleSuggestions(article: ConfinedArticle): Promise<PretagSuggestion[]> {
  const suggestions: PretagSuggestion[] = [];
  for (const as of await listArticleAnnotators(article.path)) {
    const input = await readPretagArticle(article.root, article.path, as);
    if (input.existing.kind !== 'usable') continue;
    for (const annotation of input.existing.file.annotations) {
      if (!isPretagAnnotation(annotation) || isRejectedSuggestion(annotation)) continue;
      suggestions.push({ as, id: annotation.id, start: annotation.start, end: annotation.end, type: annotation.type, text: annotation.text ?? input.codePoints.slice(annotation.start, annotation.end) });
    }
  }
  return suggestions;
}

/** Marks (or, undoing, unmarks) suggestions of AS.ann.json rejected; the file must be the one just read. */
export async function rejectSuggestions(article: ConfinedArticle, as: string, ids: readonly string[], undo = false): Promise<{ changed: number }> {
  const input = await readPretagArticle(article.root, article.path, as);
  if (input.existing.kind !== 'usable') {
    throw withUserProblem(new PretagSourceError(`${as}'s file for ${article.id} cannot be read.`), { code: 'pretagAnnotatorFileBroken', article: article.id, annotator: as });
  }
  const { file, sha256 } = input.existing;
  const wanted = new Set(ids);
  const annotations = undo ? unmarkRejected(file.annotations, wanted) : markRejected(file.annotations, wanted);
  const changed = annotations.filter((annotation, index) => annotation !== file.annotations[index]).length;
  if (changed > 0) await saveAnnotationFileAt(annotatorFilePath(article.path, as), article.path, input.article, { annotations, expectedSha256: sha256 });
  return { changed };
}
