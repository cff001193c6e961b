import { z } from 'zod';

/**
 * Document-label dimensions declared in the tag set (`hashiye.json`, field `dimensions`): what
 * an analyst judges about an article as a whole. Each is single choice, multiple choice, an
 * ordinal scale or free text; values carry Persian and English labels, a guideline and a key.
 * Keys are Alt+Digit (DESIGN.md, fixed: Digit and Shift+Digit belong to entity types).
 */
export const DIMENSION_KINDS = ['single', 'multi', 'scale', 'text'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export const DimensionHotkeySchema = z.string().regex(/^Alt\+(Shift\+)?Digit[0-9]$/);

const LabelTextSchema = z.looseObject({ fa: z.string().optional(), en: z.string().optional() });

export const DimensionValueInputSchema = z.looseObject({
  id: z.string().min(1),
  label: LabelTextSchema.optional(),
  guideline: z.string().optional(),
  hotkey: DimensionHotkeySchema.optional(),
});

export const DimensionInputSchema = z.looseObject({
  id: z.string().min(1).regex(/^[^\s]+$/, 'a dimension id has no spaces'),
  kind: z.enum(DIMENSION_KINDS),
  label: LabelTextSchema.optional(),
  guideline: z.string().optional(),
  /** Choices (single, multi). A scale lists its points in order, or gives `min` and `max`. */
  values: z.array(DimensionValueInputSchema).optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** For agreement on a scale: ordinal (default) or interval differences. */
  level: z.enum(['ordinal', 'interval']).optional(),
});
export type DimensionInput = z.infer<typeof DimensionInputSchema>;

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

const DIGIT_ROW = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0'];
const AUTOMATIC_KEYS: readonly string[] = [...DIGIT_ROW.map((code) => `Alt+${code}`), ...DIGIT_ROW.map((code) => `Alt+Shift+${code}`)];

function labelOf(input: { id: string; label?: { fa?: string; en?: string } }): { fa: string; en: string } {
  return { fa: input.label?.fa || input.label?.en || input.id, en: input.label?.en || input.id };
}

/** A scale's points: as listed, or every integer from `min` to `max` (default 1–5). */
function scaleValues(input: DimensionInput): z.infer<typeof DimensionValueInputSchema>[] {
  if (input.values && input.values.length > 0) return input.values;
  const min = input.min ?? 1;
  const max = Math.max(min, Math.min(input.max ?? 5, min + 19));
  return Array.from({ length: max - min + 1 }, (_, index) => ({ id: String(min + index) }));
}

/**
 * Resolves labels and keys: values without a key of their own get Alt+1…Alt+0, then
 * Alt+Shift+1…, across dimensions in the order listed, skipping keys already claimed.
 */
export function resolveDimensions(inputs: readonly DimensionInput[]): Dimension[] {
  const valueInputs = inputs.map((input) => (input.kind === 'scale' ? scaleValues(input) : input.kind === 'text' ? [] : (input.values ?? [])));
  const claimed = new Set(valueInputs.flat().flatMap((value) => (value.hotkey ? [value.hotkey] : [])));
  const free = AUTOMATIC_KEYS.filter((key) => !claimed.has(key));
  let next = 0;
  return inputs.map((input, index) => ({
    id: input.id,
    kind: input.kind,
    label: labelOf(input),
    guideline: input.guideline ?? '',
    level: input.level ?? 'ordinal',
    values: valueInputs[index].map((value) => ({
      id: value.id,
      label: labelOf(value),
      guideline: value.guideline ?? '',
      hotkey: value.hotkey ?? (next < free.length ? free[next++] : null),
    })),
  }));
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

/** Back from a resolved dimension to what the tag set file holds (keys kept only where set). */
export function dimensionToInput(dimension: Dimension): DimensionInput {
  const values = dimension.values.map((value) => ({ id: value.id, label: value.label, ...(value.guideline ? { guideline: value.guideline } : {}), ...(value.hotkey ? { hotkey: value.hotkey } : {}) }));
  return {
    id: dimension.id,
    kind: dimension.kind,
    label: dimension.label,
    ...(dimension.guideline ? { guideline: dimension.guideline } : {}),
    ...(dimension.kind === 'text' ? {} : { values }),
    ...(dimension.kind === 'scale' ? { level: dimension.level } : {}),
  };
}
