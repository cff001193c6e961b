import { useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { dialogKeyDown } from '../saving/useDialogFocus';

interface ModalDialogProps {
  /** Classes of the dialog's panel (the `.sheet` inside the top-layer `<dialog>`). */
  className: string;
  onEscape: () => void;
  /** Closes on a click outside the panel, for dialogs that only show something. */
  closeOnBackdrop?: boolean;
  role?: 'dialog' | 'alertdialog';
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  testId?: string;
  /** What gets focus on opening (default: the first control). */
  initialFocus?: RefObject<HTMLElement | null>;
  panelRef?: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A real modal dialog: a `<dialog>` opened with showModal(), so everything behind it is inert
 * (no clicks, no focus, hidden from screen readers) and it sits in the top layer above any
 * pane's containment. Focus goes in on opening and back to what had it on closing; Tab stays
 * inside; Escape calls `onEscape` (the dialog's own state decides whether it closes); keys
 * typed inside never reach the article's shortcuts behind.
 */
export function ModalDialog({ className, onEscape, closeOnBackdrop, role, label, labelledBy, describedBy, testId, initialFocus, panelRef, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal: the open attribute alone is the same dialog without the top layer.
    if (typeof element.showModal === 'function') {
      if (!element.open) element.showModal();
    } else element.setAttribute('open', '');
    const target = initialFocus?.current ?? element.querySelector<HTMLElement>('[autofocus]') ?? element.querySelector<HTMLElement>(FOCUSABLE) ?? element;
    target.focus();
    // The browser's own Escape handling would close the dialog behind React's back.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onEscapeRef.current();
    };
    element.addEventListener('cancel', onCancel);
    return () => {
      element.removeEventListener('cancel', onCancel);
      if (typeof element.close === 'function' && element.open) element.close();
      if (previous?.isConnected) previous.focus();
    };
  }, [initialFocus]);

  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    // A click on the backdrop lands on the dialog element itself, outside the panel.
    if (closeOnBackdrop && event.target === event.currentTarget) onEscapeRef.current();
  };

  return (
    <dialog
      ref={dialog}
      className="modal-dialog"
      role={role ?? 'dialog'}
      aria-modal="true"
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onClick={onClick}
      onKeyDown={(event: KeyboardEvent<HTMLElement>) => dialogKeyDown(event, () => onEscapeRef.current())}
    >
      <div ref={panelRef} className={className}>
        {children}
      </div>
    </dialog>
  );
}
