import { annotationListChanges } from '../../../../shared/model/annotationChanges';
import { toStoredAnnotations } from '../../../../shared/anchoring/documentAnnotation';
import { mergeDocuments } from '../../../../shared/model/documentMerge';
import type { ConflictResolutions, SaveConflict, SaveResult, SavedDocument } from '../../../../shared/saveWire';
import { api } from '../../api';
import { appCatalog } from '../../i18n/catalog/app';
import { catalogText } from '../../i18n/catalog/defineCatalog';
import { problemOf } from '../../ipcError';
import { fromSavedDocument, sameSnapshot, snapshotOf, toSavedDocument, type DocumentSnapshot } from './documentSnapshot';
import { documentActions, isChangeNotAnEdit, useDocumentStore } from '../documentStore';
import { discardHeldEdits, failedSaveState, flushHeldEdits, heldArticleIds, holdEdits, RETRY_DELAYS_MS, type HeldEdits } from './heldEdits';
import { useArticleViewStore, type OpenArticle } from '../articleViewStore';
import { corpusViewActions } from '../corpusViewStore';
import { currentLanguage } from '../preferencesStore';
import { saveStatusActions, useSaveStatusStore } from '../saveStatusStore';
import { windowActions } from '../window/windowStore';
import { idleDebounce } from './idleDebounce';

/**
 * Saves the open article shortly after the last edit. Every save is merged in main with what is
 * on disk (another instance, a sync tool): the answer may carry the merged document, which the
 * window takes without counting it as an edit, rebasing edits made while the save was on its
 * way. A failed save keeps the edits in memory, marked unsaved, and tries again; switching
 * articles hands them to heldEdits.ts, which goes on saving them.
 */
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

let revision = 0;
let savedRevision = 0;
let running: Promise<void> | null = null;
let failures = 0;

/**
 * What this window last loaded or saved of the open article, as main holds it: the base of the
 * next merge, and (by `revision`, the name main gave the list) the list later saves send only
 * changes against. Null before an article is open.
 */
let base: { articleId: string; revision: string | null; document: DocumentSnapshot } | null = null;

/**
 * Conflicts wait for the user: no save is sent until they choose (the edits stay in memory,
 * marked unsaved). `save`: main found them, the choice goes with the next save. `local`: they
 * came up in the window, rebasing its edits onto a merge or onto the file as reopened; the
 * choice is applied here with the three versions kept.
 */
let pendingConflict: { articleId: string; mode: 'save' } | { articleId: string; mode: 'local'; base: SavedDocument; disk: SavedDocument } | null = null;
let pendingResolutions: ConflictResolutions | null = null;

/** Changes up to this many annotations (or a quarter of the list, if more) are sent as changes; beyond that the whole list. */
const CHANGES_AT_MOST = 200;

const saveLater = idleDebounce(() => void saveNow());
const schedule = saveLater.schedule;
const cancelScheduled = saveLater.cancel;

function currentSnapshot(): DocumentSnapshot {
  return snapshotOf(useDocumentStore.getState());
}

async function send(article: OpenArticle, sent: DocumentSnapshot, resolutions: ConflictResolutions | null): Promise<SaveResult> {
  const extra = resolutions ? { resolutions } : {};
  const known = base?.articleId === article.id && base.revision !== null ? { revision: base.revision, annotations: base.document.annotations, relations: base.document.relations } : null;
  const saveWhole = () =>
    api().annotations.save({
      id: article.id,
      sha256: article.sha256,
      status: sent.status,
      annotations: toStoredAnnotations(sent.annotations, article.converter),
      relations: sent.relations,
      labels: sent.labels,
      ...judgmentsOf(sent),
      ...extra,
    });
  const changes = known ? annotationListChanges(known.annotations, sent.annotations) : null;
  if (!known || !changes || changes.insert.length + changes.remove.length > Math.max(CHANGES_AT_MOST, sent.annotations.length / 4)) return saveWhole();
  const stored = toStoredAnnotations(
    changes.insert.map((placed) => placed.annotation),
    article.converter,
  );
  const result = await api().annotations.saveChanges({
    id: article.id,
    sha256: article.sha256,
    base: known.revision,
    status: sent.status,
    remove: changes.remove,
    insert: changes.insert.map((placed, index) => ({ index: placed.index, annotation: stored[index] })),
    count: changes.count,
    // Main keeps the relations saved with the base: unchanged ones are not sent again (#25).
    ...(sent.relations === known.relations ? {} : { relations: sent.relations }),
    labels: sent.labels,
    ...judgmentsOf(sent),
    ...extra,
  });
  // Main no longer keeps that list (it was restarted, or saved other articles since): send it whole.
  return !result.ok && result.baseUnknown ? saveWhole() : result;
}

