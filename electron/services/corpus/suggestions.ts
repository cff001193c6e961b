import { setImmediate as nextTurn } from 'node:timers/promises';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { buildMatchingKey, looseMatchAt, queryKey } from '../../../shared/text/matchingKey';
import { createOffsetConverter } from '../../../shared/anchoring/offsets';
import { asUtf16Offset } from '../../../shared/anchoring/offsetUnits';
import { annotationPathFor } from '../storage/annotationStore';
import { resolveInCorpus } from './corpusPaths';
import { listArticleIds } from './articleFiles';
import { readCorpusFile } from './corpusFileAccess';
import { INPUT_LIMITS } from './inputLimits';
import { checkAndParseAnnotationBytes } from '../storage/annotationJson/slicedAnnotationJson';
import { boilerplateTest } from '../../../shared/zones/outsideBoilerplate';
import type { Zone } from '../../../shared/documentLabels/judgmentFormat';

/** A text tagged somewhere in the corpus, with the type it was given and how often. */
export interface TaggedText {
  text: string;
  type: string;
  count: number;
}

/** A place in an article where an earlier tag's text recurs untagged. Offsets in code points. */
export interface Suggestion {
  start: number;
  end: number;
  type: string;
  text: string;
  /** How many times this text was tagged with this type in the corpus. */
  count: number;
}

/**
 * At most this many suggestions per article: enough to work through, few enough that painting
 * them never costs a frame on a long article.
 */
export const MAX_SUGGESTIONS = 300;

/** Texts shorter than this (after folding) are never suggested: too many false hits. */
const MIN_KEY_LENGTH = 2;

const WORD_UNIT = /[\p{L}\p{M}\p{N}\u200c]/u;

/** What one file's annotations tag: its (text, type) pairs by folded key, with their counts, in the order first met. */
type TaggedInFile = ReadonlyMap<string, TaggedText>;

function taggedIn(annotations: readonly StoredAnnotation[]): TaggedInFile {
  const byKey = new Map<string, TaggedText>();
  for (const annotation of annotations) {
    if (annotation.fragments) continue;
    const key = queryKey(annotation.text);
    if (key.length < MIN_KEY_LENGTH) continue;
    const entryKey = `${annotation.type}\u0000${key}`;
    const entry = byKey.get(entryKey) ?? { text: annotation.text, type: annotation.type, count: 0 };
    entry.count++;
    byKey.set(entryKey, entry);
  }
  return byKey;
}

/** A file as `stat` sees it: any write or replacement changes one of these. */
function fileStamp(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/**
 * What each annotation file of a corpus tagged, kept while the file is unchanged (#17): the
 * gathering ran every 3 s of switching articles and parsed every annotation file again (the
 * bench's 39 MB file: about 1.5 s of main's CPU each time). A file is read again, through the
 * corpus reader and its checks, as soon as its device, inode, size, modification or change
 * time differs from those seen before the read that is kept.
 */
export class TaggedTextFiles {
  private readonly byFile = new Map<string, { stamp: string; tagged: TaggedInFile | null }>();

  async taggedIn(root: string, file: string, signal: AbortSignal | undefined): Promise<TaggedInFile | null> {
    const before = await fs.stat(file).catch(() => null);
    const kept = this.byFile.get(file);
    if (before !== null && kept !== undefined && kept.stamp === fileStamp(before)) return kept.tagged;
    this.byFile.delete(file);
    const annotations = await annotationsOfFile(root, file, signal);
    const tagged = annotations === null ? null : taggedIn(annotations);
    const after = await fs.stat(file).catch(() => null);
    // Changed while it was read: not kept, read again next time.
    if (before !== null && after !== null && fileStamp(before) === fileStamp(after)) this.byFile.set(file, { stamp: fileStamp(before), tagged });
    return tagged;
  }

  /** Forgets the files not among `files` (gone from the corpus). */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.byFile.keys()) if (!files.has(file)) this.byFile.delete(file);
  }
}

