import type { AnchorStatus } from './reanchor';

/** How far a re-anchored piece drifted from where it was, least first. */
const STATUS_RANK: Record<AnchorStatus, number> = { unchanged: 0, moved: 1, fuzzy: 2, orphan: 3 };

/** The status of an annotation whose pieces were re-anchored one by one: that of its worst piece ('unchanged' when it has none). */
export function worstAnchorStatus(pieces: readonly { status: AnchorStatus }[]): AnchorStatus {
  return pieces.reduce<AnchorStatus>((worst, piece) => (STATUS_RANK[piece.status] > STATUS_RANK[worst] ? piece.status : worst), 'unchanged');
}

/** What the window is told after re-anchoring an article (the `reanchored` counts of shared/ipc.ts). */
export interface ReanchorCounts {
  /** Found again with the same text elsewhere; an orphan put back in place counts here too. */
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/** Counts the changes of a re-anchoring, native (which may recover orphans) or brat alike. */
export function countReanchorChanges(changes: readonly { status: AnchorStatus | 'recovered' }[]): ReanchorCounts {
  const counts: ReanchorCounts = { moved: 0, fuzzy: 0, orphaned: 0 };
  for (const change of changes) {
    if (change.status === 'moved' || change.status === 'recovered') counts.moved++;
    else if (change.status === 'fuzzy') counts.fuzzy++;
    else if (change.status === 'orphan') counts.orphaned++;
  }
  return counts;
}
