import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededRandom } from '../seededRandom';
import { splitParagraphs, type Paragraph } from '../text/paragraphs';
import { compareReadingOrder } from './annotationOperations';
import type { DocumentAnnotation } from '../anchoring/documentAnnotation';
import { ParagraphAnnotationIndex } from './paragraphAnnotationIndex';
import { asUtf16Offset } from '../anchoring/offsetUnits';

const TEXT = ['علی در تهران است.', '', 'سازمان ملل متحد (UN) بیانیه داد.', 'سه‌شنبه ۱۴ آبان ۱۴۰۳', 'Last line, in English.'].join('\n');
const PARAGRAPHS = splitParagraphs(TEXT);

function annotation(id: string, start: number, end: number, type = 'PER'): DocumentAnnotation {
  return { id, type, start: asUtf16Offset(start), end: asUtf16Offset(end), text: TEXT.slice(start, end) };
}

/** The grouping done from scratch, as the index must always agree with. */
function expectedGroups(paragraphs: readonly Paragraph[], annotations: readonly DocumentAnnotation[]): DocumentAnnotation[][] {
  return paragraphs.map((paragraph) =>
    annotations.filter((item) => item.start <= paragraph.end && Math.max(item.end, item.start + 1) > paragraph.start),
  );
}

describe('ParagraphAnnotationIndex', () => {
  it('groups annotations by the paragraphs they touch, one spanning two paragraphs in both', () => {
    const spanning = annotation('a3', PARAGRAPHS[2].start + 4, PARAGRAPHS[3].start + 3);
    const list = [annotation('a1', 0, 3), annotation('a2', 7, 12), spanning].sort(compareReadingOrder);
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list);
    expect(index.group(0).map((item) => item.id)).toEqual(['a1', 'a2']);
    expect(index.group(1)).toEqual([]);
    expect(index.group(2)).toEqual([spanning]);
    expect(index.group(3)).toEqual([spanning]);
    expect(index.group(99)).toEqual([]);
  });

  it('reports only the paragraph an added annotation lies in, and keeps the other groups as they were', () => {
    const first = annotation('a1', 0, 3);
    const last = annotation('a9', PARAGRAPHS[4].start, PARAGRAPHS[4].start + 4);
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, [first, last]);
    const untouched = index.group(4);
    const added = annotation('a5', PARAGRAPHS[2].start, PARAGRAPHS[2].start + 6, 'ORG');
    expect(index.update([first, added, last])).toEqual([2]);
    expect(index.group(2)).toEqual([added]);
    expect(index.group(4)).toBe(untouched);
  });

  it('reports a retag (a replaced object at the same place) and a removal', () => {
    const item = annotation('a1', 0, 3);
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, [item]);
    const retagged = { ...item, type: 'ORG' };
    expect(index.update([retagged])).toEqual([0]);
    expect(index.group(0)).toEqual([retagged]);
    expect(index.update([])).toEqual([0]);
    expect(index.group(0)).toEqual([]);
  });

  it('keeps the identity of a group while it is asked for, and makes an equal one afresh once released', () => {
    const list = [annotation('a1', 0, 3), annotation('a2', 7, 12), annotation('a9', PARAGRAPHS[4].start, PARAGRAPHS[4].start + 4)];
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list);
    const first = index.group(0);
    expect(index.group(0)).toBe(first);
    index.release(0);
    const again = index.group(0);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(index.group(1)).toBe(index.group(1));
    expect(index.group(-1)).toEqual([]);
  });

  it('keeps a group an edit changed after it is released: it is the only copy', () => {
    const first = annotation('a1', 0, 3);
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, [first]);
    const added = annotation('a2', 7, 12);
    expect(index.update([first, added])).toEqual([0]);
    const edited = index.group(0);
    index.release(0);
    expect(index.group(0)).toBe(edited);
    expect(edited).toEqual([first, added]);
  });

  it('groups an article of many paragraphs, some annotations spanning several, as from scratch', () => {
    const text = Array.from({ length: 400 }, (_, at) => `بند ${at} با چند واژه`).join('\n');
    const paragraphs = splitParagraphs(text);
    const random = seededRandom(25);
    const list = Array.from({ length: 900 }, (_, at) => {
      const start = Math.floor(random() * (text.length - 1));
      const length = 1 + Math.floor(random() * (random() < 0.1 ? 120 : 8));
      return { id: `m${at}`, type: 'PER', start: asUtf16Offset(start), end: asUtf16Offset(Math.min(text.length, start + length)), text: '' };
    }).sort(compareReadingOrder);
    const index = new ParagraphAnnotationIndex(paragraphs, list);
    const expected = expectedGroups(paragraphs, list);
    for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) expect(index.group(paragraph)).toEqual(expected[paragraph]);
  });

  it('reports nothing for the same list, or a copy holding the same objects', () => {
    const list = [annotation('a1', 0, 3)];
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list);
    expect(index.update(list)).toEqual([]);
    expect(index.update([...list])).toEqual([]);
  });

  it('agrees with grouping from scratch over 500 random edits, and reports every paragraph whose group changed', () => {
    const random = seededRandom(11);
    let list: DocumentAnnotation[] = [];
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list);
    let groups = expectedGroups(PARAGRAPHS, list);
    let counter = 0;
    for (let step = 0; step < 500; step++) {
      const choice = random();
      let next = [...list];
      if (choice < 0.45 || next.length === 0) {
        // One to three new spans, sometimes crossing a paragraph break (as tag-all may add several at once).
        for (let count = 1 + Math.floor(random() * 3); count > 0; count--) {
          const start = Math.floor(random() * (TEXT.length - 1));
          const end = Math.min(TEXT.length, start + 1 + Math.floor(random() * 30));
          next.push(annotation(`n${counter++}`, start, end));
        }
      } else if (choice < 0.75) {
        next.splice(Math.floor(random() * next.length), 1);
      } else if (choice < 0.9) {
        const at = Math.floor(random() * next.length);
        next[at] = { ...next[at], type: next[at].type === 'PER' ? 'LOC' : 'PER' };
      } else {
        // An undo jumps back to an older list wholesale.
        next = list.slice(0, Math.floor(list.length / 2));
      }
      next.sort(compareReadingOrder);
      const touched = index.update(next);
      const fresh = expectedGroups(PARAGRAPHS, next);
      for (let paragraph = 0; paragraph < PARAGRAPHS.length; paragraph++) {
        expect(index.group(paragraph)).toEqual(fresh[paragraph]);
        const changed = fresh[paragraph].length !== groups[paragraph].length || fresh[paragraph].some((item, at) => item !== groups[paragraph][at]);
        if (changed) expect(touched).toContain(paragraph);
      }
      groups = fresh;
      list = next;
    }
  });
});

