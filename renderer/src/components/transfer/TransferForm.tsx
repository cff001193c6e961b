import type { ReactNode } from 'react';
import type { UserProblem } from '../../../../shared/userProblem';
import { ProblemText } from '../app/ProblemText';

/** An error from the main process, shown in a transfer dialog where it happened. */
export function TransferError({ problem }: { problem: UserProblem | null }) {
  if (!problem) return null;
  return (
    <p className="transfer-error" role="alert">
      <ProblemText problem={problem} />
    </p>
  );
}

interface TransferFormProps {
  onSubmit: () => void;
  error: UserProblem | null;
  submitLabel: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** The form stage of the export and import dialogs: their fields, the last error, submit and close. */
export function TransferForm({ onSubmit, error, submitLabel, closeLabel, onClose, children }: TransferFormProps) {
  return (
    <form
      className="transfer-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <TransferError problem={error} />
      <div className="transfer-actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    </form>
  );
}
