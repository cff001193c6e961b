import { seededRandom } from '../seededRandom';
import type { StoredAnnotation, StoredRelation } from '../model/nativeFormat';
import { checkDocument } from './checkedSpans';
import type { DocumentReport, ExportDocument } from './exportTypes';

/**
 * Articles for the export round-trip tests (used only by `*.test.ts`): Persian text with ZWNJ,
 * NBSP, emoji before spans, nested, crossing and discontinuous spans, a span over a line end,
 * notes, attributes and a relation, plus two annotations that must be refused.
 */

/** Code-point offset of the n-th occurrence of `part` in `text`. */
export function codePointIndexOf(text: string, part: string, occurrence = 0): number {
  let from = 0;
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(part, from);
    if (index === -1) throw new Error(`«${part}» is not in the text`);
    from = index + 1;
  }
  return Array.from(text.slice(0, index)).length;
}

export function spanOf(text: string, id: string, type: string, part: string, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  const start = codePointIndexOf(text, part);
  return { id, type, start, end: start + Array.from(part).length, text: part, ...extra };
}

export const FIXTURE_TEXT =
  '😀 سرلشکر باقری گفت: همه کشورهای\u00A0جهان می‌خواهند.\n' +
  'رئیس ستاد کل نیروهای مسلح به دمشق 🇮🇷 رفت! ۱۲٫۵ درصد، «خبر» ✅\n';

export function fixtureDocument(id = 'news/001.txt'): ExportDocument {
  const text = FIXTURE_TEXT;
  const sarlashkar = codePointIndexOf(text, 'سرلشکر');
  const goft = codePointIndexOf(text, 'گفت');
  const annotations: StoredAnnotation[] = [
    spanOf(text, 'T1', 'PER', 'سرلشکر باقری', { note: 'Chief of staff,\nArmed Forces' }),
    spanOf(text, 'T2', 'PER', 'باقری'),
    spanOf(text, 'T3', 'ORG', 'ستاد کل نیروهای مسلح', { attributes: { negated: true, confidence: 'high', hidden: false } }),
    spanOf(text, 'T4', 'LOC', 'نیروهای مسلح به دمشق'),
    spanOf(text, 'T5', 'LOC', 'دمشق'),
    spanOf(text, 'ann-6', 'MISC', 'می‌خواهند'),
    spanOf(text, 'T7', 'LOC', 'کشورهای\u00A0جهان'),
    { id: 'T8', type: 'EVENT', start: sarlashkar, end: goft + 3, text: 'سرلشکر گفت', fragments: [{ start: sarlashkar, end: sarlashkar + 6 }, { start: goft, end: goft + 3 }] },
    spanOf(text, 'T9', 'MISC', 'می‌خواهند.\nرئیس'),
    spanOf(text, 'T10', 'PERCENT', '۱۲٫۵ درصد'),
    spanOf(text, 'T11', 'MISC', 'خبر'),
    // Refused: the text does not match, and the offsets are past the end.
    { ...spanOf(text, 'T12', 'PER', 'باقری'), text: 'باقرى' },
    { id: 'T13', type: 'PER', start: 500, end: 505, text: 'xxxxx' },
  ];
  const relations: StoredRelation[] = [
    { id: 'R1', type: 'Member_of', from: 'T1', to: 'T3', note: 'head of' },
    { id: 'R2', type: 'Located_in', from: 'T3', to: 'T13' },
  ];
  return { id, text, annotations, relations };
}

export { seededRandom } from '../seededRandom';

const PIECES = ['ایران', 'می‌دهد', 'کتاب‌ها', 'سوریه', 'باقری', '۱۴۰۳', '12.5', '😀', '👍🏽', '،', '.', '؟', '«', '»', ' ', ' ', ' ', '\u00A0', '\u200C', '\n', 'ي', 'Tehran'];
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

