import type { ArticleEncodingChoice } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import { nextUnfinished } from '../../../../shared/model/articleListing';
import { whenStatusesKnown } from './pendingStatuses';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { loadedInReadingOrder } from '../../../../shared/model/readingOrder';
import { createOffsetConverter, type OffsetConverter } from '../../../../shared/anchoring/offsets';
import type { Paragraph } from '../../../../shared/text/paragraphs';
import { api } from '../../api';
import { appCatalog } from '../../i18n/catalog/app';
import { catalogText } from '../../i18n/catalog/defineCatalog';
import { problemOf } from '../../ipcError';
import { articleViewActions, useArticleViewStore, type OpenArticle } from '../articleViewStore';
import { useCorpusViewStore } from '../corpusViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { paragraphsOf } from '../paragraphSlices';
import { currentLanguage } from '../preferencesStore';
import { saveStatusActions } from '../saveStatusStore';
import { beginArticle, flushSave, holdOpenArticleEdits, resumeHeldEdits, settleSaving } from '../saving/autosave';
import { holdEdits, releaseHeldEdits, takeHeldEdits, type HeldEdits } from '../saving/heldEdits';
import { toDocumentAnnotationsInSteps } from '../saving/loadedAnnotations';
import { nextTask } from '../../dom/nextTask';
import { windowActions } from '../window/windowStore';
import { hasMoreAnnotationPages, loadArticleDocument, withRemainingAnnotationPages } from './articlePages';
import { setArticleStatus } from './editing';

/** Opening articles: reading one from main (with edits held from an earlier visit), and moving through the corpus. */

/** The notice after a load re-anchored annotations, in the UI language and its digits. */
export function describeReanchoring(counts: { moved: number; fuzzy: number; orphaned: number }, orphans: number): string {
  return catalogText(appCatalog, currentLanguage())('articleReanchored', { moved: counts.moved, fuzzy: counts.fuzzy, orphaned: counts.orphaned, orphans });
}

function toOpenArticle(document: ArticleDocument, paragraphs: Paragraph[], converter: OffsetConverter, problem: OpenArticle['problem'], incomplete: boolean): OpenArticle {
  return {
    ...(incomplete ? { annotationsIncomplete: true as const } : {}),
    id: document.id,
    name: document.name,
    text: document.text,
    sha256: document.sha256,
    encoding: document.encoding,
    encodingGuessed: document.encodingGuessed,
    ...(document.invalidBytes ? { invalidBytes: document.invalidBytes } : {}),
    ...(document.encodingChosen ? { encodingChosen: true } : {}),
    ...(document.encodingRecordIgnored ? { encodingRecordIgnored: document.encodingRecordIgnored } : {}),
    paragraphs,
    converter,
    problem,
    orphans: document.orphans,
    reanchored: document.reanchored,
  };
}

/**
 * Edits held from an earlier visit, given back to the article as read now: shown and saved on
 * when made on this very text and the file can be used, else held again, marked, never applied blindly.
 */
function giveBackHeldEdits(held: HeldEdits, document: ArticleDocument, article: OpenArticle, unwritable: ArticleDocument['problem']): void {
  const sameText = held.sha256 === document.sha256;
  const onDisk = { status: document.status, annotations: document.annotations, relations: document.relations, labels: document.labels, documentLabels: document.documentLabels ?? {}, zones: document.zones ?? [] };
  if (sameText && !article.problem) {
    const readOnly = unwritable?.userProblems?.[0];
    resumeHeldEdits(article, unwritable ? { ...held, state: 'unwritable', problem: readOnly ? { problem: readOnly, detail: unwritable.message } : held.problem } : held, onDisk);
    releaseHeldEdits(held.articleId);
  } else {
    // Made on another text (the article changed on disk), or the file cannot be used now.
    holdEdits({ ...held, state: 'error', retrying: false, problem: { problem: { code: sameText ? 'editsNotApplicable' : 'editsOnOtherText' }, detail: null } });
  }
}