/** (#21) The judgments a save carries, when the snapshot holds them. */
function judgmentsOf(sent: DocumentSnapshot): Pick<DocumentSnapshot, 'documentLabels' | 'zones'> {
  return { ...(sent.documentLabels ? { documentLabels: sent.documentLabels } : {}), ...(sent.zones ? { zones: sent.zones } : {}) };
}

function announceMerge(): void {
  windowActions.showNotice(catalogText(appCatalog, currentLanguage())('mergedWithOtherWriter'));
}

/** Shows conflicts and holds saving until the user chooses. */
function askAboutConflicts(conflict: NonNullable<typeof pendingConflict>, conflicts: SaveConflict[]): void {
  pendingConflict = conflict;
  cancelScheduled();
  saveStatusActions.askAboutConflicts(conflict.articleId, conflicts);
}

/**
 * Takes the document main saved (this window's edits merged with another writer's). Edits made
 * after the save was sent are rebased onto it: base = what was sent, disk = the merge, mine =
 * the document now. Not an edit: no save follows unless edits made meanwhile remain unsaved.
 */
function adoptMerge(article: OpenArticle, sent: DocumentSnapshot, merged: SavedDocument, mergedRevision: string | null): void {
  const now = currentSnapshot();
  const mergedSnapshot = fromSavedDocument(merged, article.converter, [now.annotations, sent.annotations]);
  base = { articleId: article.id, revision: mergedRevision, document: mergedSnapshot };
  announceMerge();
  if (sameSnapshot(now, sent)) {
    documentActions.adoptMerged({ articleId: article.id, ...mergedSnapshot });
    return;
  }
  const sentSaved = toSavedDocument(sent, article.converter);
  const rebased = mergeDocuments(sentSaved, merged, toSavedDocument(now, article.converter));
  if (rebased.conflicts.length > 0) {
    askAboutConflicts({ articleId: article.id, mode: 'local', base: sentSaved, disk: merged }, rebased.conflicts);
    return;
  }
  documentActions.adoptMerged({ articleId: article.id, ...fromSavedDocument(rebased.merged, article.converter, [mergedSnapshot.annotations, now.annotations]) });
}

async function saveOnce(force: boolean): Promise<void> {
  const view = useArticleViewStore.getState();
  const article = view.article;
  if (!article || useDocumentStore.getState().articleId !== article.id || base?.articleId !== article.id) return;
  // (#17) Only the first page of its annotations is in: a save of it would remove the rest.
  if (article.annotationsIncomplete) return;
  if (article.problem) {
    saveStatusActions.markReadOnly();
    return;
  }
  if (pendingConflict?.articleId === article.id) return;
  // (#17) Reloading this article: main's base is becoming the file as read now, so the window as it
  // was must not be sent against it (a tag-set rename was written back over). The load brings the
  // disk's version; edits not yet saved are held and rebased onto it by openArticle.
  if (view.loadingArticleId === article.id) return;
  if (!force && savedRevision === revision) return;
  const target = revision;
  const sent = currentSnapshot();
  const resolutions = pendingResolutions;
  pendingResolutions = null;
  saveStatusActions.markSaving();
  let result: SaveResult;
  try {
    result = await send(article, sent, resolutions);
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error), userProblem: problemOf(error), retryable: true };
  }
  // The article was closed meanwhile: openArticle took over what was left unsaved.
  if (useArticleViewStore.getState().article?.id !== article.id || base?.articleId !== article.id) return;
  if (!result.ok) {
    if (result.conflicts && result.conflicts.length > 0) {
      askAboutConflicts({ articleId: article.id, mode: 'save' }, result.conflicts);
      return;
    }
    // The user's choices go with the retry: the disk refused the bytes, not the choices.
    if (resolutions && pendingResolutions === null) pendingResolutions = resolutions;
    const outcome = failedSaveState(result);
    saveStatusActions.markUnsaved(outcome.state, { problem: result.userProblem, detail: result.message }, outcome.retrying);
    if (outcome.retrying) {
      schedule(RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]);
      failures++;
    }
    return;
  }
  failures = 0;
  savedRevision = Math.max(savedRevision, target);
  if (result.merged) adoptMerge(article, sent, result.merged, result.revision ?? null);
  else base = { articleId: article.id, revision: result.revision ?? null, document: sent };
  if (pendingConflict?.articleId === article.id) return;
  const clean = savedRevision === revision;
  saveStatusActions.markSaved(clean, result.savedAt);
  corpusViewActions.reflectSaved(article.id, base.document);
  if (!clean) schedule(editSaveDelay());
}

