import type { ParagraphChunk, TextPiece } from '../../../../../shared/text/paragraphChunks';
import { estimatedHeightEm, FAR_CHUNK_CLASS_NAME } from './ParagraphChunkView';

/**
 * The elements of the chunks never drawn near the view, made outside React (#25 heap): the same
 * element a far chunk's React element makes (its classes, the space it holds until laid out,
 * `data-offset` and its text as one text node), without a fiber, a React element, props and a
 * text slice kept for each of the 570 chunks of the 1 MB article. Made when a group first holds
 * the chunk, by index, once for a set of chunks.
 */
export interface FarChunkElements {
  elementOf: (index: number) => HTMLElement;
}

/**
 * Marks every element made here, for any set of chunks: told apart from React's in a group
 * (placeGroupChunks). A property of the element, not a WeakSet: V8 kept the WeakSet's table at
 * its largest, 64 KB after six opens of the 1 MB article.
 */
const MADE_OUTSIDE_REACT = Symbol('made outside React');

type MarkedElement = Element & { [MADE_OUTSIDE_REACT]?: true };

const madeOutsideReact = (element: Element): boolean => (element as MarkedElement)[MADE_OUTSIDE_REACT] === true;

export function farChunkElements(chunks: readonly ParagraphChunk[], pieces: readonly TextPiece[], text: string): FarChunkElements {
  const made: HTMLElement[] = [];
  return {
    elementOf(index) {
      let element = made[index];
      if (element === undefined) {
        const chunk = chunks[index];
        const start = pieces[chunk.first].start;
        element = document.createElement('div');
        element.className = FAR_CHUNK_CLASS_NAME;
        // Through the CSSOM, as React sets a style: the page's `style-src 'self'` policy refuses a
        // style attribute written as text (each refusal reported, about 0.7 ms a chunk, #17).
        element.style.containIntrinsicBlockSize = `auto ${estimatedHeightEm(chunk)}em`;
        element.setAttribute('data-offset', String(start));
        element.textContent = text.slice(start, pieces[chunk.end - 1].end);
        made[index] = element;
        (element as MarkedElement)[MADE_OUTSIDE_REACT] = true;
      }
      return element;
    },
  };
}

/**
 * Puts a group's chunk elements in order: `drawnByReact[i]` says whether the group's i-th chunk
 * (the article's `first + i`-th) is React's (its element is among the group's children, in
 * React's order), else its element is `far`'s. Elements made outside React that are not wanted
 * (a chunk React now draws, or made for chunks since replaced) are taken out first. React's
 * elements are never reordered among themselves, so React's own insertions stay right. Each run
 * of elements out of place goes in as one fragment: a group's 16 new chunks inserted one by one
 * into the page made each step of a long article's opening 2-3 times slower (#17: all of the
 * 100,000-annotation article in the page 0.6 s later), where React inserts a group built whole.
 */
export function placeGroupChunks(group: HTMLElement, drawnByReact: readonly boolean[], first: number, far: FarChunkElements): void {
  const wanted = drawnByReact.map((byReact, position) => (byReact ? null : far.elementOf(first + position)));
  const wantedFar = new Set<Element>(wanted.filter((element): element is HTMLElement => element !== null));
  for (const child of Array.from(group.children)) if (madeOutsideReact(child) && !wantedFar.has(child)) child.remove();
  const reacts = Array.from(group.children).filter((child) => !madeOutsideReact(child));
  let next = 0;
  let cursor = group.firstElementChild;
  let pending: Element[] = [];
  const insertPending = () => {
    if (pending.length === 1) group.insertBefore(pending[0], cursor);
    else if (pending.length > 1) {
      const run = document.createDocumentFragment();
      run.append(...pending);
      group.insertBefore(run, cursor);
    }
    pending = [];
  };
  for (const element of wanted) {
    const placed = element ?? reacts[next++];
    if (placed === undefined) continue;
    if (placed === cursor) {
      insertPending();
      cursor = cursor.nextElementSibling;
    } else pending.push(placed);
  }
  insertPending();
}
