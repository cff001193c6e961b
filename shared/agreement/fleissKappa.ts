/**
 * Fleiss' kappa for n ≥ 2 annotators who each labelled every item (here: tokens).
 * With n_ij = how many annotators gave item i label j, over N items:
 *
 *   P_i = (Σ_j n_ij² − n) / (n (n − 1))       agreement on item i
 *   P̄   = (1/N) Σ_i P_i
 *   p_j = (Σ_i n_ij) / (N n)                   share of label j
 *   P̄_e = Σ_j p_j²
 *   κ   = (P̄ − P̄_e) / (1 − P̄_e)
 *
 * The counts kept are sums, so documents add up into one corpus figure.
 */
export interface FleissCounts {
  raters: number;
  items: number;
  /** Σ_i Σ_j n_ij (n_ij − 1): agreeing ordered pairs of annotators, over all items. */
  agreeingPairs: number;
  /** Σ_i n_ij by label j. */
  labelTotals: Map<string, number>;
}

export function emptyFleiss(raters: number): FleissCounts {
  if (!Number.isInteger(raters) || raters < 2) throw new RangeError(`Fleiss' kappa needs at least 2 annotators (got ${raters}).`);
  return { raters, items: 0, agreeingPairs: 0, labelTotals: new Map() };
}

/** Adds one item: the label each annotator gave it (one label per annotator). */
export function addItem(counts: FleissCounts, labels: readonly string[]): void {
  if (labels.length !== counts.raters) throw new RangeError(`An item has ${labels.length} labels for ${counts.raters} annotators.`);
  const perLabel = new Map<string, number>();
  for (const label of labels) perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
  addItemCounts(counts, perLabel);
}

/** Adds one item given as a row of the classic table: how many annotators chose each label. */
export function addItemCounts(counts: FleissCounts, perLabel: ReadonlyMap<string, number>): void {
  let raters = 0;
  for (const [label, count] of perLabel) {
    raters += count;
    counts.agreeingPairs += count * (count - 1);
    counts.labelTotals.set(label, (counts.labelTotals.get(label) ?? 0) + count);
  }
  if (raters !== counts.raters) throw new RangeError(`An item has ${raters} ratings for ${counts.raters} annotators.`);
  counts.items++;
}

/** Labels per annotator, each list over the same items: annotator-major, as tokenLabels gives them. */
export function fleissOf(labelsByAnnotator: readonly (readonly string[])[]): FleissCounts {
  const counts = emptyFleiss(labelsByAnnotator.length);
  const itemCount = labelsByAnnotator[0].length;
  if (labelsByAnnotator.some((labels) => labels.length !== itemCount)) throw new RangeError('Label lists differ in length.');
  for (let item = 0; item < itemCount; item++) addItem(counts, labelsByAnnotator.map((labels) => labels[item]));
  return counts;
}

export function addFleiss(into: FleissCounts, from: FleissCounts): void {
  if (into.raters !== from.raters) throw new RangeError(`Cannot add counts of ${from.raters} annotators to counts of ${into.raters}.`);
  into.items += from.items;
  into.agreeingPairs += from.agreeingPairs;
  for (const [label, total] of from.labelTotals) into.labelTotals.set(label, (into.labelTotals.get(label) ?? 0) + total);
}

export interface FleissResult {
  raters: number;
  items: number;
  /** P̄; null with no items. */
  observed: number | null;
  /** P̄_e; null with no items. */
  expected: number | null;
  /** null when 0/0: no items, or P̄_e = 1 (every annotator gave every item the same one label). */
  kappa: number | null;
}

export function fleissKappa(counts: FleissCounts): FleissResult {
  const { raters, items } = counts;
  if (items === 0) return { raters, items, observed: null, expected: null, kappa: null };
  const ratings = items * raters;
  let squaredTotals = 0;
  for (const total of counts.labelTotals.values()) squaredTotals += total * total;
  const observed = counts.agreeingPairs / (items * raters * (raters - 1));
  const expected = squaredTotals / (ratings * ratings);
  const kappa = squaredTotals === ratings * ratings ? null : (observed - expected) / (1 - expected);
  return { raters, items, observed, expected, kappa };
}
