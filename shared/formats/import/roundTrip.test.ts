import { describe, expect, it } from 'vitest';
import { parseConll, type ConllSeparator } from './conll';
import { parseHf } from './hf';
import { parseJsonl } from './jsonl';
import type { ImportedArticle } from './importTypes';

/** Small deterministic generator, so a failure can be replayed. */
function createRandom(seed: number): (limit: number) => number {
  let state = seed >>> 0;
  return (limit) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % limit;
  };
}

const WORDS = ['علی', 'می‌رود', 'کتاب‌ها', 'تهران', 'ي', 'ك', '😀', '🇮🇷', 'a\u00a0b', '۱۴۰۳', '12.5', '«', '»', '\u200eبغداد', 'é'];
const TYPES = ['PER', 'LOC', 'Other_PER', 'Population-Center'];

interface Sentence {
  tokens: string[];
  tags: string[];
}

function randomSentences(random: (limit: number) => number, spacedTokens: boolean): Sentence[] {
  return Array.from({ length: 1 + random(8) }, () => {
    const length = 1 + random(10);
    const tokens = Array.from({ length }, () => (spacedTokens && random(5) === 0 ? `${WORDS[random(WORDS.length)]} ${WORDS[random(WORDS.length)]}` : WORDS[random(WORDS.length)]));
    const tags: string[] = [];
    for (let index = 0; index < length; index++) {
      const previous = tags[index - 1];
      const roll = random(4);
      if (roll === 0 && previous && previous !== 'O') tags.push(`I-${previous.slice(2)}`);
      else if (roll === 1) tags.push(`B-${TYPES[random(TYPES.length)]}`);
      else tags.push('O');
    }
    return { tokens, tags };
  });
}

/** IOB2 sentences back from an imported article's tokens, line breaks and spans. */
function sentencesOf(article: ImportedArticle): Sentence[] {
  const codePoints = Array.from(article.text);
  const tokens = article.tokens ?? [];
  const tags = tokens.map(() => 'O');
  for (const span of article.spans) {
    const from = tokens.findIndex(([start]) => start === span.start);
    const to = tokens.findIndex(([, end]) => end === span.end);
    for (let index = from; index <= to; index++) tags[index] = `${index === from ? 'B' : 'I'}-${span.type}`;
  }
  const sentences: Sentence[] = [];
  tokens.forEach(([start, end], index) => {
    if (index === 0 || codePoints[start - 1] === '\n') sentences.push({ tokens: [], tags: [] });
    sentences[sentences.length - 1].tokens.push(codePoints.slice(start, end).join(''));
    sentences[sentences.length - 1].tags.push(tags[index]);
  });
  return sentences;
}

const SEPARATORS: Record<ConllSeparator, string> = { tab: '\t', pipe: '|', space: ' ' };

describe('write then import gives the same tokens and tags (200 random corpora a format)', () => {
  for (const separator of ['tab', 'pipe', 'space'] as const) {
    it(`CoNLL, ${separator}-separated, with CRLF and a BOM every other time`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const random = createRandom(seed);
        const sentences = randomSentences(random, separator !== 'space');
        const newline = seed % 2 === 0 ? '\r\n' : '\n';
        const body = sentences.map((sentence) => sentence.tokens.map((token, index) => `${token}${SEPARATORS[separator]}${sentence.tags[index]}`).join(newline)).join(newline + newline);
        const result = parseConll((seed % 2 === 0 ? '\ufeff' : '') + body + newline, { file: 'f', baseName: 'f', separator, sentencesPerArticle: 1000 });
        expect(result.skipped, `seed ${seed}`).toEqual([]);
        expect(sentencesOf(result.articles[0]), `seed ${seed}`).toEqual(sentences);
      }
    });
  }

  it('HF JSON lines', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const sentences = randomSentences(createRandom(seed), true);
      const content = sentences.map((sentence) => JSON.stringify({ tokens: sentence.tokens, ner_tags: sentence.tags })).join('\n');
      const result = parseHf(content, { file: 'f', baseName: 'f', sentencesPerArticle: 1000 });
      expect(sentencesOf(result.articles[0]), `seed ${seed}`).toEqual(sentences);
    }
  });

  it('doccano JSONL (UTF-16 offsets) gives the same spans over the same text', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = createRandom(seed);
      const text = Array.from({ length: 1 + random(30) }, () => WORDS[random(WORDS.length)]).join(random(3) === 0 ? '\r\n' : ' ');
      const spans = Array.from({ length: random(6) }, () => {
        const start = random(text.length);
        const end = start + 1 + random(text.length - start);
        return [start, end, TYPES[random(TYPES.length)]] as const;
      }).filter(([start, end]) => !/[\udc00-\udfff]/.test(text[start] ?? '') && !/[\udc00-\udfff]/.test(text[end] ?? ''));
      const result = parseJsonl(JSON.stringify({ text, label: spans }), { file: 'f', baseName: 'f' });
      expect(result.skipped, `seed ${seed}`).toEqual([]);
      const article = result.articles[0];
      const codePoints = Array.from(article.text);
      expect(article.spans.map((span) => [codePoints.slice(span.start, span.end).join(''), span.type]), `seed ${seed}`).toEqual(
        // A CR before LF is not in the document text, even when the span ends between the two.
        spans.map(([start, end, type]) => [text.slice(start, end).split('').filter((unit, index) => !(unit === '\r' && text[start + index + 1] === '\n')).join(''), type]),
      );
    }
  });
});
