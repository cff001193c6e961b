import { z } from 'zod';
import { StoredAnnotationSchema, type AnnotationFile, type StoredAnnotation } from '../../../shared/model/nativeFormat';
import { quoteAround } from '../../../shared/anchoring/quote';
import { reanchor, type AnchorInput } from '../../../shared/anchoring/reanchor';
import type { DecodedArticle } from './articleDecoder';
import { worstAnchorStatus } from '../../../shared/anchoring/reanchorStatus';

/**
 * When an article changed on disk (its SHA-256 is not the one its annotation file recorded),
 * every annotation is placed again by its text and quote (shared/anchoring/reanchor.ts).
 *
 * Orphans (annotations that could not be placed) stay in the file, in a top-level `orphans`
 * array beside `annotations` (v1's loose top-level object keeps unknown fields, and
 * saveAnnotations carries them over on every save). Each is the annotation as it last was,
 * with its old offsets, text and quote, plus `orphan: { since, sourceSha256 }`. They are kept
 * out of `annotations[]` on purpose: every item there must cover its text in the current article
 * (exporters and `findOffsetProblem` rely on it), which an orphan no longer does. Orphans are
 * tried again at every later change of the article and come back when their text does.
 */
export const OrphanInfoSchema = z.looseObject({
  /** When the annotation lost its place. */
  since: z.string(),
  /** SHA-256 of the article text its offsets refer to. */
  sourceSha256: z.string(),
});
export type OrphanInfo = z.infer<typeof OrphanInfoSchema>;

export const OrphanAnnotationSchema = StoredAnnotationSchema.extend({ orphan: OrphanInfoSchema });
export type OrphanAnnotation = z.infer<typeof OrphanAnnotationSchema>;

export interface ReanchorReportEntry {
  id: string;
  type: string;
  status: 'moved' | 'fuzzy' | 'orphan' | 'recovered';
  oldStart: number;
  oldEnd: number;
  oldText: string;
  newStart: number | null;
  newEnd: number | null;
  newText: string | null;
}

export interface ReanchorReport {
  previousSha256: string;
  sha256: string;
  unchanged: number;
  /** Every annotation that moved, changed its text (fuzzy), became an orphan or came back. */
  changes: ReanchorReportEntry[];
  /** All orphans now in the file (new ones and older ones still unplaced). */
  orphans: OrphanAnnotation[];
}

export interface ReanchorOutcome {
  file: AnnotationFile;
  report: ReanchorReport;
}

/** The orphans already in a file; entries that are not annotations are kept as they are. */
function existingOrphans(file: AnnotationFile): { orphans: OrphanAnnotation[]; unreadable: unknown[] } {
  const raw: unknown = (file as Record<string, unknown>).orphans;
  const orphans: OrphanAnnotation[] = [];
  const unreadable: unknown[] = [];
  if (!Array.isArray(raw)) return { orphans, unreadable };
  for (const entry of raw) {
    const parsed = OrphanAnnotationSchema.safeParse(entry);
    if (parsed.success) orphans.push(parsed.data);
    else unreadable.push(entry);
  }
  return { orphans, unreadable };
}

/** Fragment texts from the joined text: fragments are joined by one space, and their lengths are known. */
function fragmentTexts(annotation: StoredAnnotation): string[] | null {
  const fragments = annotation.fragments ?? [];
  const codePoints = Array.from(annotation.text);
  const texts: string[] = [];
  let position = 0;
  for (const [index, fragment] of fragments.entries()) {
    const length = fragment.end - fragment.start;
    texts.push(codePoints.slice(position, position + length).join(''));
    position += length;
    if (index < fragments.length - 1) {
      if (codePoints[position] !== ' ') return null;
      position++;
    }
  }
  return position === codePoints.length ? texts : null;
}

interface Pending {
  annotation: StoredAnnotation;
  /** Indices into the anchor inputs: one for a plain span, one per fragment otherwise. */
  inputs: number[];
  wasOrphan: boolean;
}

