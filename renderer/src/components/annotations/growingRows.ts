import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * (#25 heap) A list of rows of any height, drawn from its start and grown as its scroller nears
 * the end of what is drawn: the suggestion list of the bench article held 200 rows (1,200
 * elements and their React nodes) of which its pane shows five. Rows keep their natural
 * heights and look; only the ones nobody scrolled to are not in the DOM yet.
 */
export const FIRST_ROWS = 30;
export const MORE_ROWS = 30;

/**
 * How many rows to draw: at least `drawn` (never fewer once drawn, so the scroll stays where it
 * is), the row `required` (a current row chosen from the keyboard) and `MORE_ROWS` more when the
 * scroller is `nearEnd`; at most `total`.
 */
export function rowsToDraw({ drawn, total, required, nearEnd }: { drawn: number; total: number; required: number | null; nearEnd: boolean }): number {
  let count = Math.max(drawn, FIRST_ROWS);
  if (required !== null) count = Math.max(count, required + 1 + MORE_ROWS);
  if (nearEnd) count += MORE_ROWS;
  return Math.min(total, count);
}

/** Within one view of the end of the scroller's content (a scroller not laid out, with no height, is not). */
function nearEnd(element: HTMLElement): boolean {
  return element.clientHeight > 0 && element.scrollTop + 2 * element.clientHeight >= element.scrollHeight;
}

/**
 * The number of rows to draw in `scroller`; starts over at `FIRST_ROWS` when `listKey` changes
 * (another article's list), grows as the scroller nears the end or `required` lies beyond.
 */
export function useGrowingRows(scroller: RefObject<HTMLElement | null>, total: number, required: number | null, listKey: unknown): number {
  const [state, setState] = useState({ listKey, drawn: FIRST_ROWS });
  let drawn = state.drawn;
  if (state.listKey !== listKey) {
    drawn = FIRST_ROWS;
    setState({ listKey, drawn });
  }
  const count = rowsToDraw({ drawn, total, required, nearEnd: false });
  // Rows drawn for a current row stay drawn when it is no longer current (the view may be on them).
  if (count > drawn) setState({ listKey, drawn: count });
  const grow = useCallback(() => {
    const element = scroller.current;
    if (!element || !nearEnd(element)) return;
    setState((current) => {
      const next = rowsToDraw({ drawn: current.drawn, total, required: null, nearEnd: true });
      return next > current.drawn ? { listKey: current.listKey, drawn: next } : current;
    });
  }, [scroller, total]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    element.addEventListener('scroll', grow, { passive: true });
    return () => element.removeEventListener('scroll', grow);
  }, [scroller, grow]);
  // A pane taller than the rows drawn (or rows added for a current row far down) fills itself.
  useLayoutEffect(() => {
    if (count < total) grow();
  }, [count, total, grow]);
  return count;
}
