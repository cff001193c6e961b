import { sameLabelValue } from './labelEdits';
import type { DocumentLabels, DocumentLabelValue, Zone } from './judgmentFormat';

/**
 * Three-way merge of an article's judgments (documentMerge.ts merges the rest): each dimension
 * is an item, as each zone is by id, so two analysts judging different dimensions both keep
 * their work. A multiple-choice dimension merges as a set: each side's additions and removals
 * apply. A dimension (or zone) both sides changed differently is a conflict, settled by the
 * same resolutions as annotations (key `label:DIMENSION` or `zone:ID`); unsettled, the disk's
 * value is kept until the user decides.
 */
export interface JudgmentMerge<T> {
  merged: T;
  conflicts: { key: string; base: T extends Zone[] ? Zone | null : DocumentLabelValue | null; disk: T extends Zone[] ? Zone | null : DocumentLabelValue | null; mine: T extends Zone[] ? Zone | null : DocumentLabelValue | null }[];
}

type Resolutions = Readonly<Record<string, 'mine' | 'disk'>>;

export const labelConflictKey = (dimension: string) => `label:${dimension}`;
export const zoneConflictKey = (id: string) => `zone:${id}`;

function mergeSet(base: readonly string[], disk: readonly string[], mine: readonly string[]): string[] {
  const inBase = new Set(base);
  const inDisk = new Set(disk);
  const inMine = new Set(mine);
  const removed = (value: string) => inBase.has(value) && (!inDisk.has(value) || !inMine.has(value));
  return [...new Set([...mine, ...disk])].filter((value) => !removed(value));
}

const asSet = (value: DocumentLabelValue | undefined): string[] | null => (Array.isArray(value) ? value : value === undefined ? [] : null);

export function mergeDocumentLabels(base: DocumentLabels, disk: DocumentLabels, mine: DocumentLabels, resolutions: Resolutions = {}): JudgmentMerge<DocumentLabels> {
  const merged: DocumentLabels = {};
  const conflicts: JudgmentMerge<DocumentLabels>['conflicts'] = [];
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(disk), ...Object.keys(base)])];
  for (const key of keys) {
    const [b, d, m] = [base[key], disk[key], mine[key]];
    let value: DocumentLabelValue | undefined;
    if (sameLabelValue(d, m)) value = m;
    else if (sameLabelValue(b, d)) value = m;
    else if (sameLabelValue(b, m)) value = d;
    else if ((Array.isArray(d) || Array.isArray(m)) && asSet(b) && asSet(d) && asSet(m)) {
      const set = mergeSet(asSet(b) as string[], asSet(d) as string[], asSet(m) as string[]);
      value = set.length > 0 ? set : undefined;
    } else if (resolutions[labelConflictKey(key)] === 'mine') value = m;
    else {
      value = d;
      if (resolutions[labelConflictKey(key)] !== 'disk') conflicts.push({ key: labelConflictKey(key), base: b ?? null, disk: d ?? null, mine: m ?? null });
    }
    if (value !== undefined) merged[key] = value;
  }
  return { merged, conflicts };
}

const sameZone = (a: Zone | undefined, b: Zone | undefined) => a === b || (a !== undefined && b !== undefined && a.type === b.type && a.start === b.start && a.end === b.end);

export function mergeZones(base: readonly Zone[], disk: readonly Zone[], mine: readonly Zone[], resolutions: Resolutions = {}): JudgmentMerge<Zone[]> {
  const byId = (zones: readonly Zone[]) => new Map(zones.map((zone) => [zone.id, zone]));
  const [b, d, m] = [byId(base), byId(disk), byId(mine)];
  const conflicts: JudgmentMerge<Zone[]>['conflicts'] = [];
  const kept = new Map<string, Zone>();
  for (const id of new Set([...m.keys(), ...d.keys(), ...b.keys()])) {
    const [zb, zd, zm] = [b.get(id), d.get(id), m.get(id)];
    let zone: Zone | undefined;
    if (sameZone(zd, zm) || sameZone(zb, zd)) zone = zm;
    else if (sameZone(zb, zm)) zone = zd;
    else if (resolutions[zoneConflictKey(id)] === 'mine') zone = zm;
    else {
      zone = zd;
      if (resolutions[zoneConflictKey(id)] !== 'disk') conflicts.push({ key: zoneConflictKey(id), base: zb ?? null, disk: zd ?? null, mine: zm ?? null });
    }
    if (zone) kept.set(id, zone);
  }
  const merged = [...kept.values()].sort((left, right) => left.start - right.start || left.end - right.end);
  return { merged, conflicts };
}

export function sameZones(a: readonly Zone[], b: readonly Zone[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((zone) => [zone.id, zone]));
  return a.every((zone) => sameZone(zone, byId.get(zone.id)));
}

/** The judgments part of a saved document; absent fields are an older writer's (brat, the CLI) and mean "unchanged". */
export interface DocumentJudgments {
  documentLabels?: DocumentLabels;
  zones?: Zone[];
}

export interface JudgmentConflict {
  kind: 'judgment';
  key: string;
  /** Each version as JSON text (null: that side has none), for the conflict dialog. */
  base: string | null;
  mine: string | null;
  disk: string | null;
}

const asText = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Merges both judgment fields; a side that does not carry a field counts as leaving the base's as it was. */
export function mergeJudgments(base: DocumentJudgments, disk: DocumentJudgments, mine: DocumentJudgments, resolutions: Resolutions = {}): { merged: Required<DocumentJudgments>; conflicts: JudgmentConflict[] } {
  const baseLabels = base.documentLabels ?? {};
  const labels = mergeDocumentLabels(baseLabels, disk.documentLabels ?? baseLabels, mine.documentLabels ?? baseLabels, resolutions);
  const baseZones = base.zones ?? [];
  const zones = mergeZones(baseZones, disk.zones ?? baseZones, mine.zones ?? baseZones, resolutions);
  const conflicts = [...labels.conflicts, ...zones.conflicts].map((conflict): JudgmentConflict => ({ kind: 'judgment', key: conflict.key, base: asText(conflict.base), mine: asText(conflict.mine), disk: asText(conflict.disk) }));
  return { merged: { documentLabels: labels.merged, zones: zones.merged }, conflicts };
}

/** Whether two documents hold the same judgments (an absent field is empty). */
export function sameJudgments(a: DocumentJudgments, b: DocumentJudgments): boolean {
  const labelsA = a.documentLabels ?? {};
  const labelsB = b.documentLabels ?? {};
  const keys = new Set([...Object.keys(labelsA), ...Object.keys(labelsB)]);
  for (const key of keys) if (!sameLabelValue(labelsA[key], labelsB[key])) return false;
  return sameZones(a.zones ?? [], b.zones ?? []);
}
