import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import type { Utf16Range } from '../anchoring/offsetUnits';
import { partitionPoint } from '../sortedSearch';

/** Pure edits on a document's annotations (UTF-16 offsets); each returns a new array. */

/** A span to tag, in UTF-16 code units of the document text (from the selection or a search). */
export interface NewSpan extends Utf16Range {
  type: string;
}

export interface EditContext {
  text: string;
  author: string;
  now: string;
  newId: () => string;
}

/** What the reading order looks at: any span with an id (annotations, highlights). */
export interface OrderedSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * The one order of spans: the annotation list, keyboard navigation, saved files and the nesting
 * of highlights. By start, then longer spans first so that outer spans precede nested ones; the same span by id.
 */
export function compareReadingOrder(a: OrderedSpan, b: OrderedSpan): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}

export function addAnnotation(annotations: readonly DocumentAnnotation[], span: NewSpan, context: EditContext): { annotations: DocumentAnnotation[]; id: string } {
  if (span.start < 0 || span.end > context.text.length || span.end <= span.start) {
    throw new RangeError(`Span ${span.start}-${span.end} is not inside the article (0-${context.text.length}).`);
  }
  const duplicate = sameSpanTagged(annotations, span);
  if (duplicate) return { annotations: [...annotations], id: duplicate.id };
  const annotation = newAnnotation(span, context);
  return { annotations: insertInReadingOrder(annotations, annotation), id: annotation.id };
}

/**
 * The annotation that already tags exactly this span with this type, if any. The list is in
 * reading order (by start), so only the annotations starting where the span starts are looked
 * at: a scan of the whole list was most of the tag key's own script on the 1 MB article (#25).
 */
function sameSpanTagged(annotations: readonly DocumentAnnotation[], span: NewSpan): DocumentAnnotation | undefined {
  for (let index = partitionPoint(annotations.length, (at) => annotations[at].start < span.start); index < annotations.length && annotations[index].start === span.start; index++) {
    const annotation = annotations[index];
    if (annotation.end === span.end && annotation.type === span.type && !annotation.fragments) return annotation;
  }
  return undefined;
}

/** A new annotation on a span already checked to lie inside the text. */
function newAnnotation(span: NewSpan, context: EditContext): DocumentAnnotation {
  return {
    id: context.newId(),
    type: span.type,
    start: span.start,
    end: span.end,
    text: context.text.slice(span.start, span.end),
    author: context.author,
    created: context.now,
    modified: context.now,
  };
}

/** Inserts into an array already in reading order: a binary search, not a sort of 10,000 items. */
function insertInReadingOrder(annotations: readonly DocumentAnnotation[], annotation: DocumentAnnotation): DocumentAnnotation[] {
  let low = 0;
  let high = annotations.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareReadingOrder(annotations[middle], annotation) <= 0) low = middle + 1;
    else high = middle;
  }
  // slice + splice copies the array once; spreading two slices went element by element through iterators (100,000 per tagging, #17).
  const next = annotations.slice();
  next.splice(low, 0, annotation);
  return next;
}

/**
 * Adds many spans in one step (for "tag all hits"), skipping spans already tagged with the same
 * type. Returns the ids of the annotations added.
 */
export function addAnnotations(annotations: readonly DocumentAnnotation[], spans: readonly NewSpan[], context: EditContext): { annotations: DocumentAnnotation[]; ids: string[] } {
  const existing = new Set(annotations.map((annotation) => `${annotation.type}\u0000${annotation.start}\u0000${annotation.end}`));
  const added: DocumentAnnotation[] = [];
  for (const span of spans) {
    if (span.start < 0 || span.end > context.text.length || span.end <= span.start) continue;
    const key = `${span.type}\u0000${span.start}\u0000${span.end}`;
    if (existing.has(key)) continue;
    existing.add(key);
    added.push(newAnnotation(span, context));
  }
  return { annotations: [...annotations, ...added].sort(compareReadingOrder), ids: added.map((annotation) => annotation.id) };
}

/** What the details pane changes on an annotation; `entity` null unlinks it from its entity (#24). */
export interface AnnotationDetailsChange {
  note?: string;
  attributes?: Record<string, string | number | boolean | null>;
  entity?: string | null;
}

/** Changes the note, attributes and entity link of one annotation; empty notes and unset attributes are removed. */
export function updateAnnotationDetails(
  annotations: readonly DocumentAnnotation[],
  id: string,
  change: AnnotationDetailsChange,
  context: Pick<EditContext, 'now'>,
): DocumentAnnotation[] {
  return annotations.map((annotation) => {
    if (annotation.id !== id) return annotation;
    const next: DocumentAnnotation = { ...annotation, modified: context.now };
    // (#24) The linked entity: an id links, null unlinks.
    if (change.entity === null) delete next.entity;
    else if (change.entity !== undefined) next.entity = change.entity;
    if (change.note !== undefined) {
      if (change.note.trim() === '') delete next.note;
      else next.note = change.note;
    }
    if (change.attributes !== undefined) {
      const attributes: Record<string, string | number | boolean> = { ...(annotation.attributes ?? {}) };
      for (const [key, value] of Object.entries(change.attributes)) {
        if (value === null || value === false || value === '') delete attributes[key];
        else attributes[key] = value;
      }
      if (Object.keys(attributes).length === 0) delete next.attributes;
      else next.attributes = attributes;
    }
    return next;
  });
}

export function removeAnnotation(annotations: readonly DocumentAnnotation[], id: string): DocumentAnnotation[] {
  return annotations.filter((annotation) => annotation.id !== id);
}

export function retagAnnotation(annotations: readonly DocumentAnnotation[], id: string, type: string, context: Pick<EditContext, 'author' | 'now'>): DocumentAnnotation[] {
  return annotations.map((annotation) =>
    annotation.id === id && annotation.type !== type ? { ...annotation, type, modified: context.now, author: annotation.author ?? context.author } : annotation,
  );
}

/** A short unique id: time-ordered prefix and randomness, safe as a brat-free native id. */
export function createAnnotationId(random: () => number = Math.random): string {
  const time = Date.now().toString(36);
  const noise = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `a${time}${noise}`;
}
