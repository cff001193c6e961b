import { z } from 'zod';
import type { CodePointOffset } from '../anchoring/offsetUnits';

export { BOILERPLATE_ZONE, BUILT_IN_ZONE_TYPES, NO_DOCUMENT_LABELS } from './judgmentValues';

/**
 * The article's judgments as a whole (DESIGN.md, fixed contract): `documentLabels` maps a
 * dimension id to a string (single choice or free text), an array of strings (multiple choice)
 * or a number (scale); `zones` are regions `{ id, type, start, end }` in code points. Both are
 * top-level fields of `NAME.ann.json`, read in every format version this build reads.
 */
export const DocumentLabelValueSchema = z.union([z.string(), z.array(z.string()), z.number()]);
export type DocumentLabelValue = z.infer<typeof DocumentLabelValueSchema>;

export const DocumentLabelsSchema = z.record(z.string().min(1), DocumentLabelValueSchema);
export type DocumentLabels = z.infer<typeof DocumentLabelsSchema>;

const offset = z.number().int().nonnegative() as unknown as z.ZodType<CodePointOffset, number>;

export const ZoneSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  start: offset,
  end: offset,
});
export type Zone = z.infer<typeof ZoneSchema>;

export const ZoneListSchema = z.array(ZoneSchema);

export const NO_ZONES: readonly Zone[] = Object.freeze([]) as readonly Zone[];