/**
 * Every (text, type) pair tagged in the corpus's annotation files, most frequent first. `known`:
 * the annotations of articles already in memory, by id, taken instead of their files (#17: the
 * open article's 39 MB file was parsed again for every gathering). `signal`: the gathering is no
 * longer wanted (the window opened another article): it stops between files and between the
 * slices of a file's parse, and rejects with the signal's reason (#17: a 39 MB file parsed for
 * the article the window had left held main's answer to the next article for seconds). `files`:
 * what unchanged files tagged, from earlier gatherings (none kept by default).
 */
export async function collectTaggedTexts(root: string, known: ReadonlyMap<string, readonly StoredAnnotation[]> = new Map(), signal?: AbortSignal, files: TaggedTextFiles = new TaggedTextFiles()): Promise<TaggedText[]> {
  const byKey = new Map<string, TaggedText>();
  const seen = new Set<string>();
  for (const id of await listArticleIds(root)) {
    signal?.throwIfAborted();
    const inMemory = known.get(id);
    let tagged: TaggedInFile | null;
    try {
      const file = annotationPathFor(resolveInCorpus(root, id));
      seen.add(file);
      tagged = inMemory !== undefined ? taggedIn(inMemory) : await files.taggedIn(root, file, signal);
    } catch {
      signal?.throwIfAborted();
      continue;
    }
    for (const [entryKey, entry] of tagged ?? []) {
      const total = byKey.get(entryKey);
      if (total) total.count += entry.count;
      else byKey.set(entryKey, { ...entry });
    }
  }
  files.keepOnly(seen);
  return [...byKey.values()].sort((a, b) => b.count - a.count || b.text.length - a.text.length);
}

/**
 * The annotations of a file of the corpus, null when it is absent or cannot be used. Parsed in
 * slices (#17): 39 MB of JSON parsed at once held main for over a second.
 */
async function annotationsOfFile(root: string, file: string, signal: AbortSignal | undefined): Promise<readonly StoredAnnotation[] | null> {
  const read = await readCorpusFile(root, file, { maxBytes: INPUT_LIMITS.annotationFileBytes });
  if (read === null) return null;
  signal?.throwIfAborted();
  const checked = await checkAndParseAnnotationBytes(path.basename(file), read.bytes, INPUT_LIMITS, signal);
  return checked.kind === 'read' && checked.parsed.ok ? checked.parsed.file.annotations : null;
}

/** Whether a span overlaps an annotation: a binary search over the annotations by start, with the furthest end reached so far. */
function overlapsAnnotationTest(annotations: readonly StoredAnnotation[]): (start: number, end: number) => boolean {
  const occupied = annotations.map((annotation) => [annotation.start, annotation.end] as const).sort((a, b) => a[0] - b[0]);
  // For each annotation in start order, the furthest end reached so far: an occupied overlap
  // exists iff some annotation starting before `end` reaches past `start`.
  const reach: number[] = [];
  for (const [, to] of occupied) reach.push(Math.max(to, reach.length > 0 ? reach[reach.length - 1] : 0));
  return (start, end) => {
    let low = 0;
    let high = occupied.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (occupied[middle][0] < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && reach[low - 1] > start;
  };
}

/** The first two characters of a key, spaces left out: a word glued to the next by scraping («میدهد» for «می دهد») keeps them. */
function compactPrefix(key: string, from = 0): string {
  let prefix = '';
  for (let index = from; index < key.length && prefix.length < 2; index++) if (key[index] !== ' ') prefix += key[index];
  return prefix;
}

/**
 * Tagged texts by the first two characters of their matching key: one pass over the article's
 * words finds every occurrence of every tagged text, instead of one search of the whole article
 * per text, and still finds a text whose ZWNJ scraping lost or turned into a space.
 */
function taggedByPrefix(tagged: readonly TaggedText[]): Map<string, { entry: TaggedText; key: string }[]> {
  const byPrefix = new Map<string, { entry: TaggedText; key: string }[]>();
  for (const entry of tagged) {
    const entryKey = queryKey(entry.text);
    const prefix = compactPrefix(entryKey);
    const list = byPrefix.get(prefix) ?? [];
    list.push({ entry, key: entryKey });
    byPrefix.set(prefix, list);
  }
  return byPrefix;
}

/** Longer, then more frequent, candidates first; none overlapping another; at most `limit`, in text order. */
function chooseSuggestions(candidates: Suggestion[], limit: number): Suggestion[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || b.count - a.count);
  // The chosen, in text order: they never overlap, so one binary search tells whether a candidate
  // overlaps any (a search of them all per candidate took minutes over millions of candidates, #17).
  const chosen: Suggestion[] = [];
  for (const candidate of candidates) {
    const after = countStartingBefore(chosen, candidate.end);
    if (after > 0 && chosen[after - 1].end > candidate.start) continue;
    chosen.splice(after, 0, candidate);
    if (chosen.length >= limit) break;
  }
  return chosen;
}

