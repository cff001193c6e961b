import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';
import { PARAGRAPH_SELECTOR } from './selectionOffsets';

const MAX_FRAMES = 180;

/**
 * Long articles are rendered progressively; resolves with the article root once the paragraph
 * holding `offset` is in the page (or null if it never comes within a few seconds).
 */
export async function whenOffsetRendered(offset: Utf16Offset): Promise<HTMLElement | null> {
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    const root = document.querySelector<HTMLElement>('[data-testid="article"]');
    const paragraphs = root?.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR);
    const last = paragraphs?.[paragraphs.length - 1];
    if (root && last && Number(last.dataset.offset) + (last.textContent?.length ?? 0) >= offset) return root;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}
