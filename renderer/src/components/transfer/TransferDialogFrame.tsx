import type { ReactNode } from 'react';
import { ModalDialog } from '../app/ModalDialog';

interface TransferDialogFrameProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The modal dialog both transfer dialogs sit in. Keys typed in it stay in it, so that a digit or
 * Delete does not tag or delete in the article behind; Escape closes (a running job goes on
 * and its progress shows again when the dialog is reopened).
 */
export function TransferDialogFrame({ title, closeLabel, onClose, children }: TransferDialogFrameProps) {
  return (
    <ModalDialog className="sheet transfer-dialog" label={title} onEscape={onClose}>
      <header className="transfer-header">
        <h2>{title}</h2>
        <button type="button" className="transfer-close" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </ModalDialog>
  );
}

interface TransferActionsProps {
  /** Back to the form for another export or import. */
  againLabel: string;
  onAgain: () => void;
  closeLabel: string;
  onClose: () => void;
  /** Actions before these two (the import's "open the imported corpus"). */
  children?: ReactNode;
}

/** The buttons under a finished export or import: its own first, then again, then close. */
export function TransferActions({ againLabel, onAgain, closeLabel, onClose, children }: TransferActionsProps) {
  return (
    <div className="transfer-actions">
      {children}
      <button type="button" onClick={onAgain}>
        {againLabel}
      </button>
      <button type="button" onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}
