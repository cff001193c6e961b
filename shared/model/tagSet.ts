import { z } from 'zod';
import { DimensionInputSchema, type Dimension } from '../documentLabels/dimensions';
import { ZoneTypeListSchema, type ZoneType } from '../zones/zoneTypes';

/** Keys are `KeyboardEvent.code` values, so hotkeys work under a Persian keyboard layout. */
export const HotkeyCodeSchema = z.string().regex(/^(Shift\+)?(Digit[0-9]|Key[A-Z])$/);

/** An attribute a tag type defines for its annotations (negated, uncertain, a role...). */
export const AttributeDefinitionSchema = z.looseObject({
  id: z.string().min(1).regex(/^[^\s]+$/, 'an attribute id has no spaces'),
  label: z.looseObject({ fa: z.string().optional(), en: z.string().optional() }).optional(),
  type: z.enum(['boolean', 'enum', 'text']).optional(),
  values: z.array(z.string().min(1)).optional(),
});
export type AttributeDefinitionInput = z.infer<typeof AttributeDefinitionSchema>;

export interface AttributeDefinition {
  id: string;
  label: { fa: string; en: string };
  type: 'boolean' | 'enum' | 'text';
  values: string[];
}

export const TagTypeSchema = z.looseObject({
  id: z.string().min(1).regex(/^[^\s]+$/, 'a tag id has no spaces'),
  label: z.looseObject({ fa: z.string().optional(), en: z.string().optional() }).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  hotkey: HotkeyCodeSchema.optional(),
  guideline: z.string().optional(),
  attributes: z.array(AttributeDefinitionSchema).optional(),
});
export type TagTypeInput = z.infer<typeof TagTypeSchema>;

export const TagSetFileSchema = z.looseObject({
  version: z.literal(1).optional(),
  types: z.array(TagTypeSchema).min(1),
  /** (#21) Document-label dimensions: what is judged of an article as a whole. */
  dimensions: z.array(DimensionInputSchema).optional(),
  /** (#21) Zone types beside headline, body and boilerplate (which every tag set has). */
  zoneTypes: ZoneTypeListSchema.optional(),
});
export type TagSetFile = z.infer<typeof TagSetFileSchema>;

/** A tag type with everything resolved: a label in each UI language, a colour and a hotkey. */
export interface TagType {
  id: string;
  label: { fa: string; en: string };
  color: string;
  hotkey: string | null;
  guideline: string;
  attributes: AttributeDefinition[];
}

export type TagSetSource = 'hashiye.json' | 'annotation.conf' | 'default';

export interface TagSet {
  source: TagSetSource;
  types: TagType[];
  /** (#21) Absent or empty: the tag set declares no document-label dimension. */
  dimensions?: Dimension[];
  /** (#21) Built-in zone types and the tag set's own; absent means only the built-in ones. */
  zoneTypes?: ZoneType[];
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000', '#000075', '#e6beff'];

export const DEFAULT_NEWS_TYPES: readonly TagTypeInput[] = [
  { id: 'PER', label: { fa: 'شخص', en: 'Person' }, color: '#e6194b' },
  { id: 'ORG', label: { fa: 'سازمان', en: 'Organization' }, color: '#4363d8' },
  { id: 'LOC', label: { fa: 'مکان', en: 'Location' }, color: '#3cb44b' },
  { id: 'FAC', label: { fa: 'تأسیسات', en: 'Facility' }, color: '#9a6324' },
  { id: 'EVENT', label: { fa: 'رویداد', en: 'Event' }, color: '#f58231' },
  { id: 'DATE', label: { fa: 'تاریخ', en: 'Date' }, color: '#911eb4' },
  { id: 'TIME', label: { fa: 'زمان', en: 'Time' }, color: '#42d4f4' },
  { id: 'MONEY', label: { fa: 'پول', en: 'Money' }, color: '#469990' },
  { id: 'PERCENT', label: { fa: 'درصد', en: 'Percent' }, color: '#808000' },
  { id: 'MISC', label: { fa: 'متفرقه', en: 'Miscellaneous' }, color: '#f032e6' },
];

/**
 * Resolves labels, colours and hotkeys. Types without a hotkey of their own get Digit1..Digit9,
 * Digit0, then Shift+Digit1..Shift+Digit0 in the order they are listed, skipping keys another
 * type already claimed (DESIGN.md, fixed): the default set's tenth type (MISC) has a key too.
 */
const DIGIT_ROW = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0'];
const AUTOMATIC_HOTKEYS: readonly string[] = [...DIGIT_ROW, ...DIGIT_ROW.map((code) => `Shift+${code}`)];

export function resolveTagSet(source: TagSetSource, inputs: readonly TagTypeInput[]): TagSet {
  const claimed = new Set(inputs.map((input) => input.hotkey).filter((hotkey): hotkey is string => Boolean(hotkey)));
  const free = AUTOMATIC_HOTKEYS.filter((code) => !claimed.has(code));
  let nextFree = 0;
  const takeDigit = (): string | null => (nextFree < free.length ? free[nextFree++] : null);
  const types = inputs.map((input, index): TagType => ({
    id: input.id,
    label: { fa: input.label?.fa || input.label?.en || input.id, en: input.label?.en || input.id },
    color: input.color ?? PALETTE[index % PALETTE.length],
    hotkey: input.hotkey ?? takeDigit(),
    guideline: input.guideline ?? '',
    attributes: (input.attributes ?? []).map(resolveAttribute),
  }));
  return { source, types };
}

function resolveAttribute(input: AttributeDefinitionInput): AttributeDefinition {
  const values = input.values ?? [];
  return {
    id: input.id,
    label: { fa: input.label?.fa || input.label?.en || input.id, en: input.label?.en || input.id },
    type: input.type ?? (values.length > 0 ? 'enum' : 'boolean'),
    values,
  };
}

export function defaultTagSet(): TagSet {
  return resolveTagSet('default', DEFAULT_NEWS_TYPES);
}
