import { promises as fs } from 'node:fs';
import { parseAnnotationFile } from '../../shared/model/readAnnotationFile';
import type { StoredAnnotation } from '../../shared/model/nativeFormat';
import { buildMatchingKey, findHits, queryKey } from '../../shared/text/matchingKey';
import { createOffsetConverter } from '../../shared/text/offsets';
import { annotationPathFor } from './annotationStore';
import { resolveInCorpus } from './corpusPaths';
import { listArticleIds } from './corpusWatcher';

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

/** Texts shorter than this (after folding) are never suggested: too many false hits. */
const MIN_KEY_LENGTH = 2;

/** Every (text, type) pair tagged in the corpus's annotation files, most frequent first. */
export async function collectTaggedTexts(root: string): Promise<TaggedText[]> {
  const byKey = new Map<string, TaggedText>();
  for (const id of await listArticleIds(root)) {
    let raw: string;
    try {
      raw = await fs.readFile(annotationPathFor(resolveInCorpus(root, id)), 'utf8');
    } catch {
      continue;
    }
    const parsed = parseAnnotationFile(raw);
    if (!parsed.ok) continue;
    for (const annotation of parsed.file.annotations) {
      if (annotation.fragments) continue;
      const key = queryKey(annotation.text);
      if (key.length < MIN_KEY_LENGTH) continue;
      const entryKey = `${annotation.type}\u0000${key}`;
      const entry = byKey.get(entryKey) ?? { text: annotation.text, type: annotation.type, count: 0 };
      entry.count++;
      byKey.set(entryKey, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || b.text.length - a.text.length);
}

/**
 * Where texts tagged elsewhere recur in this article without any annotation over them. Longer
 * and more frequent texts win where suggestions would overlap; a text tagged with several
 * types is suggested with its most frequent one.
 */
export function suggestionsFor(text: string, annotations: readonly StoredAnnotation[], tagged: readonly TaggedText[], limit = 2000): Suggestion[] {
  const key = buildMatchingKey(text);
  const converter = createOffsetConverter(text);
  const occupied = annotations.map((annotation) => [annotation.start, annotation.end] as const);
  const overlaps = (start: number, end: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([from, to]) => start < to && end > from);
  const candidates: Suggestion[] = [];
  for (const entry of tagged) {
    for (const hit of findHits(text, key, entry.text, { wholeWords: true })) {
      const start = converter.toCodePoint(hit.start);
      const end = converter.toCodePoint(hit.end);
      if (overlaps(start, end, occupied)) continue;
      candidates.push({ start, end, type: entry.type, text: text.slice(hit.start, hit.end), count: entry.count });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || b.count - a.count);
  const chosen: Suggestion[] = [];
  const taken: [number, number][] = [];
  for (const candidate of candidates) {
    if (overlaps(candidate.start, candidate.end, taken)) continue;
    chosen.push(candidate);
    taken.push([candidate.start, candidate.end]);
    if (chosen.length >= limit) break;
  }
  return chosen.sort((a, b) => a.start - b.start);
}
