// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE_PROPERTY, ChunkSizes, SIZED_CHUNK_CLASS, contentBlockSize } from './chunkRelayoutRoots';

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

/** jsdom lays nothing out: each element is given a box from its `data-top` and `data-bottom`. */
function boxFrom(element: Element): DOMRect {
  const top = Number((element as HTMLElement).dataset.top ?? 0);
  const bottom = Number((element as HTMLElement).dataset.bottom ?? top);
  return { top, bottom, height: bottom - top, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) };
}

/** A chunk at `top` whose paragraphs end at the given bottoms, each with a 5.7 px margin below, and its chip layer. */
function chunkAt(top: number, bottoms: number[]): HTMLElement {
  const chunk = document.createElement('div');
  chunk.className = 'paragraph-chunk';
  chunk.dataset.top = String(top);
  let start = top;
  for (const bottom of bottoms) {
    const paragraph = document.createElement('p');
    paragraph.style.marginBlockEnd = '5.7px';
    paragraph.dataset.top = String(start);
    paragraph.dataset.bottom = String(bottom);
    chunk.append(paragraph);
    start = bottom + 5.7;
  }
  const chips = document.createElement('div');
  chips.className = 'label-chips';
  chunk.append(chips);
  document.body.append(chunk);
  return chunk;
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

describe('contentBlockSize', () => {
  it('is the end of the last paragraph\'s margin box, the chip layer aside', () => {
    expect(contentBlockSize(chunkAt(100, [160, 300.5]))).toBe(300.5 + 5.7 - 100);
  });

  it('is null for a chunk holding text alone', () => {
    const chunk = document.createElement('div');
    chunk.textContent = 'متن';
    expect(contentBlockSize(chunk)).toBeNull();
  });
});

describe('ChunkSizes', () => {
  it('writes a shown chunk\'s height once its paragraphs are measured, and again when one is resized', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, [50, 120]);
    sizes.shownChanged(chunk, false);
    expect([...watched]).toEqual(paragraphsOf(chunk));
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    report(paragraphsOf(chunk));
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(true);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe(`${120 + 5.7}px`);
    // A narrower column: the last paragraph wraps onto another line.
    paragraphsOf(chunk)[1].dataset.bottom = '170';
    report([paragraphsOf(chunk)[1]]);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe(`${170 + 5.7}px`);
  });

  it('leaves a chunk the browser skips, and a far chunk drawn as its text, unsized and unwatched', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, [50]);
    sizes.hold(chunk);
    expect(watched.size).toBe(0);
    sizes.shownChanged(chunk, false);
    report(paragraphsOf(chunk));
    sizes.shownChanged(chunk, true);
    expect(watched.size).toBe(0);
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe('');
    const far = chunkAt(200, []);
    far.classList.add('far');
    far.textContent = 'متن دور';
    sizes.shownChanged(far, false);
    expect(watched.size).toBe(0);
    expect(far.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
  });

  it('unsizes a chunk whose paragraphs went (drawn far) and sizes it again when they are drawn back', () => {
    const sizes = new ChunkSizes();
    const chunk = chunkAt(0, [50, 90]);
    sizes.shownChanged(chunk, false);
    report(paragraphsOf(chunk));
    const gone = paragraphsOf(chunk);
    chunk.replaceChildren('متن دور');
    chunk.classList.add('far');
    report(gone);
    expect(watched.size).toBe(0);
    expect(chunk.classList.contains(SIZED_CHUNK_CLASS)).toBe(false);
    chunk.classList.remove('far');
    chunk.replaceChildren();
    chunk.append(...chunkAt(0, [70]).children);
    sizes.hold(chunk);
    expect([...watched]).toEqual(paragraphsOf(chunk));
    report(paragraphsOf(chunk));
    expect(chunk.style.getPropertyValue(CHUNK_SIZE_PROPERTY)).toBe(`${70 + 5.7}px`);
  });
});
