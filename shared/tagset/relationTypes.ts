import { z } from 'zod';
import { AttributeDefinitionSchema, type AttributeDefinition, type AttributeDefinitionInput } from '../model/tagSet';

/**
 * Relation and event types of a tag set (#20): what `hashiye.json` holds under `relations` and
 * `events`, what brat's `annotation.conf` `[relations]` / `[events]` / `[attributes]` are read
 * into, and what the window receives. The names exported here are a contract between the
 * tag-set model and the brat reader: keep them stable.
 *
 * An argument's `types` lists the annotation types (entity or event types) it may name; an empty
 * list means any type. brat's `<ENTITY>` and `<EVENT>` macros are expanded into those lists by
 * the reader (ANY_ENTITY / ANY_EVENT stand for them when the tag set is not known yet).
 */
export { ANY_ENTITY, ANY_EVENT } from './bratMacros';

const TypeIdSchema = z.string().min(1).regex(/^[^\s]+$/, 'a type id has no spaces');
const LocalizedLabelSchema = z.looseObject({ fa: z.string().optional(), en: z.string().optional() });
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** One end of a relation, or one role of an event: its name and the types it accepts. */
export const ArgumentConstraintSchema = z.looseObject({
  role: z.string().min(1).regex(/^[^\s:]+$/, 'a role name has no spaces or colons'),
  types: z.array(z.string().min(1)).optional(),
});
export type ArgumentConstraintInput = z.infer<typeof ArgumentConstraintSchema>;

/** `hashiye.json` → `relations[]`: a directed link from `args[0]` to `args[1]`. */
export const RelationTypeSchema = z.looseObject({
  id: TypeIdSchema,
  label: LocalizedLabelSchema.optional(),
  color: ColorSchema.optional(),
  /** The two ends, from and to. Missing: `Arg1` and `Arg2`, any type. */
  args: z.tuple([ArgumentConstraintSchema, ArgumentConstraintSchema]).optional(),
  /** brat's `<REL-TYPE>:symmetric`: direction carries no meaning (reversing is a no-op). */
  symmetric: z.boolean().optional(),
  attributes: z.array(AttributeDefinitionSchema).optional(),
});
export type RelationTypeInput = z.infer<typeof RelationTypeSchema>;

/**
 * How many arguments an event may have in a role: brat's `Role` (exactly one), `Role?` (0–1),
 * `Role*` (0–n), `Role+` (1–n), `Role{2}`, `Role{1-3}`. `max: null` is unbounded.
 */
export const RoleCardinalitySchema = z
  .looseObject({ min: z.number().int().nonnegative(), max: z.number().int().positive().nullable() })
  .refine((value) => value.max === null || value.max >= value.min, 'max is below min');
export type RoleCardinality = z.infer<typeof RoleCardinalitySchema>;

export const EventRoleSchema = ArgumentConstraintSchema.extend({
  /** Missing: exactly one (brat's plain `Role:Type`). */
  cardinality: RoleCardinalitySchema.optional(),
});
export type EventRoleInput = z.infer<typeof EventRoleSchema>;

/** `hashiye.json` → `events[]`: a trigger annotation of this type, plus role arguments. */
export const EventTypeSchema = z.looseObject({
  id: TypeIdSchema,
  label: LocalizedLabelSchema.optional(),
  color: ColorSchema.optional(),
  /** `KeyboardEvent.code` for tagging a trigger, as for entity types. */
  hotkey: z.string().regex(/^(Shift\+)?(Digit[0-9]|Key[A-Z])$/).optional(),
  guideline: z.string().optional(),
  roles: z.array(EventRoleSchema),
  attributes: z.array(AttributeDefinitionSchema).optional(),
});
export type EventTypeInput = z.infer<typeof EventTypeSchema>;

/** The `hashiye.json` fields this file adds beside `types`. */
export const RelationTagSetFieldsSchema = z.looseObject({
  relations: z.array(RelationTypeSchema).optional(),
  events: z.array(EventTypeSchema).optional(),
});
export type RelationTagSetFields = z.infer<typeof RelationTagSetFieldsSchema>;

/* ---- Resolved (labels in both languages, colours, defaults filled in): what the window uses. ---- */

export interface ArgumentConstraint {
  role: string;
  /** Allowed annotation types; empty: any. */
  types: string[];
}

export interface RelationType {
  id: string;
  label: { fa: string; en: string };
  color: string;
  args: [ArgumentConstraint, ArgumentConstraint];
  symmetric: boolean;
  attributes: AttributeDefinition[];
}

export interface EventRole extends ArgumentConstraint {
  min: number;
  max: number | null;
}

export interface EventType {
  id: string;
  label: { fa: string; en: string };
  color: string;
  hotkey: string | null;
  guideline: string;
  roles: EventRole[];
  attributes: AttributeDefinition[];
}

