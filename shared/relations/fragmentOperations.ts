import type { DocumentAnnotation, DocumentFragment } from '../anchoring/documentAnnotation';
import type { Utf16Range } from '../anchoring/offsetUnits';

/**
 * Discontinuous spans (#20): an annotation with `fragments` covers only those pieces; `start` and
 * `end` are their outer bounds and `text` their texts joined by one space (as brat and the
 * native format store it). Offsets here are the window's (UTF-16), on the article text.
 */

/** The pieces an annotation covers: its fragments, or its one span. */
export function piecesOf(annotation: DocumentAnnotation): Utf16Range[] {
  if (annotation.fragments && annotation.fragments.length > 0) return annotation.fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }));
  return [{ start: annotation.start, end: annotation.end }];
}

function withPieces(annotation: DocumentAnnotation, pieces: Utf16Range[], text: string): DocumentAnnotation {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = sorted[sorted.length - 1].end;
  const covered = sorted.map((piece) => text.slice(piece.start, piece.end)).join(' ');
  if (sorted.length === 1) {
    const { fragments: _dropped, ...rest } = annotation;
    return { ...rest, start, end, text: covered };
  }
  const fragments: DocumentFragment[] = sorted.map((piece) => ({ start: piece.start, end: piece.end }));
  return { ...annotation, start, end, text: covered, fragments };
}

/**
 * Adds `range` as a fragment of annotation `id`. Pieces it overlaps or touches are joined with
 * it; null when nothing would change (the range is empty or already covered).
 */
export function addFragment(annotations: readonly DocumentAnnotation[], id: string, range: Utf16Range, text: string): DocumentAnnotation[] | null {
  if (range.end <= range.start) return null;
  const annotation = annotations.find((candidate) => candidate.id === id);
  if (!annotation) return null;
  const pieces = piecesOf(annotation);
  if (pieces.some((piece) => piece.start <= range.start && range.end <= piece.end)) return null;
  let joined: Utf16Range = { start: range.start, end: range.end };
  const kept: Utf16Range[] = [];
  for (const piece of pieces) {
    if (piece.end < joined.start || piece.start > joined.end) kept.push(piece);
    else joined = { start: Math.min(piece.start, joined.start), end: Math.max(piece.end, joined.end) } as Utf16Range;
  }
  const changed = withPieces(annotation, [...kept, joined], text);
  return annotations.map((candidate) => (candidate.id === id ? changed : candidate));
}

/** Removes the `index`-th fragment (in text order); the last piece of an annotation cannot be removed. */
export function removeFragment(annotations: readonly DocumentAnnotation[], id: string, index: number, text: string): DocumentAnnotation[] | null {
  const annotation = annotations.find((candidate) => candidate.id === id);
  if (!annotation) return null;
  const pieces = piecesOf(annotation).sort((a, b) => a.start - b.start);
  if (pieces.length < 2 || index < 0 || index >= pieces.length) return null;
  const changed = withPieces(annotation, pieces.filter((_piece, at) => at !== index), text);
  return annotations.map((candidate) => (candidate.id === id ? changed : candidate));
}

/**
 * Annotations as the paragraphs draw them: a discontinuous one becomes one highlight per
 * fragment, all with its id (so they select, hover and outline together), none over the gap.
 */
export function highlightPieces<Annotation extends DocumentAnnotation>(annotations: readonly Annotation[]): Annotation[] {
  if (!annotations.some((annotation) => annotation.fragments && annotation.fragments.length > 1)) return annotations as Annotation[];
  return annotations.flatMap((annotation) =>
    annotation.fragments && annotation.fragments.length > 1 ? annotation.fragments.map((fragment) => ({ ...annotation, start: fragment.start, end: fragment.end })) : [annotation],
  );
}

/** The index (in text order) of the piece of `annotation` holding `offset`, else of its last piece. */
export function pieceIndexAt(annotation: DocumentAnnotation, offset: number | null): number {
  const pieces = piecesOf(annotation).sort((a, b) => a.start - b.start);
  const at = offset === null ? -1 : pieces.findIndex((piece) => piece.start <= offset && offset <= piece.end);
  return at === -1 ? pieces.length - 1 : at;
}

/** The first word after `offset` (skipping spaces), where a keyboard selection for a new fragment starts; null at the end. */
export function wordAfter(text: string, offset: number): Utf16Range | null {
  const rest = /\S+/u.exec(text.slice(offset));
  if (!rest) return null;
  const start = offset + rest.index;
  return { start, end: start + rest[0].length } as Utf16Range;
}
