/**
 * Where the arcs' type labels go (#20): never on a label chip nor on another arc's label. Each
 * label is tried at its arc's apex, then higher (its arc rises with it), and when no height up to
 * the last free is clear it is shortened (the full name stays in the hover title), and last of
 * all left out. Pure, so the rule "no two boxes intersect" is tested without a browser.
 */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LabelRequest {
  /** Horizontal centre of the label and the apex of its arc at level 0. */
  x: number;
  y: number;
  label: string;
}

export interface PlacedLabel {
  /** Extra rise of the arc (and its label) in pixels. */
  lift: number;
  /** The label as drawn: shortened with an ellipsis, or empty when no place was free. */
  text: string;
  box: Box | null;
}

export interface LabelMetrics {
  /** Width of a string in the label font, in pixels. */
  width: (text: string) => number;
  height: number;
}

const LIFT_STEP = 8;
const MAX_LIFTS = 5;
const GAP = 1;
/** The fewest characters a shortened label keeps before its ellipsis. */
const SHORTEST = 3;

export function boxesOverlap(first: Box, second: Box): boolean {
  return first.left < second.right + GAP && second.left < first.right + GAP && first.top < second.bottom + GAP && second.top < first.bottom + GAP;
}

function labelBox(request: LabelRequest, lift: number, width: number, height: number): Box {
  const middle = request.y - lift;
  return { left: request.x - width / 2, right: request.x + width / 2, top: middle - height * 0.8, bottom: middle + height * 0.3 };
}

/** Shorter and shorter versions of a label, the whole first. */
function versions(label: string): string[] {
  const characters = Array.from(label);
  const shown = [label];
  for (let keep = characters.length - 2; keep >= SHORTEST; keep -= Math.max(1, Math.floor(keep / 3))) shown.push(`${characters.slice(0, keep).join('')}…`);
  return shown;
}

/**
 * Places the labels in the given order (the caller puts the narrower arcs first, as they sit
 * lowest). `obstacles` are the chips' boxes; every placed label becomes one for the next.
 */
export function placeArcLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], metrics: LabelMetrics): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const free = (box: Box) => !taken.some((other) => boxesOverlap(box, other));
  return requests.map((request) => {
    for (const text of versions(request.label)) {
      const width = metrics.width(text);
      for (let step = 0; step <= MAX_LIFTS; step++) {
        const box = labelBox(request, step * LIFT_STEP, width, metrics.height);
        if (free(box)) {
          taken.push(box);
          return { lift: step * LIFT_STEP, text, box };
        }
      }
    }
    return { lift: 0, text: '', box: null };
  });
}
