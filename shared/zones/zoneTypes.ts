import { z } from 'zod';
import { BUILT_IN_ZONE_TYPES } from '../documentLabels/judgmentValues';

/**
 * (#21) Zone types: `headline`, `body` and `boilerplate` are always known; a tag set
 * (`hashiye.json`, field `zoneTypes`) may add more, each with Persian and English labels and a
 * colour. Only `boilerplate` changes what exports, statistics and agreement see; an added type
 * only marks a region. A zone whose type neither the build nor the tag set knows is kept as it
 * is, reported, and shown in a neutral style.
 */
export const ZoneTypeInputSchema = z.looseObject({
  id: z.string().min(1).max(64).regex(/^[^\s]+$/, 'a zone type id has no spaces'),
  label: z.looseObject({ fa: z.string().optional(), en: z.string().optional() }).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
export type ZoneTypeInput = z.infer<typeof ZoneTypeInputSchema>;

/** The tag set's `zoneTypes`: no built-in type again, no id twice. */
export const ZoneTypeListSchema = z.array(ZoneTypeInputSchema).superRefine((inputs, context) => {
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    if (BUILT_IN_ZONE_TYPES.includes(input.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `${input.id} is a zone type every tag set has` });
    else if (seen.has(input.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `the zone type ${input.id} is listed twice` });
    seen.add(input.id);
  });
});

export const ZoneTypeWireSchema = z.object({
  id: z.string(),
  label: z.object({ fa: z.string(), en: z.string() }),
  /** Null for the built-in types: they keep the app's own styles (boilerplate is greyed). */
  color: z.string().nullable(),
  builtIn: z.boolean(),
});
export type ZoneType = z.infer<typeof ZoneTypeWireSchema>;
