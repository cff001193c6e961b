/**
 * Where the arcs of relations and event roles go (#20), pure so it can be tested: each arc
 * leaves the top of its source's first box and lands on the top of its target's, rising above
 * the line. Arcs whose spans overlap on the same line are stacked: the narrower one lower, each
 * wider one a level higher, so crossing arcs stay apart and their labels do not sit on each other.
 */
export interface EndBox {
  /** Horizontal centre and top edge, in the overlay's coordinates. */
  x: number;
  top: number;
}

export interface ArcInput {
  key: string;
  from: EndBox;
  to: EndBox;
}

export interface PlacedArc {
  key: string;
  path: string;
  labelX: number;
  labelY: number;
  level: number;
}

const BASE_RISE = 22;
const LEVEL_RISE = 10;
const MAX_LEVEL = 6;
/** Tops within this many pixels are one line. */
const SAME_LINE = 4;

interface Interval {
  left: number;
  right: number;
  top: number;
  level: number;
}

export function placeArcs(arcs: readonly ArcInput[]): PlacedArc[] {
  const order = arcs.map((arc, index) => ({ arc, index, width: Math.abs(arc.from.x - arc.to.x) })).sort((a, b) => a.width - b.width || a.index - b.index);
  const placed: Interval[] = [];
  const result: PlacedArc[] = new Array(arcs.length);
  for (const { arc, index } of order) {
    const left = Math.min(arc.from.x, arc.to.x);
    const right = Math.max(arc.from.x, arc.to.x);
    const top = Math.min(arc.from.top, arc.to.top);
    let level = 0;
    for (const other of placed) {
      if (Math.abs(other.top - top) <= SAME_LINE && other.left <= right && left <= other.right) level = Math.max(level, other.level + 1);
    }
    level = Math.min(level, MAX_LEVEL);
    placed.push({ left, right, top, level });
    const rise = BASE_RISE + level * LEVEL_RISE;
    const apex = top - rise;
    const path = `M ${round(arc.from.x)} ${round(arc.from.top)} C ${round(arc.from.x)} ${round(apex)}, ${round(arc.to.x)} ${round(apex)}, ${round(arc.to.x)} ${round(arc.to.top)}`;
    // A cubic's highest point with both controls at `apex` is three quarters of the way up.
    result[index] = { key: arc.key, path, labelX: round((arc.from.x + arc.to.x) / 2), labelY: round(arc.from.top + (apex - arc.from.top) * 0.75 + (arc.to.top - arc.from.top) * 0.5 * 0.25), level };
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
