import { buildMatchingKey, findHits } from '../text/matchingKey';
import { createOffsetConverter } from '../anchoring/offsets';
import type { GazetteerEntry } from './gazetteer';
import { overlapsAnyRange, type CodePointSpanRange, type PretagSpan } from './pretagSpan';

interface Candidate {
  start: number;
  end: number;
  type: string;
}

/**
 * (#24) Finds the gazetteer's phrases in an article with the Persian-aware matching keys of
 * search and suggestions (text/matchingKey.ts): a ZWNJ lost, doubled or replaced by a space,
 * Arabic yeh and kaf, harakat and tatweel do not stop a match. Whole words only. Where hits
 * overlap, the longest wins (then the earliest): «محمدجواد ظریف» over «ظریف». Hits that touch
 * `skip` (boilerplate zones, in code points) are dropped. Offsets are exact code points of the
 * original text, never of the folded key.
 */
export function matchGazetteer(text: string, entries: readonly GazetteerEntry[], skip: readonly CodePointSpanRange[] = []): PretagSpan[] {
  if (entries.length === 0 || text.length === 0) return [];
  const key = buildMatchingKey(text);
  const converter = createOffsetConverter(text);
  const candidates: Candidate[] = [];
  for (const entry of entries) {
    for (const hit of findHits(text, key, entry.phrase, { wholeWords: true })) {
      const start = converter.toCodePoint(hit.start);
      const end = converter.toCodePoint(hit.end);
      if (end > start && !overlapsAnyRange(start, end, skip)) candidates.push({ start, end, type: entry.type });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  for (const candidate of candidates) {
    if (!taken.some((other) => candidate.start < other.end && candidate.end > other.start)) taken.push(candidate);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map(({ start, end, type }) => ({ start, end, type }));
}
