import { spanKey, type AgreementSpan } from '../agreement/agreementSpan';
import type { SpanCounts, TagCounts } from '../agreement/spanScores';
import { eventRolesOf } from './relationOperations';

/**
 * Relation agreement, exact (#20): two annotators agree on a relation when it has the same type
 * and the same two argument spans (type and ranges of each end, in the same direction), whatever
 * ids they used. Event roles count too, as relations named `event-type.role` from the trigger
 * to the argument. Counts are by relation type, in the shape span agreement uses, so the same
 * precision, recall and F1 are reported. Duplicates are matched one to one.
 */
export interface RelationSide {
  annotations: readonly (AgreementSpan & { id: string })[];
  relations: readonly { type: string; from: string; to: string }[];
}

interface KeyedRelation {
  type: string;
  key: string;
}

function keyedRelations(side: RelationSide): KeyedRelation[] {
  const spans = new Map(side.annotations.map((annotation) => [annotation.id, annotation]));
  const keyed: KeyedRelation[] = [];
  const add = (type: string, fromId: string, toId: string) => {
    const from = spans.get(fromId);
    const to = spans.get(toId);
    if (from && to) keyed.push({ type, key: `${type}\u0001${spanKey(from)}\u0001${spanKey(to)}` });
  };
  for (const relation of side.relations) add(relation.type, relation.from, relation.to);
  for (const annotation of side.annotations) for (const role of eventRolesOf(annotation)) add(`${annotation.type}.${role.role}`, annotation.id, role.target);
  return keyed;
}

export function countRelations(a: RelationSide, b: RelationSide): SpanCounts {
  const counts: SpanCounts = new Map();
  const entry = (type: string): TagCounts => {
    let found = counts.get(type);
    if (!found) {
      found = { countA: 0, countB: 0, matched: 0 };
      counts.set(type, found);
    }
    return found;
  };
  const unmatchedB = new Map<string, number>();
  for (const relation of keyedRelations(b)) {
    entry(relation.type).countB++;
    unmatchedB.set(relation.key, (unmatchedB.get(relation.key) ?? 0) + 1);
  }
  for (const relation of keyedRelations(a)) {
    const counted = entry(relation.type);
    counted.countA++;
    const left = unmatchedB.get(relation.key) ?? 0;
    if (left > 0) {
      counted.matched++;
      unmatchedB.set(relation.key, left - 1);
    }
  }
  return counts;
}
