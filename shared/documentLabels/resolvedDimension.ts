/**
 * A document-label dimension as the window uses it (dimensions.ts resolves it from the tag set
 * file and checks the file with zod): its kinds, values and keys. Zod-free: (#25) the window's
 * keyboard and label panel use these without building the dimension schemas.
 */
export const DIMENSION_KINDS = ['single', 'multi', 'scale', 'text'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export interface DimensionValue {
  id: string;
  label: { fa: string; en: string };
  guideline: string;
  hotkey: string | null;
}

export interface Dimension {
  id: string;
  kind: DimensionKind;
  label: { fa: string; en: string };
  guideline: string;
  /** For a scale, its points from lowest to highest; `id` is the number as text. */
  values: DimensionValue[];
  level: 'ordinal' | 'interval';
}

/** The dimension and value a key press names (`Alt+Digit3`, `Alt+Shift+Digit1`), or null. */
export function dimensionValueForKey(dimensions: readonly Dimension[], key: string): { dimension: Dimension; value: DimensionValue } | null {
  for (const dimension of dimensions) {
    const value = dimension.values.find((candidate) => candidate.hotkey === key);
    if (value) return { dimension, value };
  }
  return null;
}

/** The chord a key press names when Alt is held: `Alt+Digit1`, `Alt+Shift+Digit1`; null otherwise. */
export function dimensionKeyOfPress(event: { code: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): string | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || !/^Digit[0-9]$/.test(event.code)) return null;
  return `Alt+${event.shiftKey ? 'Shift+' : ''}${event.code}`;
}
