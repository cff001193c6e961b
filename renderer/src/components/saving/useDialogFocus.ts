import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's focus: moved into the dialog when it opens (to `initial`, else its first
 * control), kept there by Tab, and given back to what had it when the dialog closes.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>, initial?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = initial?.current ?? dialog.current?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog.current;
    target?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [dialog, initial]);
}

/**
 * Keys typed in a dialog stay in it, so that a digit or Delete does not tag or delete in the
 * article behind; Tab cycles through the dialog's controls; Escape calls `onEscape`.
 */
export function dialogKeyDown(event: KeyboardEvent<HTMLElement>, onEscape: () => void): void {
  event.stopPropagation();
  if (event.key === 'Escape') {
    event.preventDefault();
    onEscape();
    return;
  }
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (controls.length === 0) return;
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
