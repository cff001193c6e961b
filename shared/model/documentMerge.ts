import type { ConflictResolutions, SaveConflict, SavedDocument } from '../saveWire';
import type { StoredAnnotation, StoredRelation } from './nativeFormat';
import type { ArticleStatus } from './status';
import { mergeJudgments, sameJudgments } from '../documentLabels/judgmentMerge';

/**
 * Three-way merge of an article's annotations, as git merges lines: `base` is what this writer
 * last loaded or saved, `disk` is the file now (another instance, a sync tool or an editor may
 * have written it since), `mine` is what this writer holds. Items are matched by id, never by
 * position, so two analysts tagging different words both keep their tags; an item both sides
 * changed, differently, is a conflict for the user to settle, never a silent overwrite.
 *
 * The merge is pure and symmetric in what it reports: each item ends as the side that changed it
 * (or as both, when both made the same change), and each conflict names the three versions.
 */
export interface DocumentMerge {
  /** The merged document. An unresolved conflict holds the disk version until the user decides. */
  merged: SavedDocument;
  /** Items both sides changed differently that `resolutions` does not settle. */
  conflicts: SaveConflict[];
  /** The merge differs from `mine`: the writer must adopt it (another writer's changes came in). */
  diskHadChanges: boolean;
  /** The merge differs from `disk`: it must be written. */
  needsWrite: boolean;
}

/** Fields that say nothing about what was annotated: the quote is recomputed on every save, `modified` moves with any edit. */
const IGNORED_FIELDS: ReadonlySet<string> = new Set(['quote', 'modified']);

/** Deep equality of JSON data, ignoring IGNORED_FIELDS at the item's top level. */
export function sameItem(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return sameJson(a, b, true);
}

function sameJson(a: unknown, b: unknown, topLevel: boolean): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => sameJson(value, b[index], false));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (record: Record<string, unknown>) => Object.keys(record).filter((key) => record[key] !== undefined && !(topLevel && IGNORED_FIELDS.has(key)));
  const leftKeys = keys(left);
  const rightKeys = keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key], false));
}

type Side = 'base' | 'disk' | 'mine';

/** Which version an item ends as, or that it is a conflict (then the disk version is kept for now). */
export type ItemOutcome<T> = { item: T | undefined; from: Side | 'both'; conflict: boolean };

function decide<T extends object>(key: string, base: T | undefined, disk: T | undefined, mine: T | undefined, resolutions: ConflictResolutions): ItemOutcome<T> {
  if (sameItem(disk, mine)) return { item: mine ?? disk, from: 'both', conflict: false };
  if (sameItem(base, disk)) return { item: mine, from: 'mine', conflict: false };
  if (sameItem(base, mine)) return { item: disk, from: 'disk', conflict: false };
  const resolution = resolutions[key];
  if (resolution === 'mine') return { item: mine, from: 'mine', conflict: false };
  if (resolution === 'disk') return { item: disk, from: 'disk', conflict: false };
  return { item: disk, from: 'disk', conflict: true };
}

export interface KeyedMerge<T> {
  items: T[];
  outcomes: Map<string, ItemOutcome<T>>;
}

/**
 * Merges three lists of items with unique ids. The result keeps `mine`'s order; items only the
 * disk has are placed after the item that precedes them on disk (or first), so neither side's
 * order is scrambled.
 */
export function mergeKeyed<T extends { id: string }>(base: readonly T[], disk: readonly T[], mine: readonly T[], resolutions: ConflictResolutions): KeyedMerge<T> {
  const byId = (items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const baseById = byId(base);
  const diskById = byId(disk);
  const mineById = byId(mine);
  const outcomes = new Map<string, ItemOutcome<T>>();
  for (const id of new Set([...baseById.keys(), ...diskById.keys(), ...mineById.keys()])) {
    outcomes.set(id, decide(id, baseById.get(id), diskById.get(id), mineById.get(id), resolutions));
  }
  const items: T[] = [];
  const placed = new Set<string>();
  for (const item of mine) {
    const outcome = outcomes.get(item.id);
    if (outcome?.item) {
      items.push(outcome.item);
      placed.add(item.id);
    }
  }
  // Disk-only items, each after its nearest preceding disk neighbour already placed.
  let previousDiskId: string | null = null;
  for (const item of disk) {
    const outcome = outcomes.get(item.id);
    if (outcome?.item && !placed.has(item.id)) {
      const at = previousDiskId === null ? 0 : items.findIndex((candidate) => candidate.id === previousDiskId) + 1;
      items.splice(at, 0, outcome.item);
      placed.add(item.id);
    }
    if (placed.has(item.id)) previousDiskId = item.id;
  }
  return { items, outcomes };
}

function mergeStatus(base: ArticleStatus, disk: ArticleStatus, mine: ArticleStatus, resolutions: ConflictResolutions): { status: ArticleStatus; conflict: boolean } {
  if (disk === mine || base === disk) return { status: mine, conflict: false };
  if (base === mine) return { status: disk, conflict: false };
  if (resolutions.status === 'mine') return { status: mine, conflict: false };
  if (resolutions.status === 'disk') return { status: disk, conflict: false };
  return { status: disk, conflict: true };
}

/** Labels are a set: each side's additions and removals both apply. */
export function mergeLabels(base: readonly string[], disk: readonly string[], mine: readonly string[]): string[] {
  const inBase = new Set(base);
  const inDisk = new Set(disk);
  const inMine = new Set(mine);
  const removed = (label: string) => (inBase.has(label) && !inDisk.has(label)) || (inBase.has(label) && !inMine.has(label));
  const result: string[] = [];
  for (const label of [...mine, ...disk]) {
    if (!removed(label) && !result.includes(label)) result.push(label);
  }
  return result;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((value) => left.has(value));
}

/** Whether two lists hold the same items by id and content, whatever their order. */
function sameKeyedContent<T extends { id: string }>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((item) => [item.id, item]));
  return a.every((item) => sameItem(item, byId.get(item.id)));
}

