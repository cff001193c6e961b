import { useEffect } from 'react';
import { asUtf16Offset, type Utf16Offset } from '../../../../shared/anchoring/offsetUnits';
import { partitionPoint } from '../../../../shared/sortedSearch';
import { api } from '../../api';
import { PARAGRAPH_CHUNK_CLASS, PARAGRAPH_SELECTOR } from '../../dom/selectionOffsets';
import { whenOffsetRendered } from '../../dom/waitForOffset';
import { useArticleViewStore } from '../../store/articleViewStore';
import { CHUNK_GROUP_CLASS } from './chunks/articleChunks';

const REMEMBER_DELAY_MS = 800;

/** Index of the first of `elements` (in document order, so sorted on screen) whose bottom is below `top`, or the last. */
function firstEndingBelow(elements: ArrayLike<HTMLElement>, top: number): number {
  return Math.min(elements.length - 1, partitionPoint(elements.length, (index) => elements[index].getBoundingClientRect().bottom <= top));
}

/**
 * The document offset of the first paragraph visible at the top of the article view. The
 * group of chunks at the top is found first, then the chunk in it: searching paragraphs across
 * the whole article made the browser lay out a dozen off-screen chunks (80 ms on the 1 MB
 * article), and chunks across it as many skipped groups.
 */
export function topVisibleOffset(scroller: HTMLElement): Utf16Offset {
  const top = scroller.getBoundingClientRect().top;
  const groups = scroller.getElementsByClassName(CHUNK_GROUP_CLASS) as HTMLCollectionOf<HTMLElement>;
  const group = groups.length > 0 ? groups[firstEndingBelow(groups, top)] : scroller;
  const chunks = group.getElementsByClassName(PARAGRAPH_CHUNK_CLASS) as HTMLCollectionOf<HTMLElement>;
  const within = chunks.length > 0 ? chunks[firstEndingBelow(chunks, top)] : scroller;
  // A chunk far from the view (not drawn yet after a fast scroll) is one element with an offset of its own.
  if (within.matches(PARAGRAPH_SELECTOR)) return asUtf16Offset(Number(within.dataset.offset));
  const paragraphs = within.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR);
  return asUtf16Offset(paragraphs.length === 0 ? 0 : Number(paragraphs[firstEndingBelow(paragraphs, top)].dataset.offset));
}

/** The last paragraph (or far chunk) starting at or before `offset`. */
function elementHolding(root: HTMLElement, offset: number): HTMLElement | undefined {
  const paragraphs = root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR);
  const after = partitionPoint(paragraphs.length, (index) => Number(paragraphs[index].dataset.offset) <= offset);
  return after > 0 ? paragraphs[after - 1] : undefined;
}

/** Scrolls the article view so the paragraph holding `offset` is at the top (once it is rendered). */
export async function scrollToOffset(offset: number): Promise<void> {
  // The remembered reading position is what topVisibleOffset read from the DOM: UTF-16 units.
  const root = await whenOffsetRendered(asUtf16Offset(offset));
  if (!root) return;
  const scroller = root.closest<HTMLElement>('.article-scroller');
  if (!scroller) return;
  // Paragraphs above that were never laid out have estimated heights (content-visibility): they
  // settle as the view moves, so the scroll is repeated until the paragraph stays at the top.
  let userScrolled = false;
  const stop = () => {
    userScrolled = true;
  };
  scroller.addEventListener('wheel', stop, { once: true, passive: true });
  scroller.addEventListener('keydown', stop, { once: true });
  let steady = 0;
  for (let frame = 0; frame < SETTLE_FRAMES && !userScrolled && steady < STEADY_FRAMES; frame++) {
    // Found again in each frame: the far chunk holding the offset is replaced by its paragraphs once near.
    const target = elementHolding(root, offset);
    if (!target) return;
    const drift = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (Math.abs(drift) < 2) steady++;
    else {
      steady = 0;
      scroller.scrollTop += drift;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  scroller.removeEventListener('wheel', stop);
  scroller.removeEventListener('keydown', stop);
}

/** The view must hold still this many frames in a row before the restore is considered done. */
const STEADY_FRAMES = 10;

const SETTLE_FRAMES = 120;

/** Remembers where the reader is in the open article, so the next start reopens it there. */
export function useReadingPosition(): void {
  const articleId = useArticleViewStore((state) => state.article?.id ?? null);
  useEffect(() => {
    if (!articleId) return;
    const scroller = document.querySelector<HTMLElement>('.article-scroller');
    if (!scroller) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        void api().session.remember({ articleId, offset: topVisibleOffset(scroller) });
      }, REMEMBER_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      if (timer !== null) clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [articleId]);
}
