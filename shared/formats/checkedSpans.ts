import type { StoredAnnotation, StoredRelation } from '../model/nativeFormat';
import { createOffsetConverter, type OffsetConverter } from '../anchoring/offsets';
import { shownSpan, spanWords } from './problemSpans';
import type { DocumentOutput, DocumentReport, ExportDocument, ExportProblem } from './exportTypes';

export interface SpanPiece {
  /** Code points. */
  start: number;
  end: number;
  /** UTF-16 units into the document text. */
  start16: number;
  end16: number;
}

/** An annotation whose offsets are in range and whose text is the article's text there. */
export interface CheckedSpan {
  annotation: StoredAnnotation;
  /** One piece for a continuous span, one per fragment for a discontinuous one. */
  pieces: SpanPiece[];
  /** Its position in the document's annotation list, for stable ordering. */
  order: number;
}

export interface CheckedDocument {
  document: ExportDocument;
  converter: OffsetConverter;
  spans: CheckedSpan[];
  /** Relations whose both ends are checked spans. */
  relations: StoredRelation[];
  problems: ExportProblem[];
}

/** One piece of a span in both units, always made here with the same fields in the same order (#25: one map). */
function spanPiece(range: { start: number; end: number }, converter: OffsetConverter): SpanPiece {
  return { start: range.start, end: range.end, start16: converter.toUtf16(range.start), end16: converter.toUtf16(range.end) };
}

/**
 * Checks every annotation against the document text before anything is written: offsets in
 * range and the stored text equal to the slice (fragments joined by a space, as stored).
 * An annotation that fails is reported as `lost`, never written with wrong offsets.
 */
export function checkDocument(document: ExportDocument): CheckedDocument {
  const { text } = document;
  const converter = createOffsetConverter(text);
  const problems: ExportProblem[] = [...(document.sourceProblems ?? [])];
  const spans: CheckedSpan[] = [];
  const limit = converter.codePointLength;
  document.annotations.forEach((annotation, order) => {
    const ranges = annotation.fragments && annotation.fragments.length > 0 ? annotation.fragments : [annotation];
    const outOfRange = ranges.some((range) => !Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end < range.start || range.end > limit);
    if (outOfRange || annotation.end < annotation.start || annotation.end > limit || annotation.start < 0) {
      problems.push({
        kind: 'out-of-range',
        effect: 'lost',
        annotation: annotation.id,
        message: `${spanWords(annotation)} at ${annotation.start}-${annotation.end} lies outside the article (${limit} characters); not exported.`,
      });
      return;
    }
    // (#25) Not `ranges.map`: TurboFan's inlined map makes holey arrays where the builtin made
    // packed ones, and every function optimized on the first kind (the tagging order, the token
    // ranges, assignTokens) was thrown away for a "wrong map" when the second arrived. One loop
    // for one piece or many: a step only a discontinuous span took would have no type feedback
    // when the hot code is compiled, and the first such span would throw it away.
    const pieces: SpanPiece[] = [];
    for (const range of ranges) pieces.push(spanPiece(range, converter));
    // (#25) Most spans are one piece: their text is one slice, with no list of slices joined.
    const covered = pieces.length === 1 ? text.slice(pieces[0].start16, pieces[0].end16) : pieces.map((piece) => text.slice(piece.start16, piece.end16)).join(' ');
    if (covered !== annotation.text) {
      problems.push({
        kind: 'text-mismatch',
        effect: 'lost',
        annotation: annotation.id,
        message: `${spanWords(annotation)} does not match the article, which has «${covered}» at ${annotation.start}-${annotation.end}; not exported.`,
      });
      return;
    }
    spans.push({ annotation, pieces, order });
  });
  const known = new Set(spans.map((span) => span.annotation.id));
  const relations: StoredRelation[] = [];
  for (const relation of document.relations) {
    if (known.has(relation.from) && known.has(relation.to)) {
      relations.push(relation);
    } else {
      problems.push({
        kind: 'relation-dangling',
        effect: 'omitted',
        annotation: relation.id,
        message: `A ${relation.type} relation links an annotation that is not exported; not exported.`,
      });
    }
  }
  return { document, converter, spans, relations, problems };
}

/** The per-document report once a format has added its own problems. */
export function buildReport(checked: CheckedDocument, written: number, formatProblems: readonly ExportProblem[]): DocumentReport {
  return {
    article: checked.document.id,
    annotations: checked.document.annotations.length,
    written,
    problems: [...checked.problems, ...formatProblems],
  };
}

/**
 * A format's output for one document: its part of the main file, the report, and the types its
 * schema lists (relation types only for the formats that write relations).
 */
