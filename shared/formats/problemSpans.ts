import type { StoredAnnotation } from '../model/nativeFormat';
import type { DocumentOutput, ExportDocument, ExportProblem, ProblemEffect, ProblemKind, ProblemParams, ProblemSpan } from './exportTypes';

/** A report line names a span this long at most; a longer text is cut with an ellipsis. */
const SHOWN_TEXT_LENGTH = 60;

/**
 * Where a shown text ends, in UTF-16 units: the whole text when it has at most 60 code points,
 * else after its 59th (a pair of surrogates is one code point; a lone one is one too, as in `Array.from`).
 * (#25) Every operation here runs for every text, short or long, plain or astral: a step taken
 * only by a long text would have no type feedback in the export's hot functions that inline this
 * one (assignTokens), and the first long span would throw their optimized code away.
 */
function shownEnd(text: string): number {
  const length = text.length;
  let points = 0;
  let cut = length;
  for (let index = 0; index < length && points <= SHOWN_TEXT_LENGTH; points++) {
    if (points === SHOWN_TEXT_LENGTH - 1) cut = index;
    const code = text.charCodeAt(index);
    const next = index + 1 < length ? text.charCodeAt(index + 1) : 0;
    index += (((code & 0xfc00) ^ 0xd800) | ((next & 0xfc00) ^ 0xdc00)) === 0 ? 2 : 1;
  }
  return points > SHOWN_TEXT_LENGTH ? cut : length;
}

function shown(text: string): string {
  const end = shownEnd(text);
  // The same steps either way (see shownEnd): a slice of the whole text is the text itself.
  return text.slice(0, end) + (end === text.length ? '' : '…');
}

/**
 * (#25) A plain object made without an object literal, for the report's objects that the token
 * formats make per span. V8 counts a literal's objects per literal (its allocation site); a
 * problem lives until its batch is written, so V8 soon decides to make that literal's objects in
 * the old generation and throws away every optimized function that inlines it (assignTokens,
 * 40-100 ms of compiling again in each thread). Object.create has no site to decide about. The
 * fields are then set in the literal's order: the report's JSON is the same.
 */
function plainObject<T extends object>(): T {
  return Object.create(Object.prototype) as T;
}

/** An annotation as a report names it: its text (cut when long) and its type, never its id. */
export function shownSpan(annotation: Pick<StoredAnnotation, 'text' | 'type'>): ProblemSpan {
  const span = plainObject<ProblemSpan>();
  span.text = shown(annotation.text);
  span.type = annotation.type;
  return span;
}

/** The problem of one span in a format (`{ kind, effect, annotation, span, params, message }`), made as plainObject says. */
export function spanProblem(kind: ProblemKind, effect: ProblemEffect, annotation: Pick<StoredAnnotation, 'id' | 'text' | 'type'>, format: string, other: ProblemSpan | null, message: string): ExportProblem {
  const params = plainObject<ProblemParams>();
  params.format = format;
  if (other !== null) params.other = other;
  const problem = plainObject<ExportProblem>();
  problem.kind = kind;
  problem.effect = effect;
  problem.annotation = annotation.id;
  problem.span = shownSpan(annotation);
  problem.params = params;
  problem.message = message;
  return problem;
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