export function mergeDocuments(base: SavedDocument, disk: SavedDocument, mine: SavedDocument, resolutions: ConflictResolutions = {}): DocumentMerge {
  const annotations = mergeKeyed<StoredAnnotation>(base.annotations, disk.annotations, mine.annotations, resolutions);
  const relations = mergeKeyed<StoredRelation>(base.relations, disk.relations, mine.relations, resolutions);
  const status = mergeStatus(base.status, disk.status, mine.status, resolutions);
  const conflicts: SaveConflict[] = [];
  const baseAnnotations = new Map(base.annotations.map((item) => [item.id, item]));
  const diskAnnotations = new Map(disk.annotations.map((item) => [item.id, item]));
  const mineAnnotations = new Map(mine.annotations.map((item) => [item.id, item]));
  for (const [key, outcome] of annotations.outcomes) {
    if (outcome.conflict) conflicts.push({ kind: 'annotation', key, base: baseAnnotations.get(key) ?? null, mine: mineAnnotations.get(key) ?? null, disk: diskAnnotations.get(key) ?? null });
  }
  const baseRelations = new Map(base.relations.map((item) => [item.id, item]));
  const diskRelations = new Map(disk.relations.map((item) => [item.id, item]));
  const mineRelations = new Map(mine.relations.map((item) => [item.id, item]));
  for (const [key, outcome] of relations.outcomes) {
    if (outcome.conflict) conflicts.push({ kind: 'relation', key, base: baseRelations.get(key) ?? null, mine: mineRelations.get(key) ?? null, disk: diskRelations.get(key) ?? null });
  }
  // A relation one side kept or added, to an annotation the other side deleted: the deletion
  // and the relation cannot both stand, so the annotation is a conflict (unless settled).
  const mergedIds = new Set(annotations.items.map((item) => item.id));
  let mergedAnnotations = annotations.items;
  let mergedRelations = relations.items;
  const dangling = new Set(mergedRelations.flatMap((relation) => [relation.from, relation.to]).filter((id) => !mergedIds.has(id)));
  for (const key of dangling) {
    const kept = mineAnnotations.get(key) ?? diskAnnotations.get(key) ?? baseAnnotations.get(key);
    const resolution = resolutions[key];
    if (resolution === 'mine' && mineAnnotations.has(key)) mergedAnnotations = [...mergedAnnotations, mineAnnotations.get(key) as StoredAnnotation];
    else if (resolution === 'disk' && diskAnnotations.has(key)) mergedAnnotations = [...mergedAnnotations, diskAnnotations.get(key) as StoredAnnotation];
    else if (resolution !== undefined || kept === undefined) mergedRelations = mergedRelations.filter((relation) => relation.from !== key && relation.to !== key);
    else if (!conflicts.some((conflict) => conflict.key === key)) {
      conflicts.push({ kind: 'annotation', key, base: baseAnnotations.get(key) ?? null, mine: mineAnnotations.get(key) ?? null, disk: diskAnnotations.get(key) ?? null });
    }
  }
  if (status.conflict) conflicts.push({ kind: 'status', key: 'status', base: base.status, mine: mine.status, disk: disk.status });
  // (#21) Document labels per dimension and zones by id, as items: neither writer's judgments are lost.
  const judgments = mergeJudgments(base, disk, mine, resolutions);
  conflicts.push(...judgments.conflicts);
  const merged: SavedDocument = {
    status: status.status,
    annotations: mergedAnnotations,
    relations: mergedRelations,
    labels: mergeLabels(base.labels, disk.labels, mine.labels),
    // Carried only when some side carries them: a document of a writer without judgments stays as it was.
    ...([base, disk, mine].some((side) => side.documentLabels !== undefined || side.zones !== undefined) ? judgments.merged : {}),
  };
  const differs = (other: SavedDocument) =>
    other.status !== merged.status ||
    !sameSet(other.labels, merged.labels) ||
    !sameKeyedContent(other.annotations, merged.annotations) ||
    !sameKeyedContent(other.relations, merged.relations) ||
    !sameJudgments({ documentLabels: other.documentLabels ?? base.documentLabels, zones: other.zones ?? base.zones }, merged);
  return { merged, conflicts, diskHadChanges: differs(mine), needsWrite: differs(disk) };
}

/** Ids used more than once in a list, in the order first repeated. */
export function duplicateIds(items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) repeated.add(item.id);
    seen.add(item.id);
  }
  return [...repeated];
}
