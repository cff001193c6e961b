import type { z } from 'zod';
import type { EventRoleArgumentSchema, StoredRelation } from '../model/nativeFormat';

/**
 * Edits of relations, event roles and fragments (#20), pure: each returns new arrays and leaves
 * its input alone, so one call is one step of the document's undo history.
 *
 * An event is its trigger annotation (an annotation whose type is an event type) with a `roles`
 * field: `[{ role, target }]`, each naming the annotation that fills the role. The field is
 * optional and the annotation objects are loose, so a file without it reads as before and a
 * version-1 reader keeps it untouched (no format version change is needed; see DESIGN notes).
 */
export type EventRoleArgument = z.infer<typeof EventRoleArgumentSchema>;

interface WithId {
  id: string;
}

/** The roles of an annotation, or none when it has no (readable) `roles` field. */
export function eventRolesOf(annotation: object): EventRoleArgument[] {
  const roles = (annotation as { roles?: unknown }).roles;
  if (!Array.isArray(roles)) return [];
  return roles.filter(isEventRoleArgument);
}

/**
 * What EventRoleArgumentSchema accepts (an object, not an array, with a non-empty `role` and
 * `target`), checked without zod: (#25) the window reads roles without building the native
 * format's schemas. relationOperations.test.ts holds the two to the same answers.
 */
export function isEventRoleArgument(role: unknown): role is EventRoleArgument {
  if (typeof role !== 'object' || role === null || Array.isArray(role)) return false;
  const { role: name, target } = role as { role?: unknown; target?: unknown };
  return typeof name === 'string' && name.length > 0 && typeof target === 'string' && target.length > 0;
}

export function createRelationId(existing: readonly WithId[], random: () => number = Math.random): string {
  const taken = new Set(existing.map((relation) => relation.id));
  for (;;) {
    const id = `r${Math.floor(random() * 0x100000000).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}

export function addRelation(relations: readonly StoredRelation[], relation: { type: string; from: string; to: string }, newId: () => string): { relations: StoredRelation[]; id: string } {
  const duplicate = relations.find((existing) => existing.type === relation.type && existing.from === relation.from && existing.to === relation.to);
  if (duplicate) return { relations: [...relations], id: duplicate.id };
  const id = newId();
  return { relations: [...relations, { id, type: relation.type, from: relation.from, to: relation.to }], id };
}

function changeRelation(relations: readonly StoredRelation[], id: string, change: (relation: StoredRelation) => StoredRelation): StoredRelation[] {
  return relations.map((relation) => (relation.id === id ? change(relation) : relation));
}

export function retypeRelation(relations: readonly StoredRelation[], id: string, type: string): StoredRelation[] {
  return changeRelation(relations, id, (relation) => ({ ...relation, type }));
}

export function reverseRelation(relations: readonly StoredRelation[], id: string): StoredRelation[] {
  return changeRelation(relations, id, (relation) => ({ ...relation, from: relation.to, to: relation.from }));
}

/** Points one end (`from` or `to`) at another annotation. */
export function changeRelationArgument(relations: readonly StoredRelation[], id: string, end: 'from' | 'to', annotationId: string): StoredRelation[] {
  return changeRelation(relations, id, (relation) => ({ ...relation, [end]: annotationId }));
}

export function removeRelation(relations: readonly StoredRelation[], id: string): StoredRelation[] {
  return relations.filter((relation) => relation.id !== id);
}

/** Adds a role argument to the trigger `eventId`; the same role and target twice is kept once. */
export function addEventRole<Annotation extends WithId>(annotations: readonly Annotation[], eventId: string, argument: EventRoleArgument): Annotation[] {
  return annotations.map((annotation) => {
    if (annotation.id !== eventId) return annotation;
    const roles = eventRolesOf(annotation);
    if (roles.some((role) => role.role === argument.role && role.target === argument.target)) return annotation;
    return { ...annotation, roles: [...roles, { role: argument.role, target: argument.target }] };
  });
}

/** Removes the `index`-th role argument of the trigger `eventId`. */
export function removeEventRole<Annotation extends WithId>(annotations: readonly Annotation[], eventId: string, index: number): Annotation[] {
  return annotations.map((annotation) => {
    if (annotation.id !== eventId) return annotation;
    const roles = eventRolesOf(annotation).filter((_role, at) => at !== index);
    return withRoles(annotation, roles);
  });
}

function withRoles<Annotation extends WithId>(annotation: Annotation, roles: EventRoleArgument[]): Annotation {
  if (roles.length > 0) return { ...annotation, roles };
  const { roles: _dropped, ...rest } = annotation as Annotation & { roles?: unknown };
  return rest as Annotation;
}

/** What refers to an annotation: relations from or to it, and events that have it as a role (or as their trigger). */
export interface LinkedItems {
  relations: StoredRelation[];
  /** Triggers whose roles name the annotation, with those roles. */
  roles: { eventId: string; role: string }[];
  /** The annotation is itself an event trigger with this many role arguments. */
  ownRoles: number;
}

export function linkedTo(annotationId: string, annotations: readonly WithId[], relations: readonly StoredRelation[]): LinkedItems {
  const roles: LinkedItems['roles'] = [];
  let ownRoles = 0;
  for (const annotation of annotations) {
    const eventRoles = eventRolesOf(annotation);
    if (annotation.id === annotationId) ownRoles = eventRoles.length;
    for (const role of eventRoles) if (role.target === annotationId) roles.push({ eventId: annotation.id, role: role.role });
  }
  return { relations: relations.filter((relation) => relation.from === annotationId || relation.to === annotationId), roles, ownRoles };
}

/**
 * Deletes an annotation with everything that refers to it: its relations, and the roles it fills
 * in events (the events themselves stay, one argument short).
 */
export function removeAnnotationWithLinks<Annotation extends WithId>(annotations: readonly Annotation[], relations: readonly StoredRelation[], id: string): { annotations: Annotation[]; relations: StoredRelation[] } {
  const kept: Annotation[] = [];
  for (const annotation of annotations) {
    if (annotation.id === id) continue;
    const roles = eventRolesOf(annotation);
    kept.push(roles.some((role) => role.target === id) ? withRoles(annotation, roles.filter((role) => role.target !== id)) : annotation);
  }
  return { annotations: kept, relations: relations.filter((relation) => relation.from !== id && relation.to !== id) };
}