/** The anchoring inputs of every annotation and earlier orphan: one per fragment; `unplaceable`: fragments whose texts cannot be told apart. */
function anchorInputsOf(file: AnnotationFile, previousOrphans: readonly OrphanAnnotation[]): { inputs: AnchorInput[]; pending: Pending[]; unplaceable: { annotation: StoredAnnotation; wasOrphan: boolean }[] } {
  const inputs: AnchorInput[] = [];
  const pending: Pending[] = [];
  const unplaceable: { annotation: StoredAnnotation; wasOrphan: boolean }[] = [];
  const candidates = [
    ...file.annotations.map((annotation) => ({ annotation, wasOrphan: false })),
    ...previousOrphans.map((annotation) => ({ annotation: annotation as StoredAnnotation, wasOrphan: true })),
  ];
  for (const { annotation, wasOrphan } of candidates) {
    const prefix = annotation.quote?.prefix ?? '';
    const suffix = annotation.quote?.suffix ?? '';
    if (!annotation.fragments || annotation.fragments.length === 0) {
      pending.push({ annotation, wasOrphan, inputs: [inputs.length] });
      inputs.push({ start: annotation.start, end: annotation.end, text: annotation.text, prefix, suffix });
      continue;
    }
    const texts = fragmentTexts(annotation);
    if (!texts) {
      unplaceable.push({ annotation, wasOrphan });
      continue;
    }
    const last = annotation.fragments.length - 1;
    const indices = annotation.fragments.map((fragment, index) => {
      inputs.push({ start: fragment.start, end: fragment.end, text: texts[index], prefix: index === 0 ? prefix : '', suffix: index === last ? suffix : '' });
      return inputs.length - 1;
    });
    pending.push({ annotation, wasOrphan, inputs: indices });
  }
  return { inputs, pending, unplaceable };
}

function reportEntry(annotation: StoredAnnotation, status: ReanchorReportEntry['status'], placed: StoredAnnotation | null): ReanchorReportEntry {
  return {
    id: annotation.id,
    type: annotation.type,
    status,
    oldStart: annotation.start,
    oldEnd: annotation.end,
    oldText: annotation.text,
    newStart: placed ? placed.start : null,
    newEnd: placed ? placed.end : null,
    newText: placed ? placed.text : null,
  };
}

/**
 * Re-anchors a parsed annotation file against the article's current text. Pure apart from the
 * clock: returns the file to write (new offsets, texts and quotes; the article's new SHA-256 and
 * length; orphans in `orphans`) and a report of what moved.
 */
export function reanchorAnnotationFile(file: AnnotationFile, article: DecodedArticle, now: string = new Date().toISOString()): ReanchorOutcome {
  const codePoints = Array.from(article.text);
  const { orphans: previousOrphans, unreadable } = existingOrphans(file);
  const { inputs, pending, unplaceable } = anchorInputsOf(file, previousOrphans);
  const results = reanchor(inputs, article.text);
  const annotations: StoredAnnotation[] = [];
  const orphans: OrphanAnnotation[] = [];
  const changes: ReanchorReportEntry[] = [];
  let unchanged = 0;
  const orphanOf = (annotation: StoredAnnotation, wasOrphan: boolean): OrphanAnnotation => (wasOrphan ? (annotation as OrphanAnnotation) : { ...annotation, orphan: { since: now, sourceSha256: file.source.sha256 } });

  for (const item of pending) {
    const placedParts = item.inputs.map((index) => results[index]);
    const worst = worstAnchorStatus(placedParts);
    const fragments = placedParts.map((result) => ({ start: result.newStart ?? 0, end: result.newEnd ?? 0 }));
    const inOrder = fragments.every((fragment, index) => index === 0 || fragment.start >= fragments[index - 1].end);
    if (worst === 'orphan' || !inOrder) {
      const orphan = orphanOf(item.annotation, item.wasOrphan);
      orphans.push(orphan);
      if (!item.wasOrphan) changes.push(reportEntry(item.annotation, 'orphan', null));
      continue;
    }
    const start = fragments[0].start;
    const end = fragments[fragments.length - 1].end;
    const text = fragments.map((fragment) => codePoints.slice(fragment.start, fragment.end).join('')).join(' ');
    const { orphan: _dropped, ...rest } = item.annotation as OrphanAnnotation;
    const placed: StoredAnnotation = { ...rest, start, end, text, quote: quoteAround(codePoints, start, end) };
    if (item.annotation.fragments && item.annotation.fragments.length > 0) placed.fragments = fragments;
    annotations.push(placed);
    if (item.wasOrphan) changes.push(reportEntry(item.annotation, 'recovered', placed));
    else if (worst === 'unchanged') unchanged++;
    else changes.push(reportEntry(item.annotation, worst, placed));
  }
  for (const { annotation, wasOrphan } of unplaceable) {
    orphans.push(orphanOf(annotation, wasOrphan));
    if (!wasOrphan) changes.push(reportEntry(annotation, 'orphan', null));
  }

  const reanchored: AnnotationFile = {
    ...file,
    source: { ...file.source, sha256: article.sha256, encoding: article.encoding, length: codePoints.length },
    annotations,
    updated: now,
  };
  const allOrphans = [...orphans, ...unreadable];
  if (allOrphans.length > 0) (reanchored as Record<string, unknown>).orphans = allOrphans;
  else delete (reanchored as Record<string, unknown>).orphans;
  return { file: reanchored, report: { previousSha256: file.source.sha256, sha256: article.sha256, unchanged, changes, orphans } };
}