/** Edits taken back from heldEdits.ts and not yet shown or held again: openArticle gives them back if anything fails. */
interface TakenEdits {
  held: HeldEdits | null;
}

/** The article as read and prepared for showing (offsets converted, paragraphs split). */
interface PreparedArticle {
  paragraphs: Paragraph[];
  converter: OffsetConverter;
  annotations: DocumentAnnotation[];
}

/**
 * Shows the article just read (the edits of the article left held and saved on), not yet
 * editable when `incomplete` (its first page of annotations only, #17): adoptAnnotations follows.
 */
async function showLoadedArticle(document: ArticleDocument, prepared: PreparedArticle, taken: TakenEdits, incomplete: boolean): Promise<ShownArticle> {
  const id = document.id;
  // What the article being left still holds unsaved (edits made during the load included) is kept and saved in the background.
  await settleSaving();
  holdOpenArticleEdits();
  if (!taken.held && useArticleViewStore.getState().article?.id === id) taken.held = await takeHeldEdits(id);
  // A file that cannot be written opens read-only; but edits already made to it (before it
  // became read-only: a remount, a share dropping to read-only) are shown and kept trying.
  const unwritable = taken.held !== null && taken.held.sha256 === document.sha256 && document.problem?.kind === 'permission' ? document.problem : null;
  const problem = unwritable ? null : document.problem;
  const article = toOpenArticle(document, prepared.paragraphs, prepared.converter, problem, incomplete);
  if (incomplete) {
    // (#17) Still loading in autosave's eyes (no save is sent for it) and not editable (canEditArticle).
    articleViewActions.showArticleWhileLoading(article);
    documentActions.load({ articleId: id, ...loadedSnapshot(document, prepared.annotations).loaded });
  } else articleViewActions.showArticle(article);
  saveStatusActions.startFresh(problem !== null);
  if (document.reanchored) windowActions.showNotice(describeReanchoring(document.reanchored, document.orphans.length));
  void api().session.remember({ articleId: id });
  return { article, unwritable };
}

/** The article as showLoadedArticle showed it, and the write refusal its held edits keep trying against. */
interface ShownArticle {
  article: OpenArticle;
  unwritable: ArticleDocument['problem'];
}

/** The document as loaded, its annotations in reading order (and whether that is the order main sent). */
function loadedSnapshot(document: ArticleDocument, annotations: DocumentAnnotation[]) {
  const ordered = loadedInReadingOrder(annotations);
  return { ordered, loaded: { status: document.status, annotations: ordered.annotations, relations: document.relations, labels: document.labels, documentLabels: document.documentLabels ?? {}, zones: document.zones ?? [] } };
}

/** The article's whole annotation list becomes the document edited and saved from here, and held edits are given back. */
function adoptAnnotations(document: ArticleDocument, annotations: DocumentAnnotation[], taken: TakenEdits, { article, unwritable }: ShownArticle): void {
  const id = document.id;
  // Kept in reading order from here on: edits insert in place instead of sorting again.
  const { ordered, loaded } = loadedSnapshot(document, annotations);
  // Main's revision names the list in the order it sent it: the first save sends changes only when that is this order.
  beginArticle(id, loaded, ordered.asLoaded ? (document.revision ?? null) : null);
  documentActions.load({ articleId: id, ...loaded });
  if (taken.held) {
    giveBackHeldEdits(taken.held, document, article, unwritable);
    // Shown or held again: nothing left for openArticle to give back.
    taken.held = null;
  }
}

/** Characters above which the text's offset scan waits for a task of its own (about 10 ms of it on a quiet machine). */
const LONG_TEXT_CHARACTERS = 500_000;

