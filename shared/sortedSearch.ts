/**
 * The first index in `[from, count)` for which `isBefore` is false, where `isBefore` is true for
 * a leading run of indices and false after it (items sorted by what it tests). Binary search:
 * `isBefore` is called about log2(count) times, which matters when it measures the page.
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean, from = 0): number {
  let low = from;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many values of the ascending array `values` are below `limit`: the index of the first one ≥ `limit`. */
export function countBelow(values: ArrayLike<number>, limit: number): number {
  return partitionPoint(values.length, (index) => values[index] < limit);
}
