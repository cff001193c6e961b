import { create } from 'zustand';
import type { SaveConflict } from '../../../shared/saveWire';
import type { UserProblem } from '../../../shared/userProblem';
import { patchState } from './patchState';

/**
 * The open article's save state. `readonly`: its annotation file cannot be used, so nothing is
 * edited; `unwritable`: the file or its folder cannot be written (edits kept, unsaved);
 * `conflict`: another writer changed the same items, and the save waits for the user's choice.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'readonly' | 'unwritable' | 'conflict';

/** An article other than the open one whose edits are held in memory, not yet on disk. */
export interface UnsavedArticleSummary {
  id: string;
  state: 'dirty' | 'error' | 'unwritable' | 'conflict';
  problem: ShownProblem | null;
}

/** A problem as the window keeps it: coded (shown in the user's language) with main's English detail for the tooltip. */
export interface ShownProblem {
  problem: UserProblem;
  detail: string | null;
}

/** Conflicts with another writer, shown to the user to choose per item. */
export interface ConflictPrompt {
  articleId: string;
  conflicts: SaveConflict[];
  /** False once dismissed with Escape: the conflicts wait (unsaved) until reopened from the status bar. */
  open: boolean;
}

/** Closing or switching corpus while edits could not be saved: the user decides. */
export interface LeaveQuestion {
  action: 'close' | 'switch-corpus';
  /** Ids of the articles whose edits would be lost. */
  articles: string[];
}

/**
 * What the status bar and the saving dialogs show: whether the open article's edits are on
 * disk, which other articles still hold unsaved edits, and the questions waiting for the user.
 * Written by saving/ (autosave, held edits, close guard) through the actions below.
 */
export interface SaveStatusState {
  saveState: SaveState;
  saveProblem: ShownProblem | null;
  /** The failed save is tried again on its own (a full disk, a lock held elsewhere), so the status bar can say so. */
  saveRetrying: boolean;
  lastSavedAt: string | null;
  /** Other articles of this corpus whose edits are kept in memory and still being saved. */
  unsavedArticles: UnsavedArticleSummary[];
  conflictPrompt: ConflictPrompt | null;
  leaveQuestion: LeaveQuestion | null;
}

export const useSaveStatusStore = create<SaveStatusState>()(() => ({
  saveState: 'saved',
  saveProblem: null,
  saveRetrying: false,
  lastSavedAt: null,
  unsavedArticles: [],
  conflictPrompt: null,
  leaveQuestion: null,
}));

function patch(change: Partial<SaveStatusState>): void {
  patchState(useSaveStatusStore, change);
}

export const saveStatusActions = {
  /** An article was just read from disk (or none is open): nothing unsaved, or read-only. */
  startFresh(readOnly: boolean): void {
    patch({ saveState: readOnly ? 'readonly' : 'saved', saveProblem: null, saveRetrying: false });
  },
  markReadOnly(): void {
    patch({ saveState: 'readonly' });
  },
  markDirty(): void {
    patch({ saveState: 'dirty' });
  },
  markSaving(): void {
    patch({ saveState: 'saving' });
  },
  /** A save landed: `clean` when no edit was made while it was on its way. */
  markSaved(clean: boolean, savedAt: string): void {
    patch({ saveState: clean ? 'saved' : 'dirty', saveProblem: null, saveRetrying: false, lastSavedAt: savedAt });
  },
  /** A save did not land (or, for edits taken back from the background, had not): the edits stay, marked unsaved. */
  markUnsaved(state: UnsavedArticleSummary['state'], problem: ShownProblem | null, retrying = false): void {
    patch({ saveState: state, saveProblem: problem, saveRetrying: retrying });
  },
  /** Edits while conflicts wait for the user: kept, shown as unsaved. */
  markWaitingForConflicts(): void {
    patch({ saveState: 'conflict' });
  },
  askAboutConflicts(articleId: string, conflicts: SaveConflict[]): void {
    patch({ saveState: 'conflict', saveProblem: null, conflictPrompt: { articleId, conflicts, open: true } });
  },
  /** Escape on the conflict question: it waits, reopened from the status bar. */
  postponeConflicts(): void {
    const prompt = useSaveStatusStore.getState().conflictPrompt;
    if (prompt) patch({ conflictPrompt: { ...prompt, open: false }, saveState: 'conflict' });
  },
  reopenConflicts(): void {
    const prompt = useSaveStatusStore.getState().conflictPrompt;
    if (prompt) patch({ conflictPrompt: { ...prompt, open: true } });
  },
  /** The user chose: the edits, merged as chosen, are saved next. */
  conflictsAnswered(): void {
    patch({ conflictPrompt: null, saveState: 'dirty' });
  },
  /** No question left (another article, edits left behind). */
  dropConflictQuestion(): void {
    patch({ conflictPrompt: null });
  },
  showUnsavedArticles(unsavedArticles: UnsavedArticleSummary[]): void {
    patch({ unsavedArticles });
  },
  askToLeave(question: LeaveQuestion): void {
    patch({ leaveQuestion: question });
  },
  dropLeaveQuestion(): void {
    patch({ leaveQuestion: null });
  },
};
