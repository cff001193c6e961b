import type { ArgumentConstraint, EventRole, EventType, RelationType } from '../tagset/relationTypes';
import { ANY_ENTITY, ANY_EVENT } from '../tagset/bratMacros';
import type { EventRoleArgument } from './relationOperations';

/**
 * Which relation types and event roles fit two annotations (#20): only those are offered when
 * the user links them. `eventTypeIds` tells entity types from event types, for brat's
 * `<ENTITY>` and `<EVENT>` when they are left unexpanded.
 */
export function argumentAccepts(constraint: ArgumentConstraint, type: string, eventTypeIds: ReadonlySet<string>): boolean {
  if (constraint.types.length === 0) return true;
  return constraint.types.some((allowed) => allowed === type || (allowed === ANY_ENTITY && !eventTypeIds.has(type)) || (allowed === ANY_EVENT && eventTypeIds.has(type)));
}

export function fittingRelationTypes(relationTypes: readonly RelationType[], fromType: string, toType: string, eventTypeIds: ReadonlySet<string>): RelationType[] {
  return relationTypes.filter((relationType) => argumentAccepts(relationType.args[0], fromType, eventTypeIds) && argumentAccepts(relationType.args[1], toType, eventTypeIds));
}

/** Roles of `eventType` an annotation of `argumentType` may fill, leaving out those already at their maximum. */
export function fittingRoles(eventType: EventType, current: readonly EventRoleArgument[], argumentType: string, eventTypeIds: ReadonlySet<string>): EventRole[] {
  return eventType.roles.filter((role) => {
    const filled = current.filter((argument) => argument.role === role.role).length;
    return (role.max === null || filled < role.max) && argumentAccepts(role, argumentType, eventTypeIds);
  });
}

/** Roles filled fewer times than their minimum: the event is not complete yet. */
export function missingRoles(eventType: EventType, current: readonly EventRoleArgument[]): EventRole[] {
  return eventType.roles.filter((role) => current.filter((argument) => argument.role === role.role).length < role.min);
}

/** What linking two annotations may make: relation types, or roles when the source is an event trigger. */
export type ArgumentConstraintFit = { kind: 'relation'; relationTypes: RelationType[] } | { kind: 'role'; eventType: EventType; roles: EventRole[] };
