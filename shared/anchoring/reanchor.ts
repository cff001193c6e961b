import DiffMatchPatch from 'diff-match-patch';
import { createOffsetConverter, type OffsetConverter } from './offsets';
import { asUtf16Offset, type CodePointOffset, type Utf16Offset } from './offsetUnits';
import { isInsideSurrogatePair } from './surrogates';

/**
 * Places annotations again after their article's text changed on disk, from what each one
 * stored: its text and a short quote context (prefix, suffix). In order of preference:
 *   1. the same text with the same context (the fast path checks the old offset, then the old
 *      offset moved by the shift of the annotation placed just before: most edits shift a run
 *      of annotations by one amount), nearest to the expected place;
 *   2. the same text with enough of its context (at least 8 characters, or all there was),
 *      nearest to the expected place: a word whose neighbourhood was edited;
 *   3. fuzzy: diff-match-patch's bitap search for text plus context near the expected place,
 *      accepted only when the text found is close to the old one (edit distance at most 30 %
 *      of its length, so a short name must match exactly);
 *   4. otherwise an orphan: reported, never dropped, for the user to place or delete.
 * A bare match of the text elsewhere, with none of its context, is not accepted: when a tagged
 * name was deleted, the annotation must not jump to another mention of the same name.
 * All offsets in and out are code points; the search itself runs on UTF-16 strings.
 */
export interface AnchorInput {
  start: CodePointOffset;
  end: CodePointOffset;
  text: string;
  prefix: string;
  suffix: string;
}

export type AnchorResult =
  | { status: 'unchanged' | 'moved' | 'fuzzy'; oldStart: CodePointOffset; oldEnd: CodePointOffset; newStart: CodePointOffset; newEnd: CodePointOffset; newText: string }
  | { status: 'orphan'; oldStart: CodePointOffset; oldEnd: CodePointOffset; newStart: null; newEnd: null; newText: null };

export type AnchorStatus = AnchorResult['status'];

/** Context characters that must agree for a plain-text match to count (or all the context there was). */
const MINIMUM_CONTEXT = 8;
/** How much of each side of the context goes into a fuzzy search pattern (bitap takes 32 at most). */
const FUZZY_CONTEXT = 8;
const FUZZY_MAX_DISTANCE_RATIO = 0.3;
/** Occurrences of one text looked at, at most: enough for any article, bounded for pathological ones. */
const MAX_OCCURRENCES = 20_000;

interface Placement {
  start: number;
  end: number;
}

/** Code-point prefix/suffix of an input turned into the UTF-16 strings searched for. */
function hasFullContext(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  return start >= prefix.length && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
}

function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let before = 0;
  while (before < prefix.length && start - before - 1 >= 0 && text[start - before - 1] === prefix[prefix.length - before - 1]) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text[end + after] === suffix[after]) after++;
  return before + after;
}

class Reanchorer {
  private readonly occurrenceCache = new Map<string, number[]>();
  private readonly dmp = new DiffMatchPatch();
  private readonly converter: OffsetConverter;

  constructor(private readonly text: string) {
    this.converter = createOffsetConverter(text);
    this.dmp.Match_Threshold = 0.4;
    this.dmp.Match_Distance = 2000;
    this.dmp.Diff_Timeout = 0.2;
  }

  get codePointLength(): number {
    return this.converter.codePointLength;
  }

  toUtf16(codePoint: CodePointOffset): Utf16Offset {
    return this.converter.toUtf16(Math.max(0, Math.min(codePoint, this.converter.codePointLength)));
  }

  /** A place found by the search (the search runs on the UTF-16 string) in code points. */
  toCodePoint(utf16: number): CodePointOffset {
    return this.converter.toCodePoint(asUtf16Offset(utf16));
  }

  private occurrences(needle: string): number[] {
    const cached = this.occurrenceCache.get(needle);
    if (cached) return cached;
    const found: number[] = [];
    for (let index = this.text.indexOf(needle); index !== -1 && found.length < MAX_OCCURRENCES; index = this.text.indexOf(needle, index + 1)) {
      // A match that starts on the low half of a surrogate pair is not a match of characters.
      if (!isInsideSurrogatePair(this.text, index)) found.push(index);
    }
    this.occurrenceCache.set(needle, found);
    return found;
  }

  /** Same text, same full context, at a given place. */
  exactAt(input: AnchorInput, start: number): Placement | null {
    if (start < 0 || start + input.text.length > this.text.length) return null;
    const end = start + input.text.length;
    if (!this.text.startsWith(input.text, start)) return null;
    return hasFullContext(this.text, start, end, input.prefix, input.suffix) ? { start, end } : null;
  }