/** An attribute definition as the window receives it (entity, relation and event types alike). */
export const AttributeWireSchema = z.object({
  id: z.string(),
  label: z.object({ fa: z.string(), en: z.string() }),
  type: z.enum(['boolean', 'enum', 'text']),
  values: z.array(z.string()),
});
const ArgumentWireSchema = z.object({ role: z.string(), types: z.array(z.string()) });

export const RelationTypeWireSchema = z.object({
  id: z.string(),
  label: z.object({ fa: z.string(), en: z.string() }),
  color: z.string(),
  args: z.tuple([ArgumentWireSchema, ArgumentWireSchema]),
  symmetric: z.boolean(),
  attributes: z.array(AttributeWireSchema),
});

/** A span type (entity or event) as the window receives it: shared/corpusWire.ts's TagTypeWireSchema is this. */
export const SpanTypeWireSchema = z.object({
  id: z.string(),
  label: z.object({ fa: z.string(), en: z.string() }),
  color: z.string(),
  hotkey: z.string().nullable(),
  guideline: z.string(),
  attributes: z.array(AttributeWireSchema),
});

export const EventTypeWireSchema = SpanTypeWireSchema.extend({
  roles: z.array(ArgumentWireSchema.extend({ min: z.number().int().nonnegative(), max: z.number().int().positive().nullable() })),
});

const RELATION_PALETTE = ['#5b6b7f', '#8e44ad', '#16a085', '#c0392b', '#2c3e50', '#d35400', '#27ae60', '#2980b9'];

function resolveLabel(id: string, label: { fa?: string; en?: string } | undefined): { fa: string; en: string } {
  return { fa: label?.fa || label?.en || id, en: label?.en || id };
}

function resolveAttributeDefinition(input: AttributeDefinitionInput): AttributeDefinition {
  const values = input.values ?? [];
  return { id: input.id, label: resolveLabel(input.id, input.label), type: input.type ?? (values.length > 0 ? 'enum' : 'boolean'), values };
}

function resolveArgument(input: ArgumentConstraintInput): ArgumentConstraint {
  return { role: input.role, types: [...(input.types ?? [])] };
}

export function resolveRelationTypes(inputs: readonly RelationTypeInput[]): RelationType[] {
  return inputs.map((input, index) => ({
    id: input.id,
    label: resolveLabel(input.id, input.label),
    color: input.color ?? RELATION_PALETTE[index % RELATION_PALETTE.length],
    args: input.args ? [resolveArgument(input.args[0]), resolveArgument(input.args[1])] : [{ role: 'Arg1', types: [] }, { role: 'Arg2', types: [] }],
    symmetric: input.symmetric ?? false,
    attributes: (input.attributes ?? []).map(resolveAttributeDefinition),
  }));
}

export function resolveEventTypes(inputs: readonly EventTypeInput[]): EventType[] {
  return inputs.map((input, index) => ({
    id: input.id,
    label: resolveLabel(input.id, input.label),
    color: input.color ?? RELATION_PALETTE[(index + 3) % RELATION_PALETTE.length],
    hotkey: input.hotkey ?? null,
    guideline: input.guideline ?? '',
    roles: input.roles.map((role) => ({ ...resolveArgument(role), min: role.cardinality?.min ?? 1, max: role.cardinality === undefined ? 1 : role.cardinality.max })),
    attributes: (input.attributes ?? []).map(resolveAttributeDefinition),
  }));
}

/** brat's cardinality suffix (`?`, `*`, `+`, `{2}`, `{1-3}`, or none) as min/max; null when unreadable. */
export function cardinalityOfBratSuffix(suffix: string): RoleCardinality | null {
  if (suffix === '') return { min: 1, max: 1 };
  if (suffix === '?') return { min: 0, max: 1 };
  if (suffix === '*') return { min: 0, max: null };
  if (suffix === '+') return { min: 1, max: null };
  const range = /^\{(\d+)(?:-(\d+))?\}$/.exec(suffix);
  if (!range) return null;
  const min = Number(range[1]);
  const max = range[2] === undefined ? min : Number(range[2]);
  return max >= Math.max(min, 1) ? { min, max } : null;
}

/** The inverse of cardinalityOfBratSuffix, for writing an `annotation.conf`. */
export function bratSuffixOfCardinality(cardinality: RoleCardinality): string {
  const { min, max } = cardinality;
  if (min === 1 && max === 1) return '';
  if (min === 0 && max === 1) return '?';
  if (min === 0 && max === null) return '*';
  if (min === 1 && max === null) return '+';
  return max === null ? `{${min}-}` : min === max ? `{${min}}` : `{${min}-${max}}`;
}
