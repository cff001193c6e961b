import { discardUnsavedEdits, flushAllSaves, unsavedArticleIds } from './autosave';
import { saveStatusActions, type LeaveQuestion } from '../saveStatusStore';

/**
 * Leaving the corpus (closing the window, quitting, opening another folder) never drops an edit
 * without asking: everything unsaved is saved first, and only if some article's edits still
 * cannot be written (a read-only folder, a full disk, a conflict waiting for a choice) the user
 * is asked, in the window, whether to leave them.
 */
let answer: ((leave: boolean) => void) | null = null;

/** Resolves true when nothing unsaved is left, or the user chose to leave what is. */
export async function confirmLeavingUnsaved(action: LeaveQuestion['action']): Promise<boolean> {
  const remaining = await flushAllSaves();
  if (remaining.length === 0) return true;
  // A question already waiting is answered "stay" by the newer one: only one is shown.
  answer?.(false);
  return new Promise<boolean>((resolve) => {
    answer = resolve;
    saveStatusActions.askToLeave({ action, articles: remaining });
  });
}

export function answerLeaveQuestion(leave: boolean): void {
  const resolve = answer;
  answer = null;
  saveStatusActions.dropLeaveQuestion();
  resolve?.(leave);
}

/**
 * While edits are unsaved, a close is held back (Electron then simply keeps the window; a
 * browser shows its own prompt), everything is saved, and the window closes itself once all is
 * on disk, or once the user chose to leave what could not be saved.
 */
export function installCloseGuard(): () => void {
  let leaving = false;
  let asking = false;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (leaving || unsavedArticleIds().length === 0) return;
    event.preventDefault();
    // Chromium shows its own prompt only when returnValue is set; Electron just cancels the close.
    event.returnValue = '';
    if (asking) return;
    asking = true;
    void confirmLeavingUnsaved('close').then((leave) => {
      asking = false;
      if (!leave) return;
      leaving = true;
      discardUnsavedEdits();
      window.close();
    });
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
