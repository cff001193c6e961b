import { problemOf } from '../ipcError';
import type { Corpus } from '../../../shared/corpusWire';
import type { ArticleEncodingChoice } from '../../../shared/ipc';
import { addAnnotation, addAnnotations, createAnnotationId, removeAnnotation, retagAnnotation, updateAnnotationDetails } from '../../../shared/model/annotationOperations';
import { nextUnfinished } from '../../../shared/model/articleListing';
import { loadedInReadingOrder } from '../../../shared/model/readingOrder';
import type { ArticleStatus } from '../../../shared/model/status';
import { createOffsetConverter } from '../../../shared/text/offsets';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { api } from '../api';
import { beginArticle, discardUnsavedEdits, flushSave, holdOpenArticleEdits, resumeHeldEdits, settleSaving, syncWithDisk } from './autosave';
import { confirmLeavingUnsaved } from './closeGuard';
import { loadDocument, redoDocument, undoDocument, useDocumentStore } from './documentStore';
import { holdEdits, releaseHeldEdits, takeHeldEdits } from './heldEdits';
import { toDocumentAnnotationsInSteps } from './loadedAnnotations';
import { piecesOf } from './paragraphSlices';
import { useSessionStore, type OpenArticle } from './sessionStore';

/** User intents, shared by the keyboard, the menus and the mouse. */


/** Shows a corpus from the start. Edits held for the previous corpus are gone by now: leaving it asked first (closeGuard.ts). */
export function showCorpus(corpus: Corpus | null): void {
  discardUnsavedEdits();
  useSessionStore.getState().set({ corpus, article: null, selectedAnnotationId: null, textSelection: null, loadError: null, saveState: 'saved', saveProblem: null });
  loadDocument({ articleId: null, annotations: [], relations: [], labels: [], status: 'new' });
}

/** `encoding`: reopen in that encoding (kept by main for the session; `auto` detects again). */
export async function openArticle(id: string, options: { reload?: boolean; encoding?: ArticleEncodingChoice } = {}): Promise<void> {
  const session = useSessionStore.getState();
  if (session.article?.id === id && !options.reload) return;
  // Saved now if the disk takes it; if not, the edits are held below and saving goes on.
  await flushSave();
  session.set({ loadingArticleId: id, loadError: null });
  // A reload: a save of this article that started after the flush (the watcher's sync) lands before the file is read.
  if (session.article?.id === id) await settleSaving();
  // Edits held from an earlier visit are taken back before the file is read, so that no
  // background save of them can land between the reading and the showing.
  let held = await takeHeldEdits(id);
  try {
    const document = await api().article.load(options.encoding ? { id, encoding: options.encoding } : { id });
    const converter = createOffsetConverter(document.text);
    // (#17) In steps, the window free between them; before the check below, which a load started meanwhile fails.
    const documentAnnotations = await toDocumentAnnotationsInSteps(document.annotations, converter);
    // (#17) The article's paragraphs and the pieces it is drawn in, in a task of their own: with
    // the paragraph index and the first render after them, a 2 MB article made one task of 150 ms.
    const paragraphs = splitParagraphs(document.text);
    piecesOf(paragraphs);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (useSessionStore.getState().loadingArticleId !== id) {
      if (held) holdEdits(held);
      return;
    }
    // What the article being left still holds unsaved (edits made during the load included) is kept and saved in the background.
    await settleSaving();
    holdOpenArticleEdits();
    if (!held && useSessionStore.getState().article?.id === id) held = await takeHeldEdits(id);
    const sameText = held !== null && held.sha256 === document.sha256;
    // A file that cannot be written opens read-only; but edits already made to it (before it
    // became read-only: a remount, a share dropping to read-only) are shown and kept trying.
    const unwritable = sameText && document.problem?.kind === 'permission' ? document.problem : null;
    const problem = unwritable ? null : document.problem;
    const article: OpenArticle = {
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
    useSessionStore.getState().set({
      article,
      loadingArticleId: null,
      selectedAnnotationId: null,
      hoveredAnnotationId: null,
      textSelection: null,
      saveState: problem ? 'readonly' : 'saved',
      saveProblem: null,
    });
    // Kept in reading order from here on: edits insert in place instead of sorting again.
    const ordered = loadedInReadingOrder(documentAnnotations);
    const loaded = {
      status: document.status,
      annotations: ordered.annotations,
      relations: document.relations,
      labels: document.labels,
    };
    // Main's revision names the list in the order it sent it: the first save sends changes only when that is this order.
    beginArticle(document.id, loaded, ordered.asLoaded ? (document.revision ?? null) : null);
    loadDocument({ articleId: document.id, ...loaded });
    if (held) {
      const onDisk = { status: document.status, annotations: document.annotations, relations: document.relations, labels: document.labels };
      if (sameText && !problem) {
        const readOnly = unwritable?.userProblems?.[0];
        resumeHeldEdits(article, unwritable ? { ...held, state: 'unwritable', problem: readOnly ? { problem: readOnly, detail: unwritable.message } : held.problem } : held, onDisk);
        releaseHeldEdits(held.articleId);
      } else {
        // Made on another text (the article changed on disk), or the file cannot be used now: kept, never applied blindly.
        holdEdits({ ...held, state: 'error', retrying: false, problem: { problem: { code: sameText ? 'editsNotApplicable' : 'editsOnOtherText' }, detail: null } });
      }
      // Shown or held again: nothing left for the catch below to give back.
      held = null;
    }
    if (document.reanchored) useSessionStore.getState().set({ notice: describeReanchoring(document.reanchored, document.orphans.length) });
    void api().session.remember({ articleId: document.id });
  } catch (error) {
    if (held) holdEdits(held);
    useSessionStore.getState().set({ loadingArticleId: null, loadError: problemOf(error) });
  }
}

export async function openFolderDialog(): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const corpus = await api().corpus.openDialog({});
    if (corpus) showCorpus(corpus);
  } catch (error) {
    useSessionStore.getState().set({ loadError: problemOf(error) });
  }
}

