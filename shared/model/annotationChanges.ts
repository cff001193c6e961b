/**
 * A save of a large document sends only what changed since the last save the main process
 * accepted: the ids of annotations that left the list, and the annotations that entered it with
 * their place in the new list. Applying the changes to the last saved list gives back exactly
 * the new list, in the same order, so the file written is the one a full save would write.
 *
 * (Sending 10,000 annotations on every save held the window's main thread for tens of
 * milliseconds, long enough for a key press to wait behind it.)
 */
export interface PlacedAnnotation<T> {
  /** Position in the new list. */
  index: number;
  annotation: T;
}

export interface AnnotationListChanges<T> {
  /** Ids of annotations of the old list that are not in the new one as they were. */
  remove: string[];
  /** Annotations of the new list that are not in the old one as they were, in ascending `index`. */
  insert: PlacedAnnotation<T>[];
  /** Length of the new list, to check the result. */
  count: number;
}

/**
 * How many items two lists share, the same objects, at their start (`head`) and at their end
 * (`tail`, not overlapping the head): an edit leaves both ends of a list as they were, so only
 * what lies between needs comparing.
 */
export function identicalEnds<T>(before: readonly T[], after: readonly T[]): { head: number; tail: number } {
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail };
}

/**
 * The changes from `before` to `after`, comparing annotations by identity (edits copy only what
 * they change), or null when the new list cannot be described this way: unchanged annotations
 * that changed order, or an id that would be ambiguous. The caller then sends the whole list.
 */
export function annotationListChanges<T extends { id: string }>(before: readonly T[], after: readonly T[]): AnnotationListChanges<T> | null {
  const { head, tail } = identicalEnds(before, after);
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);

  const oldPosition = new Map<T, number>();
  oldMiddle.forEach((annotation, position) => oldPosition.set(annotation, position));
  const insert: PlacedAnnotation<T>[] = [];
  const keptIds = new Set<string>();
  let lastKept = -1;
  newMiddle.forEach((annotation, position) => {
    const old = oldPosition.get(annotation);
    if (old === undefined) {
      insert.push({ index: head + position, annotation });
      return;
    }
    if (old < lastKept) lastKept = Number.POSITIVE_INFINITY;
    else lastKept = old;
    keptIds.add(annotation.id);
  });
  if (lastKept === Number.POSITIVE_INFINITY) return null;

  const stayed = new Set(newMiddle);
  const remove: string[] = [];
  for (const annotation of oldMiddle) {
    if (stayed.has(annotation)) continue;
    // Removing by id must not take an annotation that stays.
    if (keptIds.has(annotation.id)) return null;
    remove.push(annotation.id);
  }
  return { remove, insert, count: after.length };
}

/** The new list from the old one and its changes, or null when they do not fit together. */
export function applyAnnotationListChanges<T extends { id: string }>(before: readonly T[], changes: AnnotationListChanges<T>): T[] | null {
  const removed = new Set(changes.remove);
  const result = removed.size === 0 ? [...before] : before.filter((annotation) => !removed.has(annotation.id));
  if (result.length + changes.insert.length !== changes.count) return null;
  let previous = -1;
  for (const { index, annotation } of changes.insert) {
    if (index <= previous || index > result.length) return null;
    result.splice(index, 0, annotation);
    previous = index;
  }
  return result;
}
