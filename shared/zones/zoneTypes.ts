import { z } from 'zod';
import { BUILT_IN_ZONE_TYPES, type Zone } from '../documentLabels/judgmentFormat';

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

const BUILT_IN_LABELS: Record<string, { fa: string; en: string }> = {
  headline: { fa: 'تیتر', en: 'headline' },
  body: { fa: 'متن اصلی', en: 'body' },
  boilerplate: { fa: 'متن حاشیه‌ای سایت', en: 'boilerplate' },
};

/** Colours for added types that name none: muted, distinct from the greyed boilerplate. */
const ZONE_PALETTE = ['#b8860b', '#2e8b57', '#6a5acd', '#c71585', '#20b2aa', '#cd5c5c'];

/** The built-in zone types, then the tag set's own in the order listed. */
export function resolveZoneTypes(inputs: readonly ZoneTypeInput[]): ZoneType[] {
  const builtIn = BUILT_IN_ZONE_TYPES.map((id): ZoneType => ({ id, label: BUILT_IN_LABELS[id] ?? { fa: id, en: id }, color: null, builtIn: true }));
  const added = inputs
    .filter((input) => !BUILT_IN_ZONE_TYPES.includes(input.id))
    .map((input, index): ZoneType => ({
      id: input.id,
      label: { fa: input.label?.fa || input.label?.en || input.id, en: input.label?.en || input.id },
      color: input.color ?? ZONE_PALETTE[index % ZONE_PALETTE.length],
      builtIn: false,
    }));
  return [...builtIn, ...added];
}

/** Types of the article's zones that neither the build nor the tag set knows, each once, in order of appearance. */
export function unknownZoneTypes(zones: readonly Zone[], known: readonly ZoneType[]): string[] {
  const ids = new Set(known.map((type) => type.id));
  for (const id of BUILT_IN_ZONE_TYPES) ids.add(id);
  return [...new Set(zones.map((zone) => zone.type).filter((type) => !ids.has(type)))];
}
