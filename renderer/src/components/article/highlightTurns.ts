import { useEffect, useState } from 'react';
import { useArticleViewStore } from '../../store/articleViewStore';

/**
 * (#17) New highlight elements a frame may bring while an article is shown from the first page
 * of its annotations. The 100,000-annotation bench article nests about eight `<mark>`s per
 * annotation: the one chunk its first frame drew held 729 of them (with their chips, 1,651
 * elements styled), and that frame's style, layout and paint were the open's longest task
 * (119-128 ms of CPU at load 9-12, session 15). A paragraph is never cut: one whose highlights
 * alone pass the budget is drawn whole, alone in its frame.
 */
export const HIGHLIGHTS_PER_FRAME = 200;

interface WaitingParagraph {
  highlights: number;
  draw: () => void;
}

/** Runs `turn` in a task after the next frame is rendered (a timer set in an animation-frame callback). */
export type AfterNextFrame = (turn: () => void) => void;

const afterNextFrame: AfterNextFrame = (turn) => {
  requestAnimationFrame(() => setTimeout(turn, 0));
};

/**
 * Paragraphs share the frame's budget in the order they asked: the first ones drawn when they
 * are rendered, the others, waiting, drawn in the tasks after the next frames, a budget's
 * worth after each frame.
 */
export class HighlightTurns {
  private spent = 0;
  private readonly waiting: WaitingParagraph[] = [];
  private turnAsked = false;
  /** A paragraph was refused in this frame: the ones after it wait too, so they come in the order asked. */
  private closed = false;

  constructor(
    private readonly budget: number,
    private readonly afterFrame: AfterNextFrame,
  ) {}

  /** Whether `highlights` fit in this frame's budget (taken if so); the first paragraph of a frame always fits. */
  drawNow(highlights: number): boolean {
    if (this.closed || this.waiting.length > 0 || !this.fits(highlights)) {
      this.closed = true;
      this.askTurn();
      return false;
    }
    this.spent += highlights;
    this.askTurn();
    return true;
  }

  /** Queues a paragraph that did not fit; `draw` runs in its turn. Returns the cancel (the paragraph left the page). */
  waitForTurn(highlights: number, draw: () => void): () => void {
    const entry = { highlights, draw };
    this.waiting.push(entry);
    this.askTurn();
    return () => {
      const index = this.waiting.indexOf(entry);
      if (index >= 0) this.waiting.splice(index, 1);
    };
  }

  private fits(highlights: number): boolean {
    return this.spent === 0 || this.spent + highlights <= this.budget;
  }

  private askTurn(): void {
    if (this.turnAsked) return;
    this.turnAsked = true;
    this.afterFrame(() => this.turn());
  }

  /** A new frame's budget: the waiting paragraphs that fit in it are drawn (one render: React batches their updates). */
  private turn(): void {
    this.turnAsked = false;
    this.spent = 0;
    this.closed = false;
    const released: WaitingParagraph[] = [];
    while (this.waiting.length > 0 && this.fits(this.waiting[0].highlights)) {
      const next = this.waiting.shift() as WaitingParagraph;
      this.spent += next.highlights;
      released.push(next);
    }
    for (const paragraph of released) paragraph.draw();
    if (this.spent > 0) this.askTurn();
  }
}

const articleTurns = new HighlightTurns(HIGHLIGHTS_PER_FRAME, afterNextFrame);

/** Set while `drawingInTurns` renders. */
let turnsAsked = false;

/**
 * Runs `draw` (a synchronous render, `flushSync`) with the paragraphs it first renders drawing
 * their highlights in turns, whether or not the article is editable (#17): a chunk drawn near
 * the view, off screen, once the whole list of the 100,000-annotation article is read brought
 * all its highlights in one frame (six paragraphs of about 240 marks, 60-100 ms of CPU, after
 * the open's first second on a quiet machine). A render outside it (an edit, a tag key's chunk)
 * draws a waiting paragraph at once.
 */
export function drawingInTurns<T>(draw: () => T): T {
  const before = turnsAsked;
  turnsAsked = true;
  try {
    return draw();
  } finally {
    turnsAsked = before;
  }
}

/** While the article is not editable yet, or inside `drawingInTurns`: a tagging is never painted a frame late. */
function drawnInTurns(): boolean {
  return turnsAsked || useArticleViewStore.getState().article?.annotationsIncomplete === true;
}

/**
 * Whether a paragraph draws its `highlights` highlight elements now (see HIGHLIGHTS_PER_FRAME).
 * A paragraph that waits shows its text alone until its turn; once the article is editable,
 * any render of it outside `drawingInTurns` draws them.
 */
export function useHighlightTurn(highlights: number, turns: HighlightTurns = articleTurns): boolean {
  const [turnCame, setTurnCame] = useState(() => highlights === 0 || !drawnInTurns() || turns.drawNow(highlights));
  // A paragraph that waits is rendered again only for its turn or a change of its own (an edit):
  // read once at that render, so an edit draws it in the key's frame.
  const waits = !turnCame && highlights > 0 && drawnInTurns();
  useEffect(() => {
    if (!waits) return;
    return turns.waitForTurn(highlights, () => setTurnCame(true));
  }, [waits, highlights, turns]);
  return !waits;
}
