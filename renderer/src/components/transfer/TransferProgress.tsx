interface TransferProgressProps {
  /** What is happening, e.g. "Reading articles". */
  label: string;
  /** 0 to 1, or null while the total is not known yet. */
  fraction: number | null;
  /** e.g. "12 / 340". */
  detail: string;
  cancelLabel: string;
  onCancel: () => void;
}

/** A job's progress bar with its Cancel button. */
export function TransferProgress({ label, fraction, detail, cancelLabel, onCancel }: TransferProgressProps) {
  return (
    <div className="transfer-progress" data-testid="transfer-progress">
      <div className="transfer-progress-line">
        <span>{label}</span>
        <bdi dir="ltr" className="transfer-progress-detail">
          {detail}
        </bdi>
      </div>
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} max={1} value={fraction} />}
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
