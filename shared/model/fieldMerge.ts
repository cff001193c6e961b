import { sameItem } from './documentMerge';

/**
 * Three-way merge of a flat record of fields (an article's metadata, one entity of the registry),
 * by the rule of shared/model/documentMerge.ts for items: `base` is what the writer last loaded or
 * saved, `disk` the file now, `mine` what the writer holds. A field only one side changed takes
 * that side's value; the same change on both sides is no conflict; different changes to one field
 * are a conflict, for which the disk value is kept (nothing is written while there is one).
 */
export interface FieldMerge<T extends Record<string, unknown>> {
  merged: T;
  /** Fields both sides changed differently, in the order first met. */
  conflicts: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return sameItem({ value: a }, { value: b });
}

export function mergeFields<T extends Record<string, unknown>>(base: Readonly<T>, disk: Readonly<T>, mine: Readonly<T>): FieldMerge<T> {
  const merged: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(disk), ...Object.keys(base)])) {
    const [was, now, held] = [base[key], disk[key], mine[key]];
    let value: unknown;
    if (sameValue(now, held) || sameValue(was, now)) value = held;
    else if (sameValue(was, held)) value = now;
    else {
      value = now;
      conflicts.push(key);
    }
    if (value !== undefined) merged[key] = value;
  }
  return { merged: merged as T, conflicts };
}
