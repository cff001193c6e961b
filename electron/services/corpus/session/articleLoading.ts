import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { SavedDocument } from '../../../../shared/saveWire';
import { countReanchorChanges } from '../../../../shared/anchoring/reanchorStatus';
import { loadedInReadingOrder } from '../../../../shared/model/readingOrder';
import type { DecodedArticle } from '../../article/articleDecoder';
import { withFirstAnnotationPage } from '../../article/annotationPages';
import { sentFromFirstPage } from './earlyFirstPage';
import { openArticleAnnotationsAndFile, type OpenedAnnotations, type UnchangedAnnotationFile } from '../../article/articleAnnotations';
import { bratAnnotationPathFor, loadBratAnnotations, reanchorBratAnnotations } from '../../brat/bratStore';
import { withFileLock } from '../../storage/annotationFileLock';
import { annotationPathFor } from '../../storage/annotationStore';
import { saveMerged, savedDocumentOf } from '../../storage/mergingSave';
import { writeAccessRefusal } from '../../storage/writeAccess';
import { resolveInCorpus } from '../corpusPaths';
import { INPUT_LIMITS } from '../inputLimits';
import { sha256Of, type KnownFileState } from '../watchedFileState';
import type { SessionState } from './sessionState';
import { withoutQuote } from './windowAnnotations';

/** An article being loaded: read, and its document's header made. */
interface ArticleOpening {
  state: SessionState;
  id: string;
  articlePath: string;
  article: DecodedArticle;
  header: DocumentHeader;
}

/** What every loaded article's document says of its text, whatever its annotations. */
type DocumentHeader = ReturnType<typeof documentHeader>;

/**
 * article.load: the article read (`encoding`: reopen in that encoding from now on, `auto`:
 * detect again; absent: as before), its annotations loaded in the corpus's mode, and both files
 * given to the watcher as the baseline of outside changes.
 */
export async function loadArticle(state: SessionState, id: string, encoding?: string, options: { firstPageEarly?: boolean } = {}): Promise<ArticleDocument> {
  const articlePath = resolveInCorpus(state.requireRoot(), id);
  if (encoding !== undefined) state.reader.choose(articlePath, encoding);
  // The window starts over from what it loads: its next save sends the whole list.
  state.savedLists.forget(id);
  const { article, file: articleFile } = await state.readArticleFile(articlePath);
  const header = documentHeader(id, articlePath, article);
  const opening: ArticleOpening = { state, id, articlePath, article, header };
  const whole = (signal?: AbortSignal) => loadWholeArticle(opening, articleFile, encoding, signal);
  // (#17) A big annotation file: answered from its first page while the whole file is read on.
  if (options.firstPageEarly && encoding === undefined && state.mode === 'native') {
    const early = await sentFromFirstPage({ state, id, articlePath, article }, (loaded) => openedDocument(header, { kind: 'loaded', loaded, reanchored: null, readOnly: null }), whole);
    if (early !== null) return early;
  }
  const document = await whole();
  return document.problem === null ? withFirstAnnotationPage({ ...document, revision: state.savedLists.remember(id, document.annotations, document.relations) }) : document;
}

/**
 * The article's document with all its annotations (in reading order when the file is usable),
 * the article and its files given to the watcher as the baseline of outside changes.
 */
async function loadWholeArticle({ state, id, articlePath, article, header }: ArticleOpening, articleFile: KnownFileState, encoding: string | undefined, signal?: AbortSignal): Promise<ArticleDocument> {
  const { document, annotationFile } = state.mode === 'brat' ? { document: await loadBratDocument(state, id, articlePath, article, header), annotationFile: undefined } : await loadNativeDocument(state, id, articlePath, article, header, encoding, signal);
  state.loaded.set(id, article);
  // The files as just read are the baseline: the watcher need not read and hash them again.
  await state.watcher?.watchArticle({ id, articlePath, annotationPath: state.annotationPathOf(articlePath), articleSha256: article.sha256, articleFile, annotationFile });
  return document;
}

