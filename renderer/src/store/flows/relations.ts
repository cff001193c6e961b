import type { EventType, RelationType } from '../../../../shared/tagset/relationTypes';
import { addEventRole, addRelation, changeRelationArgument, createRelationId, eventRolesOf, linkedTo, removeAnnotationWithLinks, removeEventRole, removeRelation, retypeRelation, reverseRelation } from '../../../../shared/relations/relationOperations';
import { addFragment, removeFragment } from '../../../../shared/relations/fragmentOperations';
import { fittingRelationTypes, fittingRoles, type ArgumentConstraintFit } from '../../../../shared/relations/relationConstraints';
import type { Utf16Range } from '../../../../shared/anchoring/offsetUnits';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { useCorpusViewStore } from '../corpusViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { relationDraftActions, useRelationDraftStore } from '../relationDraftStore';
import { sayWhyKeyDidNothing } from '../window/keyHintStore';

/**
 * The user's edits of relations, event roles and fragments (#20). Each is one step of the
 * document's undo history (documentStore.ts), saved by autosave like any other edit.
 */

export function relationTypesOfCorpus(): RelationType[] {
  return useCorpusViewStore.getState().corpus?.tagSet.relationTypes ?? [];
}

export function eventTypesOfCorpus(): EventType[] {
  return useCorpusViewStore.getState().corpus?.tagSet.eventTypes ?? [];
}

/** What linking `sourceId` to `targetId` may make: roles when the source is an event trigger, else relation types. */
export function linkChoices(sourceId: string, targetId: string): ArgumentConstraintFit {
  const { annotations } = useDocumentStore.getState();
  const source = annotations.find((annotation) => annotation.id === sourceId);
  const target = annotations.find((annotation) => annotation.id === targetId);
  const eventTypes = eventTypesOfCorpus();
  const eventIds = new Set(eventTypes.map((type) => type.id));
  if (!source || !target) return { kind: 'relation', relationTypes: [] };
  const eventType = eventTypes.find((type) => type.id === source.type);
  if (eventType) return { kind: 'role', eventType, roles: fittingRoles(eventType, eventRolesOf(source), target.type, eventIds) };
  return { kind: 'relation', relationTypes: fittingRelationTypes(relationTypesOfCorpus(), source.type, target.type, eventIds) };
}

/** R: the selected annotation becomes the source; the user then picks the other end. */
export function startLinking(): void {
  const { selectedAnnotationId } = useArticleViewStore.getState();
  if (!selectedAnnotationId) sayWhyKeyDidNothing('hintNothingToLink');
  else if (!canEditArticle()) sayWhyKeyDidNothing('hintReadOnly');
  else relationDraftActions.startPicking(selectedAnnotationId);
}

/** The other end is chosen (Enter on the selected annotation, a click, the end of a drag). */
export function pickLinkTarget(targetId: string | null): void {
  const { draft } = useRelationDraftStore.getState();
  if (!draft || targetId === null) return;
  if (targetId === draft.sourceId) {
    sayWhyKeyDidNothing('hintLinkToItself');
    return;
  }
  relationDraftActions.choose(draft.sourceId, targetId);
}

/** Links from a drag: both ends at once. */
export function linkByDrag(sourceId: string, targetId: string): void {
  if (!canEditArticle() || sourceId === targetId) return;
  relationDraftActions.choose(sourceId, targetId);
}

/** The chooser's choice: a relation type, or an event role. */
export function completeLink(choice: { relationType: string } | { role: string }): void {
  const { draft } = useRelationDraftStore.getState();
  if (!draft || draft.stage !== 'choosing' || !canEditArticle()) return;
  const document = useDocumentStore.getState();
  if ('role' in choice) {
    documentActions.edit({ annotations: addEventRole(document.annotations, draft.sourceId, { role: choice.role, target: draft.targetId }) });
  } else {
    const { relations } = addRelation(document.relations, { type: choice.relationType, from: draft.sourceId, to: draft.targetId }, () => createRelationId(document.relations));
    documentActions.edit({ annotations: document.annotations, relations });
  }
  relationDraftActions.cancel();
  articleViewActions.selectAnnotation(draft.sourceId);
}

function editRelations(change: (relations: ReturnType<typeof useDocumentStore.getState>['relations']) => ReturnType<typeof useDocumentStore.getState>['relations']): void {
  if (!canEditArticle()) return;
  const document = useDocumentStore.getState();
  documentActions.edit({ annotations: document.annotations, relations: change(document.relations) });
}

export const relationEdits = {
  retype: (id: string, type: string) => editRelations((relations) => retypeRelation(relations, id, type)),
  reverse: (id: string) => editRelations((relations) => reverseRelation(relations, id)),
  changeEnd: (id: string, end: 'from' | 'to', annotationId: string) => editRelations((relations) => changeRelationArgument(relations, id, end, annotationId)),
  remove: (id: string) => editRelations((relations) => removeRelation(relations, id)),
  removeRole(eventId: string, index: number): void {
    if (!canEditArticle()) return;
    documentActions.edit({ annotations: removeEventRole(useDocumentStore.getState().annotations, eventId, index) });
  },
};

/** Ctrl+drag with an annotation selected: the selected text becomes one more of its fragments. */
export function addFragmentToAnnotation(id: string, range: Utf16Range): boolean {
  const text = useArticleViewStore.getState().article?.text;
  if (!text || !canEditArticle()) return false;
  const annotations = addFragment(useDocumentStore.getState().annotations, id, range, text);
  if (!annotations) return false;
  documentActions.edit({ annotations });
  return true;
}

export function removeFragmentOf(id: string, index: number): void {
  const text = useArticleViewStore.getState().article?.text;
  if (!text || !canEditArticle()) return;
  const annotations = removeFragment(useDocumentStore.getState().annotations, id, index, text);
  if (annotations) documentActions.edit({ annotations });
}

/** The relations and roles that deleting `id` would remove, described one a line, for the confirmation. */
export function linesRemovedWith(id: string): string[] {
  const { annotations, relations } = useDocumentStore.getState();
  const linked = linkedTo(id, annotations, relations);
  const textOf = new Map(annotations.map((annotation) => [annotation.id, annotation.text]));
  return [
    ...linked.relations.map((relation) => `${relation.type}: ${textOf.get(relation.from) ?? relation.from} → ${textOf.get(relation.to) ?? relation.to}`),
    ...linked.roles.map((role) => `${role.role}: ${textOf.get(role.eventId) ?? role.eventId}`),
  ];
}

/** Deletes an annotation with its relations and the roles it fills: one undo step brings all back. */
export function deleteAnnotationWithLinks(id: string): void {
  const document = useDocumentStore.getState();
  documentActions.edit(removeAnnotationWithLinks(document.annotations, document.relations, id));
  articleViewActions.deleted();
}
