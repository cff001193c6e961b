import type { Utf16Offset } from '../../../shared/anchoring/offsetUnits';
import { rangesForOffsets } from './rangesForOffsets';
import { revealRange, scrollRangeIntoView } from './scrollRangeIntoView';

interface PlacedAnnotation {
  id: string;
  /** UTF-16 offsets in the document text, as the article view uses them. */
  start: Utf16Offset;
  end: Utf16Offset;
}

/**
 * Scrolls the article to an annotation. Its highlight may not be drawn yet: in an article with
 * very many annotations, only chunks near the view draw theirs (ArticleView). Then the view
 * goes to its text, and the chunk draws the highlight once it is near.
 */
export function revealAnnotation(annotation: PlacedAnnotation, block: 'center' | 'nearest'): void {
  const root = document.querySelector<HTMLElement>('[data-testid="article"]');
  if (!root) return;
  const mark = root.querySelector(`[data-annotation-id="${CSS.escape(annotation.id)}"]`);
  if (mark) {
    mark.scrollIntoView({ block });
    return;
  }
  const [range] = rangesForOffsets(root, [annotation]);
  if (!range) return;
  if (block === 'center') void scrollRangeIntoView(range);
  else revealRange(range);
}
