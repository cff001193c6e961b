// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE_PROPERTY, ChunkSizes, SIZED_CHUNK_CLASS } from './chunkRelayoutRoots';

/** The observer's callback and what it watches (jsdom has no ResizeObserver). */
let report: (targets: Element[]) => void = () => undefined;
const watched = new Set<Element>();

class FakeResizeObserver {
  constructor(callback: ResizeObserverCallback) {
    report = (targets) => callback(targets.map((target) => ({ target }) as ResizeObserverEntry), this as unknown as ResizeObserver);
  }
  observe(target: Element) {
    watched.add(target);
  }
  unobserve(target: Element) {
    watched.delete(target);
  }
  disconnect() {
    watched.clear();
  }
}

/**
 * jsdom lays nothing out: each element is given a box from its `data-top` and `data-bottom`, as
 * laid out by its content; a sized chunk is as tall as its written height.
 */
function boxFrom(element: Element): DOMRect {
  const top = Number((element as HTMLElement).dataset.top ?? 0);
  const written = element.classList.contains(SIZED_CHUNK_CLASS) ? Number.parseFloat((element as HTMLElement).style.height) : Number.NaN;
  const bottom = Number.isNaN(written) ? Number((element as HTMLElement).dataset.bottom ?? top) : top + written;
  return { top, bottom, height: bottom - top, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) };
}

/** A chunk at `top`, `height` tall as laid out, with `paragraphs` paragraphs and its chip layer. */
function chunkAt(top: number, height: number, paragraphs = 2): HTMLElement {
  const chunk = document.createElement('div');
  chunk.className = 'paragraph-chunk';
  setBox(chunk, top, height);
  for (let index = 0; index < paragraphs; index++) chunk.append(document.createElement('p'));
  const chips = document.createElement('div');
  chips.className = 'label-chips';
  chunk.append(chips);
  document.body.append(chunk);
  return chunk;
}

function setBox(element: HTMLElement, top: number, height: number): void {
  element.dataset.top = String(top);
  element.dataset.bottom = String(top + height);
}

const paragraphsOf = (chunk: HTMLElement) => Array.from(chunk.querySelectorAll('p'));

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return boxFrom(this);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  watched.clear();
  document.body.replaceChildren();
});

describe('ChunkSizes', () => {
  it('writes a shown chunk\'s height once its paragraphs are observed, and reads it afresh when one is resized', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, 125.6875);
    sizes.shownChanged(chunk, false);
    expect([...watched]).toEqual(paragraphsOf(chunk));
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    report(paragraphsOf(chunk));
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(true);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('125.6875px');
    // A narrower column: the last paragraph wraps onto another line, and the chunk, freed of its
    // written height, is laid out taller (a chunk still sized reads as its written height).
    setBox(chunk, 0, 175.6875);
    report([paragraphsOf(chunk)[1]]);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('175.6875px');
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(true);
  });

  it('leaves a chunk the browser skips, and a far chunk drawn as its text, unsized and unwatched', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, 50);
    sizes.hold(chunk);
    expect(watched.size).toBe(0);
    sizes.shownChanged(chunk, false);
    report(paragraphsOf(chunk));
    sizes.shownChanged(chunk, true);
    expect(watched.size).toBe(0);
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('');
    const far = chunkAt(200, 80, 0);
    far.classList.add('far');
    far.textContent = 'متن دور';
    sizes.shownChanged(far, false);
    expect(watched.size).toBe(0);
    expect(far.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
  });

  it('unsizes a chunk whose paragraphs went (drawn far) and sizes it again when they are drawn back', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, 90);
    sizes.shownChanged(chunk, false);
    report(paragraphsOf(chunk));
    const gone = paragraphsOf(chunk);
    chunk.replaceChildren('متن دور');
    chunk.classList.add('far');
    report(gone);
    expect(watched.size).toBe(0);
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('');
    chunk.classList.remove('far');
    chunk.replaceChildren(document.createElement('p'));
    setBox(chunk, 0, 70);
    sizes.hold(chunk);
    expect([...watched]).toEqual(paragraphsOf(chunk));
    report(paragraphsOf(chunk));
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('70px');
  });
});
