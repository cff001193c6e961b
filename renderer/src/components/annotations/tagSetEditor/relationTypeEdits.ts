import type { z } from 'zod';
import type { AttributeDefinitionInput } from '../../../../../shared/model/tagSet';
import type { AttributeWireSchema, EventTypeInput, EventTypeWireSchema, RelationTypeInput, RelationTypeWireSchema } from '../../../../../shared/tagset/relationTypes';

/**
 * The tag-set editor's rows for relation and event types (#20), and their conversion to and from
 * what `hashiye.json` holds. Pure: the editor's components only display and change these rows.
 *
 * A role's allowed types are stored as *keys* of the editor's entity rows, not as their ids: an
 * entity type renamed in the same edit is still the one the role allows (its key is the id it
 * had when the editor opened; a new type's key is `new N`, which no id can be, as ids have no
 * spaces). Keys are turned into the ids being saved by `resolveKeys`.
 */
export type AttributeWire = z.infer<typeof AttributeWireSchema>;
export type RelationTypeWire = z.infer<typeof RelationTypeWireSchema>;
export type EventTypeWire = z.infer<typeof EventTypeWireSchema>;

export interface EditableAttribute {
  id: string;
  fa: string;
  en: string;
  type: 'boolean' | 'enum' | 'text';
  /** Comma-separated values of a choice (Persian or Latin commas). */
  values: string;
}

export interface EditableRole {
  /** The role's name when the editor opened (null for a new role): a renamed event role is renamed in the saved triggers too. */
  originalRole: string | null;
  role: string;
  /** Entity-row keys, event type ids, or brat's `<ENTITY>` / `<EVENT>`. */
  types: string[];
  min: number;
  max: number | null;
}

export interface EditableRelation {
  /** The id when the editor opened (null for a new type): renames and removals are derived from it. */
  originalId: string | null;
  id: string;
  fa: string;
  en: string;
  color: string;
  symmetric: boolean;
  args: [EditableRole, EditableRole];
  attributes: EditableAttribute[];
}

export interface EditableEvent {
  /** As for relations: the id when the editor opened, or null. */
  originalId: string | null;
  id: string;
  fa: string;
  en: string;
  color: string;
  hotkey: string | null;
  guideline: string;
  roles: EditableRole[];
  attributes: EditableAttribute[];
}

/** The cardinalities the editor offers, as brat writes them: one, `?`, `*`, `+`. */
export const CARDINALITY_CHOICES = [
  { key: 'one', min: 1, max: 1 },
  { key: 'optional', min: 0, max: 1 },
  { key: 'any', min: 0, max: null },
  { key: 'many', min: 1, max: null },
] as const;
export type CardinalityKey = (typeof CARDINALITY_CHOICES)[number]['key'];

export function cardinalityKeyOf(role: Pick<EditableRole, 'min' | 'max'>): CardinalityKey | null {
  return CARDINALITY_CHOICES.find((choice) => choice.min === role.min && choice.max === role.max)?.key ?? null;
}

function attributeRowsOf(attributes: readonly AttributeWire[]): EditableAttribute[] {
  return attributes.map((attribute) => ({ id: attribute.id, fa: attribute.label.fa, en: attribute.label.en, type: attribute.type, values: attribute.values.join(', ') }));
}

export function relationRowsOf(types: readonly RelationTypeWire[]): EditableRelation[] {
  return types.map((type) => ({
    originalId: type.id,
    id: type.id,
    fa: type.label.fa,
    en: type.label.en,
    color: type.color,
    symmetric: type.symmetric,
    args: [
      { originalRole: type.args[0].role, role: type.args[0].role, types: [...type.args[0].types], min: 1, max: 1 },
      { originalRole: type.args[1].role, role: type.args[1].role, types: [...type.args[1].types], min: 1, max: 1 },
    ],
    attributes: attributeRowsOf(type.attributes),
  }));
}