/** Counts openArticle's calls: a load goes on only while it is the newest (a reload of the same article included). */
let latestOpen = 0;
/** The article an openArticle call is loading (not a reload), and which call: opening it again meanwhile waits for nothing and reads nothing. */
let opening: { id: string; call: number } | null = null;
/**
 * (#17) The newest openArticle call of each article still loading: the completion of its
 * annotations goes on while no newer call loads it again. An entry goes when its call has
 * shown the article (or failed); kept, it was one entry for every article opened in the
 * window's life, 10,000 in a long session over the bench's corpus (#25 heap).
 */
const newestCallOf = new Map<string, number>();
/** (#17) The newest openArticle call's load and show, settled (never rejected) once it is shown or has failed. */
let latestLoading: Promise<void> = Promise.resolve();

/** `encoding`: reopen in that encoding (kept by main for the session; `auto` detects again). */
export async function openArticle(id: string, options: { reload?: boolean; encoding?: ArticleEncodingChoice } = {}): Promise<void> {
  const openBefore = useArticleViewStore.getState().article;
  if ((openBefore?.id === id || opening?.id === id) && !options.reload) return;
  const call = ++latestOpen;
  opening = { id, call };
  newestCallOf.set(id, call);
  const loading = loadAndShow(id, options, openBefore, call);
  latestLoading = loading.catch(() => undefined);
  try {
    await loading;
  } finally {
    if (opening?.call === call) opening = null;
    if (newestCallOf.get(id) === call) newestCallOf.delete(id);
  }
}

/** (#25 heap) Articles with an openArticle call still loading them: none once every open has settled. */
export function articlesBeingOpened(): number {
  return newestCallOf.size;
}

async function loadAndShow(id: string, options: { encoding?: ArticleEncodingChoice }, openBefore: OpenArticle | null, call: number): Promise<void> {
  const stillWanted = () => call === latestOpen && useArticleViewStore.getState().loadingArticleId === id;
  // Saved now if the disk takes it; if not, the edits are held below and saving goes on.
  await flushSave();
  articleViewActions.startLoading(id);
  // (#17) A reload: a save of this article that started after the flush (the watcher's sync) lands before the file is read.
  if (openBefore?.id === id) await settleSaving();
  // Edits held from an earlier visit are taken back before the file is read, so that no
  // background save of them can land between the reading and the showing.
  const taken: TakenEdits = { held: await takeHeldEdits(id) };
  try {
    // (#17) Another article: shown from the first page of its annotations (those at its start),
    // the rest fetched after. A reload (edits may be made meanwhile) waits for them all.
    const progressive = openBefore?.id !== id;
    const document = progressive ? await api().article.load(options.encoding ? { id, encoding: options.encoding } : { id, firstPageEarly: true }) : await loadArticleDocument(id, options.encoding, stillWanted);
    if (document === null || !stillWanted()) return giveBack(taken);
    // (#17) A long article: its text is scanned in a task of its own, not in the one that decoded the answer.
    if (document.text.length > LONG_TEXT_CHARACTERS) await nextTask();
    if (!stillWanted()) return giveBack(taken);
    const converter = createOffsetConverter(document.text);
    // (#17) In steps, the window free between them; before the check below, which a load started meanwhile fails.
    const annotations = await toDocumentAnnotationsInSteps(document.annotations, converter);
    // (#17) The article's paragraphs and the pieces it is drawn in, in a task of their own: with
    // the paragraph index and the first render after them, a 2 MB article made one task of 150 ms.
    const paragraphs = paragraphsOf(document.text);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (!stillWanted()) return giveBack(taken);
    const incomplete = progressive && hasMoreAnnotationPages(document);
    const shown = await showLoadedArticle(document, { paragraphs, converter, annotations }, taken, incomplete);
    if (incomplete) await completeAnnotations(document, shown, taken, completionWanted(id, call), () => call === latestOpen);
    else adoptAnnotations(document, annotations, taken, shown);
  } catch (error) {
    giveBack(taken);
    // A load the user moved away from fails silently: another article's load, or its failure, is what is shown.
    if (call === latestOpen) articleViewActions.failLoading(problemOf(error));
  }
}

