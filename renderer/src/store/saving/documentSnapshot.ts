import type { SavedDocument } from '../../../../shared/saveWire';
import { compareReadingOrder } from '../../../../shared/model/annotationOperations';
import { toDocumentAnnotations, toStoredAnnotations, type DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import type { StoredRelation } from '../../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../../shared/model/status';
import type { OffsetConverter } from '../../../../shared/anchoring/offsets';
import type { DocumentLabels, Zone } from '../../../../shared/documentLabels/judgmentFormat';

/**
 * The saved part of a document as the window holds it: offsets in UTF-16 code units, the
 * arrays shared with the document store (never copied), so comparing two snapshots of the same
 * article is comparing references. `SavedDocument` is the same content in code points, as it
 * crosses to main and as merges see it; the conversion happens only here, at the edge.
 */
export interface DocumentSnapshot {
  status: ArticleStatus;
  annotations: DocumentAnnotation[];
  relations: StoredRelation[];
  labels: string[];
  /** (#21) Absent: this snapshot does not carry them (main keeps the file's). Zones in code points. */
  documentLabels?: DocumentLabels;
  zones?: Zone[];
}

export function snapshotOf(document: DocumentSnapshot): DocumentSnapshot {
  return { status: document.status, annotations: document.annotations, relations: document.relations, labels: document.labels, documentLabels: document.documentLabels, zones: document.zones };
}

/** True when nothing was edited between the two snapshots (edits always make new arrays). */
export function sameSnapshot(a: DocumentSnapshot, b: DocumentSnapshot): boolean {
  return a.status === b.status && a.annotations === b.annotations && a.relations === b.relations && a.labels === b.labels && a.documentLabels === b.documentLabels && a.zones === b.zones;
}

export function toSavedDocument(snapshot: DocumentSnapshot, converter: OffsetConverter): SavedDocument {
  return {
    status: snapshot.status,
    annotations: toStoredAnnotations(snapshot.annotations, converter),
    relations: [...snapshot.relations],
    labels: [...snapshot.labels],
    ...(snapshot.documentLabels ? { documentLabels: snapshot.documentLabels } : {}),
    ...(snapshot.zones ? { zones: snapshot.zones } : {}),
  };
}

/**
 * A saved document in the window's units, in reading order (the store keeps that order so that
 * edits insert in place). Annotations equal to one the window already holds keep that object:
 * saves send only what changed by identity (shared/model/annotationChanges.ts), so a merge that
 * brought one annotation from another writer costs the next save one annotation, not all.
 */
export function fromSavedDocument(saved: SavedDocument, converter: OffsetConverter, known: readonly (readonly DocumentAnnotation[])[] = []): DocumentSnapshot {
  const byId = new Map<string, DocumentAnnotation[]>();
  for (const list of known) {
    for (const annotation of list) {
      const candidates = byId.get(annotation.id);
      if (candidates) candidates.push(annotation);
      else byId.set(annotation.id, [annotation]);
    }
  }
  const converted = toDocumentAnnotations(saved.annotations, converter);
  const annotations = converted.map((annotation) => byId.get(annotation.id)?.find((candidate) => sameJson(candidate, annotation)) ?? annotation);
  annotations.sort(compareReadingOrder);
  return { status: saved.status, annotations, relations: [...saved.relations], labels: [...saved.labels], ...(saved.documentLabels ? { documentLabels: saved.documentLabels } : {}), ...(saved.zones ? { zones: saved.zones } : {}) };
}

/** Deep equality of plain JSON values (what annotations are), ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => sameJson(aRecord[key], bRecord[key]));
}
