import { useEffect } from 'react';
import { api } from '../api';
import { useSessionStore } from '../store/sessionStore';

const REMEMBER_DELAY_MS = 800;

/** The document offset of the first paragraph visible at the top of the article view. */
export function topVisibleOffset(scroller: HTMLElement): number {
  const top = scroller.getBoundingClientRect().top;
  const paragraphs = scroller.querySelectorAll<HTMLElement>('[data-offset]');
  let low = 0;
  let high = paragraphs.length - 1;
  // Paragraphs are in document order, so their positions on screen are sorted: binary search.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (paragraphs[middle].getBoundingClientRect().bottom <= top) low = middle + 1;
    else high = middle;
  }
  return paragraphs.length === 0 ? 0 : Number(paragraphs[low].dataset.offset);
}

/** Scrolls the article view so the paragraph holding `offset` is at the top. */
export function scrollToOffset(offset: number): void {
  const paragraphs = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]'));
  const target = [...paragraphs].reverse().find((paragraph) => Number(paragraph.dataset.offset) <= offset);
  target?.scrollIntoView({ block: 'start' });
}

/** Remembers where the reader is in the open article, so the next start reopens it there. */
export function useReadingPosition(): void {
  const articleId = useSessionStore((state) => state.article?.id ?? null);
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
