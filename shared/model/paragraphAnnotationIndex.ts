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
 * change keeps its identity while it is asked for, so a paragraph can tell "nothing changed" by
 * comparing arrays.
 *
 * The groups as first built are held flat (#25 heap): the positions of each paragraph's
 * annotations in the list grouped, one `Int32Array` for the article, and an array is made only
 * for a paragraph someone asks for (the few near the view). An array per paragraph held 128 KB
 * for the bench article's 3,313 paragraphs with annotations; the flat positions hold about 60 KB.
 * Groups an edit changed are held as arrays of their own.
 */
export class ParagraphAnnotationIndex {
  private current: readonly DocumentAnnotation[];
  /** The list the flat groups index into: the one given first, kept while any group is read from it. */
  private readonly built: readonly DocumentAnnotation[];
  private readonly flat: FlatGroups;
  /** Members (positions in `built`) of paragraphs not yet final, while the list is being grouped. */
  private readonly pending = new Map<number, number[]>();
  /** Groups an edit changed: these, not the flat ones, are the paragraphs' groups. */
  private readonly edited = new Map<number, readonly DocumentAnnotation[]>();
  /** Flat groups made into arrays for whoever asked, kept until `release` so they keep their identity. */
  private readonly made = new Map<number, readonly DocumentAnnotation[]>();
  /** Annotations of `built` grouped so far, and paragraphs before `final` whose groups are final. */
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
    this.built = annotations;
    this.ordered = startsAscending(annotations);
    this.flat = new FlatGroups(paragraphs.length, annotations.length);
    if (!options.deferred) this.buildSome(Number.POSITIVE_INFINITY);
  }

  /** True when every annotation is grouped (always, unless made `deferred`). */
  get complete(): boolean {
    return this.final >= this.paragraphs.length && this.grouped >= this.built.length;
  }

  /**
   * Groups up to `count` more annotations, in list order, and returns the paragraphs whose
   * groups became final with them, ascending. The list is in reading order, so a paragraph
   * before the next annotation's start gets nothing more; until it is final, a paragraph's group
   * reads as empty.
   */
  buildSome(count: number): number[] {
    const from = this.final;
    const end = Math.min(this.built.length, this.grouped + count);
    for (; this.grouped < end; this.grouped++) {
      const [first, last] = this.paragraphRange(this.built[this.grouped]);
      for (let index = first; index <= last; index++) {
        const members = this.pending.get(index);
        if (members) members.push(this.grouped);
        else this.pending.set(index, [this.grouped]);
      }
    }
    const done = this.grouped >= this.built.length;
    if (!done && !this.ordered) return [];
    this.final = done ? this.paragraphs.length : Math.max(this.final, paragraphIndexAt(this.paragraphs, this.built[this.grouped].start));
    // Paragraphs turn final in ascending order, so each one's members go after the previous one's.
    for (let index = from; index < this.final; index++) {
      this.flat.close(index, this.pending.get(index));
      this.pending.delete(index);
    }
    if (done) this.flat.trim();
    return Array.from({ length: this.final - from }, (_, offset) => from + offset);
  }

  get annotations(): readonly DocumentAnnotation[] {
    return this.current;
  }

  group(paragraphIndex: number): readonly DocumentAnnotation[] {
    if (!(paragraphIndex >= 0 && paragraphIndex < this.final)) return EMPTY_GROUP;
    const held = this.edited.get(paragraphIndex) ?? this.made.get(paragraphIndex);
    if (held) return held;
    const group = this.flat.group(paragraphIndex, this.built);
    if (group.length === 0) return EMPTY_GROUP;
    this.made.set(paragraphIndex, group);
    return group;
  }

  /**
   * Nobody shows the paragraph any more: its group, if made from the flat one, is let go (it is
   * made afresh, equal, when asked again). A group an edit changed is kept: it is the only copy.
   */
  release(paragraphIndex: number): void {
    this.made.delete(paragraphIndex);
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
      this.made.delete(index);
      this.edited.set(index, group.length === 0 ? EMPTY_GROUP : group);
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

/**
 * The groups as first built, flat: paragraph `p`'s members are the positions
 * `members[offsets[p]]` up to `members[offsets[p + 1]]` in the list grouped. Paragraphs are
 * closed in ascending order, each once.
 */
class FlatGroups {
  private members: Int32Array;
  private readonly offsets: Int32Array;
  private count = 0;

  constructor(paragraphs: number, annotations: number) {
    this.offsets = new Int32Array(paragraphs + 1);
    // Most annotations lie in one paragraph; one spanning several grows the array.
    this.members = new Int32Array(Math.max(16, annotations));
  }

  /** Ends paragraph `paragraph`'s group with these members (positions, ascending). */
  close(paragraph: number, positions: readonly number[] | undefined): void {
    const length = positions?.length ?? 0;
    if (this.count + length > this.members.length) {
      const grown = new Int32Array(Math.max(this.members.length * 2, this.count + length));
      grown.set(this.members.subarray(0, this.count));
      this.members = grown;
    }
    for (let at = 0; at < length; at++) this.members[this.count++] = (positions as readonly number[])[at];
    this.offsets[paragraph + 1] = this.count;
  }

  /** Drops the room left over once every paragraph is closed. */
  trim(): void {
    if (this.members.length > this.count) this.members = this.members.slice(0, this.count);
  }

  group<T>(paragraph: number, list: readonly T[]): T[] {
    const from = this.offsets[paragraph];
    const to = this.offsets[paragraph + 1];
    const group = new Array<T>(to - from);
    for (let at = from; at < to; at++) group[at - from] = list[this.members[at]];
    return group;
  }
}
