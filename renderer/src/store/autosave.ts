import { annotationListChanges } from '../../../shared/model/annotationChanges';
import { toStoredAnnotations, type DocumentAnnotation } from '../../../shared/model/documentAnnotation';
import type { SaveResult } from '../../../shared/ipc';
import { api } from '../api';
import { useDocumentStore } from './documentStore';
import { useSessionStore } from './sessionStore';

/** Saves shortly after the last edit; failed saves keep the edits in memory and retry. */
// Short enough that a crash or power cut loses almost nothing; long enough to batch a burst of keys.
const SAVE_DELAY_MS = 60;
/**
 * Above this many annotations, serializing the document takes long enough to be felt: saves
 * then wait for a pause in the typing (still well under a second) instead of following each key.
 */
const LARGE_DOCUMENT_ANNOTATIONS = 2_000;
const LARGE_DOCUMENT_SAVE_DELAY_MS = 700;

function editSaveDelay(): number {
  return useDocumentStore.getState().annotations.length > LARGE_DOCUMENT_ANNOTATIONS ? LARGE_DOCUMENT_SAVE_DELAY_MS : SAVE_DELAY_MS;
}
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

let timer: ReturnType<typeof setTimeout> | null = null;
let revision = 0;
let savedRevision = 0;
let running: Promise<void> | null = null;
let failures = 0;

let idleHandle: number | null = null;

/** The list of the last save main accepted, under the revision main named it: later saves send only changes against it. */
let savedBase: { articleId: string; revision: string; annotations: readonly DocumentAnnotation[] } | null = null;

/** Changes up to this many annotations (or a quarter of the list, if more) are sent as changes; beyond that the whole list. */
const CHANGES_AT_MOST = 200;

/**
 * Saves after `delay`, in the browser's next idle period (at most a second later), so that
 * serializing a large document never lands in the frame that answers a key press.
 */
function schedule(delay: number): void {
  if (timer !== null) clearTimeout(timer);
  if (idleHandle !== null) cancelIdleCallback(idleHandle);
  idleHandle = null;
  timer = setTimeout(() => {
    timer = null;
    idleHandle = requestIdleCallback(
      () => {
        idleHandle = null;
        void saveNow();
      },
      { timeout: 1000 },
    );
  }, delay);
}

async function saveOnce(): Promise<void> {
  const session = useSessionStore.getState();
  const document = useDocumentStore.getState();
  const article = session.article;
  if (!article || document.articleId !== article.id) return;
  if (article.problem) {
    session.set({ saveState: 'readonly' });
    return;
  }
  const target = revision;
  session.set({ saveState: 'saving' });
  const annotations = document.annotations;
  const base = savedBase?.articleId === article.id ? savedBase : null;
  const saveWhole = () =>
    api().annotations.save({
      id: article.id,
      sha256: article.sha256,
      status: document.status,
      annotations: toStoredAnnotations(annotations, article.converter),
      relations: document.relations,
      labels: document.labels,
    });
  try {
    const changes = base ? annotationListChanges(base.annotations, annotations) : null;
    let result: SaveResult;
    if (base && changes && changes.insert.length + changes.remove.length <= Math.max(CHANGES_AT_MOST, annotations.length / 4)) {
      const stored = toStoredAnnotations(
        changes.insert.map((placed) => placed.annotation),
        article.converter,
      );
      result = await api().annotations.saveChanges({
        id: article.id,
        sha256: article.sha256,
        base: base.revision,
        status: document.status,
        remove: changes.remove,
        insert: changes.insert.map((placed, index) => ({ index: placed.index, annotation: stored[index] })),
        count: changes.count,
        relations: document.relations,
        labels: document.labels,
      });
      // Main no longer keeps that list (it was restarted, or saved other articles since): send it whole.
      if (!result.ok && result.baseUnknown) result = await saveWhole();
    } else {
      result = await saveWhole();
    }
    if (result.ok) savedBase = result.revision ? { articleId: article.id, revision: result.revision, annotations } : null;
    if (!result.ok) {
      if (result.retryable) throw new Error(result.message);
      // Refused on purpose (a broken file on disk, a changed article): retrying cannot help.
      // The edits stay in memory and the status bar says why.
      useSessionStore.getState().set({ saveState: 'error', saveMessage: result.message });
      return;
    }
    savedRevision = Math.max(savedRevision, target);
    failures = 0;
    const clean = savedRevision === revision;
    const corpus = useSessionStore.getState().corpus;
    const articles = corpus?.articles.map((entry) =>
      entry.id === article.id ? { ...entry, status: document.status, annotationCount: document.annotations.length, tags: [...new Set(document.annotations.map((annotation) => annotation.type))].sort() } : entry,
    );
    useSessionStore.getState().set({
      saveState: clean ? 'saved' : 'dirty',
      saveMessage: null,
      lastSavedAt: result.savedAt,
      ...(corpus && articles ? { corpus: { ...corpus, articles } } : {}),
    });
    if (!clean) schedule(editSaveDelay());
  } catch (error) {
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures++;
    useSessionStore.getState().set({ saveState: 'error', saveMessage: error instanceof Error ? error.message : String(error) });
    schedule(delay);
  }
}

async function saveNow(): Promise<void> {
  while (running) await running;
  if (savedRevision === revision) return;
  running = saveOnce().finally(() => {
    running = null;
  });
  await running;
}

/** Saves any unsaved edit now; resolves true when nothing is left unsaved. */
export async function flushSave(): Promise<boolean> {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  if (idleHandle !== null) {
    cancelIdleCallback(idleHandle);
    idleHandle = null;
  }
  await saveNow();
  return savedRevision === revision;
}

/** Marks the document as needing a save (e.g. to keep the user's version over a change on disk). */
export function markUnsaved(): void {
  revision++;
  useSessionStore.getState().set({ saveState: 'dirty' });
}

export function hasUnsavedEdits(): boolean {
  return savedRevision !== revision;
}

/** Marks the loaded state as saved: called when an article is (re)loaded from disk. */
export function resetAutosave(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (idleHandle !== null) cancelIdleCallback(idleHandle);
  idleHandle = null;
  revision = 0;
  savedRevision = 0;
  failures = 0;
  savedBase = null;
}

export function startAutosave(): () => void {
  return useDocumentStore.subscribe((state, previous) => {
    if (state.articleId === null || state.articleId !== previous.articleId) return;
    if (state.annotations === previous.annotations && state.relations === previous.relations && state.status === previous.status) return;
    revision++;
    const session = useSessionStore.getState();
    if (session.article?.problem) {
      session.set({ saveState: 'readonly' });
      return;
    }
    session.set({ saveState: 'dirty' });
    schedule(editSaveDelay());
  });
}