/** File › Open Folder or Open Recent, chosen in main's menu: edits are saved (or the user asked) before main opens the folder. */
export async function switchCorpusWhenSafe(token: string): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const corpus = await api().corpus.confirmSwitch({ token });
    if (corpus) showCorpus(corpus);
  } catch (error) {
    useSessionStore.getState().set({ loadError: problemOf(error) });
  }
}

function canEdit(): boolean {
  const { article } = useSessionStore.getState();
  return article !== null && article.problem === null;
}

function editContext() {
  const { article, annotator } = useSessionStore.getState();
  return { text: article?.text ?? '', author: annotator, now: new Date().toISOString(), newId: () => createAnnotationId() };
}

/** Tags the current text selection; returns the new annotation's id. */
export function tagTextSelection(type: string): string | null {
  const session = useSessionStore.getState();
  const range = session.textSelection;
  if (!range || range.end <= range.start || !canEdit()) return null;
  const document = useDocumentStore.getState();
  const { annotations, id } = addAnnotation(document.annotations, { start: range.start, end: range.end, type }, editContext());
  document.replace({ annotations, status: document.status === 'new' ? 'in-progress' : document.status });
  session.set({ selectedAnnotationId: id, textSelection: null });
  window.getSelection()?.removeAllRanges();
  return id;
}

export function retagSelectedAnnotation(type: string): void {
  const { selectedAnnotationId } = useSessionStore.getState();
  if (!selectedAnnotationId || !canEdit()) return;
  const document = useDocumentStore.getState();
  const context = editContext();
  document.replace({ annotations: retagAnnotation(document.annotations, selectedAnnotationId, type, context) });
}

/** DESIGN.md's selection rule: a non-empty text selection wins, else retag the selected annotation. */
export function applyTag(type: string): void {
  const session = useSessionStore.getState();
  if (session.textSelection && session.textSelection.end > session.textSelection.start) tagTextSelection(type);
  else retagSelectedAnnotation(type);
}

/**
 * Deletes the selected annotation. In a brat corpus, deleting an entity also deletes the
 * relations, events and notes that refer to it: those lines are shown first, to confirm.
 */
export async function deleteSelectedAnnotation(): Promise<void> {
  const session = useSessionStore.getState();
  const id = session.selectedAnnotationId;
  if (!id || !canEdit() || !session.article) return;
  if (session.corpus?.mode === 'brat') {
    await flushSave();
    const { lines } = await api().annotations.previewDelete({ id: session.article.id, annotationId: id });
    if (lines.length > 1) {
      useSessionStore.getState().set({ pendingDelete: { annotationId: id, lines } });
      return;
    }
  }
  confirmDelete(id);
}

export function confirmDelete(id: string): void {
  const document = useDocumentStore.getState();
  // Relations that point at the deleted annotation go with it (and come back with undo).
  const relations = document.relations.filter((relation) => relation.from !== id && relation.to !== id);
  document.replace({ annotations: removeAnnotation(document.annotations, id), relations });
  useSessionStore.getState().set({ selectedAnnotationId: null, pendingDelete: null });
}

function describeReanchoring(counts: { moved: number; fuzzy: number; orphaned: number }, orphans: number): string {
  const fa = useSessionStore.getState().language === 'fa';
  return fa
    ? `متن مقاله روی دیسک تغییر کرده بود: ${counts.moved} حاشیه‌نویسی جابه‌جا شد، ${counts.fuzzy} با تطبیق تقریبی، ${counts.orphaned} یتیم شد (${orphans} یتیم در پرونده نگه داشته شده است).`
    : `The article changed on disk: ${counts.moved} annotations moved, ${counts.fuzzy} matched approximately, ${counts.orphaned} became orphans (${orphans} orphans kept in the file).`;
}

/** Another program changed the open article's text: save what we have, then reload (re-anchored in main). */
export async function onArticleChangedOnDisk(id: string): Promise<void> {
  if (useSessionStore.getState().article?.id !== id) return;
  await flushSave();
  await openArticle(id, { reload: true });
}

