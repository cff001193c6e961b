import { seededRandom } from '../seededRandom';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeUtf16 } from './tokenizer';

const projectRoot = path.resolve(__dirname, '../..');
const dataRoot = path.resolve(projectRoot, '../shared/data');
const seedArticle = path.join(dataRoot, 'fa-news-seed/000_71c9989fa90c9667.txt');
const iobCorpora = [
  { file: 'arman-personer/test_fold1.first300.txt', separator: ' ' },
  { file: 'peyma/test.first300.txt', separator: '|' },
  { file: 'parstwiner/test.first300.txt', separator: '\t' },
  { file: 'anercorp-camellab/ANERCorp_CamelLab_test.last300.txt', separator: ' ' },
  { file: 'newsfane-gold/NewsFANE_Gold_2014_170K.first300.txt', separator: '\t' },
];

const segmenter = new Intl.Segmenter('fa', { granularity: 'word' });

/** Word-like segments as UTF-16 [start, end) pairs, the reference the tokenizer is held to. */
function segmenterWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) words.push(`${segment.index}:${segment.index + segment.segment.length}`);
  }
  return words;
}

/** The tokenizer's word tokens: those starting with a letter or digit (after a joining «_» at most). */
function tokenizerWords(text: string): string[] {
  const boundaries = tokenizeUtf16(text);
  const words: string[] = [];
  for (let index = 0; index < boundaries.length; index += 2) {
    if (/[\p{L}\p{Nd}\u066B]/u.test(text.slice(boundaries[index], boundaries[index + 1]).slice(0, 2))) words.push(`${boundaries[index]}:${boundaries[index + 1]}`);
  }
  return words;
}

function texts(text: string): string[] {
  return tokenize(text).map((token) => token.text);
}

const random = seededRandom;

describe('tokenizer', () => {
  it('keeps ZWNJ words whole and splits punctuation off', () => {
    expect(texts('او می‌دهد، کتاب‌ها را؟')).toEqual(['او', 'می‌دهد', '،', 'کتاب‌ها', 'را', '؟']);
    expect(texts('«تهران» (ایران): خبر!')).toEqual(['«', 'تهران', '»', '(', 'ایران', ')', ':', 'خبر', '!']);
  });

  it('keeps numbers in Persian, Arabic-Indic and Latin digits whole, with their separators', () => {
    expect(texts('سال ۱۴۰۳ و ١٤٠٣ و 2024')).toEqual(['سال', '۱۴۰۳', 'و', '١٤٠٣', 'و', '2024']);
    expect(texts('۱۲٫۵ درصد، ۱٬۰۰۰ تومان، 12.5 و 1,000.')).toEqual(['۱۲٫۵', 'درصد', '،', '۱٬۰۰۰', 'تومان', '،', '12.5', 'و', '1,000', '.']);
    expect(texts('سال۱۴۰۰')).toEqual(['سال۱۴۰۰']);
  });

  it('separates words at NBSP and spaces, and keeps marks, LRM and trailing ZWNJ in the word', () => {
    expect(texts('رئیس\u00A0جمهور')).toEqual(['رئیس', 'جمهور']);
    expect(texts('کِتابْ\u200E خوب\u200C ')).toEqual(['کِتابْ\u200E', 'خوب\u200C']);
    expect(texts('\u200Cکتاب')).toEqual(['کتاب']);
  });

  it('joins a narrow no-break space used as a half-space, as ICU does', () => {
    expect(texts('می\u202Fدهد')).toEqual(['می\u202Fدهد']);
    expect(texts('کتاب \u202F خوب')).toEqual(['کتاب', 'خوب']);
  });

  it('makes each emoji one token with its modifiers and ZWJ sequence, and counts code points', () => {
    expect(texts('سلام👋🏽 👨\u200D👩\u200D👧 🇮🇷!')).toEqual(['سلام', '👋🏽', '👨\u200D👩\u200D👧', '🇮🇷', '!']);
    const tokens = tokenize('😀 ایران');
    expect(tokens[1]).toEqual({ start: 2, end: 7, text: 'ایران' });
  });

  it('splits a colon between words, the one deliberate difference from ICU', () => {
    expect(texts('ساعت:۱۲ a:b')).toEqual(['ساعت', ':', '۱۲', 'a', ':', 'b']);
  });

  it('handles empty, blank and huge input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\u00A0\t')).toEqual([]);
    const huge = 'کتاب‌های خوب، '.repeat(100_000);
    expect(tokenizeUtf16(huge).length / 2).toBe(300_000);
  });

  it('agrees with Intl.Segmenter on words in random Persian text (property test)', () => {
    const alphabet = [
      'ک', 'ت', 'ا', 'ب', 'ی', 'ه', 'ر', 'ن', 'ي', 'ك', 'ۀ', 'ً', 'ّ', '\u200C', '\u200C', ' ', ' ', '\u00A0', '\n',
      '۱', '۲', '٣', '4', '٫', '٬', '.', '.', ',', '،', '؛', '؟', '!', '«', '»', '(', ')', '-', '/', '😀', '👍🏽', 'a', 'Z', "'", '\u200E',
    ];
    const next = random(20261129);
    for (let run = 0; run < 2000; run++) {
      let text = '';
      const length = 1 + Math.floor(next() * 40);
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(tokenizerWords(text), JSON.stringify(text)).toEqual(segmenterWords(text));
    }
  });

  it.skipIf(!existsSync(seedArticle))(`agrees with Intl.Segmenter on the real news article (skipped when ${seedArticle} is absent)`, () => {
    const text = readFileSync(seedArticle, 'utf8');
    expect(tokenizerWords(text)).toEqual(segmenterWords(text));
    // Every non-space character outside a word is a token of its own.
    const words = new Set(tokenizerWords(text));
    const boundaries = tokenizeUtf16(text);
    for (let index = 0; index < boundaries.length; index += 2) {
      if (!words.has(`${boundaries[index]}:${boundaries[index + 1]}`)) expect(Array.from(text.slice(boundaries[index], boundaries[index + 1]))).toHaveLength(1);
    }
  });

  for (const corpus of iobCorpora) {
    const file = path.join(dataRoot, corpus.file);
    it.skipIf(!existsSync(file))(`agrees with Intl.Segmenter on the sentences of ${corpus.file} (skipped when absent)`, () => {
      const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
      const sentences: string[] = [];
      let current: string[] = [];
      for (const line of lines) {
        if (line.trim() === '') {
          if (current.length > 0) sentences.push(current.join(' '));
          current = [];
          continue;
        }
        const cut = line.lastIndexOf(corpus.separator);
        current.push(cut === -1 ? line : line.slice(0, cut));
      }
      let agreeing = 0;
      const disagreements: string[] = [];
      for (const sentence of sentences) {
        // The colon is the documented difference; compare on text where it cannot matter.
        const text = sentence.replace(/:/g, ' : ');
        if (JSON.stringify(tokenizerWords(text)) === JSON.stringify(segmenterWords(text))) agreeing++;
        else disagreements.push(text);
      }
      expect(sentences.length).toBeGreaterThan(100);
      expect(disagreements.slice(0, 3)).toEqual([]);
      expect(agreeing).toBe(sentences.length);
    });
  }
});