describe('ParagraphAnnotationIndex built in steps (#17)', () => {
  const annotationsArbitrary = fc
    .array(fc.tuple(fc.integer({ min: 0, max: TEXT.length - 1 }), fc.integer({ min: 1, max: 40 })), { maxLength: 60 })
    .map((spans) => spans.map(([start, length], at) => annotation(`p${at}`, start, Math.min(TEXT.length, start + length))).sort(compareReadingOrder));

  it('ends with the groups of the one-shot index, and never shows a group that later changes', () => {
    fc.assert(
      fc.property(annotationsArbitrary, fc.integer({ min: 1, max: 7 }), (list, step) => {
        const oneShot = new ParagraphAnnotationIndex(PARAGRAPHS, list);
        const stepped = new ParagraphAnnotationIndex(PARAGRAPHS, list, { deferred: true });
        const reported: number[] = [];
        for (let guard = 0; !stepped.complete && guard <= list.length + 1; guard++) {
          const finals = stepped.buildSome(step);
          // A paragraph reported final already shows its whole group.
          for (const paragraph of finals) expect(stepped.group(paragraph)).toEqual(oneShot.group(paragraph));
          reported.push(...finals);
        }
        expect(stepped.complete).toBe(true);
        expect(reported).toEqual(PARAGRAPHS.map((_, paragraph) => paragraph));
        for (let paragraph = 0; paragraph < PARAGRAPHS.length; paragraph++) expect(stepped.group(paragraph)).toEqual(oneShot.group(paragraph));
      }),
    );
  });

  it('reads a paragraph not yet final as empty, and finishes the grouping before an edit', () => {
    const list = [annotation('a1', 0, 3), annotation('a2', PARAGRAPHS[2].start, PARAGRAPHS[2].start + 6), annotation('a3', PARAGRAPHS[4].start, PARAGRAPHS[4].start + 4)];
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list, { deferred: true });
    expect(index.complete).toBe(false);
    expect(index.group(0)).toEqual([]);
    expect(index.buildSome(1)).toEqual([0, 1]);
    expect(index.group(0)).toEqual([list[0]]);
    expect(index.group(2)).toEqual([]);
    const added = annotation('a4', PARAGRAPHS[3].start, PARAGRAPHS[3].start + 3);
    const touched = index.update([...list.slice(0, 2), added, list[2]]);
    expect(index.complete).toBe(true);
    expect(touched).toEqual([2, 3, 4]);
    expect(index.group(3)).toEqual([added]);
    expect(index.group(4)).toEqual([list[2]]);
  });

  it('shows nothing until the end when the list is out of reading order', () => {
    const list = [annotation('b', PARAGRAPHS[4].start, PARAGRAPHS[4].start + 2), annotation('a', 0, 3)];
    const index = new ParagraphAnnotationIndex(PARAGRAPHS, list, { deferred: true });
    expect(index.buildSome(1)).toEqual([]);
    expect(index.group(4)).toEqual([]);
    expect(index.buildSome(1)).toEqual([0, 1, 2, 3, 4]);
    expect(index.group(0)).toEqual([list[1]]);
  });
});
