import { describe, expect, it } from 'vitest';
import { CONLL_DOCSTART, serializeConll } from './conll';
import { checkDocument } from './checkedSpans';
import type { ExportDocument, TaggingScheme } from './exportTypes';
import { sentencesOf, tagDocument } from './tokenTagging';
import { fixtureDocument, randomDocument, spanOf } from './testArticles';

/**
 * (#25) CoNLL is written straight from the tokens' offsets, tags and sentence breaks. Its
 * reference here is the way it was written before: the tagged sentences (what Hugging Face
 * still gets), each token a `token TAB tag` line and a blank line after each sentence.
 */
function conllFromSentences(document: ExportDocument, scheme: TaggingScheme): string {
  const tagged = tagDocument(checkDocument(document), scheme, 'CoNLL');
  let chunk = `${CONLL_DOCSTART}\tO\n\n`;
  for (const sentence of sentencesOf(document.text, tagged)) {
    sentence.tokens.forEach((token, index) => {
      chunk += `${token}\t${sentence.tags[index]}\n`;
    });
    chunk += '\n';
  }
  return chunk;
}

/** Varied text: Persian with ZWNJ, Arabic, digits of three scripts, Latin, punctuation, emoji beyond U+FFFF, NBSP, CRLF turned LF. */
const VARIED =
  'سرلشکر باقری گفت: «همه می‌خواهند به دمشق بروند». ' +
  'قال الرئيس إن ١٢٫٥ بالمئة من U.S. GDP في ۱۴۰۳ (see Fig. 3. below) ذهب!\n' +
  'Dr. Smith met 𝒜lice 😀👍🏽 at 12:30 on 1,000\u00A0sites; e.g. here… done؟\n\n' +
  'خبرگزاری\u202Fایرنا در تهران. پایان';

function variedDocument(): ExportDocument {
  const text = VARIED;
  return {
    id: 'varied.txt',
    text,
    annotations: [
      spanOf(text, 'T1', 'PER', 'باقری'),
      spanOf(text, 'T2', 'LOC', 'دمشق بروند». قال'),
      spanOf(text, 'T3', 'PER', 'Smith met 𝒜lice'),
      spanOf(text, 'T4', 'ORG', 'خبرگزاری\u202Fایرنا'),
      spanOf(text, 'T5', 'LOC', 'تهران'),
      spanOf(text, 'T6', 'MISC', 'ایرنا در'),
    ],
    relations: [],
  };
}

describe('CoNLL written straight from the tagged tokens (#25)', () => {
  it('gives the bytes of the sentence-by-sentence writing on varied text, an entity across a sentence end and every scheme', () => {
    for (const scheme of ['iob2', 'iob1', 'bioes'] as const) {
      const documents = [variedDocument(), fixtureDocument('a.txt'), { id: 'empty.txt', text: '', annotations: [], relations: [] }, { id: 'blank.txt', text: ' \n\n ', annotations: [], relations: [] }];
      const { files } = serializeConll(documents, { scheme });
      expect(files[0].content).toBe(documents.map((document) => conllFromSentences(document, scheme)).join(''));
    }
  });

  it('gives the same bytes on random articles', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const document = randomDocument(seed);
      expect(serializeConll([document]).files[0].content).toBe(conllFromSentences(document, 'iob2'));
    }
  });

  it('keeps source tokens and their line-end sentences, writing a tab or line end in a token as a space', () => {
    const text = 'a\tb c\nd e';
    const document: ExportDocument = { id: 's.txt', text, annotations: [spanOf(text, 'T1', 'PER', 'c\nd')], relations: [], tokens: [[0, 3], [4, 5], [6, 7], [8, 9]] };
    const { files, reports } = serializeConll([document]);
    expect(files[0].content).toBe(conllFromSentences(document, 'iob2').replace('a\tb\tO', 'a b\tO'));
    expect(files[0].content).toBe(`${CONLL_DOCSTART}\tO\n\na b\tO\nc\tB-PER\nd\tI-PER\ne\tO\n\n`);
    expect(reports[0].problems.map((problem) => problem.kind)).toEqual(['token-text-changed']);
  });
});
