import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react';

/**
 * (#17) Rows of known heights (a height per row kind, no measuring) laid out by a prefix sum:
 * a general virtualiser kept a measurement object per row and rebuilt all of them for every new
 * list, 100,000 of them in the task that opened the article (about 150 ms). Here a new list
 * costs one pass over a typed array, and a scroll a binary search.
 */
export interface RowOffsets {
  /** `tops[index]`: where row `index` starts; `tops[count]`: the height of all rows. */
  tops: Float64Array;
}

export function rowOffsets(count: number, heightOf: (index: number) => number): RowOffsets {
  const tops = new Float64Array(count + 1);
  for (let index = 0; index < count; index++) tops[index + 1] = tops[index] + heightOf(index);
  return { tops };
}

/** The rows from `first` to `end` (exclusive) that meet the band [top, top + height), `overscan` more on each side. */
export function rowsInBand({ tops }: RowOffsets, top: number, height: number, overscan: number): { first: number; end: number } {
  const count = tops.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  // The last row starting at or above `top`.
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (tops[middle] <= top) low = middle;
    else high = middle - 1;
  }
  let end = low;
  while (end < count && tops[end] < top + height) end++;
  return { first: Math.max(0, low - overscan), end: Math.min(count, Math.max(end, low + 1) + overscan) };
}

/** The scroll position that brings row `index` into a view of `height` at `scrollTop`, moving as little as possible; null: it is in view. */
export function scrollToShow({ tops }: RowOffsets, index: number, scrollTop: number, height: number): number | null {
  if (index < 0 || index >= tops.length - 1) return null;
  const top = tops[index];
  const bottom = tops[index + 1];
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return null;
}

/** The rows of `offsets` to render in the scroller, kept in step with its scroll and size. */
export function useFixedRowWindow(scroller: RefObject<HTMLElement | null>, offsets: RowOffsets, overscan: number): { first: number; end: number; scrollToRow: (index: number) => void } {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const read = () => setView((current) => (current.top === element.scrollTop && current.height === element.clientHeight ? current : { top: element.scrollTop, height: element.clientHeight }));
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [scroller]);
  const band = useMemo(() => rowsInBand(offsets, view.top, view.height, overscan), [offsets, view, overscan]);
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const target = scrollToShow(offsets, index, element.scrollTop, element.clientHeight);
      if (target !== null) element.scrollTop = target;
    },
    [scroller, offsets],
  );
  return { ...band, scrollToRow };
}
