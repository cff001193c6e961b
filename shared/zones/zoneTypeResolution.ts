import type { Zone } from '../documentLabels/judgmentFormat';
import { BUILT_IN_ZONE_TYPES } from '../documentLabels/judgmentValues';
import type { ZoneType, ZoneTypeInput } from './zoneTypes';

/**
 * (#21) The zone types a corpus knows, resolved from its tag set (zoneTypes.ts checks the tag
 * set's list with zod), and the article's zones none of them names. Apart from the schemas so that
 * (#25) the window's zone bar uses these without building them.
 */

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
