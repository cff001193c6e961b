import type { StoredAnnotation } from '../model/nativeFormat';
import { eventRolesOf, type EventRoleArgument } from '../relations/relationOperations';
import { appendLine, dominantLineEnd, findLineIndex, nextId, type StandoffDocument } from './standoffDocument';
import { formatEventRaw, type ArgumentReference, type EventLine } from './standoffLine';

/**
 * brat events (`E1\tAttack:T3 Attacker:T1 Target:E2`) and the native form the window edits
 * (shared/relations/relationOperations.ts): the trigger annotation (T3) carries `roles`, each
 * naming the annotation that fills it. A role filled by another event (`Target:E2`) names that
 * event's trigger. Only the first E line of a trigger is shown (BioNLP puts several on one
 * trigger); the others, and E lines whose arguments are not all shown, are never touched.
 * Deleting an event (its E line with the trigger kept) is not expressible in the native form
 * yet: `roles: []` leaves the event with its trigger only.
 */

interface ShownEvent {
  line: EventLine;
  roles: EventRoleArgument[];
}

/** The shown event of each trigger, by trigger id. */
export function shownEvents(document: StandoffDocument, entities: ReadonlySet<string>): Map<string, ShownEvent> {
  const triggerOf = new Map<string, string>();
  for (const line of document.lines) if (line.kind === 'event' && !triggerOf.has(line.id)) triggerOf.set(line.id, line.trigger);
  const events = new Map<string, ShownEvent>();
  for (const line of document.lines) {
    if (line.kind !== 'event' || !entities.has(line.trigger) || events.has(line.trigger)) continue;
    const roles = line.args.map((argument) => ({ role: argument.role, target: triggerOf.get(argument.ref) ?? argument.ref }));
    if (roles.every((role) => entities.has(role.target))) events.set(line.trigger, { line, roles });
  }
  return events;
}

function sameRoles(a: readonly EventRoleArgument[], b: readonly EventRoleArgument[]): boolean {
  return a.length === b.length && a.every((role, index) => role.role === b[index].role && role.target === b[index].target);
}

/**
 * The E line's arguments for the roles: where the line already names a role's filler (by T id,
 * or by an E id whose trigger it is), that reference is kept as written.
 */
function argumentsFor(roles: readonly EventRoleArgument[], shown: ShownEvent | undefined): ArgumentReference[] {
  return roles.map((role, index) => {
    const before = shown?.roles[index];
    const keep = shown && before && before.role === role.role && before.target === role.target;
    return { role: role.role, ref: keep ? shown.line.args[index].ref : role.target };
  });
}

/**
 * Makes the E lines say what the annotations' `roles` say: an unchanged event keeps its bytes, a
 * changed one is rewritten in place (its id kept), a trigger with roles and no E line gets a new
 * one with the next free E id. Ids are those in the file (`idMap`: native id → brat id).
 */
export function applyEventRoles(
  document: StandoffDocument,
  annotations: readonly StoredAnnotation[],
  entities: ReadonlySet<string>,
  idMap: Readonly<Record<string, string>>,
  triggers: {
    /** Triggers the user gave another type, with the type their T line had: an event of that type takes the new one too. */
    retyped: ReadonlyMap<string, string>;
    /** Triggers whose E line this save removed with a deleted annotation: the event is not made up again (undo puts the line back). */
    removed: ReadonlySet<string>;
  },
): StandoffDocument {
  const events = shownEvents(document, entities);
  let current = document;
  for (const annotation of annotations) {
    // No `roles` field at all: whoever sent the annotation does not know about events (an older
    // window, a tool): its E line is left as it is. `roles: []` does remove the arguments.
    if (!Array.isArray(annotation.roles)) continue;
    const trigger = idMap[annotation.id] ?? annotation.id;
    const shown = events.get(trigger);
    if (!shown && triggers.removed.has(trigger)) continue;
    const roles = eventRolesOf(annotation).map((role) => ({ role: role.role, target: idMap[role.target] ?? role.target }));
    // A role filled by an annotation the file no longer has: the event went with it (removeAnnotation's cascade, as brat does).
    if (!entities.has(trigger) || roles.some((role) => !entities.has(role.target))) continue;
    const type = shown && triggers.retyped.get(trigger) !== shown.line.type ? shown.line.type : annotation.type;
    if (shown ? sameRoles(shown.roles, roles) && shown.line.type === type : roles.length === 0) continue;
    const args = argumentsFor(roles, shown);
    if (shown) {
      const index = findLineIndex(current, shown.line.id);
      const lines = [...current.lines];
      lines[index] = { ...shown.line, type, args, raw: formatEventRaw(shown.line.id, type, trigger, args) };
      current = { ...current, lines };
    } else {
      const id = nextId(current, 'E');
      const line: EventLine = { kind: 'event', raw: formatEventRaw(id, annotation.type, trigger, args), eol: dominantLineEnd(current), id, type: annotation.type, trigger, args };
      current = appendLine(current, line);
    }
  }
  return current;
}
