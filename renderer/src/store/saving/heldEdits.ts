import type { SaveResult, SavedDocument } from '../../../../shared/saveWire';
import { api } from '../../api';
import { problemOf } from '../../ipcError';
import { corpusViewActions } from '../corpusViewStore';
import { saveStatusActions, type ShownProblem, type UnsavedArticleSummary } from '../saveStatusStore';

/**
 * Edits of articles that are no longer open but are not on disk yet (the disk refused, the
 * folder is read-only, another writer's change waits for the user's choice). Switching articles
 * never drops them: they are kept here per article, saved again in the background, and given
 * back to the window when the article is opened again.
 */
export interface HeldEdits {
  articleId: string;
  /** SHA-256 of the text the edits were made on: they are never saved onto another text. */
  sha256: string;
  /** What this window last loaded or saved of the file, as main holds it: the base of the merge. */
  base: SavedDocument;
  /** The edits: the whole document as this window had it, in code points. */
  mine: SavedDocument;
  state: UnsavedArticleSummary['state'];
  /** Why the edits are not on disk, as the last answer said (null: not tried yet). */
  problem: ShownProblem | null;
  /** False when saving again cannot help without the user (conflicts, a save refused on purpose). */
  retrying: boolean;
}

interface HeldEntry extends HeldEdits {
  /** Given back to the window, which is reading the article again: not saved from here meanwhile, still listed as unsaved. */
  taken: boolean;
  failures: number;
  timer: ReturnType<typeof setTimeout> | null;
  saving: Promise<void> | null;
}

/** Delays between background attempts; a read-only folder may be remounted, a disk freed. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

const held = new Map<string, HeldEntry>();

function publish(): void {
  const unsavedArticles = [...held.values()].map((entry) => ({ id: entry.articleId, state: entry.state, problem: entry.problem }));
  saveStatusActions.showUnsavedArticles(unsavedArticles);
}

function scheduleRetry(entry: HeldEntry): void {
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  if (!entry.retrying || entry.taken) return;
  const delay = RETRY_DELAYS_MS[Math.min(entry.failures, RETRY_DELAYS_MS.length - 1)];
  entry.timer = setTimeout(() => {
    entry.timer = null;
    void saveHeld(entry);
  }, delay);
}

/** Keeps an article's unsaved edits after it was closed, and goes on saving them. */
export function holdEdits(edits: HeldEdits): void {
  const previous = held.get(edits.articleId);
  if (previous?.timer) clearTimeout(previous.timer);
  const entry: HeldEntry = { ...edits, taken: false, failures: 0, timer: null, saving: null };
  held.set(edits.articleId, entry);
  publish();
  scheduleRetry(entry);
}

/** Outcome of a save that did not land, for the held entry or the open article alike. */
export function failedSaveState(result: Extract<SaveResult, { ok: false }>): { state: UnsavedArticleSummary['state']; retrying: boolean } {
  if (result.conflicts && result.conflicts.length > 0) return { state: 'conflict', retrying: false };
  if (result.readOnly) return { state: 'unwritable', retrying: true };
  return { state: 'error', retrying: result.retryable };
}

async function attempt(entry: HeldEntry): Promise<void> {
  let result: SaveResult;
  try {
    result = await api().annotations.save({ id: entry.articleId, sha256: entry.sha256, ...entry.mine });
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error), userProblem: problemOf(error), retryable: true };
  }
  if (held.get(entry.articleId) !== entry) return;
  if (result.ok) {
    held.delete(entry.articleId);
    publish();
    corpusViewActions.reflectSaved(entry.articleId, result.merged ?? entry.mine);
    return;
  }
  const outcome = failedSaveState(result);
  entry.state = outcome.state;
  entry.retrying = outcome.retrying;
  entry.problem = { problem: result.userProblem, detail: result.message };
  entry.failures++;
  publish();
  scheduleRetry(entry);
}

function saveHeld(entry: HeldEntry): Promise<void> {
  if (entry.saving) return entry.saving;
  entry.saving = attempt(entry).finally(() => {
    entry.saving = null;
  });
  return entry.saving;
}

/**
 * Takes an article's held edits back (the article is being opened again). A background save
 * in flight is waited for first, so the article is read from disk after it and never misses it.
 * They stay listed as unsaved until the window shows them (releaseHeldEdits) or hands them back
 * (holdEdits): the status bar never says saved while they are only here.
 */
export async function takeHeldEdits(articleId: string): Promise<HeldEdits | null> {
  const entry = held.get(articleId);
  if (!entry) return null;
  if (entry.saving) await entry.saving;
  if (held.get(articleId) !== entry) return null;
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  entry.taken = true;
  const { taken: _taken, failures: _failures, timer: _timer, saving: _saving, ...edits } = entry;
  return edits;
}

/** The window shows the taken edits as the open article's own: they are no longer held here. */
export function releaseHeldEdits(articleId: string): void {
  if (held.get(articleId)?.taken && held.delete(articleId)) publish();
}

/** Tries every held article now. */
export async function flushHeldEdits(): Promise<void> {
  await Promise.all([...held.values()].filter((entry) => entry.retrying && !entry.taken).map((entry) => saveHeld(entry)));
}

export function heldArticleIds(): string[] {
  return [...held.keys()];
}

/** Forgets every held edit: the user chose to leave them (closing, another corpus). */
export function discardHeldEdits(): void {
  for (const entry of held.values()) if (entry.timer !== null) clearTimeout(entry.timer);
  held.clear();
  publish();
}
