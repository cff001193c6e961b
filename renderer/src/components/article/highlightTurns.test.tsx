// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';
import { articleViewActions, type OpenArticle } from '../../store/articleViewStore';
import { documentActions } from '../../store/documentStore';
import { piecesOf } from '../../store/paragraphSlices';
import type { TextPiece } from '../../../../shared/text/paragraphChunks';
import { drawingInTurns, HighlightTurns, useHighlightTurn } from './highlightTurns';
import { paragraphElement } from './ParagraphView';

/** Frames run by hand: each entry is a turn waiting for "the task after the next frame". */
function manualFrames() {
  const turns: (() => void)[] = [];
  const afterFrame = (turn: () => void) => void turns.push(turn);
  const nextFrame = () => {
    const due = turns.splice(0);
    for (const turn of due) turn();
  };
  return { afterFrame, nextFrame, pending: () => turns.length };
}

describe('HighlightTurns: highlight elements a frame may bring (#17)', () => {
  it('draws what fits now, the rest a budget per frame in the order asked; one paragraph over the budget comes alone', () => {
    const frames = manualFrames();
    const turns = new HighlightTurns(200, frames.afterFrame);
    const drawn: string[] = [];
    expect(turns.drawNow(120)).toBe(true);
    expect(turns.drawNow(70)).toBe(true);
    expect(turns.drawNow(30)).toBe(false);
    turns.waitForTurn(30, () => drawn.push('c'));
    // Later paragraphs never pass one that waits, even when they would fit.
    expect(turns.drawNow(5)).toBe(false);
    turns.waitForTurn(5, () => drawn.push('d'));
    turns.waitForTurn(450, () => drawn.push('big'));
    turns.waitForTurn(10, () => drawn.push('e'));
    expect(drawn).toEqual([]);
    frames.nextFrame();
    expect(drawn).toEqual(['c', 'd']);
    frames.nextFrame();
    expect(drawn).toEqual(['c', 'd', 'big']);
    frames.nextFrame();
    expect(drawn).toEqual(['c', 'd', 'big', 'e']);
    // The budget of the frame that brings 'e' is reset after it; then nothing is asked.
    frames.nextFrame();
    expect(frames.pending()).toBe(0);
    expect(turns.drawNow(200)).toBe(true);
  });

  it('forgets a paragraph that left the page before its turn', () => {
    const frames = manualFrames();
    const turns = new HighlightTurns(100, frames.afterFrame);
    const drawn: string[] = [];
    expect(turns.drawNow(100)).toBe(true);
    const cancel = turns.waitForTurn(50, () => drawn.push('left'));
    turns.waitForTurn(50, () => drawn.push('stays'));
    cancel();
    frames.nextFrame();
    expect(drawn).toEqual(['stays']);
  });
});

const PARAGRAPHS = ['علی در تهران بود.', 'خبر دوم از شیراز.', 'سوم در مشهد.'];
const TEXT = PARAGRAPHS.join('\n');

/** Each paragraph's first word tagged, nested `depth` deep (one `<mark>` per span over it). */
function annotationsNested(depth: number): DocumentAnnotation[] {
  const annotations: DocumentAnnotation[] = [];
  let start = 0;
  for (const [index, paragraph] of PARAGRAPHS.entries()) {
    const word = paragraph.split(' ')[0];
    for (let level = 0; level < depth; level++) annotations.push({ id: `A${index}-${level}`, type: 'LOC', start, end: start + word.length, text: word } as DocumentAnnotation);
    start += paragraph.length + 1;
  }
  return annotations;
}

function open(annotations: DocumentAnnotation[], incomplete: boolean): TextPiece[] {
  const paragraphs = splitParagraphs(TEXT);
  const article: OpenArticle = { id: 'a.txt', name: 'a.txt', text: TEXT, sha256: 'x', encoding: 'utf-8', encodingGuessed: false, paragraphs, converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null };
  if (incomplete) articleViewActions.showArticleWhileLoading({ ...article, annotationsIncomplete: true });
  else articleViewActions.showArticle(article);
  documentActions.load({ articleId: 'a.txt', annotations, relations: [], labels: [], status: 'in-progress' });
  return piecesOf(paragraphs);
}

