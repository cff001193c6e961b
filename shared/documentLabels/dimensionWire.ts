import { z } from 'zod';
import { DIMENSION_KINDS } from './dimensions';

/** A resolved dimension as the window gets it with the tag set (shared/corpusWire.ts). */
const LabelPairSchema = z.object({ fa: z.string(), en: z.string() });

export const DimensionWireSchema = z.object({
  id: z.string(),
  kind: z.enum(DIMENSION_KINDS),
  label: LabelPairSchema,
  guideline: z.string(),
  level: z.enum(['ordinal', 'interval']),
  values: z.array(z.object({ id: z.string(), label: LabelPairSchema, guideline: z.string(), hotkey: z.string().nullable() })),
});
