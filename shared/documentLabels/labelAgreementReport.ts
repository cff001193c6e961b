import { z } from 'zod';
import type { Dimension } from './dimensions';
import type { DocumentLabels, DocumentLabelValue } from './judgmentFormat';
import { categoryCounts, cohensKappa, fleissKappa, krippendorffAlpha, type AlphaLevel } from './labelAgreement';

/**
 * (#21) Agreement on document labels, per dimension, for the lead view and `hashiye agree`:
 * Cohen's kappa when two annotators are compared, Fleiss' kappa (two or more, on the articles
 * every one of them labelled), Krippendorff's alpha (ordinal or interval for scales, nominal for
 * choices; missing values allowed). A multiple-choice answer counts as one category: the set of
 * values chosen. Free text is not measured. Dimensions found in files but not in the tag set are
 * measured as nominal and marked undeclared.
 */
const ratio = z.number().nullable();
const count = z.number().int().nonnegative();

/** Below this many items a figure moves a lot with one article: the report says so. */
export const FEW_LABEL_ITEMS = 10;

export const DimensionAgreementSchema = z.object({
  dimension: z.string(),
  kind: z.enum(['single', 'multi', 'scale', 'undeclared']),
  level: z.enum(['nominal', 'ordinal', 'interval']),
  /** Annotators compared, and articles each figure counts: pairs both labelled (Cohen), every one labelled (Fleiss), two or more labelled (alpha). */
  annotators: count,
  items: z.object({ cohen: count, fleiss: count, alpha: count }),
  cohen: ratio,
  fleiss: ratio,
  alpha: ratio,
  /** Fewer than FEW_LABEL_ITEMS articles behind the figures. */
  tooFew: z.boolean(),
});
export type DimensionAgreement = z.infer<typeof DimensionAgreementSchema>;

type Cell = string | number | null;

/** Per dimension, per article: each compared annotator's value (null: none, or no file). */
export class LabelJudgments {
  private readonly rows = new Map<string, Cell[][]>();
  constructor(private readonly annotators: readonly string[]) {}

  /** One article: the document labels of the annotators that have a file for it. */
  add(labelsByAnnotator: ReadonlyMap<string, DocumentLabels | undefined>): void {
    const dimensions = new Set([...labelsByAnnotator.values()].flatMap((labels) => Object.keys(labels ?? {})));
    for (const dimension of dimensions) {
      const row = this.annotators.map((annotator) => cellOf(labelsByAnnotator.get(annotator)?.[dimension]));
      const list = this.rows.get(dimension) ?? [];
      list.push(row);
      this.rows.set(dimension, list);
    }
  }

  summarize(dimensions: readonly Dimension[]): DimensionAgreement[] {
    const declared = new Map(dimensions.map((dimension) => [dimension.id, dimension]));
    const order = [...dimensions.map((dimension) => dimension.id), ...[...this.rows.keys()].filter((id) => !declared.has(id)).sort()];
    return order.flatMap((id) => {
      const dimension = declared.get(id);
      if (dimension?.kind === 'text') return [];
      return [summarizeDimension(id, dimension, this.rows.get(id) ?? [], this.annotators.length)];
    });
  }
}

/** A value as a category: a multiple choice as its sorted set, a scale point as its number. */
function cellOf(value: DocumentLabelValue | undefined): Cell {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : [...new Set(value)].sort().join(' + ');
  return value;
}

function summarizeDimension(id: string, dimension: Dimension | undefined, rows: readonly Cell[][], annotators: number): DimensionAgreement {
  const level: AlphaLevel = dimension?.kind === 'scale' ? dimension.level : 'nominal';
  const asText = (cell: Cell) => (cell === null ? null : String(cell));
  const pairs = annotators === 2 ? rows.map((row) => [asText(row[0]), asText(row[1])] as const) : [];
  const complete = rows.filter((row) => row.every((cell) => cell !== null));
  const cohenItems = pairs.filter(([a, b]) => a !== null && b !== null).length;
  const alphaUnits = level === 'nominal' ? rows.map((row) => row.map(asText)) : rows.map((row) => row.map((cell) => (cell === null ? null : Number(cell))));
  const alphaItems = rows.filter((row) => row.filter((cell) => cell !== null).length >= 2).length;
  return {
    dimension: id,
    kind: dimension ? (dimension.kind as 'single' | 'multi' | 'scale') : 'undeclared',
    level,
    annotators,
    items: { cohen: cohenItems, fleiss: complete.length, alpha: alphaItems },
    cohen: annotators === 2 ? cohensKappa(pairs) : null,
    fleiss: complete.length > 0 ? fleissKappa(categoryCounts(complete.map((row) => row.map(asText)))) : null,
    alpha: alphaItems > 0 ? krippendorffAlpha(alphaUnits, level) : null,
    tooFew: Math.max(cohenItems, complete.length, alphaItems) < FEW_LABEL_ITEMS,
  };
}
