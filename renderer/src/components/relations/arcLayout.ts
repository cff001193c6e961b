import { arcPath, arcPeakY, placeArcs, type EndBox } from './arcGeometry';
import { placeArcLabels, type Box, type LabelMetrics } from './arcLabels';
import type { Link } from './relationLinks';

/** An arc as drawn, in the overlay's coordinates (the band's top is 0). */
export interface DrawnArc extends Link {
  path: string;
  labelX: number;
  labelY: number;
  /** The label as shown: shortened or empty where no place was free; `label` is the full name. */
  shownLabel: string;
}

/**
 * The arcs whose two ends are both in `ends` (content coordinates), stacked (arcGeometry.ts),
 * their labels placed clear of the chips and of each other (arcLabels.ts), and shifted so that
 * `bandTop` is 0.
 */
export function layOutArcs(links: readonly Link[], ends: ReadonlyMap<string, EndBox>, chips: readonly Box[], bandTop: number, metrics: LabelMetrics): DrawnArc[] {
  const local = (box: EndBox): EndBox => ({ x: box.x, top: box.top - bandTop });
  const shown = links.flatMap((link) => {
    const from = ends.get(link.from);
    const to = ends.get(link.to);
    return from && to ? [{ link, from: local(from), to: local(to) }] : [];
  });
  const placed = placeArcs(shown.map(({ link, from, to }) => ({ key: link.key, from, to })));
  // Narrower arcs sit lower: their labels are placed first, the wider ones' around them.
  const order = shown.map((_, index) => index).sort((a, b) => placed[a].level - placed[b].level || a - b);
  const localChips = chips.map((chip) => ({ ...chip, top: chip.top - bandTop, bottom: chip.bottom - bandTop }));
  const labels = placeArcLabels(
    order.map((index) => ({ x: placed[index].labelX, y: placed[index].labelY, label: shown[index].link.label })),
    localChips,
    metrics,
  );
  const drawn: DrawnArc[] = new Array(shown.length);
  order.forEach((index, rank) => {
    const { link, from, to } = shown[index];
    const { lift, text } = labels[rank];
    const apexAtZero = placed[index].labelY;
    // The label rises by `lift`: so does the arc's peak, its controls by a third more.
    const apex = apexFromPeak(from, to, apexAtZero - lift);
    drawn[index] = { ...link, path: arcPath(from, to, apex), labelX: placed[index].labelX, labelY: arcPeakY(from, to, apex), shownLabel: text };
  });
  return drawn;
}

/** The control height whose curve peaks at `peak` (the inverse of arcPeakY). */
function apexFromPeak(from: EndBox, to: EndBox, peak: number): number {
  return (peak - from.top - (to.top - from.top) * 0.125) / 0.75 + from.top;
}
