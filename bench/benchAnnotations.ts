import type { StoredAnnotation } from '../shared/model/nativeFormat';

/** Tag ids of the default tag set, so the app shows them with their colours and hotkeys. */
export const BENCH_TAG_TYPES = ['PER', 'ORG', 'LOC', 'FAC', 'EVENT', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'MISC'] as const;

/** Word boundaries [start, end) in code points: letters, marks, digits, ZWNJ and the Persian decimal sign. */
export function wordBoundaries(codePoints: readonly string[]): [number, number][] {
  const words: [number, number][] = [];
  const inWord = /^[\p{L}\p{M}\p{N}\u200C\u066B]$/u;
  let start = -1;
  for (let index = 0; index <= codePoints.length; index++) {
    const letter = index < codePoints.length && inWord.test(codePoints[index]);
    if (letter && start === -1) start = index;
    if (!letter && start !== -1) {
      words.push([start, index]);
      start = -1;
    }
  }
  return words;
}

export interface AnnotationMix {
  /** Share of annotations that wrap an earlier one (a nested outer span). */
  nested: number;
  /** Share of annotations that cross an earlier one (overlap without nesting). */
  overlapping: number;
}

/**
 * `count` annotations on whole words spread over the text: most of one to three words, some
 * wrapping an earlier annotation (nested) and some crossing one (overlapping), as real
 * annotators produce. Offsets are code points, as the native file stores them.
 */
export function benchAnnotations(text: string, count: number, random: () => number, mix: AnnotationMix = { nested: 0.1, overlapping: 0.06 }): StoredAnnotation[] {
  const codePoints = Array.from(text);
  const words = wordBoundaries(codePoints);
  if (words.length === 0) return [];
  const annotations: StoredAnnotation[] = [];
  const taken = new Set<string>();
  const add = (firstWord: number, lastWord: number): boolean => {
    const first = Math.max(0, Math.min(words.length - 1, firstWord));
    const last = Math.max(first, Math.min(words.length - 1, lastWord));
    const start = words[first][0];
    const end = words[last][1];
    const key = `${start}:${end}`;
    if (taken.has(key)) return false;
    taken.add(key);
    annotations.push({
      id: `B${annotations.length + 1}`,
      type: BENCH_TAG_TYPES[Math.floor(random() * BENCH_TAG_TYPES.length)],
      start,
      end,
      text: codePoints.slice(start, end).join(''),
      author: 'bench',
      created: '2025-01-01T00:00:00.000Z',
    });
    return true;
  };
  const baseSpans: [number, number][] = [];
  const stride = words.length / count;
  for (let attempt = 0; annotations.length < count && attempt < count * 4; attempt++) {
    const slot = annotations.length;
    const roll = random();
    if (baseSpans.length > 0 && roll < mix.nested + mix.overlapping) {
      const [first, last] = baseSpans[Math.floor(random() * baseSpans.length)];
      if (roll < mix.nested || last === first) {
        // Wraps an earlier span: one or two words more on each side.
        add(first - 1 - Math.floor(random() * 2), last + 1 + Math.floor(random() * 2));
      } else {
        // Starts inside an earlier span and ends after it.
        add(first + 1, last + 1 + Math.floor(random() * 2));
      }
      continue;
    }
    const first = Math.floor(Math.min(words.length - 1, slot * stride + random() * stride));
    const length = random() < 0.6 ? 1 : random() < 0.7 ? 2 : 3;
    if (add(first, first + length - 1)) baseSpans.push([first, Math.min(words.length - 1, first + length - 1)]);
  }
  return annotations;
}
