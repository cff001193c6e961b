import type { KeyboardEvent, ReactNode } from 'react';

interface TransferDialogFrameProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The overlay both transfer dialogs sit in. Keys typed in it stay in it, so that a digit or
 * Delete does not tag or delete in the article behind; Escape closes (a running job goes on
 * and its progress shows again when the dialog is reopened).
 */
export function TransferDialogFrame({ title, closeLabel, onClose, children }: TransferDialogFrameProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') onClose();
  };
  return (
    <div className="sheet-backdrop transfer-backdrop" onKeyDown={onKeyDown}>
      <div className="sheet transfer-dialog" role="dialog" aria-label={title}>
        <header className="transfer-header">
          <h2>{title}</h2>
          <button type="button" className="transfer-close" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
