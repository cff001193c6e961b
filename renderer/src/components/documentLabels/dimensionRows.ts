import type { Dimension, DimensionInput, DimensionKind } from '../../../../shared/documentLabels/dimensions';

/**
 * (#21) A dimension as the editor holds it: each value with its id, Persian and English labels,
 * guideline and key (an `Alt+Digit` chord, '' for one given automatically); a scale by its
 * lowest and highest point, each point labelled like a value. Keys the tag set resolved are kept
 * as set, so what the editor shows is what the file then says.
 */
export interface ValueRow {
  id: string;
  fa: string;
  en: string;
  guideline: string;
  hotkey: string;
}

export interface DimensionRow {
  id: string;
  kind: DimensionKind;
  fa: string;
  en: string;
  guideline: string;
  level: 'ordinal' | 'interval';
  values: ValueRow[];
  /** A scale's lowest and highest point, as typed. */
  min: string;
  max: string;
}

/** A scale has at most this many points (the tag-set resolver caps it the same). */
export const MAX_SCALE_POINTS = 20;

export function emptyValueRow(id = ''): ValueRow {
  return { id, fa: '', en: '', guideline: '', hotkey: '' };
}

export function toDimensionRows(dimensions: readonly Dimension[]): DimensionRow[] {
  return dimensions.map((dimension) => {
    const points = dimension.kind === 'scale' ? dimension.values.map((value) => Number(value.id)).filter(Number.isInteger) : [];
    return {
      id: dimension.id,
      kind: dimension.kind,
      fa: dimension.label.fa,
      en: dimension.label.en,
      guideline: dimension.guideline,
      level: dimension.level,
      // A label equal to the id was filled in by the resolver, not written by the lead.
      values: dimension.values.map((value) => ({ id: value.id, fa: value.label.fa === value.id ? '' : value.label.fa, en: value.label.en === value.id ? '' : value.label.en, guideline: value.guideline, hotkey: value.hotkey ?? '' })),
      min: points.length > 0 ? String(Math.min(...points)) : '1',
      max: points.length > 0 ? String(Math.max(...points)) : '5',
    };
  });
}

export function emptyDimensionRow(position: number): DimensionRow {
  return { id: `dimension${position}`, kind: 'single', fa: '', en: '', guideline: '', level: 'ordinal', values: [emptyValueRow()], min: '1', max: '5' };
}

/** A scale's bounds when both are integers, min below max, at most MAX_SCALE_POINTS points; else null. */
export function scaleBounds(row: Pick<DimensionRow, 'min' | 'max'>): { min: number; max: number } | null {
  const min = Number(row.min.trim());
  const max = Number(row.max.trim());
  if (row.min.trim() === '' || row.max.trim() === '' || !Number.isInteger(min) || !Number.isInteger(max) || min >= max || max - min + 1 > MAX_SCALE_POINTS) return null;
  return { min, max };
}

/** The scale's points for new bounds, each keeping the labels, guideline and key it had by number. */
export function withScaleBounds(row: DimensionRow, min: string, max: string): DimensionRow {
  const bounds = scaleBounds({ min, max });
  if (!bounds) return { ...row, min, max };
  const before = new Map(row.values.map((value) => [value.id, value]));
  const values = Array.from({ length: bounds.max - bounds.min + 1 }, (_, index) => String(bounds.min + index)).map((id) => before.get(id) ?? emptyValueRow(id));
  return { ...row, min, max, values };
}

/** A kind changed: a scale gets its points, a choice list keeps its values, free text keeps them for a change back. */
export function withKind(row: DimensionRow, kind: DimensionKind): DimensionRow {
  if (kind === 'scale') return withScaleBounds({ ...row, kind }, row.min, row.max);
  if (row.kind === 'scale' && kind !== 'text') return { ...row, kind, values: row.values.length > 0 ? row.values : [emptyValueRow()] };
  return { ...row, kind };
}

export type RowProblem =
  | { key: 'badId' }
  | { key: 'duplicateDimension'; id: string }
  | { key: 'noValues'; id: string }
  | { key: 'badValueId'; id: string }
  | { key: 'duplicateValue'; id: string; value: string }
  | { key: 'badScale'; id: string; points: number }
  | { key: 'keyClash'; chord: string; first: string; second: string };

/** The problem with one dimension's own fields and values, or null. */
function dimensionProblem(row: DimensionRow): RowProblem | null {
  if (row.kind === 'scale' && !scaleBounds(row)) return { key: 'badScale', id: row.id, points: MAX_SCALE_POINTS };
  if (row.kind === 'text') return null;
  if (row.values.length === 0) return { key: 'noValues', id: row.id };
  const seen = new Set<string>();
  for (const value of row.values) {
    if (!/^[^\s]+$/.test(value.id)) return { key: 'badValueId', id: row.id };
    if (seen.has(value.id)) return { key: 'duplicateValue', id: row.id, value: value.id };
    seen.add(value.id);
  }
  return null;
}

/** The first two values, across dimensions, given the same key. */
function keyClash(rows: readonly DimensionRow[]): RowProblem | null {
  const owners = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'text') continue;
    for (const value of row.values) {
      if (value.hotkey === '') continue;
      const owner = `${row.id}: ${value.id}`;
      const first = owners.get(value.hotkey);
      if (first !== undefined) return { key: 'keyClash', chord: value.hotkey, first, second: owner };
      owners.set(value.hotkey, owner);
    }
  }
  return null;
}

function toInput(row: DimensionRow): DimensionInput {
  const values = row.values.map((value) => ({
    id: value.id,
    label: { ...(value.fa.trim() ? { fa: value.fa.trim() } : {}), ...(value.en.trim() ? { en: value.en.trim() } : {}) },
    ...(value.guideline.trim() ? { guideline: value.guideline.trim() } : {}),
    ...(value.hotkey ? { hotkey: value.hotkey } : {}),
  }));
  const bounds = row.kind === 'scale' ? scaleBounds(row) : null;
  return {
    id: row.id,
    kind: row.kind,
    label: { ...(row.fa.trim() ? { fa: row.fa.trim() } : {}), ...(row.en.trim() ? { en: row.en.trim() } : {}) },
    ...(row.guideline.trim() ? { guideline: row.guideline.trim() } : {}),
    ...(row.kind === 'text' ? {} : { values }),
    ...(bounds ? { min: bounds.min, max: bounds.max, level: row.level } : {}),
  };
}

/** The rows as the tag set's `dimensions`, or the first problem with them. */
export function toDimensionInputs(rows: readonly DimensionRow[]): { dimensions: DimensionInput[] } | { problem: RowProblem } {
  const seen = new Set<string>();
  for (const row of rows) {
    if (!/^[^\s]+$/.test(row.id)) return { problem: { key: 'badId' } };
    if (seen.has(row.id)) return { problem: { key: 'duplicateDimension', id: row.id } };
    seen.add(row.id);
    const problem = dimensionProblem(row);
    if (problem) return { problem };
  }
  const clash = keyClash(rows);
  if (clash) return { problem: clash };
  return { dimensions: rows.map(toInput) };
}