  /** Stages 1 and 2: occurrences of the text, ranked by context agreement, then by distance. */
  exactSearch(input: AnchorInput, expected: number): { placement: Placement; fullContext: boolean } | null {
    if (input.text === '') return this.emptySearch(input, expected);
    const length = input.text.length;
    let best: { start: number; score: number; distance: number } | null = null;
    const full = input.prefix.length + input.suffix.length;
    for (const start of this.occurrences(input.text)) {
      const score = contextScore(this.text, start, start + length, input.prefix, input.suffix);
      const distance = Math.abs(start - expected);
      if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start, score, distance };
    }
    if (!best) return null;
    const fullContext = best.score === full;
    if (!fullContext && best.score < Math.min(MINIMUM_CONTEXT, full)) return null;
    return { placement: { start: best.start, end: best.start + length }, fullContext };
  }

  /** A zero-length annotation is placed by its context alone. */
  private emptySearch(input: AnchorInput, expected: number): { placement: Placement; fullContext: boolean } | null {
    const joined = input.prefix + input.suffix;
    if (joined === '') return null;
    let best: number | null = null;
    for (const start of this.occurrences(joined)) {
      const at = start + input.prefix.length;
      if (best === null || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
    }
    return best === null ? null : { placement: { start: best, end: best }, fullContext: true };
  }

  /** Stage 3: approximate search near the expected place, checked against the old text. */
  fuzzySearch(input: AnchorInput, expected: number): Placement | null {
    const { text } = input;
    const allowed = Math.floor(text.length * FUZZY_MAX_DISTANCE_RATIO);
    if (text === '' || allowed === 0) return null;
    const maxBits = this.dmp.Match_MaxBits;
    let placement: Placement | null;
    if (text.length + 2 * FUZZY_CONTEXT <= maxBits) {
      const before = input.prefix.slice(-FUZZY_CONTEXT);
      const after = input.suffix.slice(0, FUZZY_CONTEXT);
      placement = this.locate(before + text + after, expected - before.length, before.length, before.length + text.length);
    } else if (text.length <= maxBits) {
      placement = this.locate(text, expected, 0, text.length);
    } else {
      const head = text.slice(0, maxBits);
      const tail = text.slice(-maxBits);
      const start = this.locate(head, expected, 0, 0);
      const end = start ? this.locate(tail, start.start + text.length - maxBits, 0, maxBits) : null;
      placement = start && end && end.end > start.start ? { start: start.start, end: end.end } : null;
    }
    if (!placement) return null;
    placement = this.trimmed(placement, text);
    if (placement.end <= placement.start) return null;
    const found = this.text.slice(placement.start, placement.end);
    const distance = this.dmp.diff_levenshtein(this.dmp.diff_main(text, found, false));
    return distance <= allowed ? placement : null;
  }

  /**
   * Finds `pattern` near `expected` and maps the pattern positions `from` and `to` onto the
   * text through a character diff of the pattern against what was found.
   */
  private locate(pattern: string, expected: number, from: number, to: number): Placement | null {
    const location = this.dmp.match_main(this.text, pattern, Math.max(0, Math.min(expected, this.text.length)));
    if (location === -1) return null;
    const window = this.text.slice(location, location + pattern.length + Math.ceil(pattern.length / 2));
    const diffs = this.dmp.diff_main(pattern, window, false);
    this.dmp.diff_cleanupSemantic(diffs);
    // The end maps through the last character before it, so that text inserted right after
    // the annotation (or the rest of the window) is not pulled into it.
    const end = to > from ? this.dmp.diff_xIndex(diffs, to - 1) + 1 : this.dmp.diff_xIndex(diffs, to);
    return { start: location + this.dmp.diff_xIndex(diffs, from), end: location + end };
  }

  /** Drops whitespace the mapping picked up at either end that the old text did not have, and never splits a surrogate pair. */
  private trimmed(placement: Placement, old: string): Placement {
    let { start, end } = placement;
    if (!/^\s/.test(old)) while (start < end && /\s/.test(this.text[start])) start++;
    if (!/\s$/.test(old)) while (end > start && /\s/.test(this.text[end - 1])) end--;
    if (isInsideSurrogatePair(this.text, start)) start--;
    if (isInsideSurrogatePair(this.text, end)) end++;
    return { start, end };
  }
}

/** Re-anchors each input against `newText`; results come back in the order of the inputs. */
export function reanchor(inputs: readonly AnchorInput[], newText: string): AnchorResult[] {
  const anchorer = new Reanchorer(newText);
  const results: AnchorResult[] = new Array(inputs.length);
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[a].start - inputs[b].start || inputs[a].end - inputs[b].end);
  // Shift (in code points) of the last annotation placed: where the next one is expected.
  let shift = 0;
  for (const index of order) {
    const input = inputs[index];
    const place = (status: 'unchanged' | 'moved' | 'fuzzy', placement: Placement): AnchorResult => {
      const newStart = anchorer.toCodePoint(placement.start);
      const newEnd = anchorer.toCodePoint(placement.end);
      const finalStatus = status === 'moved' && newStart === input.start && newEnd === input.end ? 'unchanged' : status;
      shift = newStart - input.start;
      return { status: finalStatus, oldStart: input.start, oldEnd: input.end, newStart, newEnd, newText: newText.slice(placement.start, placement.end) };
    };
    const atOld = input.end <= anchorer.codePointLength ? anchorer.exactAt(input, anchorer.toUtf16(input.start)) : null;
    if (atOld) {
      results[index] = place('unchanged', atOld);
      continue;
    }
    const expected = anchorer.toUtf16(input.start + shift);
    const atShift = shift !== 0 ? anchorer.exactAt(input, expected) : null;
    if (atShift) {
      results[index] = place('moved', atShift);
      continue;
    }
    const exact = anchorer.exactSearch(input, expected);
    if (exact) {
      results[index] = place('moved', exact.placement);
      continue;
    }
    const fuzzy = anchorer.fuzzySearch(input, expected);
    if (fuzzy) {
      const found = newText.slice(fuzzy.start, fuzzy.end);
      results[index] = place(found === input.text ? 'moved' : 'fuzzy', fuzzy);
      continue;
    }
    results[index] = { status: 'orphan', oldStart: input.start, oldEnd: input.end, newStart: null, newEnd: null, newText: null };
  }
  return results;
}
