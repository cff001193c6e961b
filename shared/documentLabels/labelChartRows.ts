import type { Dimension } from './dimensions';

/**
 * (#21) The statistics' label charts: per dimension, how many articles carry each value. The tag
 * set's dimensions come first in its order, every declared value listed (a value nobody chose
 * shows as zero, which is itself a finding); values and dimensions the tag set does not declare
 * follow as they are (kept and reported, never dropped). Free text is not counted: each answer
 * is its own.
 */
export interface LabelChartValue {
  id: string;
  /** The declared value, or null when the tag set does not declare it. */
  label: { fa: string; en: string } | null;
  articles: number;
}

export interface LabelChart {
  id: string;
  label: { fa: string; en: string } | null;
  kind: Dimension['kind'] | null;
  values: LabelChartValue[];
}

const collator = new Intl.Collator(['fa', 'en'], { numeric: true });

export function labelCharts(dimensions: readonly Dimension[], counts: ReadonlyMap<string, ReadonlyMap<string, number>>): LabelChart[] {
  const declared = dimensions
    .filter((dimension) => dimension.kind !== 'text')
    .map((dimension): LabelChart => {
      const counted = counts.get(dimension.id) ?? new Map<string, number>();
      const known = new Set(dimension.values.map((value) => value.id));
      const extra = [...counted.keys()].filter((id) => !known.has(id)).sort(collator.compare);
      return {
        id: dimension.id,
        label: dimension.label,
        kind: dimension.kind,
        values: [
          ...dimension.values.map((value) => ({ id: value.id, label: value.label, articles: counted.get(value.id) ?? 0 })),
          ...extra.map((id) => ({ id, label: null, articles: counted.get(id) ?? 0 })),
        ],
      };
    });
  const ids = new Set(dimensions.map((dimension) => dimension.id));
  const undeclared = [...counts.keys()]
    .filter((id) => !ids.has(id))
    .sort(collator.compare)
    .map((id): LabelChart => ({ id, label: null, kind: null, values: [...(counts.get(id) ?? new Map<string, number>())].sort(([a], [b]) => collator.compare(a, b)).map(([value, articles]) => ({ id: value, label: null, articles })) }));
  return [...declared, ...undeclared];
}
