/** The one order of spans: the annotation list, keyboard navigation, saved files and the nesting of highlights all use it. */
export interface OrderedSpan {
  id: string;
  start: number;
  end: number;
}

/** Reading order: by start, then longer spans first so that outer spans precede nested ones; the same span by id. */
export function compareReadingOrder(a: OrderedSpan, b: OrderedSpan): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}
