import { create } from 'zustand';
import { patchState } from './patchState';

/**
 * Linking in progress and what the pointer is over (#20), view state only (never saved nor
 * undone): the relation or event role being made, and the hovered annotation or arc whose
 * links the overlay brings forward.
 *
 * - `picking`: R was pressed on `sourceId`; the user moves to the other end (Tab, arrows) and
 *   confirms it with Enter, or clicks it.
 * - `choosing`: both ends are known; the type chooser lists the types (or roles) that fit.
 */
export type LinkDraft = { stage: 'picking'; sourceId: string } | { stage: 'choosing'; sourceId: string; targetId: string };

export interface RelationDraftState {
  draft: LinkDraft | null;
  hoveredAnnotationId: string | null;
  /** `data-relation-id` of the hovered arc, with the role for an event's arc. */
  hoveredArc: { id: string; role: string | null } | null;
  /** G was pressed on this annotation: the next text selection, with G again, becomes one of its fragments. */
  fragmentHolderId: string | null;
}

export const useRelationDraftStore = create<RelationDraftState>()(() => ({ draft: null, hoveredAnnotationId: null, hoveredArc: null, fragmentHolderId: null }));

const patch = (change: Partial<RelationDraftState>) => patchState(useRelationDraftStore, change);

export const relationDraftActions = {
  startPicking(sourceId: string): void {
    patch({ draft: { stage: 'picking', sourceId } });
  },
  choose(sourceId: string, targetId: string): void {
    patch({ draft: { stage: 'choosing', sourceId, targetId } });
  },
  cancel(): void {
    patch({ draft: null });
  },
  holdForFragment(id: string | null): void {
    patch({ fragmentHolderId: id });
  },
  hoverAnnotation(id: string | null): void {
    patch({ hoveredAnnotationId: id });
  },
  hoverArc(arc: { id: string; role: string | null } | null): void {
    const current = useRelationDraftStore.getState().hoveredArc;
    if (current?.id === arc?.id && current?.role === arc?.role) return;
    patch({ hoveredArc: arc });
  },
};
