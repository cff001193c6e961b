/**
 * The highlights near the view (#20): the article's chunks (its children) are searched by their
 * boxes for those within a view's height above and below the view, and only their marks are
 * read. An article of a megabyte with thousands of relations then costs, per scrolled frame,
 * the marks of a few screens, not of the whole text.
 */
export interface Band {
  /** Top of the band in the scroller's content, and its height. */
  top: number;
  height: number;
}

/** Views above and below the view whose ends count as near. */
const NEAR_VIEWS = 1;

function firstChunkBelow(chunks: HTMLCollection, y: number): number {
  let low = 0;
  let high = chunks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (chunks[middle].getBoundingClientRect().bottom < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** For each wanted annotation id with a highlight near the view, its first highlight (its start). */
export function findNearMarks(root: HTMLElement, scroller: HTMLElement, wanted: ReadonlySet<string>): { marks: Map<string, Element>; band: Band } {
  const view = scroller.getBoundingClientRect();
  const margin = view.height * NEAR_VIEWS;
  const chunks = root.children;
  const marks = new Map<string, Element>();
  const from = firstChunkBelow(chunks, view.top - margin);
  for (let index = from; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (chunk.getBoundingClientRect().top > view.bottom + margin) break;
    for (const mark of chunk.querySelectorAll<HTMLElement>('mark[data-annotation-id]')) {
      const id = mark.dataset.annotationId;
      if (id !== undefined && wanted.has(id) && !marks.has(id)) marks.set(id, mark);
    }
  }
  const top = Math.max(0, scroller.scrollTop - margin);
  const bottom = scroller.scrollTop + view.height + margin;
  return { marks, band: { top, height: bottom - top } };
}
