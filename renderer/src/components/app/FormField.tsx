import type { HTMLInputTypeAttribute } from 'react';

interface FormFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `ltr` for ids, URLs and dates; `rtl` for a Persian label; `auto` follows what is typed. */
  dir: 'ltr' | 'rtl' | 'auto';
  type?: HTMLInputTypeAttribute;
  name?: string;
  placeholder?: string;
  autoFocus?: boolean;
  size?: number;
  /** The label's class: how the dialog lays its fields out. */
  className?: string;
  testId?: string;
}

/**
 * A labelled one-line text field, the row the metadata dialog and the dimension editor are made
 * of: the label wraps the input, which names it for assistive technology; the label text sits
 * in its own span so that a dialog can stack the two or run them inline.
 */
export function FormField({ label, value, onChange, dir, type = 'text', name, placeholder, autoFocus, size, className = 'form-field', testId }: FormFieldProps) {
  return (
    <label className={className}>
      <span className="form-field-label">{label}</span>
      <input name={name} dir={dir} type={type} placeholder={placeholder} autoFocus={autoFocus} size={size} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </label>
  );
}
