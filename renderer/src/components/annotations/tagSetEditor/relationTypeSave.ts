import type { EventTypeInput, RelationTypeInput } from '../../../../../shared/tagset/relationTypes';
import { findRelationTypeProblem, type RelationTypeProblem } from '../../../../../shared/tagset/relationTypeChecks';
import { eventInputsOf, relationInputsOf, type EditableEvent, type EditableRelation } from './relationTypeEdits';

/** An entity row of the tag-set editor as the relation and event types see it. */
export interface EntityRowRef {
  /** Stable through renames: the id the type had when the editor opened, or `new N`. */
  key: string;
  id: string;
}

export interface RelationTypesToSave {
  relations: RelationTypeInput[];
  events: EventTypeInput[];
  problem: RelationTypeProblem | null;
}

/**
 * The relation and event types as `hashiye.json` will hold them, with role constraints following
 * the entity types renamed in the same edit, and the first problem that keeps them from being saved.
 */
export function relationTypesToSave(entityRows: readonly EntityRowRef[], originalEntityIds: readonly string[], relations: readonly EditableRelation[], events: readonly EditableEvent[]): RelationTypesToSave {
  const idOfKey = new Map(entityRows.map((row) => [row.key, row.id]));
  const relationInputs = relationInputsOf(relations, idOfKey);
  const eventInputs = eventInputsOf(events, idOfKey);
  const removedEntityIds = originalEntityIds.filter((id) => !idOfKey.has(id));
  const problem = findRelationTypeProblem({ entityIds: entityRows.map((row) => row.id), removedEntityIds, relations: relationInputs, events: eventInputs });
  return { relations: relationInputs, events: eventInputs, problem };
}

/**
 * Relation and event types renamed or removed in this edit, in the form the entity types' changes
 * take: relations of a renamed type and triggers of a renamed event type follow it in every
 * annotation file; those of a removed type are deleted (previewed first, as for entity types).
 */
export function relationTypeChanges(rows: readonly { originalId: string | null; id: string }[], originalIds: readonly string[]): { renames: { from: string; to: string }[]; removals: string[] } {
  const renames = rows.filter((row) => row.originalId !== null && row.originalId !== row.id).map((row) => ({ from: row.originalId as string, to: row.id }));
  const kept = new Set(rows.map((row) => row.originalId));
  return { renames, removals: originalIds.filter((id) => !kept.has(id)) };
}

/**
 * Event roles renamed in this edit, named by the event type's id as it is saved: the `roles` already
 * saved on that type's triggers follow them in every annotation file (a new event type has none).
 */
export function eventRoleRenames(events: readonly EditableEvent[]): { type: string; from: string; to: string }[] {
  return events.flatMap((row) =>
    row.originalId === null ? [] : row.roles.flatMap((role) => (role.originalRole !== null && role.originalRole !== role.role ? [{ type: row.id, from: role.originalRole, to: role.role }] : [])),
  );
}
