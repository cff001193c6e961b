/**
 * (#21) Agreement on document labels, per dimension: Cohen's kappa for two annotators, Fleiss'
 * kappa for several, Krippendorff's alpha (nominal, ordinal or interval; missing values
 * allowed) for scales. Pure functions over the values each annotator gave each article.
 */

/** Cohen's kappa of two annotators' labels for the same items (items either left unlabelled are skipped). */
export function cohensKappa(pairs: readonly (readonly [string | null, string | null])[]): number | null {
  const both = pairs.filter((pair): pair is readonly [string, string] => pair[0] !== null && pair[1] !== null);
  if (both.length === 0) return null;
  const n = both.length;
  const agreed = both.filter(([a, b]) => a === b).length / n;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  for (const [a, b] of both) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  let chance = 0;
  for (const [category, count] of first) chance += (count / n) * ((second.get(category) ?? 0) / n);
  return chance === 1 ? (agreed === 1 ? 1 : null) : (agreed - chance) / (1 - chance);
}

/** Fleiss' kappa: for each item, how many raters chose each category (every item rated by the same number of raters). */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const raters = counts[0].reduce((sum, count) => sum + count, 0);
  if (raters < 2 || counts.some((row) => row.reduce((sum, count) => sum + count, 0) !== raters)) return null;
  const items = counts.length;
  const categories = counts[0].length;
  const share = Array.from({ length: categories }, (_, j) => counts.reduce((sum, row) => sum + row[j], 0) / (items * raters));
  const perItem = counts.map((row) => (row.reduce((sum, count) => sum + count * count, 0) - raters) / (raters * (raters - 1)));
  const observed = perItem.reduce((sum, value) => sum + value, 0) / items;
  const chance = share.reduce((sum, p) => sum + p * p, 0);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** For Fleiss' kappa: each item's labels (one per rater, null for none) as counts per category. */
export function categoryCounts(items: readonly (readonly (string | null)[])[]): number[][] {
  const categories = [...new Set(items.flat().filter((value): value is string => value !== null))].sort();
  return items.map((labels) => categories.map((category) => labels.filter((label) => label === category).length));
}

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/**
 * Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). `units[u]` holds each coder's value for unit u (null:
 * missing); units with fewer than two values are not pairable and are left out.
 */
export function krippendorffAlpha(units: readonly (readonly (number | string | null)[])[], level: AlphaLevel): number | null {
  const pairable = units.map((unit) => unit.filter((value): value is number | string => value !== null)).filter((values) => values.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
  if (values.length === 0) return null;
  const index = new Map(values.map((value, position) => [value, position]));
  const size = values.length;
  const coincidence = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) for (let j = 0; j < unit.length; j++) if (i !== j) coincidence[index.get(unit[i]) as number][index.get(unit[j]) as number] += weight;
  }
  const marginals = coincidence.map((row) => row.reduce((sum, value) => sum + value, 0));
  const total = marginals.reduce((sum, value) => sum + value, 0);
  const delta = distance(values, marginals, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      observed += coincidence[c][k] * delta(c, k);
      expected += marginals[c] * marginals[k] * delta(c, k);
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

function distance(values: readonly (number | string)[], marginals: readonly number[], level: AlphaLevel): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => (Number(values[c]) - Number(values[k])) ** 2;
  return (c, k) => {
    const [low, high] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = low; g <= high; g++) sum += marginals[g];
    return (sum - (marginals[c] + marginals[k]) / 2) ** 2;
  };
}