export function eventRowsOf(types: readonly EventTypeWire[]): EditableEvent[] {
  return types.map((type) => ({
    originalId: type.id,
    id: type.id,
    fa: type.label.fa,
    en: type.label.en,
    color: type.color,
    hotkey: type.hotkey,
    guideline: type.guideline,
    roles: type.roles.map((role) => ({ originalRole: role.role, role: role.role, types: [...role.types], min: role.min, max: role.max })),
    attributes: attributeRowsOf(type.attributes),
  }));
}

export function newRelationRow(position: number): EditableRelation {
  return { originalId: null, id: `REL${position}`, fa: '', en: '', color: '#5b6b7f', symmetric: false, args: [newRole('Arg1'), newRole('Arg2')], attributes: [] };
}

export function newEventRow(position: number): EditableEvent {
  return { originalId: null, id: `EVENT${position}`, fa: '', en: '', color: '#c0392b', hotkey: null, guideline: '', roles: [], attributes: [] };
}

export function newRole(name: string): EditableRole {
  return { originalRole: null, role: name, types: [], min: 1, max: 1 };
}

export function newAttribute(position: number): EditableAttribute {
  return { id: `Attr${position}`, fa: '', en: '', type: 'boolean', values: '' };
}

/** A choice's values as typed: split at Latin or Persian commas, trimmed, empty ones dropped. */
export function attributeValues(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function attributeInputsOf(rows: readonly EditableAttribute[]): AttributeDefinitionInput[] {
  return rows.map((row) => {
    const values = row.type === 'enum' ? attributeValues(row.values) : [];
    return { id: row.id, ...labelOf(row), type: row.type, ...(values.length ? { values } : {}) };
  });
}

/** `{ label }` with the labels typed, or nothing when both are empty (the id stands in for them). */
function labelOf(row: { fa: string; en: string }): { label?: { fa?: string; en?: string } } {
  const fa = row.fa.trim();
  const en = row.en.trim();
  return fa || en ? { label: { ...(fa ? { fa } : {}), ...(en ? { en } : {}) } } : {};
}

/** Entity-row keys → the ids being saved; other names (event types, macros, removed types) stay as they are. */
export function resolveKeys(types: readonly string[], idOfKey: ReadonlyMap<string, string>): string[] {
  return [...new Set(types.map((type) => idOfKey.get(type) ?? type))];
}

function cardinalityOf(role: EditableRole): { cardinality?: { min: number; max: number | null } } {
  return role.min === 1 && role.max === 1 ? {} : { cardinality: { min: role.min, max: role.max } };
}

export function relationInputsOf(rows: readonly EditableRelation[], idOfKey: ReadonlyMap<string, string>): RelationTypeInput[] {
  return rows.map((row) => ({
    id: row.id,
    ...labelOf(row),
    color: row.color,
    args: [
      { role: row.args[0].role, types: resolveKeys(row.args[0].types, idOfKey) },
      { role: row.args[1].role, types: resolveKeys(row.args[1].types, idOfKey) },
    ],
    ...(row.symmetric ? { symmetric: true } : {}),
    ...(row.attributes.length ? { attributes: attributeInputsOf(row.attributes) } : {}),
  }));
}

export function eventInputsOf(rows: readonly EditableEvent[], idOfKey: ReadonlyMap<string, string>): EventTypeInput[] {
  return rows.map((row) => ({
    id: row.id,
    ...labelOf(row),
    color: row.color,
    ...(row.hotkey ? { hotkey: row.hotkey } : {}),
    ...(row.guideline ? { guideline: row.guideline } : {}),
    roles: row.roles.map((role) => ({ role: role.role, types: resolveKeys(role.types, idOfKey), ...cardinalityOf(role) })),
    ...(row.attributes.length ? { attributes: attributeInputsOf(row.attributes) } : {}),
  }));
}

/** A role's allowed types with one ticked or unticked. */
export function toggledType(types: readonly string[], type: string, allowed: boolean): string[] {
  return allowed ? (types.includes(type) ? [...types] : [...types, type]) : types.filter((entry) => entry !== type);
}
