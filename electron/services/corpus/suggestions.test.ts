import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { saveAnnotations } from '../storage/annotationStore';
import { collectTaggedTexts, MAX_SUGGESTIONS, suggestionsFor } from './suggestions';

function span(id: string, type: string, text: string, words: string) {
  const start = Array.from(text.slice(0, text.indexOf(words))).length;
  return { id, type, start, end: start + Array.from(words).length, text: words };
}

describe('suggestions from earlier tags', () => {
  it('suggests texts tagged elsewhere where they recur untagged, matched with the folding keys', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-suggest-'));
    const first = 'سازمان ملل متحد و علی لاریجانی در نیویورک.\n';
    await fs.writeFile(path.join(root, 'one.txt'), first);
    const article = decodeArticle(Buffer.from(first));
    await saveAnnotations(path.join(root, 'one.txt'), article, {
      status: 'done',
      annotations: [
        span('a', 'ORG', first, 'سازمان ملل متحد'),
        span('b', 'PER', first, 'علی لاریجانی'),
        span('c', 'LOC', first, 'نیویورک'),
        span('d', 'MISC', first, 'و'),
      ],
      relations: [],
      labels: [],
    });
    const tagged = await collectTaggedTexts(root);
    expect(tagged.map((entry) => entry.type).sort()).toEqual(['LOC', 'ORG', 'PER']);
    // (#17) An article's annotations already in memory are taken instead of its file.
    const inMemory = await collectTaggedTexts(root, new Map([['one.txt', [span('e', 'FAC', first, 'نیویورک')]]]));
    expect(inMemory.map((entry) => [entry.text, entry.type])).toEqual([['نیویورک', 'FAC']]);

    // Arabic yeh in the new article; «نیویورک» already tagged there; «سازمان» alone is not a whole hit.
    const second = 'علي لاريجاني گفت سازمان ملل متحد و سازمان دیگری در نیویورک.';
    const suggestions = await suggestionsFor(second, [span('x', 'LOC', second, 'نیویورک')], tagged);
    expect(suggestions.map((suggestion) => [suggestion.text, suggestion.type])).toEqual([
      ['علي لاريجاني', 'PER'],
      ['سازمان ملل متحد', 'ORG'],
    ]);
    expect(Array.from(second).slice(suggestions[1].start, suggestions[1].end).join('')).toBe('سازمان ملل متحد');
  });
});

describe('suggestions on scraped Persian', () => {
  it('suggests a tagged text where scraping lost its ZWNJ or turned it into a space, and the other way round', async () => {
    const tagged = [
      { text: 'گروه\u200cهای تروریستی', type: 'ORG', count: 2 },
      { text: 'می دهد', type: 'MISC', count: 1 },
    ];
    const text = 'گروههای تروریستی و گروه های تروریستی نشان میدهد. گروههای تروریستیک';
    const suggestions = await suggestionsFor(text, [], tagged);
    expect(suggestions.map((suggestion) => [suggestion.text, suggestion.type])).toEqual([
      ['گروههای تروریستی', 'ORG'],
      ['گروه های تروریستی', 'ORG'],
      ['میدهد', 'MISC'],
    ]);
    expect(suggestions[0]).toMatchObject({ start: 0, end: 16 });
  });
});

describe('suggestions on a pathological article (#17)', () => {
  const tagged = Array.from({ length: 50 }, (_, index) => ({ text: `علی${'ی'.repeat(index)} رضا`, type: 'PER', count: 1 }));
  const text = 'علی رضا و '.repeat(5_000);

  it('lets main answer other calls while it compares, and stops at its bound with what it found from the start', async () => {
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const whole = await suggestionsFor(text, [], tagged);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(2);
    expect(whole).toHaveLength(MAX_SUGGESTIONS);
    // 50 comparisons a word: a bound of 1,000 comparisons reaches the 20th word.
    const bounded = await suggestionsFor(text, [], tagged, undefined, undefined, 1_000);
    expect(bounded).toHaveLength(20);
    expect(bounded.map((suggestion) => suggestion.start)).toEqual(whole.slice(0, 20).map((suggestion) => suggestion.start));
  });

  it('stops at its next turn once nobody waits for the answer (another article was opened), answering nothing', async () => {
    const search = new AbortController();
    const answer = suggestionsFor(text, [], tagged, undefined, undefined, undefined, search.signal);
    search.abort();
    expect(await answer).toEqual([]);
    // Not aborted, the same search finds them.
    expect(await suggestionsFor(text, [], tagged, undefined, undefined, undefined, new AbortController().signal)).toHaveLength(MAX_SUGGESTIONS);
  });
});