function documentHeader(id: string, articlePath: string, article: DecodedArticle) {
  return {
    id,
    name: path.basename(articlePath),
    text: article.text,
    encoding: article.encoding,
    encodingGuessed: article.guessed,
    sha256: article.sha256,
    ...(article.invalidBytes > 0 ? { invalidBytes: article.invalidBytes, replacements: article.replacements } : {}),
    ...(article.chosen ? { encodingChosen: true } : {}),
    ...(article.recordIgnored ? { encodingRecordIgnored: article.recordIgnored } : {}),
  };
}

/** A brat article: its NAME.ann re-anchored first when the text changed since the window loaded it. */
async function loadBratDocument(state: SessionState, id: string, articlePath: string, article: DecodedArticle, header: DocumentHeader): Promise<ArticleDocument> {
  const previous = state.loaded.get(id);
  const reanchored = previous && previous.sha256 !== article.sha256 ? await state.ownWrite(bratAnnotationPathFor(articlePath), () => reanchorBratAnnotations(articlePath, previous.text, article)) : null;
  state.brat.forget(articlePath);
  state.bratAliases.delete(id);
  const loaded = await loadBratAnnotations(articlePath, article);
  // A NAME.ann the user may not write opens read-only, saying why, with its annotations shown.
  const readOnly = loaded.problem === null ? await writeAccessRefusal(bratAnnotationPathFor(articlePath)) : null;
  if (readOnly !== null) loaded.problem = { kind: 'permission', message: readOnly.message, userProblems: [readOnly.userProblem] };
  if (loaded.problem === null || readOnly !== null) state.bases.set(id, { document: { status: 'new', annotations: loaded.annotations, relations: loaded.relations, labels: [] }, sha256: loaded.fileSha256 ?? null });
  else state.bases.delete(id);
  return {
    ...header,
    status: loaded.annotations.length > 0 ? 'in-progress' : 'new',
    annotations: loaded.annotations,
    relations: loaded.relations,
    labels: [],
    problem: loaded.problem,
    migratedFrom: null,
    orphans: [],
    reanchored: reanchored ? countReanchorChanges(reanchored.changes) : null,
  };
}

/**
 * A native article: one read of its annotation file (limits, re-anchoring when the article
 * changed on disk, written at once so the offsets on disk follow the text, then the offsets
 * checked). `annotationFile`: what was read of it when nothing was written, the watcher's baseline.
 */
async function loadNativeDocument(
  state: SessionState,
  id: string,
  articlePath: string,
  article: DecodedArticle,
  header: DocumentHeader,
  encoding: string | undefined,
  signal?: AbortSignal,
): Promise<{ document: ArticleDocument; annotationFile: KnownFileState | undefined }> {
  const annotationPath = annotationPathFor(articlePath);
  let annotationFile: KnownFileState | undefined;
  // The file's state is worked out once (the watcher asks for it inside ownWrite, the base below).
  let fileState: KnownFileState | null | undefined;
  const fileStateOf = (result: Parameters<typeof loadedFileState>[0]) => (fileState === undefined ? (fileState = loadedFileState(result)) : fileState);
  // Under the file's lock: re-anchoring reads, moves and rewrites the file, and must not interleave with another Hashiye's save.
  const { opened, unchanged } = await state.ownWrite(annotationPath, () => withFileLock(annotationPath, () => openArticleAnnotationsAndFile(articlePath, article, INPUT_LIMITS, state.requireRoot(), signal)), (result) => {
    annotationFile = fileStateOf(result) ?? undefined;
    return annotationFile ?? null;
  });
  state.bases.delete(id);
  if (opened.kind === 'refused') {
    // Too large or too deeply nested to parse safely: opened read-only, the file untouched.
    return { document: { ...header, status: 'new', annotations: [], relations: [], labels: [], problem: { kind: 'io', message: opened.message }, migratedFrom: null, orphans: [], reanchored: null }, annotationFile };
  }
  const { loaded } = opened;
  const document = openedDocument(header, opened);
  // The base of this window's next save: the file as read here (or as re-anchoring wrote it),
  // its SHA-256 the one the watcher was given (39 MB for 100,000 annotations are hashed once).
  const loadedFile = fileStateOf({ opened, unchanged });
  const fileSha256 = loadedFile?.exists ? loadedFile.sha256 : null;
  if (loaded.problem === null) state.bases.set(id, { document: savedDocumentOf(loaded), sha256: fileSha256 });
  // (#17) Each of these steps walks 100,000 annotations for a big file: main answers other calls in between.
  await nextTurn();
  // A choice of encoding is recorded at once, so it lasts even if nothing is tagged.
  if (encoding !== undefined && document.problem === null && (await recordEncoding(state, id, articlePath, article, savedDocumentOf(loaded)))) annotationFile = undefined;
  return { document: inReadingOrder(document), annotationFile };
}

