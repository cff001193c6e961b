import type { StoredAnnotation } from '../model/nativeFormat';
import type { DocumentOutput, ExportDocument, ProblemSpan } from './exportTypes';

/** A report line names a span this long at most; a longer text is cut with an ellipsis. */
const SHOWN_TEXT_LENGTH = 60;

function shown(text: string): string {
  // (#25) A text of at most 60 UTF-16 units has at most 60 code points: no array of them (40,000 report lines per 10,000 articles).
  if (text.length <= SHOWN_TEXT_LENGTH) return text;
  const points = Array.from(text);
  return points.length <= SHOWN_TEXT_LENGTH ? text : `${points.slice(0, SHOWN_TEXT_LENGTH - 1).join('')}…`;
}

/** An annotation as a report names it: its text (cut when long) and its type, never its id. */
export function shownSpan(annotation: Pick<StoredAnnotation, 'text' | 'type'>): ProblemSpan {
  return { text: shown(annotation.text), type: annotation.type };
}

/** The same in the CLI's English: «text» (TYPE). */
export function spanWords(annotation: Pick<StoredAnnotation, 'text' | 'type'>): string {
  const span = shownSpan(annotation);
  return `«${span.text}» (${span.type})`;
}

/**
 * Gives each problem of a document's report the span it concerns by its text and type, so the
 * export report says «ایران» (LOC) instead of an internal id such as amxao41llz4iqdl. A relation
 * is named by its type and the text of the annotation it starts from.
 */
export function nameProblemSpans(document: ExportDocument, output: DocumentOutput): DocumentOutput {
  if (!output.report.problems.some((problem) => problem.annotation !== undefined)) return output;
  const annotations = new Map(document.annotations.map((annotation) => [annotation.id, annotation]));
  const relations = new Map(document.relations.map((relation) => [relation.id, relation]));
  const spanOf = (id: string): ProblemSpan | undefined => {
    const annotation = annotations.get(id);
    if (annotation) return shownSpan(annotation);
    const relation = relations.get(id);
    const from = relation ? annotations.get(relation.from) : undefined;
    return relation ? { text: shown(from?.text ?? ''), type: relation.type } : undefined;
  };
  for (const problem of output.report.problems) {
    if (problem.annotation === undefined || problem.span) continue;
    const span = spanOf(problem.annotation);
    if (span) problem.span = span;
  }
  return output;
}
