/**
 * Document-label dimensions declared in the tag set (`hashiye.json`, field `dimensions`): what
 * an analyst judges about an article as a whole. Each is single choice, multiple choice, an
 * ordinal scale or free text; values carry Persian and English labels, a guideline and a key.
 * Keys are Alt+Digit (DESIGN.md, fixed: Digit and Shift+Digit belong to entity types).
 */
import { z } from 'zod';
import { DIMENSION_KINDS, type Dimension } from './resolvedDimension';

// The resolved form, zod-free for the window (#25), is read from here by main and the tools.
export { DIMENSION_KINDS, dimensionKeyOfPress, dimensionValueForKey, type Dimension, type DimensionKind, type DimensionValue } from './resolvedDimension';

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