/**
 * The document of an annotation file that was parsed; a file the user may not write opens
 * read-only, saying why (as opening found it: write access is asked once), with its annotations shown.
 */
function openedDocument(header: DocumentHeader, { loaded, reanchored, readOnly: refusal }: Extract<OpenedAnnotations, { kind: 'loaded' }>): ArticleDocument {
  const readOnly = loaded.problem === null ? refusal : null;
  return {
    ...header,
    ...loaded,
    problem: loaded.problem ?? (readOnly === null ? null : { kind: 'permission', message: readOnly.message, userProblems: [readOnly.userProblem] }),
    // The quote context is for re-anchoring on disk; main recomputes it on every save.
    annotations: loaded.annotations.map(withoutQuote),
    orphans: loaded.orphans ?? [],
    reanchored: reanchored ? countReanchorChanges(reanchored.report.changes) : null,
  };
}

/** (#17) The list is sent in reading order, the window's, and named by a revision (by the caller): the window's first save can then send only its changes. */
function inReadingOrder(document: ArticleDocument): ArticleDocument {
  if (document.problem !== null) return document;
  return { ...document, annotations: loadedInReadingOrder(document.annotations).annotations };
}

/**
 * Writes the encoding the article was just opened in into its annotation file's `source` (the
 * file is created if there is none), merged as every save is. A failure is not the open's: the
 * choice still holds for this session, and the next save records it.
 */
async function recordEncoding(state: SessionState, id: string, articlePath: string, article: DecodedArticle, document: SavedDocument): Promise<boolean> {
  const saved = await state.ownWrite(
    annotationPathFor(articlePath),
    () => saveMerged(articlePath, article, { mine: document, base: state.bases.forMerge(id), root: state.requireRoot(), recordEncoding: true }),
    (outcome) => ('state' in outcome ? outcome.state : null),
  );
  if (saved.kind === 'written' || saved.kind === 'unchanged') state.bases.set(id, saved.base);
  return saved.kind === 'written';
}

function knownFileState(file: UnchangedAnnotationFile): KnownFileState {
  return file.kind === 'absent' ? { exists: false } : { exists: true, size: file.size, mtimeMs: file.mtimeMs, sha256: file.sha256 };
}

/** The annotation file as opening an article left it: as read, or the bytes re-anchoring wrote (mtime unknown). */
function loadedFileState({ opened, unchanged }: { opened: { kind: string; reanchored?: { written: string | null } | null }; unchanged: UnchangedAnnotationFile | null }): KnownFileState | null {
  if (unchanged !== null) return knownFileState(unchanged);
  const written = opened.reanchored?.written;
  if (written == null) return null;
  const bytes = Buffer.from(written, 'utf8');
  return { exists: true, size: bytes.length, mtimeMs: -1, sha256: sha256Of(bytes) };
}