const appearance = () => ({ color: '#f00', label: 'Place' });
const marksPerParagraph = (container: HTMLElement) => Array.from(container.querySelectorAll('p')).map((paragraph) => paragraph.querySelectorAll('mark').length);

afterEach(cleanup);

describe('paragraphs of an article opened from its first page draw their highlights in turns (#17)', () => {
  it('while not editable, a paragraph past the budget shows its text alone until a later frame', () => {
    const pieces = open(annotationsNested(150), true);
    const frames = manualFrames();
    const turns = new HighlightTurns(200, frames.afterFrame);
    function Probe({ highlights }: { highlights: number }) {
      return useHighlightTurn(highlights, turns) ? 'drawn' : 'waits';
    }
    const { container } = render(
      <>
        <Probe highlights={150} />|<Probe highlights={150} />|<Probe highlights={40} />
      </>,
    );
    expect(container.textContent).toBe('drawn|waits|waits');
    act(() => frames.nextFrame());
    expect(container.textContent).toBe('drawn|drawn|drawn');
    expect(pieces).toHaveLength(3);
  });

  it('the paragraph element: the first paragraph with every mark, the next ones their text alone, then their marks after frames', async () => {
    const pieces = open(annotationsNested(150), true);
    const { container } = render(<>{pieces.map((piece) => paragraphElement(piece, appearance))}</>);
    expect(marksPerParagraph(container)).toEqual([150, 0, 0]);
    expect(Array.from(container.querySelectorAll('p')).map((paragraph) => paragraph.textContent)).toEqual(PARAGRAPHS);
    // Real frames (jsdom's animation frames): every paragraph has its marks within a few.
    await act(async () => {
      for (let frame = 0; frame < 6; frame++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    });
    expect(marksPerParagraph(container)).toEqual([150, 150, 150]);
  });

  it('once editable, paragraphs first rendered inside drawingInTurns (a chunk off screen) draw in turns, and one still waiting draws at its next render (an edit)', () => {
    open(annotationsNested(150), false);
    const frames = manualFrames();
    const turns = new HighlightTurns(200, frames.afterFrame);
    function Probe({ highlights, edit }: { highlights: number; edit: number }) {
      return `${useHighlightTurn(highlights, turns) ? 'drawn' : 'waits'}${edit}`;
    }
    const view = render(<><Probe highlights={150} edit={0} />|<Probe highlights={150} edit={0} />|<Probe highlights={150} edit={0} /></>);
    expect(view.container.textContent).toBe('drawn0|drawn0|drawn0');
    view.unmount();
    const inTurns = drawingInTurns(() => render(<><Probe highlights={150} edit={0} />|<Probe highlights={150} edit={0} />|<Probe highlights={150} edit={0} /></>));
    expect(inTurns.container.textContent).toBe('drawn0|waits0|waits0');
    act(() => frames.nextFrame());
    expect(inTurns.container.textContent).toBe('drawn0|drawn0|waits0');
    // The third paragraph rendered again for an edit of its own, before its turn: drawn in that render.
    inTurns.rerender(<><Probe highlights={150} edit={0} />|<Probe highlights={150} edit={0} />|<Probe highlights={150} edit={1} /></>);
    expect(inTurns.container.textContent).toBe('drawn0|drawn0|drawn1');
    act(() => frames.nextFrame());
    expect(frames.pending()).toBe(0);
  });

  it('once the article is editable, every paragraph draws its highlights at once', () => {
    const pieces = open(annotationsNested(150), false);
    const { container } = render(<>{pieces.map((piece) => paragraphElement(piece, appearance))}</>);
    expect(marksPerParagraph(container)).toEqual([150, 150, 150]);
  });
});
