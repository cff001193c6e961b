/** Small statistics for benchmark figures. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The 60 Hz frame the scroll cases are judged against. */
const FRAME_MS = 1000 / 60;

/**
 * Janky frames in percent: a frame that missed its 16.7 ms slot shows as an interval of two
 * slots or more; 1.5 slots leaves room for timer jitter around a regular 60 Hz beat.
 */
export function jankShare(intervals: readonly number[]): number {
  if (intervals.length === 0) return Number.NaN;
  return (100 * intervals.filter((interval) => interval > FRAME_MS * 1.5).length) / intervals.length;
}