async function saveNow(force = false): Promise<void> {
  while (running) await running;
  if (!force && savedRevision === revision) return;
  running = saveOnce(force).finally(() => {
    running = null;
  });
  await running;
}

/** Lets a save of the open article that is on its way land (and be adopted) before the article is left. */
export async function settleSaving(): Promise<void> {
  cancelScheduled();
  while (running) await running;
}

/** Saves any unsaved edit of the open article now; resolves true when nothing of it is left unsaved. */
export async function flushSave(): Promise<boolean> {
  cancelScheduled();
  await saveNow();
  return savedRevision === revision;
}

/**
 * Another writer changed the open article's annotation file: a save merges it in (with no
 * unsaved edits, a save that writes nothing and answers with what is on disk), instead of a
 * reload that would count as an edit or drop edits made meanwhile.
 */
export async function syncWithDisk(articleId: string): Promise<void> {
  if (useArticleViewStore.getState().article?.id !== articleId || pendingConflict?.articleId === articleId) return;
  cancelScheduled();
  await saveNow(true);
}

export function hasUnsavedEdits(): boolean {
  return savedRevision !== revision;
}

/** Articles whose edits are not on disk: the open one and those held in the background. */
export function unsavedArticleIds(): string[] {
  const open = useArticleViewStore.getState().article;
  return [...new Set([...(open && hasUnsavedEdits() ? [open.id] : []), ...heldArticleIds()])];
}

/** Saves everything now (the open article and held ones); resolves with the articles that still hold unsaved edits. */
export async function flushAllSaves(): Promise<string[]> {
  await Promise.all([flushSave(), flushHeldEdits()]);
  return unsavedArticleIds();
}

/**
 * The open article is being left (another article, a reload): its edits not yet on disk are
 * handed to heldEdits.ts, which goes on saving them, in code points with their base.
 */
export function holdOpenArticleEdits(): void {
  const article = useArticleViewStore.getState().article;
  const document = useDocumentStore.getState();
  // (#17) An article shown from its first page of annotations holds no edits (none can be made), and is never held as one.
  if (!article || article.annotationsIncomplete || !base || base.articleId !== article.id || document.articleId !== article.id || !hasUnsavedEdits()) return;
  const { saveState, saveProblem } = useSaveStatusStore.getState();
  const conflict = pendingConflict?.articleId === article.id ? pendingConflict : null;
  const edits: HeldEdits = {
    articleId: article.id,
    sha256: article.sha256,
    // Conflicts found in the window are between what was sent and the merge: keep that base, so reopening asks again.
    base: conflict?.mode === 'local' ? conflict.base : toSavedDocument(base.document, article.converter),
    mine: toSavedDocument(currentSnapshot(), article.converter),
    state: conflict ? 'conflict' : saveState === 'unwritable' || saveState === 'error' ? saveState : 'dirty',
    problem: saveProblem,
    retrying: conflict === null,
  };
  holdEdits(edits);
  savedRevision = revision;
}

/**
 * Starts over for an article just loaded from disk (`loaded` is what main now holds as this
 * window's base). `loadedRevision`: main's name for `loaded.annotations` (article.load's
 * `revision`, when the window keeps them in the order main sent them), so that the first save
 * sends only changes; null: the first save sends the whole list.
 */
