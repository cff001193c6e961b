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

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    annotations: readonly DocumentAnnotation[],
  ) {
    this.current = annotations;
    this.groups = groupByParagraph(paragraphs, annotations);
  }

  get annotations(): readonly DocumentAnnotation[] {
    return this.current;
  }

  group(paragraphIndex: number): readonly DocumentAnnotation[] {
    return this.groups[paragraphIndex] ?? EMPTY_GROUP;
  }

  /**
   * Moves the index to `next` (the document's new annotation list, in reading order) and
   * returns the indices of the paragraphs whose group changed, in ascending order.
   *
   * Unchanged annotations are the same objects in both lists (edits copy only what they
   * change), so the common head and tail are skipped by identity and only the middle is compared.
   */
  update(next: readonly DocumentAnnotation[]): number[] {
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

function groupByParagraph(paragraphs: readonly Paragraph[], annotations: readonly DocumentAnnotation[]): (readonly DocumentAnnotation[])[] {
  const groups: DocumentAnnotation[][] = paragraphs.map(() => []);
  for (const annotation of annotations) {
    const first = paragraphIndexAt(paragraphs, annotation.start);
    const last = paragraphIndexAt(paragraphs, Math.max(annotation.start, annotation.end - 1));
    for (let index = first; index <= last; index++) groups[index].push(annotation);
  }
  return groups.map((group) => (group.length === 0 ? EMPTY_GROUP : group));
}
