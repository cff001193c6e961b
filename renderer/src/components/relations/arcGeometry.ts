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

/** The arc from `from` to `to` whose control points sit at height `apex`. */
export function arcPath(from: EndBox, to: EndBox, apex: number): string {
  return `M ${round(from.x)} ${round(from.top)} C ${round(from.x)} ${round(apex)}, ${round(to.x)} ${round(apex)}, ${round(to.x)} ${round(to.top)}`;
}

/** Where a cubic with both controls at `apex` peaks: three quarters of the way up, between its ends. */
export function arcPeakY(from: EndBox, to: EndBox, apex: number): number {
  return round(from.top + (apex - from.top) * 0.75 + (to.top - from.top) * 0.5 * 0.25);
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
    result[index] = { key: arc.key, path: arcPath(arc.from, arc.to, apex), labelX: round((arc.from.x + arc.to.x) / 2), labelY: arcPeakY(arc.from, arc.to, apex), level };
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