export function documentOutput(
  checked: CheckedDocument,
  part: { chunk: string; problems: readonly ExportProblem[]; written?: number; writesRelations: boolean },
): DocumentOutput {
  return {
    article: checked.document.id,
    chunk: part.chunk,
    files: [],
    report: buildReport(checked, part.written ?? checked.spans.length, part.problems),
    entityTypes: checked.spans.map((span) => span.annotation.type),
    relationTypes: part.writesRelations ? checked.relations.map((relation) => relation.type) : [],
    attributeNames: [],
    // (#21) Carried for formats that write the article's metadata and labels once all outputs are in.
    ...(checked.document.metadata && Object.keys(checked.document.metadata).length > 0 ? { metadata: checked.document.metadata } : {}),
    ...(checked.document.documentLabels && Object.keys(checked.document.documentLabels).length > 0 ? { documentLabels: checked.document.documentLabels } : {}),
  };
}

/** How many of `spans` `has` holds for, without a list of them (#25: asked four times an article). */
function countSpans(spans: readonly CheckedSpan[], has: (span: CheckedSpan) => boolean): number {
  let count = 0;
  for (const span of spans) if (has(span)) count++;
  return count;
}

/** Reports, as one problem per document, the notes a format has no place for. */
export function omittedNotes(spans: readonly CheckedSpan[], formatTitle: string): ExportProblem[] {
  const count = countSpans(spans, (span) => Boolean(span.annotation.note));
  if (count === 0) return [];
  return [{ kind: 'notes-omitted', effect: 'omitted', message: `${count} note${count === 1 ? '' : 's'} not exported: ${formatTitle} has no place for notes.` }];
}

export function omittedAttributes(spans: readonly CheckedSpan[], formatTitle: string): ExportProblem[] {
  const count = countSpans(spans, (span) => span.annotation.attributes !== undefined && Object.keys(span.annotation.attributes).length > 0);
  if (count === 0) return [];
  return [{ kind: 'attributes-omitted', effect: 'omitted', message: `Attributes of ${count} annotation${count === 1 ? '' : 's'} not exported: ${formatTitle} has no place for attributes.` }];
}

export function omittedRelations(relations: readonly StoredRelation[], formatTitle: string): ExportProblem[] {
  if (relations.length === 0) return [];
  const count = relations.length;
  return [{ kind: 'relations-omitted', effect: 'omitted', message: `${count} relation${count === 1 ? '' : 's'} not exported: ${formatTitle} has no place for relations.` }];
}

/** Events (a trigger annotation's `roles`, #20), in formats that write only spans: the triggers stay as spans, their roles go. */
export function omittedEvents(spans: readonly CheckedSpan[], formatTitle: string): ExportProblem[] {
  if (countSpans(spans, (span) => (span.annotation.roles?.length ?? 0) > 0) === 0) return [];
  const roles = spans.map((span) => span.annotation.roles ?? []).filter((entry) => entry.length > 0);
  const count = roles.length;
  const arguments_ = roles.reduce((sum, entry) => sum + entry.length, 0);
  return [{ kind: 'events-omitted', effect: 'omitted', message: `${count} event${count === 1 ? '' : 's'} (${arguments_} role argument${arguments_ === 1 ? '' : 's'}) not exported: ${formatTitle} has no place for events; their triggers are written as spans.` }];
}

/** Discontinuous spans written as separate pieces, in formats without fragments. */
export function splitDiscontinuous(spans: readonly CheckedSpan[], formatTitle: string): ExportProblem[] {
  if (countSpans(spans, (span) => span.pieces.length > 1) === 0) return [];
  return spans
    .filter((span) => span.pieces.length > 1)
    .map((span) => ({
      kind: 'discontinuous' as const,
      effect: 'changed' as const,
      annotation: span.annotation.id,
      span: shownSpan(span.annotation),
      params: { format: formatTitle, pieces: span.pieces.length },
      message: `${spanWords(span.annotation)} is discontinuous; ${formatTitle} has no fragments, so its ${span.pieces.length} pieces are written as separate spans.`,
    }));
}

export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Entity types: the tag set's order first, then the others found in documents, sorted. */
export function orderedTypes(preferred: readonly string[] | undefined, found: Iterable<string>): string[] {
  const result = [...(preferred ?? [])];
  const seen = new Set(result);
  const extra = [...new Set(found)].filter((type) => !seen.has(type)).sort();
  return [...result, ...extra];
}

/** What a format that writes neither relations, notes nor attributes reports for the document, beside its own `problems`. */
export function withOmittedExtras(problems: readonly ExportProblem[], checked: CheckedDocument, formatTitle: string): ExportProblem[] {
  return [...problems, ...omittedRelations(checked.relations, formatTitle), ...omittedEvents(checked.spans, formatTitle), ...omittedNotes(checked.spans, formatTitle), ...omittedAttributes(checked.spans, formatTitle)];
}