/**
 * Another writer changed the open article's annotation file: a save merges its changes with
 * this window's (asking about conflicts), never a reload over unsaved edits. A broken file is
 * read again instead: it may have been mended.
 */
export async function onAnnotationsChangedOnDisk(id: string): Promise<void> {
  const article = useSessionStore.getState().article;
  if (article?.id !== id) return;
  if (article.problem) await openArticle(id, { reload: true });
  else await syncWithDisk(id);
}

export function selectAnnotation(id: string | null): void {
  useSessionStore.getState().set({ selectedAnnotationId: id, textSelection: null });
}

export function undo(): void {
  if (canEdit()) undoDocument();
}

export function redo(): void {
  if (canEdit()) redoDocument();
}

export async function openNeighbourArticle(step: 1 | -1): Promise<void> {
  const { corpus, article } = useSessionStore.getState();
  if (!corpus || corpus.articles.length === 0) return;
  const index = article ? corpus.articles.findIndex((entry) => entry.id === article.id) : -1;
  const next = corpus.articles[Math.min(corpus.articles.length - 1, Math.max(0, index + step))];
  if (next) await openArticle(next.id);
}

/** Renames a broken annotation file aside (it is kept, never deleted) and reopens the article afresh. */
export async function moveBrokenFileAside(): Promise<void> {
  const { article } = useSessionStore.getState();
  if (!article?.problem) return;
  try {
    const { movedTo } = await api().annotations.moveAside({ id: article.id });
    const fa = useSessionStore.getState().language === 'fa';
    useSessionStore.getState().set({ notice: fa ? `پروندهٔ خراب نگه داشته شد با نام ${movedTo}` : `The broken file was kept as ${movedTo}` });
    await openArticle(article.id, { reload: true });
    const refreshed = await api().corpus.refresh({});
    if (refreshed) useSessionStore.getState().set({ corpus: refreshed });
  } catch (error) {
    useSessionStore.getState().set({ loadError: problemOf(error) });
  }
}

/** "Tag all hits": one step on the document, so one undo removes them all. */
export function tagAllHits(hits: readonly { start: number; end: number }[], type: string): number {
  if (!canEdit() || hits.length === 0) return 0;
  const document = useDocumentStore.getState();
  const { annotations, ids } = addAnnotations(document.annotations, hits.map((hit) => ({ ...hit, type })), editContext());
  if (ids.length > 0) document.replace({ annotations, status: document.status === 'new' ? 'in-progress' : document.status });
  return ids.length;
}

export function updateSelectedDetails(change: { note?: string; attributes?: Record<string, string | number | boolean | null> }): void {
  const { selectedAnnotationId } = useSessionStore.getState();
  if (!selectedAnnotationId || !canEdit()) return;
  const document = useDocumentStore.getState();
  document.replace({ annotations: updateAnnotationDetails(document.annotations, selectedAnnotationId, change, editContext()) });
}

export function retagAnnotationById(id: string, type: string): void {
  if (!canEdit()) return;
  const document = useDocumentStore.getState();
  document.replace({ annotations: retagAnnotation(document.annotations, id, type, editContext()) });
}

export function setArticleStatus(status: ArticleStatus): void {
  if (!canEdit()) return;
  const document = useDocumentStore.getState();
  if (document.status !== status) document.replace({ annotations: document.annotations, status });
}

/** Ctrl+Enter: the article is done; open the next one that is not. */
export async function markDoneAndOpenNext(): Promise<void> {
  setArticleStatus('done');
  await flushSave();
  await openNextUnfinished();
}

export async function openNextUnfinished(): Promise<void> {
  const { corpus, article } = useSessionStore.getState();
  if (!corpus) return;
  const articles = corpus.articles.map((entry) => (entry.id === article?.id ? { ...entry, status: useDocumentStore.getState().status } : entry));
  const next = nextUnfinished(articles, article?.id ?? null);
  if (next) await openArticle(next.id);
  else {
    const fa = useSessionStore.getState().language === 'fa';
    useSessionStore.getState().set({ notice: fa ? 'همهٔ مقاله‌های این پیکره انجام شده‌اند.' : 'Every article of this corpus is done.' });
  }
}

/** A folder or article dropped onto the window: main resolves and opens it. */
export async function openDroppedFile(file: File): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const { corpus, articleId } = await window.dropTarget.open(file);
    showCorpus(corpus);
    const first = articleId ?? corpus.articles[0]?.id;
    if (first) await openArticle(first);
  } catch (error) {
    useSessionStore.getState().set({ loadError: problemOf(error) });
  }
}

/** Changes a display preference now and remembers it in the user's settings. */
export function setPreferences(change: { language?: 'fa' | 'en'; theme?: 'light' | 'dark' | 'system'; fontSize?: number }): void {
  const session = useSessionStore.getState();
  session.set(change);
  void api().settings.setPreferences({
    ...(change.language ? { uiLanguage: change.language } : {}),
    ...(change.theme ? { theme: change.theme } : {}),
    ...(change.fontSize ? { fontSize: change.fontSize } : {}),
  });
}
