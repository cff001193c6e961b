import type { StoredAnnotation } from '../model/nativeFormat';
import { isPretagAnnotation, isRejectedSuggestion, PRETAG_ATTRIBUTE, REJECTED_ATTRIBUTE } from './pretagMerge';

/**
 * (#24) What the analyst does with an annotator file's suggestions, as pure steps the window's
 * flows apply: which suggestions are still open, the annotation an accepted one becomes in the
 * analyst's NAME.ann.json (an ordinary edit there, so undo undoes it), and the annotator file
 * with rejected ones marked `pretagRejected: true` (kept, so a later run does not bring them back).
 */
function sameSpan(a: StoredAnnotation, b: StoredAnnotation): boolean {
  return a.start === b.start && a.end === b.end && a.type === b.type;
}

/** Suggestions not rejected and not already in the analyst's annotations (same span and type). */
export function openSuggestions(suggested: readonly StoredAnnotation[], analyst: readonly StoredAnnotation[]): StoredAnnotation[] {
  return suggested.filter((suggestion) => !isRejectedSuggestion(suggestion) && !analyst.some((annotation) => sameSpan(annotation, suggestion)));
}

/** The open suggestions a decision applies to: one (by id), all of a type, or all. */
export type SuggestionSelection = { kind: 'one'; id: string } | { kind: 'type'; type: string } | { kind: 'all' };

export function selectSuggestions(open: readonly StoredAnnotation[], selection: SuggestionSelection): StoredAnnotation[] {
  if (selection.kind === 'all') return [...open];
  if (selection.kind === 'type') return open.filter((suggestion) => suggestion.type === selection.type);
  return open.filter((suggestion) => suggestion.id === selection.id);
}

/** The analyst's annotation for an accepted suggestion: the span and type, the tagger's own attributes left behind. */
export function acceptedAnnotation(suggestion: StoredAnnotation, options: { id: string; author: string; now: string }): StoredAnnotation {
  return { id: options.id, type: suggestion.type, start: suggestion.start, end: suggestion.end, text: suggestion.text, author: options.author, created: options.now };
}

/** The annotator file's annotations with these suggestions marked rejected (only pretag suggestions are marked). */
export function markRejected(annotations: readonly StoredAnnotation[], ids: ReadonlySet<string>): StoredAnnotation[] {
  return annotations.map((annotation) =>
    ids.has(annotation.id) && isPretagAnnotation(annotation) ? { ...annotation, attributes: { ...annotation.attributes, [REJECTED_ATTRIBUTE]: true } } : annotation,
  );
}

/** Undoing a rejection: the mark taken off again. */
export function unmarkRejected(annotations: readonly StoredAnnotation[], ids: ReadonlySet<string>): StoredAnnotation[] {
  return annotations.map((annotation) => {
    if (!ids.has(annotation.id) || !isRejectedSuggestion(annotation)) return annotation;
    const { [REJECTED_ATTRIBUTE]: _rejected, ...attributes } = annotation.attributes ?? {};
    return { ...annotation, attributes: { ...attributes, [PRETAG_ATTRIBUTE]: attributes[PRETAG_ATTRIBUTE] ?? 'tagger' } };
  });
}
