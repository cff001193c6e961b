import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import { compareReadingOrder } from './annotationOperations';
import { identicalEnds } from './annotationChanges';
import { paragraphIndexAt, type Paragraph } from '../text/paragraphs';

const EMPTY_GROUP: readonly DocumentAnnotation[] = Object.freeze([]);

/**
 * Which annotations each paragraph shows, kept up to date edit by edit. An edit to a 1 MB
 * article with 10,000 annotations touches one or two paragraphs: regrouping all of them (and
 * handing 3,000 paragraphs their arrays again) on every key press cost the frame its budget.
 *
 * Groups are in reading order, as the document's annotation list is, and a group that did not
 * change keeps its identity, so a paragraph can tell "nothing changed" by comparing arrays.
 */
export class ParagraphAnnotationIndex {
  private groups: (readonly DocumentAnnotation[])[];
  private current: readonly DocumentAnnotation[];
  /** Annotations of `current` grouped so far, and paragraphs before `final` whose groups are final. */
  private grouped = 0;
  private final = 0;
  /** False when an annotation starts before the one listed before it: no group is final until all are. */
  private readonly ordered: boolean;

  /**
   * `deferred`: nothing is grouped yet; `buildSome` groups the list in steps the caller spaces
   * out (#17: 100,000 annotations grouped at once held the window in one long task).
   */
  constructor(
    private readonly paragraphs: readonly Paragraph[],
    annotations: readonly DocumentAnnotation[],
    options: { deferred?: boolean } = {},
  ) {
    this.current = annotations;
    this.ordered = startsAscending(annotations);
    this.groups = paragraphs.map(() => EMPTY_GROUP);
    if (!options.deferred) this.buildSome(Number.POSITIVE_INFINITY);
  }

  /** True when every annotation is grouped (always, unless made `deferred`). */
  get complete(): boolean {
    return this.final >= this.paragraphs.length && this.grouped >= this.current.length;
  }

  /**
   * Groups up to `count` more annotations, in list order, and returns the paragraphs whose
   * groups became final with them, ascending. The list is in reading order, so a paragraph
   * before the next annotation's start gets nothing more; until it is final, a paragraph's group
   * reads as empty.
   */
  buildSome(count: number): number[] {
    const from = this.final;
    const end = Math.min(this.current.length, this.grouped + count);
    const growing = this.groups as DocumentAnnotation[][];
    for (; this.grouped < end; this.grouped++) {
      const annotation = this.current[this.grouped];
      const [first, last] = this.paragraphRange(annotation);
      for (let index = first; index <= last; index++) {
        if (growing[index] === EMPTY_GROUP) growing[index] = [];
        growing[index].push(annotation);
      }
    }
    const done = this.grouped >= this.current.length;
    if (!done && !this.ordered) return [];
    this.final = done ? this.paragraphs.length : Math.max(this.final, paragraphIndexAt(this.paragraphs, this.current[this.grouped].start));
    // A final group is copied to its exact length: an array grown by push keeps room for about
    // 17 entries, and the 3,000 groups of the bench article held 230 KB of it (#25 heap).
    for (let index = from; index < this.final; index++) if (growing[index].length > 0) growing[index] = growing[index].slice();
    return Array.from({ length: this.final - from }, (_, offset) => from + offset);
  }

  get annotations(): readonly DocumentAnnotation[] {
    return this.current;
  }

  group(paragraphIndex: number): readonly DocumentAnnotation[] {
    return paragraphIndex < this.final ? (this.groups[paragraphIndex] ?? EMPTY_GROUP) : EMPTY_GROUP;
  }

  /**
   * Moves the index to `next` (the document's new annotation list, in reading order) and
   * returns the indices of the paragraphs whose group changed, in ascending order.
   *
   * Unchanged annotations are the same objects in both lists (edits copy only what they
   * change), so the common head and tail are skipped by identity and only the middle is compared.
   */
  update(next: readonly DocumentAnnotation[]): number[] {
    // An edit made while the list is still being grouped: the rest is grouped first (rare, and
    // the changed paragraphs are then found as always). The paragraphs made final are reported too.
    const finished = this.complete ? [] : this.buildSome(Number.POSITIVE_INFINITY);
    const changed = this.applyUpdate(next);
    this.grouped = next.length;
    return mergeAscending(finished, changed);
  }

  private applyUpdate(next: readonly DocumentAnnotation[]): number[] {
    const previous = this.current;
    this.current = next;
    if (previous === next) return [];
    const { head, tail } = identicalEnds(previous, next);
    const before = previous.slice(head, previous.length - tail);
    const after = next.slice(head, next.length - tail);
    if (before.length === 0 && after.length === 0) return [];
    const kept = new Set(after);
    const removed = before.filter((annotation) => !kept.has(annotation));
    const existed = new Set(before);
    const added = after.filter((annotation) => !existed.has(annotation));
    if (removed.length === 0 && added.length === 0) return [];

    const touched = new Map<number, { removed: DocumentAnnotation[]; added: DocumentAnnotation[] }>();
    const touch = (annotation: DocumentAnnotation, side: 'removed' | 'added') => {
      const [first, last] = this.paragraphRange(annotation);
      for (let index = first; index <= last; index++) {
        let change = touched.get(index);
        if (!change) touched.set(index, (change = { removed: [], added: [] }));
        change[side].push(annotation);
      }
    };
    for (const annotation of removed) touch(annotation, 'removed');
    for (const annotation of added) touch(annotation, 'added');

    for (const [index, change] of touched) {
      const gone = new Set(change.removed);
      const group = this.group(index).filter((annotation) => !gone.has(annotation));
      for (const annotation of change.added) group.push(annotation);
      group.sort(compareReadingOrder);
      this.groups[index] = group.length === 0 ? EMPTY_GROUP : group;
    }
    return [...touched.keys()].sort((a, b) => a - b);
  }

  /** The paragraphs an annotation lies in, first and last (clamped to the article). */
  paragraphRange(annotation: DocumentAnnotation): [number, number] {
    const first = paragraphIndexAt(this.paragraphs, annotation.start);
    const last = paragraphIndexAt(this.paragraphs, Math.max(annotation.start, annotation.end - 1));
    return [first, last];
  }
}

function startsAscending(annotations: readonly DocumentAnnotation[]): boolean {
  for (let index = 1; index < annotations.length; index++) if (annotations[index].start < annotations[index - 1].start) return false;
  return true;
}

function mergeAscending(first: readonly number[], second: readonly number[]): number[] {
  if (first.length === 0) return [...second];
  return [...new Set([...first, ...second])].sort((a, b) => a - b);
}
