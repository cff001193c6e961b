import { create } from 'zustand';
import type { MessageKey } from '../../i18n/messages';

/** How long the status bar says why a key did nothing. */
const HINT_MILLISECONDS = 5000;

interface KeyHintState {
  /** Why the last key did nothing, as a message key (said in the UI language), or null. */
  hint: MessageKey | null;
  /** Counts hints, so the same one said twice is announced again. */
  serial: number;
}

export const useKeyHintStore = create<KeyHintState>(() => ({ hint: null, serial: 0 }));

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** A key that can do nothing says why, in the status bar, for a few seconds. */
export function sayWhyKeyDidNothing(hint: MessageKey): void {
  useKeyHintStore.setState((state) => ({ hint, serial: state.serial + 1 }));
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => useKeyHintStore.setState({ hint: null }), HINT_MILLISECONDS);
}

/** A key that did something: an old reason no longer applies. */
export function clearKeyHint(): void {
  if (useKeyHintStore.getState().hint !== null) useKeyHintStore.setState({ hint: null });
}
