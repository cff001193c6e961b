// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
import { createOffsetConverter } from '../../../shared/anchoring/offsets';
import { asUtf16Offset } from '../../../shared/anchoring/offsetUnits';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { articleViewActions, type OpenArticle } from './articleViewStore';
import { documentActions } from './documentStore';
import { PIECE_CHARACTERS } from '../../../shared/text/paragraphChunks';
import { paragraphsOf, piecesOf, useParagraphSlice } from './paragraphSlices';
import { ParagraphAnnotationIndex } from '../../../shared/model/paragraphAnnotationIndex';

/** (#17) The paragraph index of a large article is grouped in tasks, never in one long one. */

const PARAGRAPHS = 400;
const WORDS = 50;
const TEXT = Array.from({ length: PARAGRAPHS }, (_, paragraph) => Array.from({ length: WORDS }, (_, word) => `واژه${paragraph}x${word}`).join(' ')).join('\n') + '\n';

function openArticle(): OpenArticle {
  return { id: 'big', name: 'big', text: TEXT, sha256: 'sha', encoding: 'utf-8', encodingGuessed: false, paragraphs: splitParagraphs(TEXT), converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null };
}

/** One annotation on each word: 20,000 in reading order. */
function everyWord(): DocumentAnnotation[] {
  const annotations: DocumentAnnotation[] = [];
  for (const match of TEXT.matchAll(/\S+/g)) {
    const start = match.index;
    annotations.push({ id: `a${annotations.length}`, type: 'PER', start: asUtf16Offset(start), end: asUtf16Offset(start + match[0].length), text: match[0] });
  }
  return annotations;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The article open on fake timers with its first ten paragraphs' annotations, grouped: as after its first page. */
async function openWithItsFirstPageGrouped(): Promise<DocumentAnnotation[]> {
  vi.useFakeTimers();
  const annotations = everyWord();
  act(() => {
    articleViewActions.showArticle(openArticle());
    documentActions.load({ articleId: 'big', status: 'new', annotations: annotations.slice(0, WORDS * 10), relations: [], labels: [] });
  });
  await act(async () => {
    await vi.runAllTimersAsync();
  });
  return annotations;
}

describe('paragraph slices of a large article', () => {
  it('show the first paragraphs at once and the rest task by task, ending with every annotation in its paragraph', async () => {
    vi.useFakeTimers();
    const article = openArticle();
    const annotations = everyWord();
    // The last paragraph with words (the text's closing newline may end it with an empty one).
    const last = piecesOf(article.paragraphs).findLastIndex((piece) => piece.end > piece.start);
    const first = renderHook(() => useParagraphSlice(0));
    const end = renderHook(() => useParagraphSlice(last));
    // Grouping 20,000 annotations is throttled so each task stays short: the test's clock says
    // every step took long, so the first task groups one step and yields.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    act(() => {
      articleViewActions.showArticle(article);
      documentActions.load({ articleId: 'big', status: 'new', annotations, relations: [], labels: [] });
    });
    expect(first.result.current.annotations).toHaveLength(WORDS);
    expect(end.result.current.annotations).toHaveLength(0);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(end.result.current.annotations.map((annotation) => annotation.id)).toEqual(annotations.slice(-WORDS).map((annotation) => annotation.id));
  });
});

