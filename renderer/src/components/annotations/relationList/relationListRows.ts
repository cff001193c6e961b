import type { StoredRelation } from '../../../../../shared/model/nativeFormat';
import { eventRolesOf, type EventRoleArgument } from '../../../../../shared/relations/relationOperations';

/** What a row needs of an annotation: its id, type and text, and its roles when it is an event trigger. */
export interface ListedAnnotation {
  id: string;
  type: string;
  text: string;
}

interface Labels {
  relationLabel: (type: string) => string;
  /** Non-null only for types of the tag set's events. */
  eventLabel: (type: string) => string | null;
}

/**
 * One row of the relations list (#20): a relation (`from` → `to`), or one role of an event,
 * shown under its trigger. `id` and `role` are the arc's `data-relation-id` and role, so a row
 * and its drawn arc name each other.
 */
export type RelationListRow =
  | { kind: 'relation'; key: string; id: string; role: null; label: string; from: string; to: string; fromText: string; toText: string }
  | { kind: 'role'; key: string; id: string; role: string; roleIndex: number; label: string; from: string; to: string; fromText: string; toText: string };

/** A heading over an event's roles: its trigger, with its type's label. */
export interface EventGroup {
  triggerId: string;
  triggerText: string;
  label: string;
  rows: RelationListRow[];
}

export interface RelationListModel {
  relations: RelationListRow[];
  events: EventGroup[];
  /** Every row in the order shown (relations, then each event's roles): the order the arrows move in. */
  ordered: RelationListRow[];
}

/**
 * The open document's relations and events, in the list's order; a missing end shows its id.
 * It runs after every edit, on articles of up to 100,000 annotations (#17): one cheap pass finds
 * the event triggers, and only the texts of the ends actually listed are looked up.
 */
export function relationListModel(annotations: readonly ListedAnnotation[], relations: readonly StoredRelation[], labels: Labels): RelationListModel {
  const triggers: ListedAnnotation[] = [];
  const triggerRoles: EventRoleArgument[][] = [];
  for (const annotation of annotations) {
    const isEventType = labels.eventLabel(annotation.type) !== null;
    if (!isEventType && !hasRoles(annotation)) continue;
    const roles = eventRolesOf(annotation);
    if (!isEventType && roles.length === 0) continue;
    triggers.push(annotation);
    triggerRoles.push(roles);
  }
  if (relations.length === 0 && triggers.length === 0) return { relations: [], events: [], ordered: [] };
  const wanted = new Set<string>();
  for (const relation of relations) wanted.add(relation.from).add(relation.to);
  for (const roles of triggerRoles) for (const role of roles) wanted.add(role.target);
  const textOf = new Map<string, string>();
  for (const annotation of annotations) if (wanted.has(annotation.id)) textOf.set(annotation.id, annotation.text);
  const text = (id: string) => textOf.get(id) ?? id;
  const relationRows: RelationListRow[] = relations.map((relation) => ({
    kind: 'relation',
    key: relation.id,
    id: relation.id,
    role: null,
    label: labels.relationLabel(relation.type),
    from: relation.from,
    to: relation.to,
    fromText: text(relation.from),
    toText: text(relation.to),
  }));
  const events: EventGroup[] = triggers.map((annotation, index) => ({
    triggerId: annotation.id,
    triggerText: annotation.text,
    label: labels.eventLabel(annotation.type) ?? annotation.type,
    rows: triggerRoles[index].map((role, roleIndex) => ({
      kind: 'role',
      key: `${annotation.id}#${roleIndex}`,
      id: annotation.id,
      role: role.role,
      roleIndex,
      label: role.role,
      from: annotation.id,
      to: role.target,
      fromText: annotation.text,
      toText: text(role.target),
    })),
  }));
  return { relations: relationRows, events, ordered: [...relationRows, ...events.flatMap((event) => event.rows)] };
}

/**
 * Whether `relationListModel` would list anything: a relation, an annotation of an event type,
 * or one carrying roles. (#25 heap) Asked before the list is drawn at all, so that an article
 * without any draws no list and runs none of its code; one pass that stops at the first trigger.
 */
export function listsAnything(annotations: readonly ListedAnnotation[], relations: readonly unknown[], isEventType: (type: string) => boolean): boolean {
  if (relations.length > 0) return true;
  return annotations.some((annotation) => isEventType(annotation.type) || (hasRoles(annotation) && eventRolesOf(annotation).length > 0));
}

function hasRoles(annotation: object): boolean {
  const roles = (annotation as { roles?: unknown }).roles;
  return Array.isArray(roles) && roles.length > 0;
}

/** The row index after a key press: arrows move within the list, Home and End go to its ends. */
export function movedRowIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return Math.min(count - 1, current + 1);
  if (key === 'ArrowUp') return Math.max(0, current - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * The events whose heading is drawn when only `rowBudget` of their rows (in the list's order)
 * are: each with the rows that fit. An event without roles is drawn once every row before it is.
 */
export function eventsWithinRows(events: readonly EventGroup[], rowBudget: number): { event: EventGroup; rows: RelationListRow[] }[] {
  const shown: { event: EventGroup; rows: RelationListRow[] }[] = [];
  let budget = rowBudget;
  for (const event of events) {
    if (budget < 0 || (budget === 0 && event.rows.length > 0)) break;
    shown.push({ event, rows: event.rows.length <= budget ? event.rows : event.rows.slice(0, budget) });
    budget -= event.rows.length;
  }
  return shown;
}
