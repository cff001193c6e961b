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
