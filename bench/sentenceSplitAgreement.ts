import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sentenceStarts } from '../shared/text/sentences';
import { tokenizeUtf16 } from '../shared/text/tokenizer';

/**
 * Measures the tokenized exports' sentence splitter (shared/text/sentences.ts) against brat's
 * (nlplab/brat server/src/ssplit.py with external/geniass-postproc.pl). brat's rule, restated
 * here from reading it (no code of it is copied):
 * 1. a sentence ends after «.», «!» or «?» followed by white space, and before a line end;
 * 2. GeniaSS's repairs then join two sentences again when the break lies inside brackets, when
 *    the next sentence starts with a lower-case word of 3 letters or more after a full stop, or with a
 *    conjunction or preposition («and», «of», …), and after «e.g.», «i.e.», «i.v.», «vs.», «cf.»,
 *    «Dr.», «Mr.», «Ms.», «Mrs.».
 * Both are compared as the offsets (UTF-16) where a sentence other than the first starts.
 */

const JOINING_WORDS = ['and', 'or', 'but', 'nor', 'yet', 'of', 'in', 'by', 'as', 'on', 'at', 'to', 'via', 'for', 'with', 'that', 'than', 'from', 'into', 'upon', 'after', 'while', 'during', 'within', 'through', 'between', 'whereas', 'whether'];
const NO_BREAK_AFTER = /(?:\be\. ?g\.|\bi\. ?e\.|\bi\. ?v\.|\bvs\.|\bcf\.|\bDr\.|\bMr\.|\bMs\.|\bMrs\.)$/;
const LOWER_CASE_WORD = /^[a-z]{3}[a-z-]*[ .:,]/;

/** Sentence spans by brat's first step: `[start, end)` of each sentence. */
function bratCandidateSentences(text: string): [number, number][] {
  const sentences: [number, number][] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index])) index++;
    if (index >= text.length) break;
    const start = index;
    let end = text.length;
    for (let at = start + 1; at < text.length; at++) {
      if ('.!?'.includes(text[at]) && at + 1 < text.length && /\s/.test(text[at + 1])) {
        end = at + 1;
        break;
      }
      if (text[at] === '\n' && /\n*\S/.test(text.slice(at, at + 200))) {
        end = at;
        break;
      }
    }
    sentences.push([start, end]);
    index = end;
  }
  return sentences;
}

/** Whether a break between `before` and `after` (sentence texts, line ends as spaces) lies inside brackets. */
function insideBrackets(before: string, after: string): boolean {
  const depth = (text: string, open: string, close: string) => [...text].reduce((sum, char) => sum + (char === open ? 1 : char === close ? -1 : 0), 0);
  const tail = before.slice(-250);
  const head = after.slice(0, 250);
  return (depth(tail, '(', ')') > 0 && head.includes(')')) || (depth(tail, '[', ']') > 0 && head.includes(']'));
}

/** Where brat starts each sentence but the first, after GeniaSS's repairs. */
export function bratSentenceStarts(text: string): number[] {
  const sentences = bratCandidateSentences(text);
  const starts: number[] = [];
  let current = sentences[0] ? text.slice(sentences[0][0], sentences[0][1]).replace(/\n/g, ' ') : '';
  for (const [start, end] of sentences.slice(1)) {
    const next = text.slice(start, end).replace(/\n/g, ' ');
    const joined =
      insideBrackets(current, next) ||
      (current.endsWith('.') && LOWER_CASE_WORD.test(next)) ||
      JOINING_WORDS.some((word) => next.startsWith(`${word} `)) ||
      NO_BREAK_AFTER.test(current);
    if (joined) {
      current = `${current} ${next}`;
    } else {
      starts.push(start);
      current = next;
    }
  }
  return starts;
}

/** Where the exporters start each sentence but the first. */
export function exportSentenceStarts(text: string): number[] {
  const boundaries = tokenizeUtf16(text);
  const starts = sentenceStarts(text, boundaries, { splitOnPunctuation: true });
  return starts.slice(1, -1).map((token) => boundaries[token * 2]);
}

export interface SplitDifference {
  document: string;
  offset: number;
  /** `extra`: only the exporters break here; `missing`: only brat does. */
  side: 'extra' | 'missing';
  context: string;
}

export interface SplitAgreement {
  documents: number;
  bratBreaks: number;
  exportBreaks: number;
  agreed: number;
  differences: SplitDifference[];
}

/** The English `.txt` files under `folder`, compared one by one. */
export async function measureSentenceAgreement(folder: string, documents: readonly string[]): Promise<SplitAgreement> {
  const result: SplitAgreement = { documents: 0, bratBreaks: 0, exportBreaks: 0, agreed: 0, differences: [] };
  for (const document of documents) {
    const text = await fs.readFile(path.join(folder, document), 'utf8');
    const brat = new Set(bratSentenceStarts(text));
    const ours = new Set(exportSentenceStarts(text));
    result.documents++;
    result.bratBreaks += brat.size;
    result.exportBreaks += ours.size;
    const context = (offset: number) => text.slice(Math.max(0, offset - 30), offset).replace(/\n/g, '⏎') + ' ‖ ' + text.slice(offset, offset + 20).replace(/\n/g, '⏎');
    for (const offset of ours) {
      if (brat.has(offset)) result.agreed++;
      else result.differences.push({ document, offset, side: 'extra', context: context(offset) });
    }
    for (const offset of brat) if (!ours.has(offset)) result.differences.push({ document, offset, side: 'missing', context: context(offset) });
  }
  return result;
}