export function beginArticle(articleId: string, loaded: DocumentSnapshot, loadedRevision: string | null = null): void {
  cancelScheduled();
  revision = 0;
  savedRevision = 0;
  failures = 0;
  base = { articleId, revision: loadedRevision, document: loaded };
  pendingConflict = null;
  pendingResolutions = null;
  saveStatusActions.dropConflictQuestion();
}

/**
 * The article was opened again with edits held from before: they are rebased onto the file as
 * it is now (base = what they were made against, disk = as loaded, mine = the edits) and shown,
 * still unsaved; the save goes on. Conflicts with what another writer did meanwhile are asked.
 */
export function resumeHeldEdits(article: OpenArticle, held: HeldEdits, loaded: SavedDocument): void {
  const rebased = mergeDocuments(held.base, loaded, held.mine);
  const known = [useDocumentStore.getState().annotations];
  if (rebased.conflicts.length > 0) {
    documentActions.adoptMerged({ articleId: article.id, ...fromSavedDocument(held.mine, article.converter, known) });
    revision++;
    askAboutConflicts({ articleId: article.id, mode: 'local', base: held.base, disk: loaded }, rebased.conflicts);
    return;
  }
  documentActions.adoptMerged({ articleId: article.id, ...fromSavedDocument(rebased.merged, article.converter, known) });
  revision++;
  // Said as it was when the article was left (a read-only folder stays read-only) until the next answer.
  saveStatusActions.markUnsaved(held.state === 'conflict' ? 'dirty' : held.state, held.problem, held.retrying);
  schedule(0);
}

/**
 * The user's choice for each conflict. Conflicts main found go with the next save; conflicts
 * found in the window are settled here and saved as an edit. Either way the result is a
 * checkpoint for undo (see documentActions.adoptMerged).
 */
export async function resolveConflicts(resolutions: ConflictResolutions): Promise<void> {
  const article = useArticleViewStore.getState().article;
  const conflict = pendingConflict;
  if (!article || conflict?.articleId !== article.id) return;
  pendingConflict = null;
  saveStatusActions.conflictsAnswered();
  if (conflict.mode === 'save') {
    pendingResolutions = resolutions;
  } else {
    const resolved = mergeDocuments(conflict.base, conflict.disk, toSavedDocument(currentSnapshot(), article.converter), resolutions);
    if (resolved.conflicts.length > 0) {
      // Edits made while the question waited touched other items the other writer changed too.
      askAboutConflicts(conflict, resolved.conflicts);
      return;
    }
    documentActions.adoptMerged({ articleId: article.id, ...fromSavedDocument(resolved.merged, article.converter, [useDocumentStore.getState().annotations]) });
  }
  revision++;
  cancelScheduled();
  await saveNow();
}

/** Escape on the conflict question: nothing is chosen, nothing saved; the edits stay, marked unsaved. */
export function postponeConflicts(): void {
  saveStatusActions.postponeConflicts();
}

/** Forgets every unsaved edit: the user chose to leave them (closing, another corpus). */
export function discardUnsavedEdits(): void {
  cancelScheduled();
  savedRevision = revision;
  pendingConflict = null;
  pendingResolutions = null;
  base = null;
  discardHeldEdits();
  saveStatusActions.dropConflictQuestion();
}

export function startAutosave(): () => void {
  return useDocumentStore.subscribe((state, previous) => {
    if (state.articleId === null || state.articleId !== previous.articleId || isChangeNotAnEdit()) return;
    const sameJudgments = state.documentLabels === previous.documentLabels && state.zones === previous.zones;
    if (state.annotations === previous.annotations && state.relations === previous.relations && state.status === previous.status && sameJudgments) return;
    revision++;
    if (useArticleViewStore.getState().article?.problem) {
      saveStatusActions.markReadOnly();
      return;
    }
    // While conflicts wait for the user, edits are kept and shown as unsaved; the save waits.
    if (pendingConflict?.articleId === state.articleId) {
      saveStatusActions.markWaitingForConflicts();
      return;
    }
    const { saveState } = useSaveStatusStore.getState();
    if (saveState !== 'unwritable' && saveState !== 'error') saveStatusActions.markDirty();
    schedule(editSaveDelay());
  });
}
