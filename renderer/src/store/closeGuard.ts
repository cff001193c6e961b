import { flushSave, hasUnsavedEdits } from './autosave';
import { useSessionStore } from './sessionStore';

/**
 * Closing the window or quitting never loses an edit: while edits are unsaved, the close is
 * held back, the save is flushed, and the window closes itself once the save landed. If the
 * save keeps failing, a second close asks before letting unsaved edits go.
 */
export function installCloseGuard(): () => void {
  let flushing = false;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedEdits()) return;
    const { saveState, saveMessage, language } = useSessionStore.getState();
    if (saveState === 'error' && !flushing) {
      const question =
        language === 'fa'
          ? `تغییرات ذخیره نشده‌اند (${saveMessage ?? ''}). بدون ذخیره بسته شود؟`
          : `Your changes could not be saved (${saveMessage ?? ''}). Close without saving?`;
      if (window.confirm(question)) return;
    }
    event.preventDefault();
    // Chromium shows its own prompt only when returnValue is set; Electron just cancels the close.
    event.returnValue = '';
    if (flushing) return;
    flushing = true;
    void flushSave().then((clean) => {
      flushing = false;
      if (clean) window.close();
    });
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