/**
 * (#17) Whether the rest of an article's annotations is still wanted: while it is the article
 * shown (not yet whole) and no newer call loads it again. Another article clicked meanwhile does
 * not stop it until that article is shown: if its load fails, this one is whole and editable.
 */
function completionWanted(id: string, call: number): () => boolean {
  return () => {
    const shown = useArticleViewStore.getState().article;
    return newestCallOf.get(id) === call && shown?.id === id && shown.annotationsIncomplete === true;
  };
}

/** Edits taken back for a load that stopped: held again, as they were. */
function giveBack(taken: TakenEdits): void {
  if (taken.held) holdEdits(taken.held);
  taken.held = null;
}

/**
 * (#17) The annotations after the first page, fetched while the article is shown, then adopted
 * (the article editable from then on). A list replaced meanwhile (the file changed on disk) is
 * loaded again whole, as a reload is.
 */
async function completeAnnotations(first: ArticleDocument, shown: ShownArticle, taken: TakenEdits, stillWanted: () => boolean, newestLoad: () => boolean): Promise<void> {
  let document: ArticleDocument | null;
  try {
    document = await withRemainingAnnotationPages(first, stillWanted);
  } catch (error) {
    if (!stillWanted() || (newestLoad() && problemOf(error).code !== 'articleChangedOnDisk')) throw error;
    giveBack(taken);
    // Loaded again whole (main says why it is read-only, if it is). Another article being loaded
    // goes on first; if it fails, this one is still shown, not whole: loaded again whole then.
    if (!newestLoad()) await newerLoadsSettled();
    return stillWanted() ? openArticle(first.id, { reload: true }) : undefined;
  }
  if (document === null) return giveBack(taken);
  const annotations = await toDocumentAnnotationsInSteps(document.annotations, shown.article.converter);
  if (!stillWanted()) return giveBack(taken);
  const { annotationsIncomplete: _incomplete, ...article } = shown.article;
  articleViewActions.finishLoading(article);
  adoptAnnotations(document, annotations, taken, { ...shown, article });
}

/** Once the newest openArticle call (and any made while it ran) has shown its article or failed. */
async function newerLoadsSettled(): Promise<void> {
  let settled: Promise<void> | null = null;
  while (settled !== latestLoading) {
    settled = latestLoading;
    await settled;
  }
}

export async function openNeighbourArticle(step: 1 | -1): Promise<void> {
  const { corpus } = useCorpusViewStore.getState();
  const { article } = useArticleViewStore.getState();
  if (!corpus || corpus.articles.length === 0) return;
  const index = article ? corpus.articles.findIndex((entry) => entry.id === article.id) : -1;
  const next = corpus.articles[Math.min(corpus.articles.length - 1, Math.max(0, index + step))];
  if (next) await openArticle(next.id);
}

export async function openNextUnfinished(): Promise<void> {
  // Statuses listed as pending (#25) are not known to be unfinished or not: wait for them.
  await whenStatusesKnown();
  const { corpus } = useCorpusViewStore.getState();
  const { article } = useArticleViewStore.getState();
  if (!corpus) return;
  const articles = corpus.articles.map((entry) => (entry.id === article?.id ? { ...entry, status: useDocumentStore.getState().status } : entry));
  const next = nextUnfinished(articles, article?.id ?? null);
  if (next) await openArticle(next.id);
  else windowActions.showNotice(catalogText(appCatalog, currentLanguage())('everyArticleDone'));
}

/** Ctrl+Enter: the article is done; open the next one that is not. */
export async function markDoneAndOpenNext(): Promise<void> {
  // (#17) Not while its annotations are still coming: it could not be marked done yet.
  if (useArticleViewStore.getState().article?.annotationsIncomplete) return;
  setArticleStatus('done');
  await flushSave();
  await openNextUnfinished();
}