/** A random article with random (often overlapping) spans on code points, with correct texts. */
export function randomDocument(seed: number): ExportDocument {
  const next = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  let text = '';
  const pieceCount = 5 + Math.floor(next() * 40);
  for (let index = 0; index < pieceCount; index++) text += pick(PIECES);
  const codePoints = Array.from(text);
  const annotations: StoredAnnotation[] = [];
  const spanCount = Math.floor(next() * 8);
  for (let index = 0; index < spanCount && codePoints.length > 1; index++) {
    const start = Math.floor(next() * (codePoints.length - 1));
    const end = Math.min(codePoints.length, start + 1 + Math.floor(next() * 8));
    annotations.push({ id: `a${index}`, type: pick(TYPES), start, end, text: codePoints.slice(start, end).join('') });
  }
  const relations: StoredRelation[] = annotations.length >= 2 ? [{ id: 'r1', type: 'Rel', from: annotations[0].id, to: annotations[1].id }] : [];
  return { id: `random/${seed}.txt`, text, annotations, relations };
}

/** Ids of the annotations a report says are not in the output, or are in it changed. */
export function reportedIds(report: DocumentReport, effects: readonly ('lost' | 'changed' | 'omitted')[]): Set<string> {
  return new Set(report.problems.filter((problem) => effects.includes(problem.effect) && problem.annotation).map((problem) => problem.annotation as string));
}

/** UTF-16 slice of a text by code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export interface DecodedEntity {
  type: string;
  /** UTF-16 offsets into the document text. */
  start16: number;
  end16: number;
}

/**
 * A small independent reader for token-tagged output: finds each token in the text in order
 * and decodes IOB1, IOB2 or BIOES tags into entities.
 */
export function decodeTokenTags(text: string, sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[], scheme: 'iob1' | 'iob2' | 'bioes'): DecodedEntity[] {
  const entities: DecodedEntity[] = [];
  let cursor = 0;
  let open: DecodedEntity | null = null;
  let openTag = 'O';
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, index) => {
      const at = text.indexOf(token, cursor);
      if (at === -1) throw new Error(`token «${token}» not found after ${cursor}`);
      cursor = at + token.length;
      const tag = sentence.tags[index];
      const [prefix, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
      const previousType = openTag === 'O' ? '' : openTag.slice(2);
      const continues =
        open !== null &&
        type === previousType &&
        (scheme === 'bioes' ? prefix === 'I' || prefix === 'E' : prefix === 'I');
      if (continues && open) {
        open.end16 = cursor;
      } else {
        if (open) entities.push(open);
        open = prefix === 'O' ? null : { type, start16: at, end16: cursor };
      }
      if (scheme === 'bioes' && (prefix === 'E' || prefix === 'S') && open) {
        entities.push(open);
        open = null;
      }
      openTag = open ? tag : 'O';
    });
    if (open) entities.push(open);
    open = null;
    openTag = 'O';
  }
  return entities;
}

const EDGE = /[\s\p{Cf}\p{M}]/u;

/** A UTF-16 range with spaces, format characters and marks trimmed off both ends. */
export function trimRange(text: string, start16: number, end16: number): [number, number] {
  let start = start16;
  let end = end16;
  while (start < end && EDGE.test(text[start])) start++;
  while (end > start && EDGE.test(text[end - 1])) end--;
  return [start, end];
}

/** The entities a document should give back: every kept piece, trimmed of spaces. */
export function expectedEntities(document: ExportDocument, lost: Set<string>): string[] {
  const checked = checkDocument(document);
  return checked.spans
    .filter((span) => !lost.has(span.annotation.id))
    .flatMap((span) => span.pieces.map((piece) => ({ type: span.annotation.type, range: trimRange(document.text, piece.start16, piece.end16) })))
    .filter((entity) => entity.range[1] > entity.range[0])
    .map((entity) => `${entity.type}@${entity.range[0]}-${entity.range[1]}`)
    .sort();
}

/** Decoded entities, trimmed the same way; a token of only a ZWNJ or a mark trims to nothing. */
export function entityKeys(text: string, entities: readonly DecodedEntity[]): string[] {
  return entities
    .map((entity) => ({ type: entity.type, range: trimRange(text, entity.start16, entity.end16) }))
    .filter((entity) => entity.range[1] > entity.range[0])
    .map((entity) => `${entity.type}@${entity.range[0]}-${entity.range[1]}`)
    .sort();
}