describe('paragraph slices kept only while listened to', () => {
  it('give a paragraph drawn again the annotations edited while it was not drawn', async () => {
    const article = openArticle();
    const annotations = everyWord();
    act(() => {
      articleViewActions.showArticle(article);
      documentActions.load({ articleId: 'big', status: 'new', annotations, relations: [], labels: [] });
    });
    const drawn = renderHook(() => useParagraphSlice(1));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(drawn.result.current.annotations).toHaveLength(WORDS);
    drawn.unmount();
    await act(async () => {
      await Promise.resolve();
    });
    // Paragraph 1's words lose their annotations while nothing draws it.
    const inFirstTwo = WORDS * 2;
    act(() => documentActions.load({ articleId: 'big', status: 'new', annotations: annotations.filter((_, at) => at < WORDS || at >= inFirstTwo), relations: [], labels: [] }));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const again = renderHook(() => useParagraphSlice(1));
    expect(again.result.current.annotations).toHaveLength(0);
    expect(renderHook(() => useParagraphSlice(0)).result.current.annotations).toHaveLength(WORDS);
  });

  it('keep one slice object for a paragraph while it is drawn, so it is not rendered again for nothing', async () => {
    act(() => {
      articleViewActions.showArticle(openArticle());
      documentActions.load({ articleId: 'big', status: 'new', annotations: everyWord(), relations: [], labels: [] });
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    let renders = 0;
    const drawn = renderHook(() => {
      renders++;
      return useParagraphSlice(2);
    });
    const first = drawn.result.current;
    drawn.rerender();
    expect(drawn.result.current).toBe(first);
    expect(renders).toBe(2);
  });
});

describe('the whole list adopted after the first page (#17)', () => {
  /** The same annotations as new objects: the window converts the whole list again when it is adopted. */
  const copies = (annotations: readonly DocumentAnnotation[]) => annotations.map((annotation) => ({ ...annotation }));

  it('keeps the groups shown until the new list is grouped in tasks, then tells the paragraphs a few a task', async () => {
    vi.useFakeTimers();
    const annotations = everyWord();
    const firstPage = annotations.slice(0, WORDS * 10);
    act(() => {
      articleViewActions.showArticle(openArticle());
      documentActions.load({ articleId: 'big', status: 'new', annotations: firstPage, relations: [], labels: [] });
    });
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    const drawn = Array.from({ length: 20 }, (_, paragraph) => renderHook(() => useParagraphSlice(paragraph * 5)));
    const shown = () => drawn.map((slice) => slice.result.current.annotations.length);
    const before = drawn.map((slice) => slice.result.current);
    expect(shown()).toEqual([WORDS, WORDS, ...Array<number>(18).fill(0)]);
    const whole = copies(annotations);
    act(() => documentActions.load({ articleId: 'big', status: 'new', annotations: whole, relations: [], labels: [] }));
    // Nothing regrouped nor rendered in the load's task: every paragraph keeps its slice.
    expect(drawn.map((slice) => slice.result.current)).toEqual(before);
    drawn.forEach((slice, at) => expect(slice.result.current).toBe(before[at]));
    // Told in tasks: after the grouping, never all twenty paragraphs in one.
    let told: number[] = [];
    let tasks = 0;
    while (shown().some((count) => count !== WORDS) && tasks < 100) {
      await act(async () => {
        await vi.advanceTimersToNextTimerAsync();
      });
      tasks++;
      const now = drawn.filter((slice, at) => slice.result.current !== before[at]).length;
      told.push(now);
    }
    told = told.filter((count, at) => at === 0 || count !== told[at - 1]);
    expect(shown()).toEqual(Array<number>(20).fill(WORDS));
    expect(told.length).toBeGreaterThan(2);
    expect(drawn[19].result.current.annotations[0]).toBe(whole[WORDS * 95]);
  });

  it('keeps every slice when the article shown from its first page is finished (the same paragraphs)', async () => {
    const article = { ...openArticle(), annotationsIncomplete: true as const };
    act(() => {
      articleViewActions.showArticleWhileLoading(article);
      documentActions.load({ articleId: 'big', status: 'new', annotations: everyWord().slice(0, WORDS * 10), relations: [], labels: [] });
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    let renders = 0;
    const drawn = renderHook(() => {
      renders++;
      return useParagraphSlice(3);
    });
    const before = drawn.result.current;
    const { annotationsIncomplete: _incomplete, ...finished } = article;
    act(() => articleViewActions.finishLoading(finished));
    expect(drawn.result.current).toBe(before);
    expect(renders).toBe(1);
    // Another text of the same article (loaded again): its paragraphs are new, the groups made afresh.
    act(() => articleViewActions.finishLoading({ ...finished, paragraphs: splitParagraphs(TEXT) }));
    expect(drawn.result.current).not.toBe(before);
    expect(drawn.result.current.annotations.map((annotation) => annotation.id)).toEqual(before.annotations.map((annotation) => annotation.id));
  });

  it('applies an edit made while the new list is grouped to the whole list', async () => {
    const annotations = await openWithItsFirstPageGrouped();
    const late = renderHook(() => useParagraphSlice(300));
    const early = renderHook(() => useParagraphSlice(1));
    const whole = copies(annotations);
    act(() => documentActions.load({ articleId: 'big', status: 'new', annotations: whole, relations: [], labels: [] }));
    expect(late.result.current.annotations).toHaveLength(0);
    // A tag key before any task ran: an annotation added in paragraph 1.
    const added: DocumentAnnotation = { ...whole[WORDS + 1], id: 'added', type: 'LOC' };
    const grouped = vi.spyOn(ParagraphAnnotationIndex.prototype, 'buildSome');
    const updated = vi.spyOn(ParagraphAnnotationIndex.prototype, 'update');
    act(() => documentActions.edit({ annotations: [...whole.slice(0, WORDS + 1), added, ...whole.slice(WORDS + 1)] }));
    expect(early.result.current.annotations.map((annotation) => annotation.id)).toContain('added');
    expect(early.result.current.annotations).toHaveLength(WORDS + 1);
    expect(early.result.current.annotations[0]).toBe(whole[WORDS]);
    // The key's task groups nothing of the whole list (it finished the grouping before: 20,000
    // annotations here, 100,000 in the bench); the far paragraph gets its group with the tasks.
    expect(grouped).not.toHaveBeenCalled();
    expect(updated).not.toHaveBeenCalled();
    expect(late.result.current.annotations).toHaveLength(0);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(grouped.mock.calls.length).toBeGreaterThan(1);
    expect(late.result.current.annotations[0]).toBe(whole[WORDS * 300]);
    // The regrouped list, adopted, holds the edit.
    expect(early.result.current.annotations.map((annotation) => annotation.id)).toContain('added');
    expect(early.result.current.annotations).toHaveLength(WORDS + 1);
  });

  it('applies edits made one after another while the new list is grouped, a removal too, and keeps the selection on the added one', async () => {
    const annotations = await openWithItsFirstPageGrouped();
    const drawn = [2, 3].map((paragraph) => renderHook(() => useParagraphSlice(paragraph)));
    const whole = copies(annotations);
    act(() => documentActions.load({ articleId: 'big', status: 'new', annotations: whole, relations: [], labels: [] }));
    await act(async () => {
      await vi.advanceTimersToNextTimerAsync();
    });
    const added: DocumentAnnotation = { ...whole[WORDS * 2 + 1], id: 'added', type: 'LOC' };
    const withAdded = [...whole.slice(0, WORDS * 2 + 1), added, ...whole.slice(WORDS * 2 + 1)];
    act(() => {
      documentActions.edit({ annotations: withAdded });
      articleViewActions.selectAnnotation('added');
    });
    // Then the first annotation of paragraph 3 removed.
    const removed = withAdded[WORDS * 3 + 1];
    act(() => documentActions.edit({ annotations: withAdded.filter((annotation) => annotation !== removed) }));
    const ids = () => drawn.map((slice) => slice.result.current.annotations.map((annotation) => annotation.id));
    const check = () => {
      expect(ids()[0]).toHaveLength(WORDS + 1);
      expect(ids()[0]).toContain('added');
      expect(drawn[0].result.current.selectedId).toBe('added');
      expect(ids()[1]).toHaveLength(WORDS - 1);
      expect(ids()[1]).not.toContain(removed.id);
    };
    check();
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    check();
  });
});

describe('the selected annotation\'s paragraphs', () => {
  it('follow a selection moved to an annotation just added, and one the next edit moved to another paragraph', async () => {
    const annotations = everyWord();
    act(() => {
      articleViewActions.showArticle(openArticle());
      documentActions.load({ articleId: 'big', status: 'new', annotations, relations: [], labels: [] });
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const drawn = [3, 4, 9].map((paragraph) => renderHook(() => useParagraphSlice(paragraph)));
    const selectedIn = () => drawn.map((slice) => slice.result.current.selectedId);
    act(() => articleViewActions.selectAnnotation(annotations[WORDS * 3].id));
    expect(selectedIn()).toEqual([annotations[WORDS * 3].id, null, null]);
    // A tag key: the annotation added in paragraph 4, then selected.
    const added: DocumentAnnotation = { ...annotations[WORDS * 4 + 1], id: 'added', type: 'LOC' };
    act(() => {
      documentActions.edit({ annotations: [...annotations.slice(0, WORDS * 4 + 1), added, ...annotations.slice(WORDS * 4 + 1)] });
      articleViewActions.selectAnnotation('added');
    });
    expect(selectedIn()).toEqual([null, 'added', null]);
    // The selected annotation moved to paragraph 9 (as an undo or a merged save may move it): its old paragraph's slice still holds it.
    const moved: DocumentAnnotation = { ...annotations[WORDS * 9 + 2], id: 'added', type: 'LOC' };
    act(() => documentActions.edit({ annotations: [...annotations.slice(0, WORDS * 9 + 2), moved, ...annotations.slice(WORDS * 9 + 2)] }));
    expect(selectedIn()).toEqual([null, null, 'added']);
    act(() => articleViewActions.selectAnnotation(null));
    expect(selectedIn()).toEqual([null, null, null]);
  });
});

describe('an article\'s paragraphs and pieces', () => {
  const fields = ({ index, start, end, text }: { index: number; start: number; end: number; text: string }) => ({ index, start, end, text });

  it('are one record per paragraph when no paragraph is cut: the pieces are the paragraphs', () => {
    const paragraphs = paragraphsOf(TEXT);
    expect(paragraphs.map(fields)).toEqual(splitParagraphs(TEXT).map(fields));
    expect(piecesOf(paragraphs)).toBe(paragraphs);
  });

  it('keep the paragraphs apart from the pieces when a long one is cut', () => {
    const text = `یک\n${'واژه '.repeat(PIECE_CHARACTERS)}\nدو`;
    const paragraphs = paragraphsOf(text);
    expect(paragraphs.map(fields)).toEqual(splitParagraphs(text).map(fields));
    const pieces = piecesOf(paragraphs);
    expect(pieces.length).toBeGreaterThan(paragraphs.length);
    expect(pieces.map((piece) => piece.text).join('')).toBe(paragraphs.map((paragraph) => paragraph.text).join(''));
  });
});
