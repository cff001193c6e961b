import type { Corpus } from '../../../shared/ipc';
import { addAnnotation, addAnnotations, createAnnotationId, removeAnnotation, retagAnnotation, updateAnnotationDetails } from '../../../shared/model/annotationOperations';
import { toDocumentAnnotations } from '../../../shared/model/documentAnnotation';
import { createOffsetConverter } from '../../../shared/text/offsets';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { api } from '../api';
import { flushSave, resetAutosave } from './autosave';
import { loadDocument, redoDocument, undoDocument, useDocumentStore } from './documentStore';
import { useSessionStore } from './sessionStore';

/** User intents, shared by the keyboard, the menus and the mouse. */

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Electron prefixes errors thrown in main; the user needs only the reason.
  return message.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}

export function showCorpus(corpus: Corpus | null): void {
  useSessionStore.getState().set({ corpus, article: null, selectedAnnotationId: null, textSelection: null, loadError: null });
  loadDocument({ articleId: null, annotations: [], relations: [], labels: [], status: 'new' });
}

export async function openArticle(id: string, options: { reload?: boolean } = {}): Promise<void> {
  const session = useSessionStore.getState();
  if (session.article?.id === id && !options.reload) return;
  await flushSave();
  session.set({ loadingArticleId: id, loadError: null });
  try {
    const document = await api().article.load({ id });
    if (useSessionStore.getState().loadingArticleId !== id) return;
    const converter = createOffsetConverter(document.text);
    resetAutosave();
    useSessionStore.getState().set({
      article: {
        id: document.id,
        name: document.name,
        text: document.text,
        sha256: document.sha256,
        encoding: document.encoding,
        encodingGuessed: document.encodingGuessed,
        paragraphs: splitParagraphs(document.text),
        converter,
        problem: document.problem,
        orphans: document.orphans,
        reanchored: document.reanchored,
      },
      loadingArticleId: null,
      selectedAnnotationId: null,
      hoveredAnnotationId: null,
      textSelection: null,
      saveState: document.problem ? 'readonly' : 'saved',
      saveMessage: document.problem?.message ?? null,
    });
    loadDocument({
      articleId: document.id,
      annotations: toDocumentAnnotations(document.annotations, converter),
      relations: document.relations,
      labels: document.labels,
      status: document.status,
    });
    void api().session.remember({ articleId: document.id });
  } catch (error) {
    useSessionStore.getState().set({ loadingArticleId: null, loadError: errorMessage(error) });
  }
}

export async function openFolderDialog(): Promise<void> {
  await flushSave();
  try {
    const corpus = await api().corpus.openDialog({});
    if (corpus) showCorpus(corpus);
  } catch (error) {
    useSessionStore.getState().set({ loadError: errorMessage(error) });
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

export function deleteSelectedAnnotation(): void {
  const session = useSessionStore.getState();
  const id = session.selectedAnnotationId;
  if (!id || !canEdit()) return;
  const document = useDocumentStore.getState();
  document.replace({ annotations: removeAnnotation(document.annotations, id) });
  session.set({ selectedAnnotationId: null });
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
    useSessionStore.getState().set({ notice: movedTo });
    await openArticle(article.id, { reload: true });
    const refreshed = await api().corpus.refresh({});
    if (refreshed) useSessionStore.getState().set({ corpus: refreshed });
  } catch (error) {
    useSessionStore.getState().set({ loadError: errorMessage(error) });
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
