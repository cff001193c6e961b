import { partitionPoint } from '../../../../../shared/sortedSearch';

export interface VerticalBox {
  top: number;
  bottom: number;
}

export interface NearChunks {
  /** Chunks crossing the view itself: drawn before the frame is shown. */
  inView: number[];
  /** Chunks within the margin above or below the view, nearest first: drawn a few per task. */
  aroundView: number[];
}

/**
 * (#17) On opening, the chunks in view (ordered from the view's middle out) split into the one
 * drawn in the first frame and those drawn in the tasks right after it, one a task: drawing
 * every chunk in view at once made the first frame of the 100,000-annotation article (three
 * chunks, about 400 highlights with their labels' style, layout and placement) its longest task.
 */
export function openingChunks(inViewMiddleFirst: readonly number[]): { now: number[]; soon: number[] } {
  return { now: inViewMiddleFirst.slice(0, 1), soon: inViewMiddleFirst.slice(1) };
}

/**
 * Which chunks (by index, boxes in document order) lie in the view and which within `margin`
 * pixels of it. Only boxes from the first near one to the last are read: the article's
 * 100,000-annotation case has a thousand chunks and this runs in scroll frames.
 */
export function nearChunks(count: number, boxOf: (index: number) => VerticalBox, view: VerticalBox, margin: number): NearChunks {
  const inView: number[] = [];
  const above: number[] = [];
  const below: number[] = [];
  const first = partitionPoint(count, (index) => boxOf(index).bottom < view.top - margin);
  for (let index = first; index < count; index++) {
    const box = boxOf(index);
    if (box.top > view.bottom + margin) break;
    if (box.bottom < view.top) above.push(index);
    else if (box.top > view.bottom) below.push(index);
    else inView.push(index);
  }
  // Nearest first, the side below (where reading goes) before the one above at equal rank.
  above.reverse();
  const aroundView: number[] = [];
  for (let rank = 0; rank < Math.max(above.length, below.length); rank++) {
    if (rank < below.length) aroundView.push(below[rank]);
    if (rank < above.length) aroundView.push(above[rank]);
  }
  return { inView, aroundView };
}

/**
 * The drawn chunks still to draw after the view moved: those within the keeping margin
 * (`kept`, from `nearChunks` with a wider margin) and those `pinned` (holding the reader's
 * selection: redrawing a chunk replaces its text nodes and would lose it). The same set when
 * nothing is dropped, so that a scroll that drops nothing renders nothing.
 */
export function keptChunks(drawn: ReadonlySet<number>, kept: NearChunks, pinned: ReadonlySet<number>): ReadonlySet<number> {
  const keep = new Set([...kept.inView, ...kept.aroundView, ...pinned]);
  const next = new Set([...drawn].filter((index) => keep.has(index)));
  return next.size === drawn.size ? drawn : next;
}

/**
 * A view that moved more than this many view heights at each of the last two looks is passing
 * by (a fling, a dragged scroll bar): its chunks would be gone before anyone could read them,
 * so they are drawn once the scroll slows, a frame later (#18: drawing every view such a
 * scroll passed through made 60-99 % of the bench's scroll frames late). A single jump (a find
 * hit, an annotation revealed) is drawn right after its frame.
 */
const PASSING_VIEWS = 1;

/** Two looks further apart than this are not one continuous scroll (a jump, then another). */
const SAME_SCROLL_MS = 250;

/**
 * True when the view is passing by: it moved more than PASSING_VIEWS view heights at this look
 * and at the one before, less than SAME_SCROLL_MS earlier. Two jumps apart in time (a tagging
 * here, then there) are each drawn at once: a chunk drawn late replaces the text nodes a
 * selection made in the meantime lies in.
 */
export function passingWatch(): (top: number, viewHeight: number, now: number) => boolean {
  let lastTop = Number.NaN;
  let lastTime = Number.NEGATIVE_INFINITY;
  let wasPassing = false;
  return (top, viewHeight, now) => {
    const passing = Math.abs(top - lastTop) > viewHeight * PASSING_VIEWS;
    const passingBy = passing && wasPassing && now - lastTime < SAME_SCROLL_MS;
    lastTop = top;
    lastTime = now;
    wasPassing = passing;
    return passingBy;
  };
}
