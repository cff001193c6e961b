/**
 * Cohen's kappa between two annotators' labels of the same items (here: tokens).
 *
 *   p_o = (items both labelled the same) / N
 *   p_e = Σ_k (items A labelled k / N) · (items B labelled k / N)
 *   κ   = (p_o − p_e) / (1 − p_e)
 *
 * Kept as a confusion table so that a corpus figure comes from the summed tables of its
 * documents (one κ over all tokens), not from an average of per-document κ.
 */
export interface ConfusionCounts {
  /** Count of items by A's label, then B's label. */
  cells: Map<string, Map<string, number>>;
  items: number;
}

export function emptyConfusion(): ConfusionCounts {
  return { cells: new Map(), items: 0 };
}

export function addPair(counts: ConfusionCounts, labelA: string, labelB: string, times = 1): void {
  let row = counts.cells.get(labelA);
  if (!row) {
    row = new Map();
    counts.cells.set(labelA, row);
  }
  row.set(labelB, (row.get(labelB) ?? 0) + times);
  counts.items += times;
}

/** Counts the pairs of labels item by item; both lists label the same items. */
export function confusionOf(labelsA: readonly string[], labelsB: readonly string[]): ConfusionCounts {
  if (labelsA.length !== labelsB.length) throw new RangeError(`Label lists differ in length (${labelsA.length} and ${labelsB.length}).`);
  const counts = emptyConfusion();
  for (let index = 0; index < labelsA.length; index++) addPair(counts, labelsA[index], labelsB[index]);
  return counts;
}

export function addConfusion(into: ConfusionCounts, from: ConfusionCounts): void {
  for (const [labelA, row] of from.cells) {
    for (const [labelB, count] of row) addPair(into, labelA, labelB, count);
  }
}

export interface KappaResult {
  items: number;
  /** Observed agreement p_o; null with no items. */
  observed: number | null;
  /** Agreement expected by chance p_e; null with no items. */
  expected: number | null;
  /**
   * null when it is 0/0: no items, or p_e = 1 (both annotators gave every item one and the
   * same label, so chance alone explains the agreement and κ is undefined, not 1).
   */
  kappa: number | null;
}

export function cohenKappa(counts: ConfusionCounts): KappaResult {
  const total = counts.items;
  if (total === 0) return { items: 0, observed: null, expected: null, kappa: null };
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  let agreeing = 0;
  for (const [labelA, row] of counts.cells) {
    for (const [labelB, count] of row) {
      rowTotals.set(labelA, (rowTotals.get(labelA) ?? 0) + count);
      columnTotals.set(labelB, (columnTotals.get(labelB) ?? 0) + count);
      if (labelA === labelB) agreeing += count;
    }
  }
  let chanceProducts = 0;
  for (const [label, rowTotal] of rowTotals) chanceProducts += rowTotal * (columnTotals.get(label) ?? 0);
  const observed = agreeing / total;
  // Integer arithmetic first, one division last: p_e = 1 is then detected exactly.
  const expected = chanceProducts / (total * total);
  const kappa = chanceProducts === total * total ? null : (agreeing * total - chanceProducts) / (total * total - chanceProducts);
  return { items: total, observed, expected, kappa };
}

/** The table as plain arrays (for reports and JSON): labels sorted with `O` last, rows A, columns B. */
export function confusionTable(counts: ConfusionCounts, outsideLabel: string): { labels: string[]; rows: number[][] } {
  const labels = new Set<string>();
  for (const [labelA, row] of counts.cells) {
    labels.add(labelA);
    for (const labelB of row.keys()) labels.add(labelB);
  }
  const sorted = [...labels].sort((x, y) => (x === outsideLabel ? 1 : y === outsideLabel ? -1 : x < y ? -1 : x > y ? 1 : 0));
  return { labels: sorted, rows: sorted.map((labelA) => sorted.map((labelB) => counts.cells.get(labelA)?.get(labelB) ?? 0)) };
}