/** How many of `chosen` (in text order, not overlapping) start before `end`. */
function countStartingBefore(chosen: readonly Suggestion[], end: number): number {
  let low = 0;
  let high = chosen.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (chosen[middle].start < end) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** (#17) Comparisons of a tagged text with the article made between two turns of main's event loop. */
const COMPARISONS_PER_TURN = 5_000;

/**
 * (#17) At most this many comparisons for one article. Ordinary articles need far fewer; an article
 * of 100,000 annotations, whose own 51,000 tagged texts share their first letters with most of
 * its 2 MB of words, needed hundreds of millions (minutes of main's time, the pages of its
 * annotations and every save waiting behind them). Past it, what was found so far (from the
 * article's start) is suggested.
 */
export const SUGGESTION_COMPARISONS = 4_000_000;

/**
 * Where texts tagged elsewhere recur in this article without any annotation over them, never
 * inside its boilerplate zones. Longer
 * and more frequent texts win where suggestions would overlap; a text tagged with several
 * types is suggested with its most frequent one.
 */
export async function suggestionsFor(text: string, annotations: readonly StoredAnnotation[], tagged: readonly TaggedText[], limit = MAX_SUGGESTIONS, zones?: readonly Zone[], comparisons = SUGGESTION_COMPARISONS, signal?: AbortSignal): Promise<Suggestion[]> {
  const key = buildMatchingKey(text);
  // (#21) Boilerplate is not the article: nothing is proposed inside it.
  const inBoilerplate = boilerplateTest(zones);
  const converter = createOffsetConverter(text);
  const overlapsOccupied = overlapsAnnotationTest(annotations);
  const byPrefix = taggedByPrefix(tagged);
  const isWordUnit = (char: string | undefined) => char !== undefined && WORD_UNIT.test(char);
  const candidates: Suggestion[] = [];
  const folded = key.key;
  let position = 0;
  let compared = 0;
  while (position < folded.length && compared < comparisons) {
    if (!isWordUnit(folded[position]) || (position > 0 && isWordUnit(folded[position - 1]))) {
      position++;
      continue;
    }
    let wordEnd = position;
    while (wordEnd < folded.length && folded[wordEnd] !== ' ') wordEnd++;
    for (const { entry, key: entryKey } of byPrefix.get(compactPrefix(folded, position)) ?? []) {
      if (++compared % COMPARISONS_PER_TURN === 0) {
        await nextTurn();
        // Nobody waits for them any more (another article was opened): no CPU for an answer dropped.
        if (signal?.aborted) return [];
      }
      const match = looseMatchAt(key, position, entryKey);
      if (match === null || isWordUnit(folded[match.end])) continue;
      const utf16Start = key.starts[position];
      const utf16End = key.ends[match.end - 1];
      const start = converter.toCodePoint(asUtf16Offset(utf16Start));
      const end = converter.toCodePoint(asUtf16Offset(utf16End));
      if (overlapsOccupied(start, end) || inBoilerplate(start, end)) continue;
      candidates.push({ start, end, type: entry.type, text: text.slice(utf16Start, utf16End), count: entry.count });
    }
    position = wordEnd;
  }
  return chooseSuggestions(candidates, limit);
}
