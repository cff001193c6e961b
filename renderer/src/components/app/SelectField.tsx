export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  /** The label's class (the transfer dialogs stack label and select; elsewhere they run inline). */
  className?: string;
  testId?: string;
}

/** A labelled drop-down of fixed choices: the label wraps the select, which names it for assistive technology. */
export function SelectField<T extends string>({ label, value, options, onChange, className, testId }: SelectFieldProps<T>) {
  return (
    <label className={className}>
      <span>{label}</span>{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as T)} data-testid={testId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
