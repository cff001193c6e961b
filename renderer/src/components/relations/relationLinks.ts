import { useMemo } from 'react';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { eventRolesOf } from '../../../../shared/relations/relationOperations';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { useDocumentStore } from '../../store/documentStore';
import { usePreferencesStore } from '../../store/preferencesStore';

/** One arc to draw: a relation, or one role of an event (its trigger to the role's filler). */
export interface Link {
  key: string;
  /** `data-relation-id`: the relation's id, or the event trigger's. */
  id: string;
  role: string | null;
  from: string;
  to: string;
  label: string;
  color: string;
}

/**
 * The document's links by the annotation each leaves from (#25, session 15): a draw lays out the
 * links with both ends near the view (a few dozen) instead of walking all of them (2,000
 * relations on the bench's article) each time a chunk changed.
 */
export class LinkIndex {
  private readonly byFrom = new Map<string, number[]>();

  constructor(private readonly links: readonly Link[]) {
    links.forEach((link, index) => {
      const from = this.byFrom.get(link.from);
      if (from) from.push(index);
      else this.byFrom.set(link.from, [index]);
    });
  }

  get size(): number {
    return this.links.length;
  }

  /** The links whose two ends are both in `ends`, in the document's order (the order arcs are stacked in). */
  between(ends: ReadonlyMap<string, unknown>): Link[] {
    const found: number[] = [];
    for (const id of ends.keys()) {
      for (const index of this.byFrom.get(id) ?? []) if (ends.has(this.links[index].to)) found.push(index);
    }
    return found.sort((first, second) => first - second).map((index) => this.links[index]);
  }
}

let lastAnnotations: readonly DocumentAnnotation[] | null = null;
let lastTriggers: readonly DocumentAnnotation[] = [];

/**
 * The annotations that carry event roles: the same array as last time while they are the same
 * objects. A tagging adds a plain span, so the arcs are neither recomputed nor redrawn for it
 * (#25: recomputing the 2,000 relations' links took 2.8 ms of a tagging's key press).
 */
export function eventTriggersOf(annotations: readonly DocumentAnnotation[]): readonly DocumentAnnotation[] {
  if (annotations === lastAnnotations) return lastTriggers;
  lastAnnotations = annotations;
  const triggers = annotations.filter((annotation) => 'roles' in annotation);
  if (triggers.length !== lastTriggers.length || triggers.some((trigger, index) => trigger !== lastTriggers[index])) lastTriggers = triggers;
  return lastTriggers;
}

/**
 * Whether the document may have arcs to draw: a relation, or an annotation carrying event roles
 * (#25 heap: without either, the overlay sets up no drawer). Cheap after an edit: the triggers
 * are the same array as long as the annotations are.
 */
export function hasLinks(state: { annotations: readonly DocumentAnnotation[]; relations: readonly unknown[] }): boolean {
  return state.relations.length > 0 || eventTriggersOf(state.annotations).length > 0;
}

/** The open document's relations and event roles as arcs, labelled in the UI language. */
export function useLinks(): Link[] {
  const annotations = useDocumentStore((state) => eventTriggersOf(state.annotations));
  const relations = useDocumentStore((state) => state.relations);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const language = usePreferencesStore((state) => state.language);
  return useMemo(() => {
    const relationTypes = new Map((tagSet?.relationTypes ?? []).map((type) => [type.id, type]));
    const eventTypes = new Map((tagSet?.eventTypes ?? []).map((type) => [type.id, type]));
    const links: Link[] = relations.map((relation) => {
      const type = relationTypes.get(relation.type);
      return { key: relation.id, id: relation.id, role: null, from: relation.from, to: relation.to, label: type?.label[language] ?? relation.type, color: type?.color ?? '#5b6b7f' };
    });
    for (const annotation of annotations) {
      const eventType = eventTypes.get(annotation.type);
      eventRolesOf(annotation).forEach((role, index) => {
        links.push({ key: `${annotation.id}#${index}`, id: annotation.id, role: role.role, from: annotation.id, to: role.target, label: role.role, color: eventType?.color ?? '#8e44ad' });
      });
    }
    return links;
  }, [annotations, relations, tagSet, language]);
}
