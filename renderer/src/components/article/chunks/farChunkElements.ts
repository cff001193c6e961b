import type { ParagraphChunk, TextPiece } from '../../../../../shared/text/paragraphChunks';
import { estimatedHeightEm, FAR_CHUNK_CLASS_NAME } from './ParagraphChunkView';

/**
 * The elements of the chunks never drawn near the view, made outside React (#25 heap): the same
 * element a far chunk's React element makes (its classes, the space it holds until laid out,
 * `data-offset` and its text as one text node), without a fiber, a React element, props, a
 * style object and a text slice for each of the 570 chunks of the 1 MB article. Made when a
 * group first holds the chunk, by index, once for a set of chunks.
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
        // Attributes, not `style` and `dataset`: those would each keep an object for the element.
        element.setAttribute('class', FAR_CHUNK_CLASS_NAME);
        element.setAttribute('style', `contain-intrinsic-block-size: auto ${estimatedHeightEm(chunk)}em;`);
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
 * elements are never reordered among themselves, so React's own insertions stay right.
 */
export function placeGroupChunks(group: HTMLElement, drawnByReact: readonly boolean[], first: number, far: FarChunkElements): void {
  const wanted = drawnByReact.map((byReact, position) => (byReact ? null : far.elementOf(first + position)));
  const wantedFar = new Set<Element>(wanted.filter((element): element is HTMLElement => element !== null));
  for (const child of Array.from(group.children)) if (madeOutsideReact(child) && !wantedFar.has(child)) child.remove();
  const reacts = Array.from(group.children).filter((child) => !madeOutsideReact(child));
  let next = 0;
  wanted.forEach((element, position) => {
    const placed = element ?? reacts[next++];
    const there = group.children[position] ?? null;
    if (placed !== undefined && placed !== there) group.insertBefore(placed, there);
  });
}
