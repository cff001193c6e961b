/** JSON's structural characters, as char codes (the same in UTF-16 and in UTF-8 bytes). */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_BRACE = 0x7b;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACE = 0x7d;
export const CLOSE_BRACKET = 0x5d;

export function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export interface JsonShape {
  /** Deepest nesting of arrays and objects (a flat object is 1). */
  maxDepth: number;
  /** Most entries found in one array or object. */
  largestCollection: number;
  /** The top-level key that holds the largest collection ('' for the root itself). */
  largestCollectionKey: string;
}

/**
 * The bookkeeping of a JSON shape scan (#17): how deep the collections nest and how many entries
 * the largest one holds. Shared by the scanner over a decoded text (inputLimits) and the one over
 * a big file's bytes in slices (storage/slicedAnnotationJson), so that both measure exactly the
 * same shape, which the slice scanner's tests compare.
 */
export class JsonShapeTally {
  /** Per open collection: separators seen. Its length is the current depth. */
  private readonly commas: number[] = [];
  /** Per open collection: whether it holds anything. */
  private readonly nonEmpty: boolean[] = [];
  private maxDepth = 0;
  private largestCollection = 0;
  private largestCollectionKey = '';

  get depth(): number {
    return this.commas.length;
  }

  /** A value (a string, a number, a literal) seen inside the current collection. */
  markValue(): void {
    const depth = this.commas.length;
    if (depth > 0) this.nonEmpty[depth - 1] = true;
  }

  open(): void {
    this.markValue();
    this.commas.push(0);
    this.nonEmpty.push(false);
    if (this.commas.length > this.maxDepth) this.maxDepth = this.commas.length;
  }

  /** Closes the current collection; `topLevelKey` names it in a message when it is the largest. */
  close(topLevelKey: string): void {
    const separators = this.commas.pop();
    const holdsAnything = this.nonEmpty.pop();
    if (separators === undefined) return;
    const entries = holdsAnything ? separators + 1 : 0;
    if (entries > this.largestCollection) {
      this.largestCollection = entries;
      this.largestCollectionKey = this.commas.length === 0 ? '' : topLevelKey;
    }
  }

  comma(): void {
    const depth = this.commas.length;
    if (depth > 0) this.commas[depth - 1] += 1;
  }

  shape(): JsonShape {
    return { maxDepth: this.maxDepth, largestCollection: this.largestCollection, largestCollectionKey: this.largestCollectionKey };
  }
}
