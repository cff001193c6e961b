import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import { ANNOTATION_PAGE_SIZE, FIRST_ANNOTATION_PAGE_SIZE, pagedAfterFirst, withFirstAnnotationPage } from '../../article/annotationPages';
import { previewAnnotationFile } from '../../article/annotationFilePreview';
import type { DecodedArticle } from '../../article/articleDecoder';
import type { LoadedAnnotations } from '../../storage/annotationStore';
import { INPUT_LIMITS } from '../inputLimits';
import type { SessionState } from './sessionState';

/**
 * (#17) article.load answered from the first page of a big annotation file, before the whole
 * file is parsed (39 MB for 100,000 annotations: over a second of main's time). The window
 * shows that page, not editable, and asks for the rest page by page (article.annotationPage);
 * the pages wait for the whole file, read (once the first of them is asked for), parsed, checked and sorted exactly as a load always
 * does it (the merge base, the watcher's baseline and the article as loaded are set by it, as
 * always). What was sent is then compared with the first page the whole file gives: equal, the
 * pages follow from the whole list; not equal (the file is not usable after all: duplicate ids,
 * relations to missing ids, too big..., or not in reading order, or changed meanwhile), the
 * revision sent is forgotten, the window is told so by its first page request and loads the
 * article again whole (without this), which shows it as it always did: read-only with its problem.
 * Nothing is editable or saved before the whole list is adopted (the window's annotationsIncomplete).
 */
export async function sentFromFirstPage(
  { state, id, articlePath, article }: { state: SessionState; id: string; articlePath: string; article: DecodedArticle },
  /** The document a load makes of usable annotations (the quotes taken out, the problem null). */
  documentOf: (loaded: LoadedAnnotations) => ArticleDocument,
  /** The article loaded whole, the usual way; `signal`: its parse stops (rejecting) once aborted. */
  loadWhole: (signal: AbortSignal) => Promise<ArticleDocument>,
): Promise<ArticleDocument | null> {
  // Only a list a whole load would page too: one of up to a page is sent whole, as always.
  const preview = await previewAnnotationFile(articlePath, article, FIRST_ANNOTATION_PAGE_SIZE, INPUT_LIMITS, state.requireRoot(), ANNOTATION_PAGE_SIZE);
  if (preview === null) return null;
  const sent: ArticleDocument = { ...documentOf(preview.loaded), ...pagedAfterFirst(preview.total) };
  // The whole file is read when the window asks for the next page, that is once it has shown the
  // first (main's slices would otherwise slow the window's first paint, both sharing the cores),
  // or after a while in any case (the merge base and the watcher's baseline are set by it).
  let begin: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (begin = resolve));
  setTimeout(begin, WHOLE_FILE_AT_THE_LATEST_MS).unref();
  let revision = '';
  // Stopped when the window opens another article (CorpusSession.loadArticle): the list would
  // serve pages of an article no longer shown, and its parse would hold main's answer to the next.
  const reading = new AbortController();
  state.wholeReads.get(id)?.abort();
  state.wholeReads.set(id, reading);
  const whole = asked.then(async () => {
    // Loaded again since (a reload set the base and the baseline from its own reading): not read a second time.
    if (!state.savedLists.isPending(id, revision) || reading.signal.aborted) return null;
    const document = await wholeUnlessStopped(loadWhole, reading);
    if (state.wholeReads.get(id) === reading) state.wholeReads.delete(id);
    if (document === null) return null;
    // Comparing is a walk of the first page's annotations: main answers other calls first.
    await nextTurn();
    return sameAsSent(sent, document) ? document.annotations : null;
  });
  // The relations sent are the file's: the whole document is taken only when its first page, relations included, is the one sent.
  revision = state.savedLists.rememberPending(id, whole, begin, sent.relations);
  return { ...sent, revision };
}

/**
 * The article loaded whole, or null when its reading was stopped (the pages are then refused as a
 * file changed on disk: a window that shows the article again loads it whole).
 */
async function wholeUnlessStopped(loadWhole: (signal: AbortSignal) => Promise<ArticleDocument>, reading: AbortController): Promise<ArticleDocument | null> {
  try {
    return await loadWhole(reading.signal);
  } catch (error) {
    if (reading.signal.aborted) return null;
    throw error;
  }
}

/** How long the whole file waits for the window's first page request at most. */
const WHOLE_FILE_AT_THE_LATEST_MS = 2_000;

/** Whether the whole document's first page, as a load sends it, is what was sent from the file's first page. */
function sameAsSent(sent: ArticleDocument, document: ArticleDocument): boolean {
  if (document.problem !== null || document.annotationsTotal !== undefined) return false;
  const firstPage = withFirstAnnotationPage({ ...document, revision: 'compared' });
  return firstPage.annotationsTotal === sent.annotationsTotal && comparable(firstPage) === comparable(sent);
}

/** The document as JSON, its revision and text left out (the text is the same header's in both). */
function comparable({ revision: _revision, text: _text, ...document }: ArticleDocument): string {
  return JSON.stringify(document);
}
